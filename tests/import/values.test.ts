// Cell values on import: amounts with their own unit are converted exactly into the document's unit
// and each conversion is noted in the report (the rules of typing, parseAmountInput); what is not an
// amount is listed, never guessed; line ends inside cells come out as "\n" (no stray "\r").
import { describe, expect, it } from 'vitest';
import { importOffice, type ImportResult } from '../../src-shared/import';
import { docxBody, docxBytes, is, row, xlsxBytes, type DocxRow } from './build';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

const dutyHead = row(1, is('A1', '323临西县人社局') + is('H1', '单位：万元'))
  + row(2, ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '评价标准'].map((t, i) => is(`${'ABCDEF'[i]}2`, t)).join(''))
  + row(3, ['优', '良', '中', '差'].map((t, i) => is(`${'FGHI'[i]}3`, t)).join(''));
const dutyMerges = '<mergeCells><mergeCell ref="F2:I2"/><mergeCell ref="A2:A3"/></mergeCells>';

describe('amounts with a unit in an imported 万元 table', () => {
  const data = dutyHead
    + row(4, is('A4', '一、促进就业') + is('B4', '八十万') + is('C4', '描述'))
    + row(5, is('A5', '\u3000\u30001、活动甲') + is('B5', '50000元') + is('E5', '指标') + is('F5', '100%') + is('G5', '≥90%') + is('H5', '≥80%') + is('I5', '<80%'))
    + row(6, is('A6', '\u3000\u30002、活动乙') + is('B6', '1,234.5 元') + is('E6', '指标') + is('F6', '100%'))
    + row(7, is('A7', '\u3000\u30003、活动丙') + is('B7', '约五万') + is('E7', '指标') + is('F7', '100%'))
    + row(8, is('A8', '\u3000\u30004、活动丁') + is('B8', '25%') + is('E8', '指标') + is('F8', '100%'));
  const r = ok(importOffice(xlsxBytes([{ name: '职责', xml: `<sheetData>${data}</sheetData>${dutyMerges}` }]), 'units.xlsx'));
  const duty = r.document.dutyTable.duties[0];

  it('converts exactly: 50000元 → 5, 1,234.5 元 → 0.12345, 八十万 → 80 (万元)', () => {
    expect(r.document.meta.unit).toBe('万元');
    expect(duty.budget).toBe('80');
    expect(duty.activities.map((a) => a.budget)).toEqual(['5', '0.12345', '', '']);
  });

  it('the report notes each conversion, with its place', () => {
    expect(r.report.warnings).toEqual(expect.arrayContaining([
      '职责 第 4 行：年度预算数已按万元换算：八十万 = 80万元。',
      '职责 第 5 行：年度预算数已按万元换算：50000元 = 5万元。',
      '职责 第 6 行：年度预算数已按万元换算：1,234.5 元 = 0.12345万元。',
    ]));
  });

  it('a word or a percent in an amount column is listed with the reason, not guessed', () => {
    expect(r.report.unplaced).toEqual([
      expect.objectContaining({ row: 7, column: 2, text: '约五万', reason: '年度预算数不是数字' }),
      expect.objectContaining({ row: 8, column: 2, text: '25%', reason: '年度预算数不是数字' }),
    ]);
    expect(r.report.warnings.some((w) => w.includes('“25%”是百分比，这里应填金额'))).toBe(true);
  });
});

