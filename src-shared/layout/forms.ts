// Forms drawn from the profile (issue 18): the project table of forms without the Hebei block
// (88号: 项目名称 | 主管部门 | 实施单位 | 项目资金 … | 总体目标 | 年度目标; structured: 单位名称 |
// 项目名称 | 预算数 | 年度目标) and the department-wide table (部门（单位）整体支出绩效目标表). The
// header block lists the profile's `header` fields in order (projectHeaderRows: the editor shows the
// same rows); the indicator grid is the profile's `columns` (columnsOf) with their labels and shares
// — in a parts form 指标性质 | 指标值 | 度量单位 print the indicator's parts (model/parts.ts). The Hebei block (项目编码, 资金支出计划 …) stays in
// build.ts, unchanged, for the profiles whose header has 资金支出计划 (hasHebeiBlock).
import {
  formatAmount, hasDeptWideContent, indicatorParts, newDeptTask, newDeptWide, newProject, newProjectIndicator, targetParts,
  type Amount, type DeptWide, type JixiaoDocument, type MoneyUnit, type Project, type ProjectIndicator, type SelfEvalIndicator,
} from '../model';
import { columnsOf, moneyGroupLabel, printsDeptFunctions, projectHeaderRows, valueMode, type ProjectHeaderFieldId, type ResolvedColumn, type TargetProfile } from '../profile';
import { computeRowHeights } from './measure';
import { levelSpans } from './runs';
import type { Align, CellKind, LayoutCell, LayoutPart, LayoutRow, LayoutTable } from './model';

export const DEPT_WIDE_SHEET = '部门整体支出绩效目标表';
/** Title of the project tables of a form whose own title is another table's (the 88号 department set). */
export const PROJECT_FORM_TITLE = '{year}年度项目支出绩效目标表';
/** Empty rows a blank form prints per table, for filling in by hand. */
export const BLANK_ROWS = 3;

/** Task columns when the profile names none. */
const DEFAULT_TASK_COLUMNS = [
  { field: 'name', label: '任务名称' }, { field: 'content', label: '主要内容' },
  { field: 'total', label: '总额' }, { field: 'fiscal', label: '财政拨款' }, { field: 'other', label: '其他资金' },
] as const;

export interface FormContext { unit: MoneyUnit; orgLeft: string; orgRight: string; year: number; deptName: string; widthMm: number; fontPt: number }

/** `{year}` `{dept}` `{name}` `{index}` of a title pattern filled in. */
export function fillTitle(pattern: string, v: { year: number; dept: string; name?: string; index?: number }): string {
  return pattern.replace(/\{(year|dept|name|index)\}/g, (_, k: string) => String(k === 'year' ? v.year : k === 'dept' ? v.dept : k === 'name' ? v.name ?? '' : v.index ?? ''));
}

function cell(col: number, text: string, kind: CellKind, init: Partial<LayoutCell> = {}): LayoutCell {
  const align: Align = kind === 'header' || kind === 'label' || kind === 'level1' || kind === 'level2' || kind === 'band' ? 'center' : kind === 'amount' ? 'right' : 'left';
  return { col, text, colSpan: 1, rowSpan: 1, align, indent: 0, bold: kind === 'header', kind, ...init };
}

function amountCell(col: number, a: Amount, unit: MoneyUnit, init: Partial<LayoutCell> = {}): LayoutCell {
  const text = formatAmount(a, unit);
  const c = cell(col, text, 'amount', init);
  if (text !== '') c.value = { number: Number(a), decimals: (text.split('.')[1] ?? '').length };
  return c;
}

const row = (cells: LayoutCell[], header = false): LayoutRow => ({ cells, heightPt: 0, header });

/**
 * One column grid for tables that share a part: the union of each table's column boundaries
 * (shares of the width), boundaries closer than `snapMm` merged. `span(set, i, n)` gives the grid
 * column and span of the set's columns i … i+n-1.
 */
