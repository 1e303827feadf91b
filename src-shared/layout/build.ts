// Document + template → layout model. Numbering, indentation, merges of activity rows and of
// 一级/二级 runs, amount formatting and column widths are decided here, once, for every format.
import {
  activityNumber, dutyNumber, formatAmount, newActivity, newDuty, newDutyIndicator, templateOrDefault,
  type Activity, type Amount, type Duty, type JixiaoDocument, type MoneyUnit, type Project, type Template,
} from '../model';
import { DUTY_FIELD_LABEL, PROJECT_FIELD_LABEL, PROJECT_INDICATOR_LABEL } from '../model/labels';
import { profileOf } from '../model/templates';
import { hasHebeiBlock } from '../profile';
import { BLANK_ROWS, blankDeptWide, blankProject, buildDeptWidePart, buildProfileProjectPart, hasDeptWideContent, heightenBlankRows, isBlankDocument, type FormContext } from './forms';
import { computeRowHeights } from './measure';
import { levelSpans } from './runs';
import type { Align, CellKind, Layout, LayoutCell, LayoutOptions, LayoutPart, LayoutRow, LayoutTable, PageSetup } from './model';

export const PAGE: PageSetup = {
  paper: 'A4', orientation: 'landscape', widthMm: 297, heightMm: 210,
  margins: { top: 18, bottom: 18, left: 15, right: 15, header: 8, footer: 8 },
  footer: '第 {page} 页 共 {pages} 页',
};
export const PRINTABLE_WIDTH_MM = PAGE.widthMm - PAGE.margins.left - PAGE.margins.right; // 267
export const PRINTABLE_HEIGHT_MM = PAGE.heightMm - PAGE.margins.top - PAGE.margins.bottom; // 174

/** The page of a profile's `print.orientation` (A4, the same margins). */
function pageFor(orientation: 'landscape' | 'portrait'): PageSetup {
  return orientation === 'landscape' ? PAGE : { ...PAGE, orientation, widthMm: PAGE.heightMm, heightMm: PAGE.widthMm };
}

/** Shares of the printable width (layouts.md). */
export const DUTY_SHARES = [15, 8, 22, 17, 14, 6, 6, 6, 6];
/**
 * Project block grid: the indicator table's shares (一级 10, 二级 12, 三级 22, 描述 28, 指标值 12,
 * 依据 16) with 三级 and 描述 split in halves, so the upper block (编码/名称, 预算数/财政资金/其他资金,
 * checkpoints) finds column boundaries on the same grid — one sheet, one set of columns.
 */
export const PROJECT_SHARES = [10, 12, 11, 11, 14, 14, 12, 16];

export const DUTY_FONT_PT = 9;
export const PROJECT_FONT_PT = 10.5;
export const DUTY_SHEET = '部门职责-工作活动';
export const PROJECT_SHEET = '项目绩效目标表';
export const DUTY_TITLE = '部门职责-工作活动绩效目标';
const INDENT = '\u3000\u3000';

function widths(shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.round((s / total) * PRINTABLE_WIDTH_MM * 100) / 100);
}

function cell(col: number, text: string, kind: CellKind, init: Partial<LayoutCell> = {}): LayoutCell {
  const align: Align = kind === 'header' || kind === 'label' || kind === 'level1' || kind === 'level2' || kind === 'band' || kind === 'percent'
    ? 'center' : kind === 'amount' ? 'right' : 'left';
  return { col, text, colSpan: 1, rowSpan: 1, align, indent: 0, bold: kind === 'header', kind, ...init };
}

function amountCell(col: number, a: Amount, unit: MoneyUnit | 'percent', init: Partial<LayoutCell> = {}): LayoutCell {
  const text = formatAmount(a, unit);
  const c = cell(col, text, unit === 'percent' ? 'percent' : 'amount', init);
  if (text !== '') c.value = { number: Number(a), decimals: (text.split('.')[1] ?? '').length };
  return c;
}

const row = (cells: LayoutCell[], header = false): LayoutRow => ({ cells, heightPt: 0, header });

