// Apply a finding's suggestions: one cell, or every cell of a grouped finding, as one undo step.
import type { JixiaoDocument } from '../model';
import { findingCells, type Finding } from '../validate/types';
import { setCellsEdit } from './commands';
import type { Edit } from './patch';

/** The cells of `f` that have a suggestion differing from their text. */
export function fixableCells(f: Finding): { rowId: string; field: string; value: string }[] {
  if (f.fix) return f.fix.map((c) => ({ rowId: c.path.rowId, field: c.path.field, value: c.value }));
  return findingCells(f)
    .filter((c) => c.suggestion !== undefined && c.suggestion !== c.text)
    .map((c) => ({ rowId: c.path.rowId, field: c.path.field, value: c.suggestion! }));
}

/** One edit that applies every suggestion of `f` (null when there is none). */
export function fixFindingEdit(doc: JixiaoDocument, f: Finding, label = '采用建议'): Edit | null {
  const changes = fixableCells(f);
  return changes.length ? setCellsEdit(doc, changes, changes.length > 1 ? `${label}（${changes.length} 处）` : label) : null;
}
