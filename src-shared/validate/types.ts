// A finding of the 审核 (validation). `path` points at one cell: the row's stable id plus the field
// ('title', 'budget', 'bands.2', 'value', 'schedule.3', 'code' …); for document-level findings the
// rowId is 'meta'. `where` names the rows for people; `text` is the cell as typed.
export type Severity = 'error' | 'warning';

export interface CellPath { rowId: string; field: string }

export interface Finding {
  severity: Severity;
  code: string;
  path: CellPath;
  where: string;
  text: string;
  message: string;
  /** A normalized spelling the user may apply with one click (never applied silently). */
  suggestion?: string;
}
