// Manual pagination of a table for formats without per-table repeating headers (xlsx with several
// project blocks on one sheet: print titles can name only one row range per sheet). Rows are cut
// into pages by their computed heights; spans crossing a cut are split and their text repeated on
// the new page, and the header rows are repeated at the top of each continuation page.
import type { LayoutRow, LayoutTable } from './model';

/**
 * @param firstPagePt height left on the current page for this table
 * @param pagePt height of a full page
 * @returns the table's rows cut into pages; pages after the first start with copies of the header rows
 */
export function paginateTable(table: LayoutTable, firstPagePt: number, pagePt: number): LayoutRow[][] {
  const header = table.rows.slice(0, table.headerRows);
  const headerPt = header.reduce((a, r) => a + r.heightPt, 0);
  const body = table.rows.slice(table.headerRows);
  const cuts: number[] = [0]; // body index where each page starts
  let room = firstPagePt - headerPt;
  body.forEach((r, i) => {
    if (r.heightPt > room && i > cuts[cuts.length - 1]) { cuts.push(i); room = pagePt - headerPt; }
    room -= r.heightPt;
  });
  return cuts.map((start, p) => {
    const end = cuts[p + 1] ?? body.length;
    const rows: LayoutRow[] = body.slice(start, end).map((r, k) => ({
      ...r, cells: r.cells.map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, end - start - k) })),
    }));
    if (rows.length > 0) {
      const carried = body.slice(0, start).flatMap((r, k) => r.cells.filter((c) => k + c.rowSpan > start)
        .map((c) => ({ ...c, rowSpan: Math.min(k + c.rowSpan, end) - start })));
      if (carried.length) rows[0] = { ...rows[0], cells: [...carried, ...rows[0].cells].sort((a, b) => a.col - b.col) };
    }
    return [...header, ...rows];
  });
}
