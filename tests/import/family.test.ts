// The table family is decided in one place (recognise.ts decideFamily) by result columns — 完成值,
// 实际完成值, 全年实际值, 得分, 执行数, 执行率 — not by the title or the first rows; the report says which
// family was chosen and why.
import { describe, expect, it } from 'vitest';
import { importOffice, type ImportResult } from '../../src-shared/import';
import { docxBody, docxBytes, type DocxRow } from './build';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

const info: DocxRow[] = [
  ['项目名称', { text: '乡村道路养护', span: 4 }],
  ['主管部门', '县交通局', '实施单位', { text: '县公路站', span: 2 }],
];

describe('family by result columns', () => {
  it('a national 88号 table without a title is a target table (header has no result columns)', () => {
    const r = ok(importOffice(docxBytes(docxBody([[
      ...info,
      ['年度目标', { text: '养护道路120公里。', span: 4 }],
      ['一级指标', '二级指标', '三级指标', { text: '指标值', span: 2 }],
      ['产出指标', '数量指标', '养护里程', { text: '≥120公里', span: 2 }],
    ]])), 'a.docx'));
    expect(r.report.tables.map((t) => [t.kind, t.reason])).toEqual([['project', '识别为项目绩效目标表：表头无完成值、得分、执行数等结果列']]);
    expect(r.report.mapped).toContain('表格 1 第 1 行：识别为项目绩效目标表：表头无完成值、得分、执行数等结果列');
    const p = r.document.projects[0];
    expect([p.name, p.authority, p.implementer, p.goal, p.selfeval]).toEqual(['乡村道路养护', '县交通局', '县公路站', '养护道路120公里。', undefined]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([['产出指标', '数量指标', '养护里程', '≥120公里']]);
    expect(r.report.unplaced).toEqual([]);
  });

  it('a self-evaluation title over a table without result columns: target table, and the title is questioned', () => {
    const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', [
      ...info,
      ['一级指标', '二级指标', '三级指标', { text: '指标值', span: 2 }],
      ['产出指标', '数量指标', '养护里程', { text: '≥120公里', span: 2 }],
    ]])), 'b.docx'));
    expect(r.report.tables.map((t) => t.kind)).toEqual(['project']);
    expect(r.report.warnings.join('\n')).toContain('标题「项目支出绩效自评表」下的表格没有结果列，已按项目绩效目标表导入');
    expect(r.document.projects[0].indicators).toHaveLength(1);
  });

  it('a target-table title over a table with 完成值 and 得分: self-evaluation, every indicator row kept', () => {
    const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', [
      ...info,
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
      ['', '产出指标', '数量指标', '养护里程', '≥', '120', '公里', '118', '50', '49.2', '雨季停工'],
      ['', '满意度指标', '服务对象满意度指标', '群众满意度', '定性', '满意', '', '满意', '10', '优', ''],
    ]])), 'c.docx'));
    expect(r.report.tables.map((t) => [t.kind, t.reason])).toEqual([['selfeval', '识别为绩效自评表：表头有结果列「完成值」「得分」']]);
    expect(r.report.warnings.join('\n')).toContain('后面是绩效自评表，未使用');
    const se = r.document.projects[0].selfeval!;
    expect(se.indicators.map((i) => [i.level1, i.name, i.operator, i.number, i.unit, i.target, i.actual, i.weight, i.score, i.scoreText, i.deviation])).toEqual([
      ['产出指标', '养护里程', '≥', '120', '公里', '≥120公里', '118', '50', '49.2', undefined, '雨季停工'],
      ['满意度指标', '群众满意度', '定性', '满意', '', '满意', '满意', '10', '', '优', ''],
    ]);
    // the word score is kept as typed and told, not dropped
    expect(r.report.warnings.join('\n')).toContain('得分「优」不是数字，已按文字保存');
    expect(r.report.unplaced).toEqual([]);
  });

  it('an invalid 指标性质 or 指标方向 is listed with its reason, the row is still kept', () => {
    const r = ok(importOffice(docxBytes(docxBody([[
      ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
      ['县农业局', '农田建设', '100', '建设农田', '产出指标', '数量指标', '新建面积', '约', '1000', '亩', '30', '向上'],
    ]])), 'd.docx'));
    expect(r.report.unplaced.map((u) => [u.text, u.reason])).toEqual([['约', '指标性质应为 ≥ ≤ = > < 区间 或 定性'], ['向上', '指标方向应为正向或反向']]);
    const i = r.document.projects[0].indicators[0];
    expect([i.name, i.number, i.unit, i.weight, i.value]).toEqual(['新建面积', '1000', '亩', '30', '1000亩']);
  });
});

