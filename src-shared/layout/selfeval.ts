// Document → layout model of the year-end self-evaluation (部门预算项目绩效自评表), one part per project
// with a self-evaluation, A4 portrait, in the layout of the document's self-evaluation template:
// Hebei 2019 (the fixture's: 一、基本情况 … 五、存在问题, level-1 weights in the labels) or the national
// 2020 form (项目资金 rows with 分值/执行率/得分, per-indicator 分值/得分, 偏差原因分析), or — for a
// profile whose columns hold the value's parts (指标性质 | 指标值 | 度量单位) — the structured (一体化)
// form drawn from the profile: 预算执行情况 with its fund rows and columns, the indicator columns in
// the profile's order (the target tables' parts-as-columns drawing, forms.ts). Cells print the
// typed values (money as in the target tables: 万元 with at least two decimals, 元 whole; scores as
// typed; blank stays blank); computed scores are never printed. A document with no content at all
// prints the form's blank table.
import {
  formatAmount, newProject, newSelfEval, newSelfEvalIndicator, profileOf, selfevalTemplateFor,
  type Amount, type FundColumn, type FundRow, type MoneyUnit, type JixiaoDocument, type Project, type SelfEval, type SelfevalTemplate,
} from '../model';
import { columnsOf, getSelfevalProfile, valueMode, type SelfevalProfile } from '../profile';
import { level1Key } from '../selfeval/weights';
import { buildLayout, DUTY_FONT_PT } from './build';
import { BLANK_ROW_PT, blankIndicators, columnText, indicatorTable, isBlankDocument, unionGrid } from './forms';
import { computeRowHeights } from './measure';
import { levelSpans } from './runs';
import type { Align, CellKind, Layout, LayoutCell, LayoutPart, LayoutRow, PageSetup } from './model';

export const SELFEVAL_PAGE: PageSetup = {
  paper: 'A4', orientation: 'portrait', widthMm: 210, heightMm: 297,
  margins: { top: 18, bottom: 18, left: 15, right: 15, header: 8, footer: 8 },
  footer: '第 {page} 页 共 {pages} 页',
};
const WIDTH_MM = SELFEVAL_PAGE.widthMm - SELFEVAL_PAGE.margins.left - SELFEVAL_PAGE.margins.right; // 180
const HEIGHT_MM = SELFEVAL_PAGE.heightMm - SELFEVAL_PAGE.margins.top - SELFEVAL_PAGE.margins.bottom; // 261
const FONT_PT = DUTY_FONT_PT;

/** Column shares: Hebei from the fixture's grid (twips 1134/1020/1191/1984/1814/1020×3); national by its columns. */
const HEBEI_SHARES = [1134, 1020, 1191, 1984, 1814, 1020, 1020, 1020];
/** 项目/section label, 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施. */
const NATIONAL_SHARES = [10, 9, 10, 19, 11, 10, 7, 8, 16];

export interface SelfevalLayoutOptions {
  /** 'all' (default) or 0-based indices of the projects to include; projects without a self-evaluation are skipped. */
  projects?: 'all' | number[];
}

function widths(shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.round((s / total) * WIDTH_MM * 100) / 100);
}