describe('schedule percents on import', () => {
  const block = (schedule: string[]): DocxRow[] => [
    [{ text: '323002涞水县人力资源和社会保障局', span: 10 }, { text: '单位：万元', span: 3 }],
    ['项目编码', { text: '323-0501-JZN-DU0F', span: 4 }, { text: '项目名称', span: 2 }, { text: '项目甲', span: 6 }],
    [{ text: '预算规模及资金用途', vMerge: 'restart' }, { text: '预算数', span: 2 }, { text: '50000元', span: 2 }, { text: '其中：财政资金', span: 2 }, { text: '5', span: 2 }, { text: '其他资金', span: 2 }, { text: '', span: 2 }],
    [{ vMerge: 'continue' }, { text: '用途', span: 12 }],
    [{ text: '资金支出计划（%）', vMerge: 'restart' }, { text: '3月底', span: 3 }, { text: '6月底', span: 3 }, { text: '10月底', span: 3 }, { text: '12月底', span: 3 }],
    [{ vMerge: 'continue' }, ...schedule.map((s) => ({ text: s, span: 3 }))],
    ['绩效目标', { text: '目标', span: 12 }],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ['产出指标', '数量指标', '人数', '描述', '≥100人', '计划标准'],
  ];
  const r = ok(importOffice(docxBytes(docxBody([block(['25%', '５０％', '75', '10000元'])])), 'p.docx'));
  const p = r.document.projects[0];

  it('25% and full-width 50% are percents; 10000元 is refused in a percent column', () => {
    expect(p.schedule).toEqual(['25', '50', '75', '']);
    expect(r.report.unplaced).toEqual([expect.objectContaining({ text: '10000元', reason: '资金支出计划不是数字' })]);
    expect(r.report.warnings.some((w) => w.includes('“10000元”是金额，这里应填百分比'))).toBe(true);
  });

  it('预算数 50000元 is 5 万元', () => {
    expect(p.budget).toBe('5');
    expect(r.report.warnings.some((w) => w.includes('预算数已按万元换算：50000元 = 5万元'))).toBe(true);
  });
});

describe('line ends in imported cell text', () => {
  it('xlsx: CR LF written as &#13; (openpyxl) or _x000D_ (Excel) is one "\\n"', () => {
    const cr = (ref: string, xml: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml}</t></is></c>`;
    const data = dutyHead
      + row(4, is('A4', '一、促进就业') + cr('C4', '第一行&#13;\n第二行') + is('D4', '目标'))
      + row(5, is('A5', '\u3000\u30001、活动') + cr('C5', '甲_x000D_\n乙') + is('E5', '指标&#13;名称') + is('F5', '100%'));
    const r = ok(importOffice(xlsxBytes([{ name: '职责', xml: `<sheetData>${data}</sheetData>${dutyMerges}` }]), 'crlf.xlsx'));
    const duty = r.document.dutyTable.duties[0];
    expect(duty.description).toBe('第一行\n第二行');
    expect(duty.activities[0].description).toBe('甲\n乙');
    expect(JSON.stringify(r.document)).not.toContain('\\r');
  });

  it('xlsx shared strings: _x000D_ and a literal CR LF', () => {
    const sst = '<si><t>第一行_x000D_\n第二行</t></si><si><t>甲\r\n乙</t></si><si><t>文号_x005F_x000D_</t></si>';
    const data = dutyHead + row(4, is('A4', '一、职责') + '<c r="C4" t="s"><v>0</v></c><c r="D4" t="s"><v>1</v></c>')
      + row(5, is('A5', '\u3000\u30001、活动') + '<c r="C5" t="s"><v>2</v></c>' + is('E5', '指标') + is('F5', '100%'));
    const r = ok(importOffice(xlsxBytes([{ name: '职责', xml: `<sheetData>${data}</sheetData>${dutyMerges}` }], sst), 's.xlsx'));
    expect(r.document.dutyTable.duties[0]).toMatchObject({ description: '第一行\n第二行', goal: '甲\n乙' });
    // _x005F_ escapes the underscore: the text `_x000D_` itself, not a line end.
    expect(r.document.dutyTable.duties[0].activities[0].description).toBe('文号_x000D_');
  });

  it('docx: a CR typed into the text of a cell', () => {
    const body = docxBody([[
      ['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', { text: '评价标准', span: 4 }],
      ['', '', '', '', '', '优', '良', '中', '差'],
      ['一、职责甲', '5', { raw: '<w:p><w:r><w:t xml:space="preserve">描述一&#13;\n描述二</w:t></w:r></w:p>' }, { raw: '<w:p><w:r><w:t>目标&#13;续</w:t></w:r></w:p>' }, '', '', '', '', ''],
    ]]);
    const r = ok(importOffice(docxBytes(body), 'crlf.docx'));
    expect(r.document.dutyTable.duties[0]).toMatchObject({ description: '描述一\n描述二', goal: '目标\n续' });
  });
});
