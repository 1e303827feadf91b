// The department-wide table's less common shapes, built by hand (the province variants are in
// form-variants.test.ts): 部门职能职责概述, 总体资金情况（万元） with 预算支出总额, an indicator grid
// headed 分值, a table without a title, a task split by a page break, a second department-wide table,
// rows that fit no column — each kept, converted with a note, or reported with a reason.
import { describe, expect, it } from 'vitest';
import { formatReport, importOffice, type ImportResult } from '../../src-shared/import';
import { newDocument } from '../../src-shared/model';
import { docxBody, docxBytes, type DocxRow } from './build';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}
const v = (text: string) => ({ text, vMerge: 'restart' as const });
const c = { vMerge: 'continue' as const };

describe('department-wide table with 部门职能职责概述 and 总体资金情况', () => {
  const rows: DocxRow[] = [
    ['部门（单位）名称', { text: '101某县农业农村局', span: 5 }],
    ['部门职能职责概述', { text: '负责全县农业农村经济发展。\n负责农田建设。', span: 5 }],
    [v('总体资金情况（万元）'), { text: '预算支出总额', span: 2 }, { text: '财政拨款', span: 2 }, '其他资金'],
    [c, { text: '1,200', span: 2 }, { text: '1000', span: 2 }, '200'],
    [v('年度主要任务'), '序号', '任务名称', { text: '主要内容', span: 3 }],
    [c, '1', '农田建设', { text: '新建高标准农田1万亩，', span: 3 }],
    // the rest of the task above, split by a page break
    [c, '', '', { text: '配套灌溉设施。', span: 3 }],
    [c, '2', '动物防疫', { text: '完成强制免疫。', span: 3 }],
    ['年度总体目标', { text: '稳定粮食生产。', span: 5 }],
    [v('年度绩效指标'), '一级指标', '二级指标', '三级指标', '指标值', '分值'],
    [c, '产出指标', '数量指标', '新建高标准农田面积', '≥1万亩', '40'],
    [c, '效益指标', '社会效益指标', '农业生产条件', '明显改善', '50'],
    [c, '满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '10'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['2024年部门整体支出绩效目标表', rows])), 'dept.docx'));
  const w = r.document.deptWide!;

  it('reads every block into the department-wide part', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta).toMatchObject({ deptCode: '101', deptName: '某县农业农村局', templateId: 'national-88-dept', year: 2024 });
    expect(w.functions).toBe('负责全县农业农村经济发展。\n负责农田建设。');
    expect([w.total, w.totalFiscal, w.totalOther]).toEqual(['1200', '1000', '200']);
    expect(w.tasks.map((t) => [t.name, t.content, t.total])).toEqual([['农田建设', '新建高标准农田1万亩，配套灌溉设施。', ''], ['动物防疫', '完成强制免疫。', '']]);
    expect(w.goal).toBe('稳定粮食生产。');
    expect(w.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.weight])).toEqual([
      ['产出指标', '数量指标', '新建高标准农田面积', '≥1万亩', '40'],
      ['效益指标', '社会效益指标', '农业生产条件', '明显改善', '50'],
      ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '10'],
    ]);
  });

  it('is found without its title too (the name row, then 职能职责 and the budget before the tasks)', () => {
    const bare = ok(importOffice(docxBytes(docxBody([rows])), 'dept.docx'));
    expect(bare.report.unplaced).toEqual([]);
    expect(bare.report.tables.map((t) => t.kind)).toEqual(['dept-wide']);
    expect(bare.document.deptWide!.tasks).toHaveLength(2);
  });

  it('says what it joined and names the table in the report', () => {
    expect(r.report.warnings.some((x) => x.includes('接在上一项任务的主要内容之后'))).toBe(true);
    expect(r.report.tables).toEqual([expect.objectContaining({ kind: 'dept-wide', tasks: 2, indicators: 3, name: '某县农业农村局' })]);
    expect(formatReport(r.report)).toContain('部门整体支出绩效目标表「某县农业农村局」：表格 1 第 1 行起，2 项年度主要任务、3 条绩效指标');
  });
});