function cell(col: number, text: string, kind: CellKind, init: Partial<LayoutCell> = {}): LayoutCell {
  const align: Align = kind === 'text' ? 'left' : 'center';
  return { col, text, colSpan: 1, rowSpan: 1, align, indent: 0, bold: kind === 'header' || kind === 'label', kind, ...init };
}
const label = (col: number, text: string, init: Partial<LayoutCell> = {}) => cell(col, text, 'label', init);
/** A typed value, centred as on the published form. */
const value = (col: number, text: string, init: Partial<LayoutCell> = {}) => cell(col, text, 'band', { bold: false, ...init });
/** A score or weight as typed (exact, no forced decimals: 12.5 stays 12.5, 9 stays 9). */
function amount(col: number, a: Amount, init: Partial<LayoutCell> = {}): LayoutCell {
  const c = cell(col, a, 'amount', { align: 'center', ...init });
  if (a !== '') c.value = { number: Number(a), decimals: (a.split('.')[1] ?? '').length };
  return c;
}
/** Money as the target tables print it (formatAmount: 3 → 3.00 万元, 2.9648 stays exact; 元 whole). */
function money(col: number, a: Amount, unit: MoneyUnit, init: Partial<LayoutCell> = {}): LayoutCell {
  return amount(col, formatAmount(a, unit), init);
}
const row = (cells: LayoutCell[]): LayoutRow => ({ cells, heightPt: 0, header: false });
/** A score: the typed points, or the word an imported table had there (优, flagged by selfeval.score-text). */
const score = (col: number, points: Amount, word: string | undefined, init: Partial<LayoutCell> = {}) =>
  points === '' && word ? value(col, word, init) : amount(col, points, init);
/** The 预算执行率 row filled like an indicator (资金执行情况 | ≥100% | 98.83%), when the document has one. */
const rateRow = (se: SelfEval) => {
  const r = se.budgetRateRow;
  return r && [r.name, r.target, r.actual, r.level2, r.description, r.deviation].some((t) => t) ? r : null;
};
/** Paragraph sections of the structured form, printed only when typed (nothing the clerk wrote is lost). */
const extraTexts = (se: SelfEval): [string, string][] =>
  ([['预算执行偏差原因', se.fundsReason], ['评价结论', se.conclusion], ['改进措施', se.measures]] as [string, string | undefined][]).filter((x): x is [string, string] => !!x[1]);

/** `产出指标（50）` when the level-1 weight is known. */
function level1Label(se: SelfEval, level1: string): string {
  const w = se.level1Weights.find((x) => x.level1.trim() === level1.trim())?.weight ?? '';
  return w === '' ? level1 : `${level1}（${w}）`;
}

/**
 * Indicator rows in document order, 一级 merged down its runs and 二级 down equal runs inside them.
 * `tail(i)` gives the cells after 二级 for indicator i.
 */
function indicatorRows(se: SelfEval, tail: (i: number) => LayoutCell[]): LayoutRow[] {
  const list = se.indicators;
  const rows = list.map((_, i) => row(tail(i)));
  const spans = levelSpans(list);
  list.forEach((x, r) => {
    const s1 = spans.level1[r];
    const s2 = spans.level2[r];
    if (s2.top === r) rows[r].cells.unshift(value(2, x.level2, { rowSpan: s2.bottom - r + 1 }));
    if (s1.top === r) rows[r].cells.unshift(value(1, level1Label(se, x.level1), { rowSpan: s1.bottom - r + 1, kind: 'level1' }));
  });
  return rows;
}

function footOf(se: SelfEval): { left: string; right: string } {
  // 项目负责人 / 财务负责人 (structured form) only when typed.
  const heads = [se.manager ? `项目负责人：${se.manager}` : '', se.financeManager ? `财务负责人：${se.financeManager}` : ''].filter(Boolean).join('\u3000\u3000');
  return { left: `填报人：${se.preparer}${heads ? `\u3000\u3000${heads}` : ''}`, right: `联系电话：${se.phone}${se.date ? `\u3000\u3000填报日期：${se.date}` : ''}` };
}

