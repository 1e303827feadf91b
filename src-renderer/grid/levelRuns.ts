// The merged 一级/二级 cells of the indicator grids (project targets, 绩效自评), from the one rule
// the exports use too (src-shared/layout/runs.ts): what the grid spans, what AG Grid draws merged,
// and which rows an edit of a merged cell changes.
import type { IRowNode } from 'ag-grid-community';
import { levelSpansOf, type LevelRow, type RowSpan } from '../../src-shared/layout/runs';

type Row = LevelRow & { id: string };
const isLevel = (field: string): field is 'level1' | 'level2' => field === 'level1' || field === 'level2';

/** The rows merged into one cell with row `r` in column `field` (only 一级/二级 merge). */
export function levelSpan(rows: readonly Row[], r: number, field: string): RowSpan {
  return isLevel(field) && rows[r] ? levelSpansOf(rows)[field][r] : { top: r, bottom: r };
}

/** A value for the cell at row `r`: for a merged 一级/二级 cell, for every row of its run (one edit). */
export function runChanges(rows: readonly Row[], r: number, field: string, value: string): { rowId: string; field: string; value: string }[] {
  if (!rows[r]) return [];
  const s = levelSpan(rows, r, field);
  return rows.slice(s.top, s.bottom + 1).map((row) => ({ rowId: row.id, field, value }));
}

const indexes = new WeakMap<readonly Row[], Map<Row, number>>();
/** AG Grid's spanRows: the two rows are in one merged cell of `field`. */
export function sameLevelCell(rows: readonly Row[], a: IRowNode | null | undefined, b: IRowNode | null | undefined, field: 'level1' | 'level2'): boolean {
  let index = indexes.get(rows);
  if (!index) indexes.set(rows, (index = new Map(rows.map((row, i) => [row, i]))));
  const ia = a?.data ? index.get(a.data as Row) : undefined;
  const ib = b?.data ? index.get(b.data as Row) : undefined;
  if (ia === undefined || ib === undefined) return false;
  const spans = levelSpansOf(rows)[field];
  return spans[ia].top === spans[ib].top;
}