describe('department-wide table without a title, then cells that fit nowhere', () => {
  const table: DocxRow[] = [
    ['部门名称', { text: '某县教育局', span: 4 }],
    [v('年度主要任务'), '任务名称', '主要内容', '预算金额（万元）', '对应项目'],
    [c, '学生资助', '落实资助政策', '约五十万', '资助项目'],
    [c, '金额合计', '（见上）', '100', ''],
    ['年度总体目标', { text: '保障入学。', span: 4 }],
    [v('年度绩效指标'), '一级指标', '二级指标', '三级指标', '指标值'],
    [c, '产出指标', '数量指标', '资助人次', '≥1000人次'],
    [c, '合计', '', '', '100'],
  ];
  const second: DocxRow[] = [['部门名称', { text: '另一个局', span: 2 }], ['年度主要任务', '任务名称', '主要内容']];
  const r = ok(importOffice(docxBytes(docxBody([table, second])), 'dept.docx'));
  const reasons = r.report.unplaced.map((u) => [u.text, u.reason]);

  it('starts at 部门名称 followed by 年度主要任务', () => {
    expect(r.report.tables.map((t) => t.kind)).toEqual(['dept-wide']);
    expect(r.document.meta.deptName).toBe('某县教育局');
    expect(r.document.deptWide!.tasks.map((t) => [t.name, t.content, t.total])).toEqual([['学生资助', '落实资助政策', '']]);
    expect(r.document.deptWide!.total).toBe('100');
  });

  it('reports every cell it cannot place, with the reason', () => {
    expect(reasons).toEqual(expect.arrayContaining([
      ['对应项目', '年度主要任务表头中无法识别的列'],
      ['资助项目', '年度主要任务中不属于任何列'],
      ['约五十万', '任务「学生资助」的总额不是数字'],
      ['（见上）', '「金额合计」行中不在金额列的单元格'],
      ['合计', '合计行（合计由软件计算，不导入）'],
      ['100', '合计行（合计由软件计算，不导入）'],
      ['另一个局', '文件中的第二张部门整体支出绩效目标表（一个文档只有一张）'],
    ]));
    expect(r.report.warnings.some((x) => x.includes('又一张部门整体支出绩效目标表'))).toBe(true);
  });
});

describe('a department-wide title with no table under it', () => {
  it('is said in the report, not used', () => {
    const r = ok(importOffice(docxBytes(docxBody(['部门整体支出绩效目标表', [['项目名称', '某项目'], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '人次', '10人次']]])), 'x.docx'));
    expect(r.report.tables.map((t) => t.kind)).toEqual(['project']);
    expect(r.document.deptWide).toBeUndefined();
    expect(r.report.warnings.some((x) => x.includes('标题「部门整体支出绩效目标表」后面没有部门整体支出绩效目标表'))).toBe(true);
  });
});