function hebeiPart(p: Project, se: SelfEval, unit: MoneyUnit, deptName: string): Omit<LayoutPart, 'sheetName' | 'projectIndex' | 'pageBreakBefore' | 'title' | 'subtitle'> {
  const f = se.funds;
  const rows: LayoutRow[] = [
    row([label(0, '一、基本情况'), label(1, '项目名称'), value(2, p.name, { colSpan: 3 }), label(5, '实施预算单位'), value(6, se.implementer, { colSpan: 2 })]),
    row([label(0, '二、预算执行情况', { rowSpan: 4 }), label(1, '预算安排情况（调整后）', { colSpan: 2 }), label(3, '资金到位情况', { colSpan: 2 }),
      label(5, '资金执行情况', { colSpan: 2 }), label(7, '预算执行进度')]),
    row([label(1, '预算数：'), money(2, f.planned.total, unit), label(3, '到位数：'), money(4, f.received.total, unit), label(5, '执行数：'), money(6, f.spent.total, unit),
      value(7, se.progress, { rowSpan: 3 })]),
    row([label(1, '其中：财政资金'), money(2, f.planned.fiscal, unit), label(3, '其中：财政资金'), money(4, f.received.fiscal, unit), label(5, '其中：财政资金'), money(6, f.spent.fiscal, unit)]),
    row([label(1, '其他'), money(2, f.planned.other, unit), label(3, '其他'), money(4, f.received.other, unit), label(5, '其他'), money(6, f.spent.other, unit)]),
    row([label(0, '三、目标完成情况', { rowSpan: 2 }), label(1, '年度预期目标', { colSpan: 3 }), label(4, '具体完成情况', { colSpan: 3 }), label(7, '总体完成率')]),
    row([cell(1, se.goal, 'text', { colSpan: 3 }), cell(4, se.achieved, 'text', { colSpan: 3 }), value(7, se.completionRate)]),
  ];
  const n = se.indicators.length;
  const body = indicatorRows(se, (i) => {
    const x = se.indicators[i];
    // No description: 三级指标 takes both columns, as on the published form.
    const name = x.description === '' ? [value(3, x.name, { colSpan: 2 })] : [value(3, x.name), value(4, x.description)];
    return [...name, value(5, x.target), value(6, x.actual), score(7, x.score, x.scoreText)];
  });
  const rr = rateRow(se);
  const rrName = rr?.description ? [value(3, rr.name ?? ''), value(4, rr.description)] : [value(3, rr?.name ?? '', { colSpan: 2 })];
  rows.push(
    row([label(0, '四、年度绩效指标完成情况', { rowSpan: n + 4 }), label(1, '一级指标'), label(2, '二级指标'), label(3, '三级指标', { colSpan: 2 }),
      label(5, '预期指标值'), label(6, '实际完成值'), label(7, '自评得分')]),
    ...body,
    row([value(1, se.budgetRateWeight === '' ? '预算执行率' : `预算执行率（${se.budgetRateWeight}）`, { kind: 'level1' }), value(2, rr?.level2 || '预算执行率'),
      ...rrName, value(5, rr?.target ?? ''), value(6, rr?.actual ?? ''), score(7, se.budgetRateScore, se.budgetRateScoreText)]),
    row([label(1, '总分', { colSpan: 6 }), amount(7, se.total)]),
    row([label(1, '评价等级', { colSpan: 6 }), value(7, se.grade)]),
    row([label(0, '五、存在问题、原因及下一步整改措施'), cell(1, se.problems, 'text', { colSpan: 7 })]),
    ...extraTexts(se).map(([l, t]) => row([label(0, l), cell(1, t, 'text', { colSpan: 7 })])),
  );
  const columnsMm = widths(HEBEI_SHARES);
  computeRowHeights(rows, columnsMm, FONT_PT);
  return {
    kind: 'selfeval', columnsMm, titleStyle: 'title', orgLeft: `填报部门：${se.authority || deptName}`, orgRight: `金额单位：${unit}`,
    tables: [{ kind: 'selfeval', headerRows: 0, rows, fontPt: FONT_PT }], note: '', foot: footOf(se),
  };
}

