// Small habits of published tables the generated variants do not all show: `部门名称：…` above the table,
// 指标性质 written 定量 (the
// comparison is in 指标值), a self-evaluation whose goal row has no 预期目标 | 实际完成情况 heads, the
// section label 年度绩效指标, and `—` in 分值/得分 (read as blank and said, never a text score).
import { describe, expect, it } from 'vitest';
import { importOffice, type ImportResult } from '../../src-shared/import';
import { docxBody, docxBytes, type DocxRow } from './build';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

describe('指标性质 定量 in a structured list', () => {
  const rows: DocxRow[] = [
    ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
    ['县卫健局', '家庭医生签约', '50', '签约服务', '产出指标', '数量指标', '签约人数', '定量', '≥12', '万人', '50', '正向指标'],
    ['', '', '', '', '满意度指标', '服务对象满意度指标', '满意度', '定量', '90', '%', '50', '正向指标'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['部门名称：苍溪县卫生健康局\t单位：万元', rows])), 'q.docx'));
  it('部门名称：… names the department (the label is not part of the name)', () => {
    expect([r.document.meta.deptCode, r.document.meta.deptName]).toEqual(['', '苍溪县卫生健康局']);
  });
  it('takes the comparison from 指标值 and says so', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.projects[0].indicators.map((i) => [i.operator, i.number, i.unit, i.value])).toEqual([['≥', '12', '万人', '≥12万人'], ['', '90', '%', '90%']]);
    expect(r.report.mapped).toContain('表格 1 第 2 行：指标性质「定量」：比较符取自指标值');
  });
});

describe('self-evaluation: 年度目标 without heads, 年度绩效指标, — scores', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '乡村道路养护', span: 5 }],
    ['主管部门', { text: '县交通局', span: 2 }, '实施单位', { text: '县公路中心', span: 2 }],
    ['年度目标', { text: '养护乡村道路120公里。', span: 5 }],
    [{ text: '年度绩效指标', vMerge: 'restart' }, '一级指标', '三级指标', '年度指标值', '实际完成值', '得分'],
    [{ vMerge: 'continue' }, '产出指标', '养护里程', '≥120公里', '125公里', '—'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', rows])), 'q.docx'));
  const se = r.document.projects[0].selfeval!;
  it('reads the goal and the indicator; the dash is a blank score, said in the report', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(se.goal).toBe('养护乡村道路120公里。');
    expect(se.indicators.map((i) => [i.name, i.target, i.actual, i.score, i.scoreText])).toEqual([['养护里程', '≥120公里', '125公里', '', undefined]]);
    expect(r.report.mapped).toContain('表格 1 第 5 行：得分「—」读作空白');
  });
});

describe('88号 grid whose 三级指标 head spans two columns', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '农村公路养护', span: 4 }],
    ['主管部门', { text: '县交通局', span: 2 }, '实施单位', '县公路中心'],
    ['一级指标', '二级指标', { text: '三级指标', span: 2 }, '指标值'],
    ['产出指标', '数量指标', '养护里程', '全年养护县乡道路里程', '≥120公里'],
    ['', '质量指标', { text: '优良路率', span: 2 }, '≥80%'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '（2022年度）', rows])), 'q.docx'));
  it('the second cell under 三级指标 is the indicator description', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value])).toEqual([
      ['产出指标', '数量指标', '养护里程', '全年养护县乡道路里程', '≥120公里'], ['产出指标', '质量指标', '优良路率', '', '≥80%'],
    ]);
  });
});

describe('two labels of one header field (项目类别 and 项目性质)', () => {
  const rows: DocxRow[] = [
    ['项目名称', '办公大楼运行保障', '项目类别', '本级支出项目', '项目性质', '持续性项目'],
    ['主管部门', '市机关事务服务中心', '实施单位', { text: '市机关事务服务中心', span: 3 }],
    ['一级指标', '二级指标', '三级指标', { text: '指标值', span: 3 }],
    ['产出指标', '数量指标', '维修维护次数', { text: '≥280次', span: 3 }],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['2022年项目支出绩效目标表', rows])), 'q.docx'));
  it('keeps the first in 项目属性 and lists the second with its reason', () => {
    expect(r.document.projects[0].attribute).toBe('本级支出项目');
    expect(r.report.unplaced).toEqual([{ sheet: '表格 1', row: 1, column: 6, text: '持续性项目', reason: '项目性质：文档中只有一个对应字段，已取自「项目类别」' }]);
  });
});