export function unionGrid(shareSets: number[][], widthMm: number, snapMm = 4): { columnsMm: number[]; span: (set: number, i: number, n?: number) => [number, number] } {
  const edges = shareSets.map((shares) => {
    const total = shares.reduce((a, b) => a + b, 0);
    let cum = 0;
    return [0, ...shares.map((s) => (cum += s) / total * widthMm)];
  });
  const all = edges.flat().sort((a, b) => a - b);
  const grid: number[] = [];
  for (const e of all) if (grid.length === 0 || e - grid[grid.length - 1] > snapMm) grid.push(e);
  grid[grid.length - 1] = widthMm;
  const nearest = (x: number) => grid.reduce((best, g, k) => (Math.abs(g - x) < Math.abs(grid[best] - x) ? k : best), 0);
  const columnsMm = grid.slice(1).map((g, k) => Math.round((g - grid[k]) * 100) / 100);
  return {
    columnsMm,
    span: (set, i, n = 1) => { const a = nearest(edges[set][i]), b = nearest(edges[set][i + n]); return [a, Math.max(1, b - a)]; },
  };
}

// ── 项目支出绩效目标表 (88号 / structured) ─────────────────────────────────────

/** The text a column prints for an indicator (parts in a parts form): a target-table indicator, or a
 * self-evaluation indicator (its 年度指标值 is `target`; it adds 完成值, 得分, 未完成原因). */
export function columnText(col: ResolvedColumn, ind: ProjectIndicator | SelfEvalIndicator, parts: boolean): string {
  const se = typeof ind.target === 'string' ? ind as SelfEvalIndicator : null;
  const valueParts = () => (se ? targetParts(se) : indicatorParts(ind as ProjectIndicator));
  switch (col.id) {
    case 'level1': return ind.level1;
    case 'level2': return ind.level2;
    case 'level3': return ind.name;
    case 'content': case 'description': return ind.description;
    case 'operator': return valueParts().operator;
    case 'value': return parts ? valueParts().number : se ? se.target : (ind as ProjectIndicator).value;
    case 'unit': return valueParts().unit;
    case 'weight': return ind.weight ?? '';
    case 'direction': return ind.direction ?? '';
    case 'explanation': return ind.explanation ?? '';
    case 'scoring': return ind.scoring ?? '';
    case 'basis': return se ? '' : (ind as ProjectIndicator).basis;
    case 'remark': return ind.remark ?? '';
    case 'core': return ind.core === undefined ? '' : ind.core ? '是' : '否';
    // result columns (完成值, 得分 …) belong to self-evaluations; a score typed as a word (优) prints as typed
    case 'actual': return se ? se.actual : '';
    case 'score': return se ? (se.score === '' && se.scoreText ? se.scoreText : se.score) : '';
    case 'deviation': return se ? se.deviation : '';
  }
}

const CENTRED: ReadonlySet<string> = new Set(['operator', 'value', 'unit', 'weight', 'direction', 'core', 'actual', 'score']);

/**
 * The indicator table: the profile's column headers, then one row per indicator with `text(column, i)`
 * in each column, 一级/二级 merged down adjacent equal runs (their text is the run's first row's).
 */