function nationalPart(p: Project, se: SelfEval, unit: MoneyUnit): Omit<LayoutPart, 'sheetName' | 'projectIndex' | 'pageBreakBefore' | 'title' | 'subtitle'> {
  const f = se.funds;
  const dash = (col: number) => value(col, '—');
  type Key = 'total' | 'fiscal' | 'carryOver' | 'other' | 'fiscalSpecial' | 'unitOwn';
  const rate = (k: Key) => se.progressByRow?.[k];
  const fundRow = (name: string, k: Key, first: boolean) => row([
    label(1, name, { colSpan: 2, bold: false }), money(3, f.initial[k] ?? '', unit), money(4, f.planned[k] ?? '', unit), money(5, f.spent[k] ?? '', unit),
    ...(first ? [amount(6, se.budgetRateWeight), value(7, se.progress), score(8, se.budgetRateScore, se.budgetRateScoreText)] : [dash(6), rate(k) ? value(7, rate(k)!) : dash(7), dash(8)]),
  ]);
  // The structured form's rows (财政专户管理资金, 单位资金), printed when the document has them.
  const extraFunds = ([['财政专户管理资金', 'fiscalSpecial'], ['单位资金', 'unitOwn']] as const).filter(([, k]) => [f.initial, f.planned, f.spent].some((c) => c[k] !== undefined));
  const rows: LayoutRow[] = [
    row([label(0, '项目名称'), value(1, p.name, { colSpan: 8 })]),
    row([label(0, '主管部门'), value(1, se.authority, { colSpan: 3 }), label(4, '实施单位', { colSpan: 2 }), value(6, se.implementer, { colSpan: 3 })]),
    row([label(0, `项目资金（${unit}）`, { rowSpan: 5 + extraFunds.length }), value(1, '', { colSpan: 2 }), label(3, '年初预算数'), label(4, '全年预算数'), label(5, '全年执行数'),
      label(6, '分值'), label(7, '执行率'), label(8, '得分')]),
    fundRow('年度资金总额', 'total', true),
    fundRow('其中：当年财政拨款', 'fiscal', false),
    fundRow('上年结转资金', 'carryOver', false),
    ...extraFunds.map(([name, k]) => fundRow(name, k, false)),
    fundRow('其他资金', 'other', false),
    row([label(0, '年度总体目标', { rowSpan: 2 }), label(1, '预期目标', { colSpan: 4 }), label(5, '实际完成情况', { colSpan: 4 })]),
    row([cell(1, se.goal, 'text', { colSpan: 4 }), cell(5, se.achieved, 'text', { colSpan: 4 })]),
  ];
  const n = se.indicators.length;
  const body = indicatorRows(se, (i) => {
    const x = se.indicators[i];
    return [value(3, x.name), value(4, x.target), value(5, x.actual), amount(6, x.weight), score(7, x.score, x.scoreText), cell(8, x.deviation, 'text')];
  });
  // The 预算执行率 row filled like an indicator: its weight and score are printed in 项目资金 above.
  const rr = rateRow(se);
  const rateCells = rr ? [row([value(1, '预算执行率', { kind: 'level1' }), value(2, rr.level2 || '预算执行率'), value(3, rr.name ?? ''), value(4, rr.target ?? ''), value(5, rr.actual ?? ''),
    dash(6), dash(7), cell(8, rr.deviation ?? '', 'text')])] : [];
  rows.push(
    row([label(0, '绩效指标', { rowSpan: n + 1 + rateCells.length }), label(1, '一级指标'), label(2, '二级指标'), label(3, '三级指标'), label(4, '年度指标值'),
      label(5, '实际完成值'), label(6, '分值'), label(7, '得分'), label(8, '偏差原因分析及改进措施')]),
    ...body,
    ...rateCells,
    row([label(0, '总分', { colSpan: 6 }), value(6, '100'), amount(7, se.total), value(8, '')]),
  );
  // Not on the national form, printed only when typed so that nothing the clerk wrote is lost.
  if (se.grade) rows.push(row([label(0, '评价等级', { colSpan: 7 }), value(7, se.grade), value(8, '')]));
  if (se.problems) rows.push(row([label(0, '存在问题、原因及下一步整改措施', { colSpan: 2 }), cell(2, se.problems, 'text', { colSpan: 7 })]));
  for (const [l, t] of extraTexts(se)) rows.push(row([label(0, l, { colSpan: 2 }), cell(2, t, 'text', { colSpan: 7 })]));
  const columnsMm = widths(NATIONAL_SHARES);
  computeRowHeights(rows, columnsMm, FONT_PT);
  return {
    kind: 'selfeval', columnsMm, titleStyle: 'title', orgLeft: '', orgRight: `金额单位：${unit}`,
    tables: [{ kind: 'selfeval', headerRows: 0, rows, fontPt: FONT_PT }], note: '', foot: footOf(se),
  };
}

