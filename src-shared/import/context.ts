// What the table recognisers share: the document being built, the report, the current money unit,
// the org line and the years seen, and the row shape they all consume. Each table family
// (duty-table.ts, project-table.ts, selfeval-table.ts) is a small state machine over the same rows;
// recognise.ts finds where each table starts and hands rows to the active one.
import { convertAmount, newDocument, parseAmountInput, splitOrgLine, type JixiaoDocument, type MoneyUnit } from '../model';
import type { GridCell, GridRow, GridStream } from './grid';
import type { ImportReport, UnplacedCell } from './types';

/** For matching only: full-width → half-width, no whitespace, no colons. */
export function normalizeLabel(s: string): string {
  // Labels and headings are short; long cell text is never matched, so skip the NFKC cost.
  if (s.length > 200) return s;
  return s.normalize('NFKC').replace(/[\s:：]+/g, '');
}

/** `执行率(B/A)`, `全年执行数(B)`, `预算执行进度(%)`: a bracketed formula is not part of the label. */
export const bareLabel = (norm: string) => norm.replace(/\([A-Za-z/%]+\)$/, '');
/** A header with a note in brackets (`指标值(包含数字及文字描述)`, `得分(分)`): the label before the bracket. */
export const headerKey = (norm: string) => norm.replace(/\([^()]*\)$/, '');

export const isBlank = (s: string) => s.trim() === '';

/** One non-empty row: its cells (merge origins only) and their normalized spellings. */
export interface Line { row: GridRow; cells: GridCell[]; norms: string[] }

export interface ColumnMap<F> { fields: { field: F; from: number; to: number }[] }

export function fieldAt<F>(map: ColumnMap<F>, col: number): F | null {
  for (const f of map.fields) if (col >= f.from && col < f.to) return f.field;
  return null;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
/** `编制单位：`, `填报单位（盖章）：`: the label before a department's name. */
export const ORG_LABEL = /^\s*(编制|填报|申报|预算)?单位(名称)?\s*([（(]\s*盖章\s*[)）])?\s*[:：]\s*/;

export class ImportContext {
  readonly doc: JixiaoDocument = newDocument();
  readonly report: ImportReport;
  docUnit: MoneyUnit | null = null;
  currentUnit: MoneyUnit = '万元';
  orgSeen = '';
  readonly years: number[] = [];
  /** A project heading (`1、…绩效目标表`) waiting for its table. */
  pendingHeading: { text: string; row: GridRow } | null = null;
  /** Why the dispatcher chose the family of the table being opened (recognise.ts decideFamily). */
  decision: string | undefined;
  /** Level names seen broken over lines (said once each in the report). */
  readonly levelBreaks = new Set<string>();

  constructor(stream: GridStream, fileName: string) {
    this.report = { format: stream.format, fileName, tables: [], mapped: [], warnings: [], unplaced: [] };
    for (const s of stream.stray) this.report.unplaced.push({ ...s });
    this.report.warnings.push(...(stream.warnings ?? []));
  }

  unplaced(row: GridRow, cell: GridCell, reason: string): void {
    this.report.unplaced.push({ sheet: row.sheet, row: row.row, column: cell.col + 1, text: cell.text, reason } satisfies UnplacedCell);
  }

  /**
   * A money cell in the current table's unit, converted to the document's; '' when it is not an
   * amount (reported). A cell with its own unit (`50000元` in a 万元 table, `八十万`) is converted
   * exactly and the conversion is noted in the report; the rules are those of typing (parseAmountInput).
   */
  amount(text: string, row: GridRow, cell: GridCell, what: string): string {
    const unit = this.currentUnit;
    const r = parseAmountInput(text, unit);
    if (!r.ok) {
      this.unplaced(row, cell, `${what}不是数字`);
      this.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}「${text}」未填入（${r.reason}），已列入未能放置的单元格。`);
      return '';
    }
    if (r.note) this.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}${r.note}。`);
    if (this.docUnit && unit !== this.docUnit && r.amount !== '') return convertAmount(r.amount, unit, this.docUnit);
    return r.amount;
  }

  /** A schedule cell (cumulative percent); '' when it is not a percent (reported). */
  percent(text: string, row: GridRow, cell: GridCell, what: string): string {
    const r = parseAmountInput(text, 'percent');
    if (!r.ok) {
      this.unplaced(row, cell, `${what}不是数字`);
      this.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}「${text}」未填入（${r.reason}），已列入未能放置的单元格。`);
      return '';
    }
    if (r.note) this.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}${r.note}。`);
    return r.amount;
  }

  /** `what`: where the name was read (the org line, or a table's own 部门（单位）名称 cell). */
  noteOrg(raw: string, what = '单位行'): void {
    // `编制单位：涞水县…` — the label is not part of the name.
    const text = raw.replace(ORG_LABEL, '');
    if (text.trim() === '') { this.report.mapped.push(`「${raw.trim()}」：单位名称为空`); return; }
    if (!this.orgSeen) {
      this.orgSeen = text;
      const { deptCode, deptName } = splitOrgLine(text);
      this.doc.meta.deptCode = deptCode;
      this.doc.meta.deptName = deptName;
      this.report.mapped.push(`${what}「${text.trim()}」→ 部门编码「${deptCode}」、部门名称「${deptName}」`);
    } else if (normalizeLabel(text) !== normalizeLabel(this.orgSeen)) {
      this.report.warnings.push(`发现不同的单位行「${text.trim()}」，已沿用第一个「${this.orgSeen.trim()}」。`);
    }
  }

  noteUnit(unit: MoneyUnit, row: GridRow): void {
    this.currentUnit = unit;
    if (!this.docUnit) {
      this.docUnit = unit;
      this.doc.meta.unit = unit;
      this.report.mapped.push(`金额单位：${unit}（${row.sheet} 第 ${row.row} 行）`);
    } else if (unit !== this.docUnit) {
      this.report.warnings.push(`${row.sheet} 第 ${row.row} 行的表格金额单位为${unit}，与文档单位${this.docUnit}不同，金额已按${this.docUnit}换算。`);
    }
  }

  noteYear(text: string): void {
    const m = YEAR.exec(text);
    if (m) this.years.push(Number(m[1]));
  }

  /** A heading that turned out to be followed by another family's table. */
  dropHeading(what: string): void {
    if (!this.pendingHeading) return;
    this.report.warnings.push(`标题「${this.pendingHeading.text.trim()}」后面是${what}，未使用。`);
    this.pendingHeading = null;
  }
}

/**
 * A table family's recogniser. The dispatcher offers every row first to `outside` (titles, headings,
 * notes — rows that belong to a family but sit outside its tables), then asks `starts` whether the
 * row opens (or re-heads) one of the family's tables, else gives it to the active family's `take`.
 */
export interface TableRecogniser {
  readonly name: string;
  /** A row outside any table that this family claims: 'close' ends the active table, 'keep' does not. */
  outside?(line: Line, active: TableRecogniser | null): 'close' | 'keep' | null;
  /** While active: rows this family keeps even where another family's table would start. */
  owns?(line: Line, peek: (k: number) => Line | undefined): boolean;
  /** Whether this row starts or re-heads a table of this family; `peek(k)` is the k-th next line. */
  starts(line: Line, active: TableRecogniser | null, peek: (k: number) => Line | undefined): boolean;
  /** Take the starting row (after `starts` said yes). */
  open(line: Line, active: TableRecogniser | null): void;
  /** A row inside the active table. */
  take(line: Line): void;
  /** Another table starts or a title ends this one. */
  close(): void;
  /** After the last row: write what was found into the document. */
  finish(): void;
}