export function indicatorTable(
  cols: ResolvedColumn[], indicators: readonly { level1: string; level2: string }[], text: (c: ResolvedColumn, i: number) => string,
  at: (i: number) => [number, number], lead: LayoutRow[], fontPt: number, kind: LayoutTable['kind'],
): LayoutTable {
  const place = (i: number, t: string, k: CellKind, init: Partial<LayoutCell> = {}) => { const [c, s] = at(i); return cell(c, t, k, { colSpan: s, ...init }); };
  const rows: LayoutRow[] = [...lead, row(cols.map((c, i) => place(i, c.label, 'header')), true)];
  const l1 = cols.findIndex((c) => c.id === 'level1'), l2 = cols.findIndex((c) => c.id === 'level2');
  const body = indicators.map((_, r) => row(cols.flatMap((c, i) => (i === l1 || i === l2 ? []
    : [place(i, text(c, r), 'text', CENTRED.has(c.id) ? { align: 'center' } : {})]))));
  // 一级/二级 merged by the one rule of the editor and every export (runs.ts)
  const spans = levelSpans(indicators);
  indicators.forEach((_, r) => {
    const s1 = spans.level1[r], s2 = spans.level2[r];
    if (l1 >= 0 && s1.top === r) body[r].cells.push(place(l1, text(cols[l1], r), 'level1', { rowSpan: s1.bottom - r + 1 }));
    if (l2 >= 0 && s2.top === r) body[r].cells.push(place(l2, text(cols[l2], r), 'level2', { rowSpan: s2.bottom - r + 1 }));
  });
  for (const r of body) r.cells.sort((a, b) => a.col - b.col);
  rows.push(...body);
  return { kind, headerRows: lead.length + 1, rows, fontPt };
}