// ── The structured (一体化) self-evaluation, drawn from the profile ──────────────────────────

/** Whether a self-evaluation form is drawn from its profile's columns (a parts form: 指标性质 | 指标值 | 度量单位). */
export function isColumnsForm(t: SelfevalTemplate): boolean {
  const p = getSelfevalProfile(t.id);
  return p !== undefined && valueMode(p) === 'parts';
}

/** The structured form's words for the fund table (Sichuan 2023: 年初预算 | 调整后预算数 | 预算执行数; 总额 / 其中：财政资金 …). */
export const STRUCTURED_FUND_COLUMN: Readonly<Record<FundColumn, string>> = { initial: '年初预算', planned: '调整后预算数', received: '资金到位情况', spent: '预算执行数' };
export const STRUCTURED_FUND_ROW: Readonly<Record<FundRow, string>> = {
  total: '总额', fiscal: '其中：财政资金', carryOver: '上年结转资金', fiscalSpecial: '财政专户管理资金', unitOwn: '单位资金', other: '其他资金',
};
const FUND_ROW_ORDER: FundRow[] = ['total', 'fiscal', 'carryOver', 'fiscalSpecial', 'unitOwn', 'other'];
/** The structured form's fund rows: the profile's, and any other row the document has an amount in
 * (nothing typed is lost). The 绩效自评 tab shows the same rows. */
export function structuredFundRows(t: Pick<SelfevalTemplate, 'fundRows' | 'fundColumns'>, se: SelfEval): FundRow[] {
  return FUND_ROW_ORDER.filter((r) => t.fundRows.includes(r) || t.fundColumns.some((c) => (se.funds[c][r] ?? '') !== ''));
}
/** Width share of the section label column (预算执行情况, 绩效指标 …), beside the indicator columns' shares. */
const SECTION_SHARE = 1;
/** The fund table's shares on the same scale: row name (财政专户管理资金), each money column, 预算执行率 | 权重 | 得分 | 原因;
 * wide enough that LibreOffice does not break 调整后预算数 / 预算执行率 in an xlsx. */
const FUND_SHARES = { name: [1.9], money: 1.55, tail: [1.45, 0.65, 0.65, 1] };