describe('a form printed as several Word tables, with dashes and a numbered note', () => {
  const head: DocxRow[] = [
    ['部门（单位）名称', { text: '某县卫生健康局', span: 4 }],
    [v('年度主要任务'), v('任务名称'), v('主要内容'), { text: '预算金额（万元）', span: 2 }],
    [c, c, c, '总额', '其他资金'],
    [c, '公共卫生服务', '开展基本公共卫生服务。', '800', '—'],
    [c, '金额合计', '', '800', '-'],
    ['年度总体目标', { text: '居民健康水平持续提高。', span: 4 }],
  ];
  const grid: DocxRow[] = [
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '家庭医生签约人数', '≥5万人'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['部门整体支出绩效目标表', head, '年度绩效指标', grid, '注：1.绩效指标可选择填写；', '2.指标值应尽量量化。', '填报人：李四'])), 'dept.docx'));
  const w = r.document.deptWide!;

  it('reads both tables as one, dashes as blank amounts, the note and the foot', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(w.tasks.map((t) => [t.name, t.total, t.fiscal, t.other])).toEqual([['公共卫生服务', '800', '', '']]);
    expect([w.total, w.totalOther]).toEqual(['800', '']);
    expect(w.indicators.map((i) => [i.level1, i.name, i.value])).toEqual([['产出指标', '家庭医生签约人数', '≥5万人']]);
    expect(r.document.meta.preparer).toBe('李四');
    expect(r.report.mapped.filter((m) => m.includes('表示没有金额，按空白导入'))).toHaveLength(2);
    expect(r.report.mapped.filter((m) => m.includes('表样文字'))).toHaveLength(2);
    expect(r.report.mapped.some((m) => m.includes('段落「年度绩效指标」是部门整体支出绩效目标表的分节标题'))).toBe(true);
  });
});

describe('the list layout: one row per indicator, the department merged down', () => {
  const header = ['单位名称', '年度总体目标', '预算数', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'];
  const rows: DocxRow[] = [
    header,
    [v('苍溪县农业农村局'), v('稳定粮食生产。'), v('5260'), '产出指标', '数量指标', '粮食播种面积', '≥', '52', '万亩', '60', '正向指标'],
    [c, c, c, '效益指标', '社会效益指标', '农业生产条件', '定性', '明显改善', '', '30', '正向指标'],
    header, // repeated at a page break
    [c, c, c, '满意度指标', '服务对象满意度指标', '农户满意度', '≥', '90', '%', '10', '正向指标'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['2023年部门整体支出绩效目标表', '单位：万元', rows])), 'list.docx'));

  it('reads the department once and every indicator with its parts', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.tables.map((t) => [t.kind, t.reason])).toEqual([['dept-wide', expect.stringContaining('一行一条指标')]]);
    expect(r.document.meta).toMatchObject({ deptName: '苍溪县农业农村局', templateId: 'national-88-dept', year: 2023 });
    expect([r.document.deptWide!.goal, r.document.deptWide!.total]).toEqual(['稳定粮食生产。', '5260']);
    expect(r.document.deptWide!.indicators.map((i) => [i.level1, i.name, i.operator, i.number, i.unit, i.value, i.weight, i.direction])).toEqual([
      ['产出指标', '粮食播种面积', '≥', '52', '万亩', '≥52万亩', '60', '正向'],
      ['效益指标', '农业生产条件', '定性', '明显改善', '', '明显改善', '30', '正向'],
      ['满意度指标', '农户满意度', '≥', '90', '%', '≥90%', '10', '正向'],
    ]);
    expect(r.report.mapped.some((m) => m.includes('重复的表头（跨页），已跳过'))).toBe(true);
  });
});

describe('a task column headed 项目名称, then the department\'s project table', () => {
  const dept: DocxRow[] = [
    ['部门名称', { text: '某县民政局', span: 3 }],
    [v('年度主要任务'), '项目名称', '主要内容', '预算金额'],
    [c, '城乡低保', '保障困难群众基本生活', '900'],
    ['年度总体目标', { text: '兜住民生底线。', span: 3 }],
    [v('年度绩效指标'), '一级指标', '二级指标', '三级指标'],
    [c, '产出指标', '数量指标', '保障人数'],
  ];
  const project: DocxRow[] = [['项目名称', '城乡低保'], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '保障人数', '≥5000人']];
  const r = ok(importOffice(docxBytes(docxBody([dept, project])), 'x.docx'));

  it('keeps the task header in the department-wide table and the project table as a project', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.tables.map((t) => t.kind)).toEqual(['dept-wide', 'project']);
    expect(r.document.deptWide!.tasks.map((t) => [t.name, t.content, t.total])).toEqual([['城乡低保', '保障困难群众基本生活', '900']]);
    expect(r.document.projects.map((p) => [p.name, p.indicators.length])).toEqual([['城乡低保', 1]]);
    expect(r.document.meta.templateId).toBe('national-88-dept');
  });
});