describe('word scores', () => {
  it('an imported 优 under 得分 is kept as text and flagged by selfeval.score-text until a number is typed', async () => {
    const { validateDocument } = await import('../../src-shared/validate');
    const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', [
      ...info,
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', '10', '优'],
    ]])), 'e.docx'));
    const ind = r.document.projects[0].selfeval!.indicators[0];
    expect([ind.score, ind.scoreText]).toEqual(['', '优']);
    const flagged = validateDocument(r.document).filter((f) => f.code === 'selfeval.score-text');
    expect(flagged.map((f) => [f.path.rowId, f.path.field, f.severity])).toEqual([[ind.id, 'score', 'error']]);
    ind.score = '10';
    expect(validateDocument(r.document).some((f) => f.code === 'selfeval.score-text')).toBe(false);
  });
});

describe('self-evaluation 基本情况 variants', () => {
  it('项目编码, 项目负责人 and 联系电话 inside 基本情况 are kept, and do not end the table', () => {
    const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', [
      ['项目名称', '乡村道路养护', '项目编码', { text: '43052422T000001', span: 2 }],
      ['主管部门', '县交通局', '实施单位', { text: '县公路站', span: 2 }],
      ['项目负责人', '王军', '联系电话', { text: '0739-1234567', span: 2 }],
      ['年度总体目标完成情况', { text: '预期目标', span: 2 }, { text: '实际完成情况', span: 2 }],
      ['', { text: '养护道路120公里。', span: 2 }, { text: '养护118公里。', span: 2 }],
      ['绩效指标', '一级指标', '三级指标', '年度指标值', '实际完成值'],
      ['', '产出指标', '养护里程', '≥120公里', '118公里'],
    ]])), 'f.docx'));
    expect(r.report.unplaced).toEqual([]);
    const p = r.document.projects[0];
    expect([p.name, p.code, p.selfeval?.manager, p.selfeval?.phone, p.selfeval?.goal, p.selfeval?.achieved]).toEqual(['乡村道路养护', '43052422T000001', '王军', '0739-1234567', '养护道路120公里。', '养护118公里。']);
    expect(p.selfeval?.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([['养护里程', '≥120公里', '118公里']]);
  });
});

describe('88号 label spellings', () => {
  it('项目类型, 项目单位, 实施期限, 资金总额, 年度指标值 are header fields and columns of a target table', () => {
    const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效目标表', '（2023年度）', [
      ['项目名称', { text: '乡村道路养护', span: 3 }],
      ['项目单位', '县公路站', '项目类型', '经常性项目'],
      ['实施期限', { text: '1年', span: 3 }],
      ['项目资金（万元）', '资金总额', { text: '120', span: 2 }],
      ['年度绩效目标', { text: '养护道路120公里。', span: 3 }],
      ['一级指标', '二级指标', '三级指标', '年度指标值'],
      ['产出指标', '数量指标', '养护里程', '≥120公里'],
    ]])), 'g.docx'));
    expect(r.report.unplaced).toEqual([]);
    const p = r.document.projects[0];
    expect([p.implementer, p.attribute, p.period, p.budget, p.goal, p.indicators[0].value]).toEqual(['县公路站', '经常性项目', '1年', '120', '养护道路120公里。', '≥120公里']);
    expect(r.document.meta.year).toBe(2023);
  });
});