describe('header labels and values in one cell (项目名称：…)', () => {
  const rows: DocxRow[] = [
    [{ text: '项目名称：城区绿化提升', span: 4 }],
    [{ text: '主管部门：县住建局', span: 2 }, { text: '实施单位：县园林所', span: 2 }],
    [{ text: '年度资金总额：120', span: 2 }, { text: '其中：财政拨款：100', span: 1 }, '其他资金：20'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '新增绿地面积', '≥2万平方米'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '（2022年度）', '单位：万元', rows])), 'q.docx'));
  it('splits each cell into its label and value', () => {
    expect(r.report.unplaced).toEqual([]);
    const p = r.document.projects[0];
    expect([p.name, p.authority, p.implementer, p.budget, p.fiscal, p.other, p.indicators.length]).toEqual(['城区绿化提升', '县住建局', '县园林所', '120', '100', '20', 1]);
  });
});

describe('a 序号 column in a structured list', () => {
  const rows: DocxRow[] = [
    ['序号', '单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
    ['1', '县卫健局', '家庭医生签约', '50', '签约服务', '产出指标', '数量指标', '签约人数', '≥', '12', '万人', '50', '正向指标'],
    ['2', '县卫健局', '家庭医生签约', '50', '签约服务', '满意度指标', '服务对象满意度指标', '满意度', '≥', '90', '%', '50', '正向指标'],
    ['3、', '县卫健局', '妇幼保健', '20', '保健服务', '产出指标', '数量指标', '孕检人数', '≥', '2000', '人', '100', '正向指标'],
    ['甲', '', '', '', '', '', '', '筛查率', '≥', '95', '%', '', ''],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['单位：万元', rows])), 'q.docx'));
  it('row numbers are not imported (said once); a 序号 cell that is not a number is listed', () => {
    expect(r.document.projects.map((p) => [p.name, p.indicators.map((i) => i.name)])).toEqual([['家庭医生签约', ['签约人数', '满意度']], ['妇幼保健', ['孕检人数', '筛查率']]]);
    expect(r.report.mapped).toContain('表格 1 第 1 行：「序号」列是行号，不导入');
    expect(r.report.unplaced).toEqual([{ sheet: '表格 1', row: 5, column: 1, text: '甲', reason: '序号列中不是序号' }]);
  });
});

describe('单位名称 above the 项目名称 of a self-evaluation', () => {
  const rows: DocxRow[] = [
    ['单位名称', { text: '县交通局', span: 4 }],
    ['项目名称', { text: '乡村道路养护', span: 4 }],
    ['主管部门', '县交通局', '实施单位', { text: '县公路中心', span: 2 }],
    [{ text: '绩效指标', vMerge: 'restart' }, '一级指标', '三级指标', '年度指标值', '实际完成值'],
    [{ vMerge: 'continue' }, '产出指标', '养护里程', '≥120公里', '125公里'],
  ];
  const r = ok(importOffice(docxBytes(docxBody([rows])), 'q.docx'));
  it('does not make it a target table: the self-evaluation starts at 项目名称', () => {
    expect(r.report.tables.map((t) => [t.kind, t.name])).toEqual([['selfeval', '乡村道路养护']]);
    expect(r.report.unplaced.map((u) => u.text)).toEqual(['单位名称', '县交通局']);
  });
});

describe('总体目标 | 年度目标 as two column heads, the texts in the row below', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '城区绿化提升', span: 3 }],
    ['主管部门', '县住建局', '实施单位', '县园林所'],
    [{ text: '总体目标', span: 2 }, { text: '年度目标', span: 2 }],
    [{ text: '三年新增绿地6万平方米。', span: 2 }, { text: '新增绿地2万平方米。', span: 2 }],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '新增绿地面积', '≥2万平方米'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '（2022年度）', rows])), 'q.docx'));
  it('each text goes to its goal', () => {
    expect(r.report.unplaced).toEqual([]);
    expect([r.document.projects[0].overallGoal, r.document.projects[0].goal]).toEqual(['三年新增绿地6万平方米。', '新增绿地2万平方米。']);
  });
});

describe('a year line without brackets', () => {
  const rows: DocxRow[] = [['项目名称', '城区绿化提升'], ['主管部门', '县住建局'], ['一级指标', '三级指标'], ['产出指标', '新增绿地面积']];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '2021 年度', rows])), 'q.docx'));
  it('gives the year and is not unplaced', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta.year).toBe(2021);
    expect(r.report.mapped).toContain('年度行「2021 年度」（正文 第 2 行）');
  });
});

