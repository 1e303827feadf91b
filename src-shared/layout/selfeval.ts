// Document → layout model of the year-end self-evaluation (部门预算项目绩效自评表), one part per project
// with a self-evaluation, A4 portrait, in the layout of the document's self-evaluation template:
// Hebei 2019 (the fixture's: 一、基本情况 … 五、存在问题, level-1 weights in the labels) or the national
// 2020 form (项目资金 rows with 分值/执行率/得分, per-indicator 分值/得分, 偏差原因分析). Cells print the
// typed values (money as in the target tables: 万元 with at least two decimals, 元 whole; scores as
// typed; blank stays blank); computed scores are never printed.
import { formatAmount, selfevalTemplateFor, type Amount, type MoneyUnit, type JixiaoDocument, type Project, type SelfEval, type SelfevalTemplate } from '../model';
import { buildLayout, DUTY_FONT_PT } from './build';
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

/** Thrown when no chosen project has a self-evaluation part. */
export class NoSelfevalError extends Error {
  readonly code = 'export.no-selfeval';
  constructor() { super('没有可导出的绩效自评表：所选项目都还没有自评内容（请先“生成自评表”或导入自评表）。'); this.name = 'NoSelfevalError'; }
}

export function buildSelfevalLayout(doc: JixiaoDocument, options: SelfevalLayoutOptions = {}): Layout {
  // Fonts, unit, department and year exactly as the target tables' layout has them.
  const base = buildLayout(doc, { dutyTable: false, projects: 'none' });
  const template: SelfevalTemplate = selfevalTemplateFor(doc.meta);
  const chosen = Array.isArray(options.projects)
    ? [...new Set(options.projects)].filter((i) => i >= 0 && i < doc.projects.length).sort((a, b) => a - b)
    : doc.projects.map((_, i) => i);
  const parts: LayoutPart[] = [];
  for (const i of chosen) {
    const p = doc.projects[i];
    if (!p.selfeval) continue;
    const body = template.layout === 'national-2020' ? nationalPart(p, p.selfeval, doc.meta.unit) : hebeiPart(p, p.selfeval, doc.meta.unit, doc.meta.deptName);
    parts.push({
      ...body, projectIndex: i, sheetName: `自评${i + 1}`, title: template.title, subtitle: `（${doc.meta.year}年度）`, pageBreakBefore: parts.length > 0,
    });
  }
  if (parts.length === 0) throw new NoSelfevalError();
  return {
    ...base, title: `${doc.meta.deptName}${doc.meta.year}年绩效自评表`, page: SELFEVAL_PAGE, printableWidthMm: WIDTH_MM, printableHeightMm: HEIGHT_MM, parts,
  };
}
