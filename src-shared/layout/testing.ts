// Checks the layout tests share (not used by the program).
import type { LayoutTable } from './model';

/** Positions covered by each cell; every one of rows × ncols exactly once. */
export function coveredOnce(t: LayoutTable, ncols: number): boolean {
  const seen = new Map<string, number>();
  t.rows.forEach((r, y) => r.cells.forEach((c) => {
    for (let dy = 0; dy < c.rowSpan; dy++) for (let dx = 0; dx < c.colSpan; dx++) seen.set(`${y + dy}:${c.col + dx}`, (seen.get(`${y + dy}:${c.col + dx}`) ?? 0) + 1);
  }));
  return seen.size === t.rows.length * ncols && [...seen.values()].every((n) => n === 1);
}