function structuredPart(p: Project, se: SelfEval, unit: MoneyUnit, profile: SelfevalProfile): Omit<LayoutPart, 'sheetName' | 'projectIndex' | 'pageBreakBefore' | 'title' | 'subtitle'> {
  const cols = columnsOf(profile);
  const parts = valueMode(profile) === 'parts';
  const f = se.funds;
  const fundCols = profile.fundColumns;
  const fundRows = structuredFundRows(profile, se);
  // One grid for the whole table: the union of the indicator table's columns (after the section
  // column) and the fund table's (row name, the fund columns, 预算执行率 | 权重 | 得分 | 原因).
  const k = fundCols.length;
  const a = [SECTION_SHARE, ...cols.map((c) => c.share)];
  const b = [SECTION_SHARE, ...FUND_SHARES.name, ...fundCols.map(() => FUND_SHARES.money), ...FUND_SHARES.tail];
  const { columnsMm, span } = unionGrid([a, b], WIDTH_MM);
  const ncols = columnsMm.length;
  const rest = ncols - 1;
  const labelOf = (field: string, fallback: string) => profile.header.find((h) => h.field === field)?.label ?? fallback;
  /** A cell over indicator columns i … i+n-1 (0 = the section column). */
  const A = (i: number, make: (col: number, s: number) => LayoutCell, n = 1) => { const [c, s] = span(0, i, n); return make(c, s); };
  /** A cell over the fund table's column i. */
  const B = (i: number, make: (col: number, s: number) => LayoutCell) => { const [c, s] = span(1, i); return make(c, s); };

  // 项目名称; 主管部门 | 实施单位 (each half of the indicator columns)
  const half = Math.ceil(cols.length / 2);
  const lab2 = cols.length >= 4 ? 2 : 1;
  const v1 = Math.max(1, half - 1);
  const rows: LayoutRow[] = [
    row([label(0, labelOf('name', '项目名称')), value(1, p.name, { colSpan: rest })]),
    row([label(0, labelOf('selfeval.authority', '主管部门')), A(1, (c, s) => value(c, se.authority, { colSpan: s }), v1),
      A(1 + v1, (c, s) => label(c, labelOf('selfeval.implementer', '实施单位'), { colSpan: s }), lab2),
      A(1 + v1 + lab2, (c, s) => value(c, se.implementer, { colSpan: s }), cols.length - v1 - lab2)]),
  ];
  // 预算执行情况（10分）: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因
  const n = fundRows.length;
  const weightLabel = se.budgetRateWeight === '' ? '' : `（${se.budgetRateWeight}分）`;
  rows.push(row([
    label(0, `预算执行情况${weightLabel}`, { rowSpan: n + 1 }), B(1, (c, s) => label(c, '', { colSpan: s })),
    ...fundCols.map((col, i) => B(2 + i, (c, s) => label(c, STRUCTURED_FUND_COLUMN[col], { colSpan: s }))),
    ...['预算执行率', '权重', '得分', '原因'].map((t, i) => B(2 + k + i, (c, s) => label(c, t, { colSpan: s }))),
  ]));
  fundRows.forEach((r, j) => rows.push(row([
    B(1, (c, s) => label(c, STRUCTURED_FUND_ROW[r], { colSpan: s, bold: false })),
    ...fundCols.map((col, i) => B(2 + i, (c, s) => money(c, f[col][r] ?? '', unit, { colSpan: s }))),
    B(2 + k, (c, s) => value(c, r === 'total' ? se.progress : se.progressByRow?.[r] ?? '', { colSpan: s })),
    ...(j === 0 ? [
      B(3 + k, (c, s) => amount(c, se.budgetRateWeight, { colSpan: s, rowSpan: n })),
      B(4 + k, (c, s) => score(c, se.budgetRateScore, se.budgetRateScoreText, { colSpan: s, rowSpan: n })),
      B(5 + k, (c, s) => cell(c, se.fundsReason ?? '', 'text', { colSpan: s, rowSpan: n })),
    ] : []),
  ])));
  // 年度总体目标: 预期目标 | 实际完成情况
  const g1 = Math.ceil(cols.length / 2), g2 = cols.length - g1;
  rows.push(
    row([label(0, '年度总体目标', { rowSpan: 2 }), A(1, (c, s) => label(c, '预期目标', { colSpan: s }), g1), A(1 + g1, (c, s) => label(c, labelOf('selfeval.achieved', '实际完成情况'), { colSpan: s }), g2)]),
    row([A(1, (c, s) => cell(c, se.goal, 'text', { colSpan: s }), g1), A(1 + g1, (c, s) => cell(c, se.achieved, 'text', { colSpan: s }), g2)]),
  );
  // 绩效指标（90分）: the profile's columns, 一级 with its weight as typed (产出指标（50）)
  const indicatorsWeight = profile.weights.length ? `（${profile.weights.reduce((s, w) => s + Number(w.weight), 0)}分）` : '';
  const text = (c: (typeof cols)[number], i: number) => (c.id === 'level1' ? level1Label(se, se.indicators[i].level1) : columnText(c, se.indicators[i], parts));
  const table = indicatorTable(cols, se.indicators, text, (i) => span(0, i + 1), [], FONT_PT, 'selfeval');
  // The 预算执行率 row filled like an indicator: its weight and score are printed in 预算执行情况 above.
  const rr = rateRow(se);
  if (rr) {
    const by: Record<string, string> = { level1: '预算执行率', level2: rr.level2 || '预算执行率', level3: rr.name ?? '', value: rr.target ?? '', actual: rr.actual ?? '', weight: '—', score: '—', deviation: rr.deviation ?? '' };
    table.rows.push(row(cols.map((c, i) => { const [col, s] = span(0, i + 1); return value(col, by[c.id] ?? '', { colSpan: s, ...(c.id === 'deviation' ? { kind: 'text' as const, align: 'left' as const } : {}) }); })));
  }
  table.rows[0].cells.unshift(label(0, `绩效指标${indicatorsWeight}`, { rowSpan: table.rows.length }));
  for (const r of table.rows) r.header = false;
  rows.push(...table.rows);
  // 合计: the form's total points under 权重, the typed 总分 under 得分
  const wi = cols.findIndex((c) => c.id === 'weight'), si = cols.findIndex((c) => c.id === 'score');
  const formTotal = String(profile.weights.reduce((s, w) => s + Number(w.weight), Number(profile.budgetRateWeight || 0)));
  const sumRow = (lab: string, cells: [number, LayoutCell | null][]) => {
    const first = Math.min(...cells.map(([i]) => i));
    const [c0] = span(0, first + 1);
    const out = [label(0, lab, { colSpan: c0 })];
    cols.forEach((_, i) => {
      if (i < first) return;
      const [c, s] = span(0, i + 1);
      const made = cells.find(([j]) => j === i)?.[1];
      out.push(made ? { ...made, col: c, colSpan: s } : value(c, '', { colSpan: s }));
    });
    return row(out);
  };
  const scoreAt = si >= 0 ? si : cols.length - 1;
  rows.push(sumRow('合计', [...(wi >= 0 ? [[wi, value(0, formTotal)] as [number, LayoutCell]] : []), [scoreAt, amount(0, se.total)]]));
  // Not on the structured form, printed only when typed so that nothing the clerk wrote is lost.
  if (se.grade) rows.push(sumRow('评价等级', [[scoreAt, value(0, se.grade)]]));
  // 评价结论, 存在问题, 改进措施 (the form's own rows, blank when not typed)
  for (const [l, t] of [['评价结论', se.conclusion ?? ''], [labelOf('selfeval.problems', '存在问题'), se.problems], ['改进措施', se.measures ?? '']] as const) {
    rows.push(row([label(0, l), cell(1, t, 'text', { colSpan: rest })]));
  }
  computeRowHeights(rows, columnsMm, FONT_PT);
  // 项目负责人 / 财务负责人, and 填报人 … when typed
  const more = [se.preparer ? `填报人：${se.preparer}` : '', se.phone ? `联系电话：${se.phone}` : '', se.date ? `填报日期：${se.date}` : ''].filter(Boolean);
  return {
    kind: 'selfeval', columnsMm, titleStyle: 'title', orgLeft: '', orgRight: `金额单位：${unit}`,
    tables: [{ kind: 'selfeval', headerRows: 0, rows, fontPt: FONT_PT }], note: '',
    foot: { left: [`项目负责人：${se.manager ?? ''}`, ...more].join('\u3000\u3000'), right: `财务负责人：${se.financeManager ?? ''}` },
  };
}

