// What real files do, built by hand: merges, page-break repeats and splits, full-width headers,
// 单位：元, numbering and indentation, headings as the project name, several tables at odd offsets,
// xlsx number formats and rich text, and the report's account of every cell.
import { describe, expect, it } from 'vitest';
import { importOffice, type ImportResult } from '../../src-shared/import';
import { defaultBudgetYear } from '../../src-shared/model';
import { docxBody, docxBytes, is, row, xlsxBytes, esc, type DocxRow } from './build';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

const HEADER: DocxRow[] = [
  [{ text: '职 责 活 动', vMerge: 'restart' }, { text: '年度\n预算数', vMerge: 'restart' }, { text: '内容描述', vMerge: 'restart' }, { text: '绩效目标', vMerge: 'restart' }, { text: '绩效指标', vMerge: 'restart' }, { text: '评 价 标 准', span: 4 }],
  [{ vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, '优', '良', '中', '差'],
];

describe('duty table in Word', () => {
  const rows: DocxRow[] = [
    [{ text: '323 临西县人力资源和社会保障局', span: 7 }, { text: '单位：元', span: 2 }],
    ...HEADER,
    ['一、促进就业管理', '12350000', '负责促进就业工作', '促进再就业', '', '', '', '', ''],
    ['\u3000\u30001、就业创业扶持', { text: '', vMerge: 'restart' }, { text: '负责高校毕业生', vMerge: 'restart' }, { text: '保持稳定', vMerge: 'restart' }, '指标A', '100%', '≥90%', '≥80%', '<80%'],
    ['', { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, '指标B', '≥10', '≥5', '＜5', '＜2'],
    // Header repeated at a page break.
    ...HEADER,
    // The rest of the previous row, split by the page break: key cells empty, others carry text.
    ['', '', '', '', '', '（续）', '', '', ''],
    ['2.职业培训', '', '培训', '提高素质', '职业培训人数', '≥1000', '≥950', '≥900', '<900'],
    ['二、人才队伍建设', '约五万', '管理职称工作', '', '', '', '', '', ''],
    ['（一）职称评审', '', '评审', '', '评审完成率', '100%', '≥90%', '≥80%', '<80%'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['部门职责-工作活动绩效目标', rows])), 'duty.docx'));
  const duties = r.document.dutyTable.duties;

  it('reads org line with a space, 单位：元, and lifts numbering into structure', () => {
    expect(r.document.meta).toMatchObject({ deptCode: '323', deptName: '临西县人力资源和社会保障局', unit: '元' });
    expect(duties.map((d) => d.title)).toEqual(['促进就业管理', '人才队伍建设']);
    expect(duties[0].budget).toBe('12350000');
    expect(duties[0].activities.map((a) => a.title)).toEqual(['就业创业扶持', '职业培训']);
    expect(duties[1].activities.map((a) => a.title)).toEqual(['职称评审']);
  });
  it('continuation rows add indicators; merged cells stay with their activity', () => {
    const a = duties[0].activities[0];
    expect(a.description).toBe('负责高校毕业生');
    expect(a.indicators.map((i) => i.name)).toEqual(['指标A', '指标B']);
    expect(a.indicators[1].bands).toEqual(['≥10（续）', '≥5', '＜5', '＜2']);
  });
  it('the repeated header is skipped, the split row is appended and reported', () => {
    expect(r.report.tables).toHaveLength(1);
    expect(r.report.tables[0]).toMatchObject({ kind: 'duty', duties: 2, activities: 3, indicators: 4 });
    expect(r.report.mapped.some((m) => m.includes('重复的职责活动表头'))).toBe(true);
    expect(r.report.warnings.some((w) => w.includes('跨页'))).toBe(true);
  });
  it('a non-numeric amount is not dropped silently: it is listed with its place', () => {
    expect(duties[1].budget).toBe('');
    expect(r.report.unplaced).toEqual([expect.objectContaining({ text: '约五万', row: 11, column: 2, sheet: '表格 1' })]);
  });
  it('says the year was guessed', () => {
    expect(r.report.warnings.some((w) => w.includes('没有找到年度'))).toBe(true);
    expect(r.document.meta.year).toBe(defaultBudgetYear());
  });
});