describe('an 88号 form with only 项目名称, 项目资金 and 年度目标 above the grid', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '城区绿化提升', span: 3 }],
    [{ text: '项目资金（万元）', vMerge: 'restart' }, '年度资金总额', { text: '120', span: 2 }],
    [{ vMerge: 'continue' }, '其中：财政拨款', { text: '120', span: 2 }],
    ['年度目标', { text: '新增绿地2万平方米。', span: 3 }],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '新增绿地面积', '≥2万平方米'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['绩效目标申报表', '（2023年度）', rows])), 'q.docx'));
  it('takes the 88号 form (its 项目资金 block), not the Hebei default', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta.templateId).toBe('national-88-project');
  });
});

describe('the unit in brackets: （单位：元）', () => {
  const rows: DocxRow[] = [['项目名称', '城区绿化提升'], ['年度资金总额', '1200000'], ['一级指标', '三级指标'], ['产出指标', '新增绿地面积']];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '填报单位：县住建局\t（单位：元）', rows])), 'q.docx'));
  it('is the table unit', () => {
    expect(r.report.unplaced).toEqual([]);
    expect([r.document.meta.unit, r.document.meta.deptName, r.document.projects[0].budget]).toEqual(['元', '县住建局', '1200000']);
  });
});

describe('self-evaluation foot rows: 总计 and 自评等级 优秀', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '乡村道路养护', span: 4 }],
    ['主管部门', '县交通局', '实施单位', { text: '县公路中心', span: 2 }],
    [{ text: '绩效指标', vMerge: 'restart' }, '一级指标', '三级指标', '实际完成值', '分值', '得分'],
    [{ vMerge: 'continue' }, '产出指标', '养护里程', '125公里', '90', '88'],
    [{ text: '总计', span: 4 }, '90', '88分'],
    [{ text: '自评等级', span: 5 }, '优秀'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', rows])), 'q.docx'));
  it('reads the total and the grade, the spelt-out grade noted', () => {
    expect(r.report.unplaced).toEqual([]);
    const se = r.document.projects[0].selfeval!;
    expect([se.total, se.grade]).toEqual(['88', '优']);
    expect(r.report.warnings).toContain('表格 1 第 6 行：评价等级「优秀」已记为「优」。');
  });
});

describe('self-evaluation 基本情况 with 单位名称 beside 项目名称', () => {
  const rows: DocxRow[] = [
    ['项目名称', '乡村道路养护', '单位名称', { text: '县公路中心', span: 2 }],
    ['主管部门', { text: '县交通局', span: 4 }],
    [{ text: '绩效指标', vMerge: 'restart' }, '一级指标', '三级指标', '实际完成值', '得分'],
    [{ vMerge: 'continue' }, '产出指标', '养护里程', '125公里', '88'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', rows])), 'q.docx'));
  it('单位名称 is the 实施单位', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.projects[0].selfeval!.implementer).toBe('县公路中心');
  });
});

describe('a self-evaluation title with the department and year in front', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '乡村道路养护', span: 3 }],
    ['主管部门', '县交通局', '实施单位', '县公路中心'],
    [{ text: '绩效指标', vMerge: 'restart' }, '一级指标', '三级指标', '得分'],
    [{ vMerge: 'continue' }, '产出指标', '养护里程', '88'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['竹溪县交通运输局2022年度项目支出绩效自评表', rows])), 'q.docx'));
  it('is the title; the year comes from it', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta.year).toBe(2022);
    expect(r.report.mapped).toContain('标题「竹溪县交通运输局2022年度项目支出绩效自评表」（正文 第 1 行）');
  });
});

describe('指标值 over 中期 | 年度 on a second header row', () => {
  const rows: DocxRow[] = [
    ['项目名称', { text: '学前教育发展资金', span: 4 }],
    ['主管部门', '区教育局', '实施单位', { text: '区公办幼儿园', span: 2 }],
    [{ text: '一级指标', vMerge: 'restart' }, { text: '二级指标', vMerge: 'restart' }, { text: '三级指标', vMerge: 'restart' }, { text: '指标值', span: 2 }],
    [{ vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, '中期', '年度'],
    ['产出指标', '数量指标', '在园幼儿数', '≥9000人', '≥3000人'],
    ['', '质量指标', '保教质量合格率', '', '100%'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '（2023年度）', rows])), 'q.docx'));
  it('gives one indicator per filled value, scope 总体 and 年度', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.projects[0].indicators.map((i) => [i.level2, i.name, i.value, i.scope])).toEqual([
      ['数量指标', '在园幼儿数', '≥9000人', '总体'], ['数量指标', '在园幼儿数', '≥3000人', '年度'], ['质量指标', '保教质量合格率', '100%', '年度'],
    ]);
  });
});