// ── Blank form ───────────────────────────────────────────────────────────────

/**
 * The blank self-evaluation of a form: the target form's 一级/二级 (one row per 二级 of each required
 * 一级, as its blank target table), the form's level-1 weights in their labels and its 预算执行率
 * weight — the printed form's own text; every value to fill in blank. Ids are fixed.
 */
export function blankSelfevalProject(doc: JixiaoDocument, t: SelfevalTemplate): Project {
  const indicators = blankIndicators(profileOf(doc.meta.templateId))
    .map((x, i) => newSelfEvalIndicator({ id: `blank-se-${i}`, level1: x.level1, level2: x.level2 }));
  const level1Weights = [...new Set(indicators.map((x) => x.level1))].flatMap((l) => {
    const w = t.weights.find((d) => d.level1 === level1Key(t, l));
    return w ? [{ level1: l, weight: w.weight }] : [];
  });
  return newProject(doc.meta.templateId, { id: 'blank', selfeval: newSelfEval({ indicators, level1Weights, budgetRateWeight: t.budgetRateWeight }) });
}

/** Room for a handwritten short value — an amount, a rate, a score (one line; the form must stay on one page). */
const BLANK_SHORT_PT = 20;
/** A blank value cell narrower than this holds a number or a short word; a wider one, or a text cell, text. */
const SHORT_CELL_MM = 30;