describe('two name rows and the unit in the name row', () => {
  const rows: DocxRow[] = [
    ['填报单位', '某县水利局', '单位：元'],
    ['部门（单位）名称', { text: '某县水利局', span: 2 }],
    [v('年度主要任务'), '任务名称', '预算金额'],
    [c, '河道整治', '1200000'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['部门整体支出绩效目标表（2024年度）', rows])), 'x.docx'));

  it('is one table: the name read twice (the same), the unit from the row, amounts in 元', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.tables.map((t) => t.kind)).toEqual(['dept-wide']);
    expect(r.document.meta).toMatchObject({ deptName: '某县水利局', unit: '元', year: 2024 });
    expect(r.document.deptWide!.tasks.map((t) => [t.name, t.total])).toEqual([['河道整治', '1200000']]);
    expect(r.report.mapped).toContain('部门（单位）名称「某县水利局」与单位行一致');
  });
});

describe('title, year and 填报单位（盖章）： | name | 单位：万元 as rows of the table itself', () => {
  const rows: DocxRow[] = [
    [{ text: '部门整体支出绩效目标申报表', span: 3 }],
    [{ text: '（2022年度）', span: 3 }],
    ['填报单位（盖章）：', '隆回县教育局', '单位：万元'],
    ['部门（单位）名称', { text: '隆回县教育局', span: 2 }],
    [v('年度主要任务'), '任务名称', '主要内容'],
    [c, '学前教育发展', '扶持普惠性幼儿园'],
  ];
  const r = ok(importOffice(docxBytes(docxBody([rows])), 'x.docx'));

  it('reads the title, the year, the department and the unit; nothing left over', () => {
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta).toMatchObject({ deptName: '隆回县教育局', unit: '万元', year: 2022, templateId: 'national-88-dept' });
    expect(r.report.mapped).toContain('填报单位（盖章）「隆回县教育局」→ 部门编码「」、部门名称「隆回县教育局」');
    expect(r.document.deptWide!.tasks.map((t) => t.name)).toEqual(['学前教育发展']);
  });
});

describe('the year without brackets, or in the name row', () => {
  const table = (year: string): DocxRow[] => [
    ['部门（单位）名称', '某县林业局', ...(year ? ['预算年度', year] : [])],
    ['年度主要任务', '任务名称', '主要内容', ...(year ? [''] : [])],
    ['', '森林防火', '开展森林防火巡护', ...(year ? [''] : [])],
  ];
  it('`2022年度` under the title is the year line', () => {
    const r = ok(importOffice(docxBytes(docxBody(['部门整体支出绩效目标表', '2022年度', table('')])), 'x.docx'));
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta.year).toBe(2022);
    expect(r.report.mapped).toContain('年度行「2022年度」（正文 第 2 行）');
  });
  it('预算年度 | 2023 beside the department name', () => {
    const r = ok(importOffice(docxBytes(docxBody([table('2023')])), 'x.docx'));
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta).toMatchObject({ deptName: '某县林业局', year: 2023 });
  });
});

describe('imported into an open document', () => {
  it('a department-wide table is not merged, and the report says so', () => {
    const rows: DocxRow[] = [['部门名称', '某局'], ['年度主要任务', '任务名称'], ['', '任务一']];
    const into = newDocument({ templateId: 'national-88-dept' });
    const r = ok(importOffice(docxBytes(docxBody([rows])), 'x.docx', { into }));
    expect(r.document.deptWide).toEqual(into.deptWide);
    expect(r.report.warnings).toContain('文件中的绩效目标表（职责活动表、项目绩效目标表或部门整体支出绩效目标表）未并入当前文档；如需导入，请作为新文档导入。');
  });
});