describe('project tables', () => {
  const block = (code: string, name: string, schedule: string[]): DocxRow[] => [
    [{ text: '323002涞水县人力资源和社会保障局', span: 10 }, { text: '单位：万元', span: 3 }],
    ['项目编码', { text: code, span: 4 }, { text: '项目名称', span: 2 }, { text: name, span: 6 }],
    [{ text: '预算规模及资金用途', vMerge: 'restart' }, { text: '预算数', span: 2 }, { text: '100.5', span: 2 }, { text: '其中：财政资金', span: 2 }, { text: '100.5', span: 2 }, { text: '其他资金', span: 2 }, { text: '', span: 2 }],
    [{ vMerge: 'continue' }, { text: '用途第一行\n用途第二行', span: 12 }],
    [{ text: '资金支出计划（%）', vMerge: 'restart' }, { text: '3月底', span: 3 }, { text: '6月底', span: 3 }, { text: '10月底', span: 3 }, { text: '12月底', span: 3 }],
    [{ vMerge: 'continue' }, ...schedule.map((s) => ({ text: s, span: 3 }))],
    ['绩效目标', { text: '1、目标一\n2、目标二', span: 12 }],
  ];
  const indicators: DocxRow[] = [
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    [{ text: '产出指标', vMerge: 'restart' }, { text: '数量指标', vMerge: 'restart' }, '参保人数', '描述一', '≥100人', '计划标准'],
    [{ vMerge: 'continue' }, { vMerge: 'continue' }, '发放人数', '描述二', '≥90人', '计划标准'],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ['', '', '', '（接上页）', '', ''],
    ['效益指标', '社会效益指标', '知晓率', '描述三', '≥90%', '其他标准'],
    ['满意度指标', '服务对象满意度指标', '满意度', '描述四', '≥95%', '其他标准'],
  ];
  const body = docxBody([
    '1、2021年养老保险补助资金绩效目标表', [...block('323-0501-JZN-DU0F', '2021年养老保险补助资金', ['50.00', '100.00', '', '']), ...indicators],
    '', '2、无名称项目的标题绩效目标表', [...block('323-0501-JZN-AAAA', '', ['25', '50', '75', '100']), ...indicators.slice(0, 3)],
  ]);
  const r = ok(importOffice(docxBytes(body), 'projects.docx'));
  const [p1, p2] = r.document.projects;

  it('reads every project field', () => {
    expect(r.document.projects).toHaveLength(2);
    expect(p1).toMatchObject({ code: '323-0501-JZN-DU0F', name: '2021年养老保险补助资金', budget: '100.5', fiscal: '100.5', other: '', purpose: '用途第一行\n用途第二行', goal: '1、目标一\n2、目标二' });
    expect(p1.schedule).toEqual(['50', '100', '', '']);
    expect(r.document.meta.year).toBe(2021);
  });
  it('carries merged 一级/二级 down, skips repeated headers, appends split rows', () => {
    expect(p1.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '数量指标', '参保人数'], ['产出指标', '数量指标', '发放人数'], ['效益指标', '社会效益指标', '知晓率'], ['满意度指标', '服务对象满意度指标', '满意度'],
    ]);
    expect(p1.indicators[1].description).toBe('描述二（接上页）');
  });
  it('takes the project name from the heading when the table has none', () => {
    expect(p2.name).toBe('无名称项目的标题');
    expect(p2.indicators).toHaveLength(2);
    expect(r.report.mapped.some((m) => m.includes('项目名称取自标题'))).toBe(true);
  });
  it('warns when the checkpoint labels differ from the template', () => {
    expect(r.document.meta.templateId).toBe('hebei-2020');
    expect(r.report.warnings.some((w) => w.includes('资金支出计划节点'))).toBe(false);
    const national = docxBody(['1、X绩效目标表', [...block('323-0501-JZN-BBBB', 'X', ['1', '2', '3', '4']), ...indicators.slice(0, 3), ['成本指标', '经济成本指标', '成本', '描述', '≤10万元', '预算支出标准']]]);
    const n = ok(importOffice(docxBytes(national), 'n.docx'));
    expect(n.document.meta.templateId).toBe('national-2021');
    expect(n.report.warnings.some((w) => w.includes('资金支出计划节点'))).toBe(true);
  });
  it('gridBefore shifts cells to their grid columns', () => {
    const shifted = docxBody([[
      { gridBefore: 1, cells: ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }] },
      { gridBefore: 1, cells: ['', '', '', '', '', '优', '良', '中', '差'] },
      { gridBefore: 1, cells: ['一、职责甲', '5', '描述', '目标', '', '', '', '', ''] },
    ]]);
    const s = ok(importOffice(docxBytes(shifted), 's.docx'));
    expect(s.document.dutyTable.duties[0]).toMatchObject({ title: '职责甲', budget: '5', description: '描述', goal: '目标' });
    expect(s.report.unplaced).toEqual([]);
  });
});