/** A blank form's rows that have a cell to fill in (not only labels) get room for handwriting. */
function heightenFillRows(parts: LayoutPart[]): void {
  for (const part of parts) {
    const widthOf = (c: LayoutCell) => part.columnsMm.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    for (const r of part.tables.flatMap((t) => t.rows)) {
      const fill = r.cells.filter((c) => c.text === '' && c.kind !== 'label' && c.kind !== 'header');
      if (fill.length === 0) continue;
      const pt = fill.every((c) => c.kind !== 'text' && widthOf(c) < SHORT_CELL_MM) ? BLANK_SHORT_PT : BLANK_ROW_PT;
      r.heightPt = Math.max(r.heightPt, pt);
      r.minHeightPt = pt;
    }
  }
}

/** Thrown when no chosen project has a self-evaluation part. */
export class NoSelfevalError extends Error {
  readonly code = 'export.no-selfeval';
  constructor() { super('没有可导出的绩效自评表：所选项目都还没有自评内容（请先“生成自评表”或导入自评表）。'); this.name = 'NoSelfevalError'; }
}

export function buildSelfevalLayout(doc: JixiaoDocument, options: SelfevalLayoutOptions = {}): Layout {
  // Fonts, unit, department and year exactly as the target tables' layout has them.
  const base = buildLayout(doc, { dutyTable: false, projects: 'none' });
  const template: SelfevalTemplate = selfevalTemplateFor(doc.meta);
  const profile = getSelfevalProfile(template.id);
  // A document with nothing in it prints the form's blank table, for filling in by hand.
  const blank = isBlankDocument(doc);
  const projects = blank ? [blankSelfevalProject(doc, template)] : doc.projects;
  const chosen = Array.isArray(options.projects) && !blank
    ? [...new Set(options.projects)].filter((i) => i >= 0 && i < projects.length).sort((a, b) => a - b)
    : projects.map((_, i) => i);
  const parts: LayoutPart[] = [];
  for (const i of chosen) {
    const p = projects[i];
    if (!p.selfeval) continue;
    const body = profile && isColumnsForm(template) ? structuredPart(p, p.selfeval, doc.meta.unit, profile)
      : template.layout === 'national-2020' ? nationalPart(p, p.selfeval, doc.meta.unit) : hebeiPart(p, p.selfeval, doc.meta.unit, doc.meta.deptName);
    parts.push({
      ...body, projectIndex: i, sheetName: `自评${i + 1}`, title: template.title, subtitle: `（${doc.meta.year}年度）`, pageBreakBefore: parts.length > 0,
    });
  }
  if (parts.length === 0) throw new NoSelfevalError();
  if (blank) heightenFillRows(parts);
  return {
    ...base, title: `${doc.meta.deptName}${doc.meta.year}年绩效自评表`, page: SELFEVAL_PAGE, printableWidthMm: WIDTH_MM, printableHeightMm: HEIGHT_MM, parts,
  };
}