/** A project's value for a header field (text, or an amount when the field is money). */
function projectField(p: Project, field: ProjectHeaderFieldId): string {
  const v = (p as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : '';
}

/** The project table of a profile without the Hebei block: header rows from `header`, the grid from `columns`. */
export function buildProfileProjectPart(p: Project, index: number, profile: TargetProfile, ctx: FormContext, ownTitle: boolean): LayoutPart {
  const cols = columnsOf(profile);
  const parts = valueMode(profile) === 'parts';
  const { columnsMm, span } = unionGrid([cols.map((c) => c.share)], ctx.widthMm);
  const ncols = columnsMm.length;
  const info: LayoutRow[] = [];
  for (const r of projectHeaderRows(profile)) {
    if (r.kind === 'text') {
      info.push(row([cell(0, r.field.label, 'label'), cell(1, projectField(p, r.field.field), 'text', { colSpan: ncols - 1 })]));
    } else if (r.fields.length === 1) {
      info.push(row([cell(0, r.fields[0].label, 'label'), amountCell(1, projectField(p, r.fields[0].field), ctx.unit, { colSpan: ncols - 1, align: 'center' })]));
    } else {
      // 项目资金（万元）down the left, one row per amount: label, then the amount across the rest
      const labelSpan = ncols > 3 ? 2 : 1;
      r.fields.forEach((m, k) => info.push(row([
        ...(k === 0 ? [cell(0, moneyGroupLabel(ctx.unit), 'label', { rowSpan: r.fields.length })] : []),
        cell(1, m.label, 'label', { colSpan: labelSpan }), amountCell(1 + labelSpan, projectField(p, m.field), ctx.unit, { colSpan: ncols - 1 - labelSpan, align: 'center' }),
      ])));
    }
  }
  computeRowHeights(info, columnsMm, ctx.fontPt);
  const ind = indicatorTable(cols, p.indicators, (c, i) => columnText(c, p.indicators[i], parts), (i) => span(0, i), [], ctx.fontPt, 'project-indicators');
  computeRowHeights(ind.rows, columnsMm, ctx.fontPt);
  const title = ownTitle ? fillTitle(profile.title, { year: ctx.year, dept: ctx.deptName, name: p.name, index: index + 1 })
    : fillTitle(PROJECT_FORM_TITLE, { year: ctx.year, dept: ctx.deptName, name: p.name, index: index + 1 });
  return {
    kind: 'project', projectIndex: index, sheetName: '项目绩效目标表', columnsMm, title, titleStyle: 'title',
    orgLeft: ctx.orgLeft, orgRight: ctx.orgRight,
    tables: [{ kind: 'project-info', headerRows: 0, rows: info, fontPt: ctx.fontPt }, ind], note: '', pageBreakBefore: false,
  };
}

// ── 部门（单位）整体支出绩效目标表 ───────────────────────────────────────────

/** Task column shares: 任务名称 20, 主要内容 35, each amount 15. */
const TASK_SHARE: Record<string, number> = { name: 20, content: 35, total: 15, fiscal: 15, other: 15 };

export function buildDeptWidePart(dw: DeptWide, profile: TargetProfile, ctx: FormContext): LayoutPart {
  const cols = columnsOf(profile);
  const parts = valueMode(profile) === 'parts';
  const tcols = profile.taskColumns ?? DEFAULT_TASK_COLUMNS;
  const { columnsMm, span } = unionGrid([tcols.map((t) => TASK_SHARE[t.field]), cols.map((c) => c.share)], ctx.widthMm);
  const ncols = columnsMm.length;
  const isMoney = (f: string) => f === 'total' || f === 'fiscal' || f === 'other';
  const firstMoney = tcols.findIndex((t) => isMoney(t.field));
  const moneyCount = tcols.filter((t) => isMoney(t.field)).length;
  const labelOf = (field: string, fallback: string) => profile.header.find((h) => h.field === field)?.label ?? fallback;
  const t = (i: number, text: string, k: CellKind, init: Partial<LayoutCell> = {}) => { const [c, s] = span(0, i); return cell(c, text, k, { colSpan: s, ...init }); };
  // the label column of 部门名称 / 年度总体目标 is the task name's
  const [, nameSpan] = span(0, 0);
  const info: LayoutRow[] = [
    row([cell(0, labelOf('meta.deptName', '部门（单位）名称'), 'label', { colSpan: nameSpan }), cell(nameSpan, ctx.deptName, 'text', { colSpan: ncols - nameSpan })]),
    row([cell(0, labelOf('deptWide.tasks', '年度主要任务'), 'label', { colSpan: ncols, bold: true })]),
  ];
  // 任务名称 | 主要内容 | 预算金额 over 总额 / 财政拨款 / 其他资金 (two header rows when there is money)
  if (moneyCount > 0) {
    info.push(
      row([...tcols.flatMap((c, i) => (isMoney(c.field) ? [] : [t(i, c.label, 'header', { rowSpan: 2 })])), (() => { const [c] = span(0, firstMoney); const [c2, s2] = span(0, firstMoney + moneyCount - 1); return cell(c, '预算金额', 'header', { colSpan: c2 + s2 - c }); })()]
        .sort((a, b) => a.col - b.col)),
      row(tcols.flatMap((c, i) => (isMoney(c.field) ? [t(i, c.label, 'header')] : []))),
    );
  } else info.push(row(tcols.map((c, i) => t(i, c.label, 'header'))));
  for (const task of dw.tasks) {
    info.push(row(tcols.map((c, i) => (isMoney(c.field) ? (() => { const [col, s] = span(0, i); return amountCell(col, task[c.field], ctx.unit, { colSpan: s }); })()
      : t(i, task[c.field as 'name' | 'content'], 'text')))));
  }
  // 金额合计 under 总额 (as typed; the audit compares it with the tasks), and under 财政拨款 / 其他资金
  // when the document holds those sums (an imported form printed them)
  const totalIdx = tcols.findIndex((c) => c.field === 'total');
  if (totalIdx >= 0) {
    const [tc, ts] = span(0, totalIdx);
    const cells: LayoutCell[] = [cell(0, labelOf('deptWide.total', '金额合计'), 'label', { colSpan: tc }), amountCell(tc, dw.total, ctx.unit, { colSpan: ts })];
    const sums = { fiscal: dw.totalFiscal, other: dw.totalOther };
    const sumCols = tcols.map((c, i) => [c.field, i] as const).filter(([f, i]) => (f === 'fiscal' || f === 'other') && i > totalIdx && sums[f] !== undefined);
    let at = tc + ts;
    for (const [f, i] of sumCols) {
      const [c, s] = span(0, i);
      if (c > at) cells.push(cell(at, '', 'text', { colSpan: c - at }));
      cells.push(amountCell(c, sums[f as 'fiscal' | 'other']!, ctx.unit, { colSpan: s }));
      at = c + s;
    }
    if (at < ncols) cells.push(cell(at, '', 'text', { colSpan: ncols - at }));
    info.push(row(cells));
  }
  // 部门职能职责概述 where the form prints it, or the document holds it (an imported form printed it)
  if (dw.functions !== undefined || printsDeptFunctions(profile)) {
    info.push(row([cell(0, labelOf('deptWide.functions', '部门职能职责概述'), 'label', { colSpan: nameSpan }), cell(nameSpan, dw.functions ?? '', 'text', { colSpan: ncols - nameSpan })]));
  }
  info.push(row([cell(0, labelOf('deptWide.goal', '年度总体目标'), 'label', { colSpan: nameSpan }), cell(nameSpan, dw.goal, 'text', { colSpan: ncols - nameSpan })]));
  computeRowHeights(info, columnsMm, ctx.fontPt);
  const lead = [row([cell(0, '年度绩效指标', 'label', { colSpan: ncols, bold: true })], true)];
  const ind = indicatorTable(cols, dw.indicators, (c, i) => columnText(c, dw.indicators[i], parts), (i) => span(1, i), lead, ctx.fontPt, 'dept-indicators');
  computeRowHeights(ind.rows, columnsMm, ctx.fontPt);
  return {
    kind: 'dept-wide', sheetName: DEPT_WIDE_SHEET, columnsMm, title: fillTitle(profile.title, { year: ctx.year, dept: ctx.deptName }), titleStyle: 'title',
    orgLeft: ctx.orgLeft, orgRight: ctx.orgRight, tables: [{ kind: 'dept-info', headerRows: 0, rows: info, fontPt: ctx.fontPt }, ind], note: '', pageBreakBefore: false,
  };
}

// ── Blank forms ──────────────────────────────────────────────────────────────

/** A document with no content at all: its export is the profile's blank form. */
export function isBlankDocument(doc: JixiaoDocument): boolean {
  return doc.dutyTable.duties.length === 0 && doc.projects.length === 0 && !hasDeptWideContent(doc.deptWide);
}

export { hasDeptWideContent };

/** Empty rows of a blank form get room for handwriting (two lines of 10.5 pt). */
export const BLANK_ROW_PT = 30;

/** Gives the rows to fill in of a blank form (no label, no column header in them) room for handwriting. */
export function heightenBlankRows(parts: LayoutPart[]): void {
  for (const t of parts.flatMap((p) => p.tables)) {
    for (const r of t.rows) {
      if (r.header || r.cells.some((c) => c.kind === 'header' || c.kind === 'label')) continue;
      r.heightPt = Math.max(r.heightPt, BLANK_ROW_PT);
      r.minHeightPt = BLANK_ROW_PT;
    }
  }
}

/** A blank form's indicator rows: one per 二级 of each required 一级 of the profile, as printed blank forms list them. */
export function blankIndicators(profile: TargetProfile): ProjectIndicator[] {
  return profile.level1.filter((l) => l.required)
    .flatMap((l) => (l.level2.length ? l.level2 : ['']).map((level2) => ({ level1: l.name, level2 })))
    .map((x, i) => newProjectIndicator({ id: `blank-${i}`, ...x }));
}

/** An empty project (ids are fixed: a blank form is the same every time). */
export function blankProject(profile: TargetProfile): Project {
  return newProject(profile.id, { id: 'blank', indicators: blankIndicators(profile) });
}

export function blankDeptWide(profile: TargetProfile): DeptWide {
  return newDeptWide({
    tasks: Array.from({ length: BLANK_ROWS }, (_, i) => newDeptTask({ id: `blank-t${i}` })),
    indicators: blankIndicators(profile),
  });
}