export function buildLayout(doc: JixiaoDocument, options: LayoutOptions = {}): Layout {
  const template = templateOrDefault(doc.meta.templateId);
  const profile = profileOf(doc.meta.templateId);
  const unit = doc.meta.unit;
  const orgLeft = `${doc.meta.deptCode}${doc.meta.deptName}`;
  const orgRight = `单位：${unit}`;
  const parts: LayoutPart[] = [];
  const page = pageFor(profile.print.orientation);
  const ctx: FormContext = {
    unit, orgLeft, orgRight, year: doc.meta.year, deptName: doc.meta.deptName,
    widthMm: page.widthMm - page.margins.left - page.margins.right, fontPt: profile.print.fontPt ?? PROJECT_FONT_PT,
  };
  // A document with nothing in it prints its profile's blank form (title, header block, column
  // headers, a few empty rows per table), for filling in by hand.
  const blank = isBlankDocument(doc);
  const hebeiBlock = hasHebeiBlock(profile);

  if (options.deptWide !== false && profile.tables.includes('department-wide') && (blank || hasDeptWideContent(doc.deptWide))) {
    parts.push(buildDeptWidePart(blank ? blankDeptWide(profile) : doc.deptWide!, profile, ctx));
  }
  if (options.dutyTable !== false && doc.dutyTable.duties.length > 0) {
    parts.push(buildDutyPart(doc.dutyTable.duties, doc.dutyTable.note, unit, orgLeft, orgRight, doc.meta.year));
  } else if (options.dutyTable !== false && blank && profile.tables.includes('duty')) {
    // a duty with two activities, three indicator rows each; the numbering (一、 1、) belongs to typed titles
    const rows = () => Array.from({ length: BLANK_ROWS }, (_, i) => newDutyIndicator({ id: `blank-${i}` }));
    const duty = newDuty({ id: 'blank', indicators: rows(), activities: [0, 1].map((k) => newActivity({ id: `blank-a${k}`, indicators: rows() })) });
    const part = buildDutyPart([duty], '', unit, orgLeft, orgRight, doc.meta.year);
    for (const r of part.tables[0].rows) for (const c of r.cells) if (c.kind === 'duty' || c.kind === 'activity') c.text = '';
    parts.push(part);
  }
  const projects = blank && profile.tables.includes('project') && options.projects !== 'none' ? [blankProject(profile)] : doc.projects;
  const chosen = options.projects === 'none' ? []
    : Array.isArray(options.projects) && !blank ? [...new Set(options.projects)].filter((i) => i >= 0 && i < projects.length).sort((a, b) => a - b)
      : projects.map((_, i) => i);
  const usedSheetNames = new Set(parts.map((p) => p.sheetName));
  chosen.forEach((i) => {
    const part = hebeiBlock ? buildProjectPart(projects[i], i, template, unit, orgLeft, orgRight, blank)
      : buildProfileProjectPart(projects[i], i, profile, ctx, profile.family === 'project');
    part.sheetName = options.sheetPerProject ? uniqueSheetName(`${i + 1}、${projects[i].name || '项目'}`, usedSheetNames) : PROJECT_SHEET;
    parts.push(part);
  });
  // parts in the order of the profile's tables (the department-wide table leads its own form)
  const order = (k: LayoutPart['kind']) => { const i = profile.tables.indexOf(k === 'dept-wide' ? 'department-wide' : k === 'duty' ? 'duty' : 'project'); return i < 0 ? 99 : i; };
  parts.sort((a, b) => order(a.kind) - order(b.kind));
  parts.forEach((p, i) => { p.pageBreakBefore = i > 0; });
  if (blank) heightenBlankRows(parts);

  return {
    page,
    printableWidthMm: ctx.widthMm,
    printableHeightMm: page.heightMm - page.margins.top - page.margins.bottom,
    fonts: {
      body: { family: '宋体', sizePt: PROJECT_FONT_PT, fallbacks: ['SimSun', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei'] },
      title: { family: '黑体', sizePt: 16, fallbacks: ['方正小标宋简体', 'SimHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei'] },
      heading: { family: '黑体', sizePt: 14, fallbacks: ['方正小标宋简体', 'SimHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei'] },
      org: { family: '宋体', sizePt: 10.5, fallbacks: ['SimSun', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei'] },
    },
    unit,
    deptName: doc.meta.deptName,
    year: doc.meta.year,
    title: `${doc.meta.deptName}${doc.meta.year}年绩效目标表`,
    parts,
  };
}

/** Thrown when the chosen parts contain nothing to export (an empty workbook is not a valid file). */
export class NothingToExportError extends Error {
  readonly code = 'export.empty';
  constructor() { super('没有可导出的内容：所选的表格（部门职责、部门整体支出、项目）都没有可画的内容。'); this.name = 'NothingToExportError'; }
}

/** Excel sheet names: ≤ 31 chars, none of []:*?/\ , unique (case-insensitive). */
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '项目';
  let name = base;
  for (let k = 2; [...used].some((u) => u.toLowerCase() === name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  used.add(name);
  return name;
}

// ── 部门职责-工作活动 ────────────────────────────────────────────────────────────

function buildDutyPart(duties: Duty[], note: string, unit: MoneyUnit, orgLeft: string, orgRight: string, year: number): LayoutPart {
  const columnsMm = widths(DUTY_SHARES);
  const rows: LayoutRow[] = [
    row([
      ...(['title', 'budget', 'description', 'goal', 'name'] as const).map((f, i) => cell(i, DUTY_FIELD_LABEL[f], 'header', { rowSpan: 2 })),
      cell(5, '评价标准', 'header', { colSpan: 4 }),
    ], true),
    row(['优', '良', '中', '差'].map((t, i) => cell(5 + i, t, 'header')), true),
  ];
  duties.forEach((duty, d) => {
    rows.push(...titledRows(`${dutyNumber(d)}${duty.title}`, 'duty', duty, unit, duty.indicators));
    duty.activities.forEach((act: Activity, a) => {
      rows.push(...titledRows(`${INDENT}${activityNumber(a)}${act.title}`, 'activity', act, unit, act.indicators, 2));
    });
  });
  computeRowHeights(rows, columnsMm, DUTY_FONT_PT);
  return {
    kind: 'duty', sheetName: DUTY_SHEET, columnsMm, title: `${year}年${DUTY_TITLE}`, titleStyle: 'title', orgLeft, orgRight,
    tables: [{ kind: 'duty', headerRows: 2, rows, fontPt: DUTY_FONT_PT }], note: noteText(note), pageBreakBefore: false,
  };
}

/** 备注 footnote: as typed, with the 备注： label added when the user did not type one. */
function noteText(note: string): string {
  const t = note.trim();
  return t === '' ? '' : /^(备注|注)[:：]/.test(t) ? t : `备注：${t}`;
}

/** A duty or activity: n indicator rows (at least one), its first four cells merged down them. */
function titledRows(
  title: string, kind: 'duty' | 'activity', item: { budget: Amount; description: string; goal: string }, unit: MoneyUnit,
  indicators: { name: string; bands: string[] }[], indent = 0,
): LayoutRow[] {
  const n = Math.max(1, indicators.length);
  const lead = [
    cell(0, title, kind, { rowSpan: n, indent, bold: kind === 'duty' }),
    amountCell(1, item.budget, unit, { rowSpan: n }),
    cell(2, item.description, 'text', { rowSpan: n }),
    cell(3, item.goal, 'text', { rowSpan: n }),
  ];
  const indicatorCells = (i: number): LayoutCell[] => {
    const ind = indicators[i];
    return [cell(4, ind?.name ?? '', 'text'), ...[0, 1, 2, 3].map((b) => cell(5 + b, ind?.bands[b] ?? '', 'band'))];
  };
  return Array.from({ length: n }, (_, i) => row(i === 0 ? [...lead, ...indicatorCells(0)] : indicatorCells(i)));
}

// ── 项目绩效目标表 ─────────────────────────────────────────────────────────────

function buildProjectPart(p: Project, index: number, t: Template, unit: MoneyUnit, orgLeft: string, orgRight: string, blank = false): LayoutPart {
  const columnsMm = widths(PROJECT_SHARES);
  const last = PROJECT_SHARES.length - 1;
  const info: LayoutRow[] = [
    row([cell(0, PROJECT_FIELD_LABEL.code, 'label'), cell(1, p.code, 'text', { colSpan: 2 }), cell(3, PROJECT_FIELD_LABEL.name, 'label'), cell(4, p.name, 'text', { colSpan: last - 3 })]),
    row([
      cell(0, '预算规模及资金用途', 'label', { rowSpan: 2 }), cell(1, '预算数', 'label'), amountCell(2, p.budget, unit),
      cell(3, '其中：财政资金', 'label'), amountCell(4, p.fiscal, unit), cell(5, '其他资金', 'label'), amountCell(6, p.other, unit, { colSpan: last - 5 }),
    ]),
    row([cell(1, p.purpose, 'text', { colSpan: last })]),
  ];
  const groups = splitColumns(columnsMm.slice(1), t.checkpoints.length).map(([c, s]) => [c + 1, s] as const);
  info.push(
    row([cell(0, '资金支出计划（%）', 'label', { rowSpan: 2 }), ...groups.map(([c, s], i) => cell(c, t.checkpoints[i], 'label', { colSpan: s }))]),
    row(groups.map(([c, s], i) => amountCell(c, p.schedule[i] ?? '', 'percent', { colSpan: s }))),
    row([cell(0, '绩效目标', 'label'), cell(1, p.goal, 'text', { colSpan: last })]),
  );
  computeRowHeights(info, columnsMm, PROJECT_FONT_PT);

  const ind: LayoutRow[] = [row([
    cell(0, PROJECT_INDICATOR_LABEL.level1, 'header'), cell(1, PROJECT_INDICATOR_LABEL.level2, 'header'), cell(2, PROJECT_INDICATOR_LABEL.name, 'header', { colSpan: 2 }),
    cell(4, PROJECT_INDICATOR_LABEL.description, 'header', { colSpan: 2 }), cell(6, PROJECT_INDICATOR_LABEL.value, 'header'), cell(7, PROJECT_INDICATOR_LABEL.basis, 'header'),
  ], true)];
  // The document's row order, as the clerk typed it (the editor shows the same); the template order
  // is an explicit command (sortIndicatorsByTemplate), never an export-time re-sort.
  const rows = p.indicators;
  const body: LayoutRow[] = rows.map((x) => row([
    cell(2, x.name, 'text', { colSpan: 2 }), cell(4, x.description, 'text', { colSpan: 2 }),
    cell(6, x.value, 'band'), cell(7, x.basis, 'text', { align: 'center' }),
  ]));
  // 一级/二级 merged by the editor's rule (runs.ts): adjacent equal non-empty cells, 二级 inside 一级.
  const spans = levelSpans(rows);
  rows.forEach((x, r) => {
    const s1 = spans.level1[r];
    const s2 = spans.level2[r];
    if (s2.top === r) body[r].cells.unshift(cell(1, x.level2, 'level2', { rowSpan: s2.bottom - r + 1 }));
    if (s1.top === r) body[r].cells.unshift(cell(0, x.level1, 'level1', { rowSpan: s1.bottom - r + 1 }));
  });
  ind.push(...body);
  computeRowHeights(ind, columnsMm, PROJECT_FONT_PT);

  const tables: LayoutTable[] = [
    { kind: 'project-info', headerRows: 0, rows: info, fontPt: PROJECT_FONT_PT },
    { kind: 'project-indicators', headerRows: 1, rows: ind, fontPt: PROJECT_FONT_PT },
  ];
  return {
    kind: 'project', projectIndex: index, sheetName: PROJECT_SHEET, columnsMm,
    title: blank ? '项目绩效目标表' : `${index + 1}、${p.name}绩效目标表`, titleStyle: 'heading', orgLeft, orgRight, tables, note: '', pageBreakBefore: false,
  };
}

/** Split consecutive columns into n groups of about equal width: [startCol, span][]. */
export function splitColumns(widthsMm: number[], n: number): [number, number][] {
  if (n <= 0) return [];
  if (n >= widthsMm.length) return widthsMm.map((_, i) => [i, i < n ? 1 : 0] as [number, number]).filter(([, s]) => s > 0).slice(0, n);
  const total = widthsMm.reduce((a, b) => a + b, 0);
  const ends: number[] = []; // exclusive end index of each group
  let cum = 0;
  const cums = widthsMm.map((w) => (cum += w));
  for (let g = 1; g < n; g++) {
    const target = (total * g) / n;
    const min = (ends[ends.length - 1] ?? 0) + 1;
    const max = widthsMm.length - (n - g);
    let best = min;
    for (let e = min; e <= max; e++) if (Math.abs(cums[e - 1] - target) < Math.abs(cums[best - 1] - target)) best = e;
    ends.push(best);
  }
  ends.push(widthsMm.length);
  return ends.map((e, g) => { const s = g === 0 ? 0 : ends[g - 1]; return [s, e - s]; });
}