describe('xlsx specifics', () => {
  it('number formats, shared rich text, merges and a table starting mid-sheet', () => {
    const sst = ['<si><r><t>一、</t></r><r><rPr><b/></rPr><t>促进就业</t></r><rPh><t>ソクシン</t></rPh></si>', '<si><t xml:space="preserve">  负责 就业 </t></si>'].join('');
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00_ "/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="164"/></cellXfs>';
    const data = row(3, is('C3', '部门职责-工作活动绩效目标'))
      + row(4, is('C4', '323临西县人社局') + is('J4', '单位：万元'))
      + row(5, ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '评价标准'].map((t, i) => is(`${'CDEFGH'[i]}5`, t)).join(''))
      + row(6, ['优', '良', '中', '差'].map((t, i) => is(`${'HIJK'[i]}6`, t)).join(''))
      + row(7, '<c r="C7" t="s"><v>0</v></c><c r="D7" s="1"><v>6123</v></c><c r="E7" t="s"><v>1</v></c>' + is('F7', '目标'))
      + row(8, is('C8', '\u3000\u30001、活动') + '<c r="D8" s="2"><v>1234.5</v></c>' + is('G8', '率') + is('H8', '100%') + is('I8', '≥90%') + is('J8', '≥80%') + is('K8', '<80%'))
      + row(9, is('G9', '数') + is('H9', '≥10') + is('I9', '≥5') + is('J9', '≥1') + is('K9', '<1'))
      + row(12, is('A12', '这一格不属于任何表'));
    const merges = '<mergeCells><mergeCell ref="H5:K5"/><mergeCell ref="C5:C6"/><mergeCell ref="C8:C9"/><mergeCell ref="D8:D9"/></mergeCells>';
    const r = ok(importOffice(xlsxBytes([{ name: '空表', xml: '<sheetData/>' }, { name: '职责', xml: `<sheetData>${data}</sheetData>${merges}` }], sst, styles), 'x.xlsx'));
    const d = r.document.dutyTable.duties[0];
    expect(d).toMatchObject({ title: '促进就业', budget: '6123', description: '  负责 就业 ', goal: '目标' });
    expect(d.activities[0]).toMatchObject({ title: '活动', budget: '1234.5' });
    expect(d.activities[0].indicators.map((i) => i.name)).toEqual(['率', '数']);
    expect(r.report.tables[0]).toMatchObject({ sheet: '职责', startRow: 5 });
    expect(r.report.unplaced).toEqual([expect.objectContaining({ sheet: '职责', row: 12, column: 1, text: '这一格不属于任何表' })]);
  });
  it('two project blocks on one sheet, 单位：元 converts nothing but is recorded', () => {
    const cells = (r: number, values: [string, string][]) => row(r, values.map(([ref, t]) => is(`${ref}${r}`, t)).join(''));
    const block = (start: number, n: number) =>
      cells(start, [['B', `${n}、项目${n}绩效目标表`]])
      + cells(start + 1, [['B', '323示例局'], ['L', '单位：元']])
      + cells(start + 2, [['B', '项目编码'], ['C', `323-0501-JBN-000${n}`], ['G', '项目名称'], ['I', `项目${n}`]])
      + cells(start + 3, [['B', '预算规模及资金用途'], ['C', '预算数'], ['E', '1000'], ['G', '其中：财政资金'], ['I', '1000'], ['K', '其他资金']])
      + cells(start + 4, [['C', `用途${n}`]])
      + cells(start + 5, [['B', '资金支出计划（%）'], ['C', '3月底'], ['F', '6月底'], ['I', '10月底'], ['L', '12月底']])
      + cells(start + 6, [['C', '100'], ['F', '100'], ['I', '100'], ['L', '100']])
      + cells(start + 7, [['B', '绩效目标'], ['C', `目标${n}`]])
      + cells(start + 8, [['B', '一级指标'], ['C', '二级指标'], ['D', '三级指标'], ['G', '绩效指标描述'], ['K', '指标值'], ['M', '指标值确定依据']])
      + cells(start + 9, [['B', '产出指标'], ['C', '数量指标'], ['D', `指标${n}`], ['G', '描述'], ['K', '≥1'], ['M', '计划标准']]);
    const xml = `<sheetData>${block(2, 1)}${block(14, 2)}</sheetData>`;
    const r = ok(importOffice(xlsxBytes([{ name: '项目绩效目标表', xml: esc('') + xml }]), 'p.xlsx'));
    expect(r.document.meta.unit).toBe('元');
    expect(r.document.projects.map((p) => [p.name, p.code, p.budget, p.purpose, p.goal, p.indicators.length])).toEqual([
      ['项目1', '323-0501-JBN-0001', '1000', '用途1', '目标1', 1], ['项目2', '323-0501-JBN-0002', '1000', '用途2', '目标2', 1],
    ]);
    expect(r.report.tables.map((t) => t.startRow)).toEqual([4, 16]);
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('header spellings', () => {
  it('部门职责-工作活动 / 指标值设定依据 are recognised', () => {
    const body = docxBody([[
      ['部门职责—工作活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
      ['一、职责', '', '描述', '目标', '', '', '', '', ''],
    ], '1、项目甲绩效目标表', [
      ['项目编码', '323-0501-JZN-CCCC', '项目名称', '项目甲'],
      ['一级指标', '二级指标', '三级指标', '指标解释', '指标值', '指标值设定依据'],
      ['产出指标', '数量指标', '人数', '解释', '≥1', '计划标准'],
    ]]);
    const r = ok(importOffice(docxBytes(body), 'h.docx'));
    expect(r.document.dutyTable.duties[0].title).toBe('职责');
    expect(r.document.projects[0].indicators[0]).toMatchObject({ description: '解释', basis: '计划标准' });
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('org line and amounts with units', () => {
  it('org and unit run together in one paragraph; 万元 repeated in an amount cell', () => {
    const body = docxBody(['323临西县人社局单位：万元', [
      ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
      ['一、职责', '12.50万元', '描述', '目标', '', '', '', '', ''],
    ]]);
    const r = ok(importOffice(docxBytes(body), 'o.docx'));
    expect(r.document.meta).toMatchObject({ deptCode: '323', deptName: '临西县人社局', unit: '万元' });
    expect(r.document.dutyTable.duties[0].budget).toBe('12.5');
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('cell text details', () => {
  it('docx: runs joined, w:tab → \\t, w:br → \\n, hyperlinks read, deletions not; nested tables reported', () => {
    const raw = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t><w:tab/><w:t xml:space="preserve"> b </w:t><w:br/><w:t>c</w:t></w:r>'
      + '<w:hyperlink><w:r><w:t>d</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p>'
      + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const body = docxBody([[
      ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
      ['一、职责', '', { raw }, '目标', '', '', '', '', ''],
    ]]);
    const r = ok(importOffice(docxBytes(body), 't.docx'));
    expect(r.document.dutyTable.duties[0].description).toBe('a\t b \ncd');
    expect(r.report.unplaced).toEqual([expect.objectContaining({ sheet: '表格 1', row: 2, column: 3, text: '嵌套' })]);
  });
  it('xlsx: formulas give their cached value; a text amount that is not a number is listed', () => {
    const data = row(1, ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '评价标准'].map((t, i) => is(`${'ABCDEF'[i]}1`, t)).join(''))
      + row(2, ['优', '良', '中', '差'].map((t, i) => is(`${'FGHI'[i]}2`, t)).join(''))
      + row(3, is('A3', '一、职责') + '<c r="B3"><f>SUM(B4:B5)</f><v>30</v></c>' + '<c r="C3" t="str"><f>"描"&amp;"述"</f><v>描述</v></c>')
      + row(4, is('A4', '1、活动') + is('B4', '待定') + is('E4', '指标') + '<c r="F4" t="b"><v>1</v></c>');
    const r = ok(importOffice(xlsxBytes([{ name: 'S', xml: `<sheetData>${data}</sheetData><mergeCells><mergeCell ref="F1:I1"/></mergeCells>` }]), 'f.xlsx'));
    const d = r.document.dutyTable.duties[0];
    expect(d).toMatchObject({ budget: '30', description: '描述' });
    expect(d.activities[0].budget).toBe('');
    expect(d.activities[0].indicators[0].bands[0]).toBe('TRUE');
    expect(r.report.unplaced).toEqual([expect.objectContaining({ sheet: 'S', row: 4, column: 2, text: '待定' })]);
    expect(r.report.warnings.some((w) => w.includes('待定'))).toBe(true);
  });
});

describe('a duty table spread over several Word tables (published disclosure layout)', () => {
  it('org/unit paragraphs between the parts neither end the table nor become duties', () => {
    const header: DocxRow[] = [
      ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
      ['', '', '', '', '', '优', '良', '中', '差'],
    ];
    const body = docxBody([
      '部门职责-工作活动绩效目标', '323 人社局', '单位：万元',
      [...header,
        ['一、促进就业', '', '负责促进就业', '促进再就业', '', '', '', '', ''],
        ['1、就业服务体系建设', '', '建立健全公共就业服务体系，开展就业服', '实施免费服务', '新增就业人员数量', '≥500', '≥480', '≥460', '<460']],
      '323 人社局', '单位：万元',
      [...header,
        ['', '', '务指导。', '', '人事档案公共管理服务 工作完成率', '100%', '≥ 90%', '≥ 80%', '<80%'],
        ['2、职业培训', '', '培训', '提高素质', '职业培训人数', '≥1000', '≥950', '≥900', '<900']],
      '六、政府采购预算情况',
    ]);
    const r = ok(importOffice(docxBytes(body), 'zanhuang.docx'));
    const d = r.document.dutyTable.duties;
    expect(d.map((x) => x.title)).toEqual(['促进就业']);
    expect(d[0].activities.map((a) => a.title)).toEqual(['就业服务体系建设', '职业培训']);
    const a = d[0].activities[0];
    expect(a.description).toBe('建立健全公共就业服务体系，开展就业服务指导。');
    expect(a.indicators.map((i) => i.name)).toEqual(['新增就业人员数量', '人事档案公共管理服务 工作完成率']);
    expect(r.document.meta).toMatchObject({ deptCode: '323', deptName: '人社局', unit: '万元' });
    expect(r.report.tables).toHaveLength(1);
    expect(r.report.unplaced).toEqual([expect.objectContaining({ sheet: '正文', text: '六、政府采购预算情况', reason: '表格之外的段落' })]);
  });
});

describe('org line labelled 编制单位', () => {
  it('the label is not part of the department name', () => {
    const body = docxBody([[
      [{ text: '编制单位：323涞水县人社局', span: 7 }, { text: '单位：元', span: 2 }],
      ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
      ['一、职责', '', '描述', '目标', '', '', '', '', ''],
    ]]);
    const r = ok(importOffice(docxBytes(body), 'org.docx'));
    expect(r.document.meta).toMatchObject({ deptCode: '323', deptName: '涞水县人社局', unit: '元' });
  });
});

describe('rows that are not data', () => {
  it('合计 rows and full-width remarks under an indicator table are listed, not imported as data', () => {
    const body = docxBody([
      [
        ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
        ['一、职责', '10', '描述', '目标', '', '', '', '', ''],
        ['合计', '10', '', '', '', '', '', '', ''],
      ],
      '1、项目甲绩效目标表',
      [
        ['项目编码', '323-0501-JZN-CCCC', '项目名称', '项目甲', '', ''],
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
        ['产出指标', '数量指标', '人数', '描述', '≥1', '计划标准'],
        [{ text: '注：指标值为预计数。', span: 6 }],
      ],
    ]);
    const r = ok(importOffice(docxBytes(body), 'sum.docx'));
    expect(r.document.dutyTable.duties.map((d) => d.title)).toEqual(['职责']);
    expect(r.document.projects[0].indicators).toHaveLength(1);
    expect(r.report.unplaced.map((u) => u.text)).toEqual(['合计', '10', '注：指标值为预计数。']);
  });
});
