// A finding of the 审核 (validation). `path` points at one cell: the row's stable id plus the field
// ('title', 'budget', 'bands.2', 'value', 'schedule.3', 'code' …); for document-level findings the
// rowId is 'meta'. `where` names the rows for people; `text` is the cell as typed.
// One cause on many cells of a table is one finding with `cells` (see group.ts); `path`, `where`
// and `text` are then its first cell's, so consumers that read one cell per finding still work.

/** 错误: the table is wrong or cannot be scored; 警告: likely wrong, worth a look; 提示 (info): style. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface CellPath { rowId: string; field: string }

/** One cell of a grouped finding. */
export interface FindingCell {
  path: CellPath;
  where: string;
  text: string;
  suggestion?: string;
}

export interface Finding {
  severity: Severity;
  code: string;
  path: CellPath;
  where: string;
  text: string;
  message: string;
  /** A normalized spelling the user may apply with one click (never applied silently). For a group: the one every cell gets, if they all get the same. */
  suggestion?: string;
  /** A group: every cell with this cause, in table order (the first is `path`). Absent for one cell. */
  cells?: FindingCell[];
  /** A fix that rewrites several cells of one row (the redrafted 良/中/差 of a band table); applied as one undo step. */
  fix?: { path: CellPath; value: string }[];
}

/** The cells a finding points at: its group's, or its one cell. */
export function findingCells(f: Finding): FindingCell[] {
  if (f.cells) return f.cells;
  const c: FindingCell = { path: f.path, where: f.where, text: f.text };
  if (f.suggestion !== undefined) c.suggestion = f.suggestion;
  return [c];
}

/** Errors and warnings (what counts); 提示 are counted apart and shown on request. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

/** How a rule's findings of one code group into one cause per table (validate/group.ts). */
export interface GroupPolicy {
  /** Findings of this code with the same key in one table are one cause; null keeps one apart. */
  key(f: Finding): string | null;
  /** The group's message for its cells (n ≥ 2). Default: “N 个指标的” + the cells' (equal) message. */
  message?(cells: Finding[]): string;
}
