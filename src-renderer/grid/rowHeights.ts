// Row heights from the cells' text, so every wrapped cell shows all its lines, as on paper.
// AG Grid's autoHeight measures one row at a time and ignores spanned cells (an activity's
// description spans its indicator rows), so we compute heights ourselves: each row fits its
// own cells, then a spanned cell that needs more than its rows give grows its last row.
import type { GridApi } from 'ag-grid-community';

export interface HeightCell {
  text: string;
  widthPx: number;
  /** rows this cell covers from its row down (1 when not spanned) */
  rowSpan?: number;
  bold?: boolean;
  /** extra left padding (indented activity titles) */
  indentPx?: number;
}

export interface HeightMetrics {
  lineHeightPx: number;
  /** vertical padding + borders of a cell */
  padYPx: number;
  /** horizontal padding + borders of a cell */
  padXPx: number;
  minRowPx: number;
  /** a cell never asks for more lines than this (a 100k-character cell stays usable) */
  maxLines: number;
}

/** Width in px of one character (code point) in the grid font. */
export type CharWidth = (ch: string, bold: boolean) => number;

/**
 * Lines of a cell as the browser wraps it (white-space: pre-wrap; word-break: break-all): greedy,
 * character by character, so a line holds only whole characters.
 */
export function linesNeeded(cell: HeightCell, charWidth: CharWidth, m: HeightMetrics): number {
  const avail = Math.max(10, cell.widthPx - m.padXPx - (cell.indentPx ?? 0));
  const bold = !!cell.bold;
  let lines = 1;
  let x = 0;
  for (const ch of cell.text) {
    if (ch === '\n') { lines++; x = 0; } else {
      const w = charWidth(ch, bold);
      if (x > 0 && x + w > avail) { lines++; x = w; } else x += w;
    }
    if (lines >= m.maxLines) return m.maxLines;
  }
  return lines;
}

export type LineCounter = (cell: HeightCell) => number;

/** linesNeeded, remembered per text and width: a commit re-counts only the edited cells. */
export function lineCounter(charWidth: CharWidth, m: HeightMetrics): LineCounter {
  let cache = new Map<string, Map<string, number>>();
  let size = 0;
  return (cell) => {
    const key = `${cell.widthPx}|${cell.indentPx ?? 0}|${cell.bold ? 1 : 0}`;
    let byWidth = cache.get(cell.text);
    let n = byWidth?.get(key);
    if (n === undefined) {
      n = linesNeeded(cell, charWidth, m);
      if (size > 200_000) { cache = new Map(); size = 0; byWidth = undefined; }
      if (!byWidth) cache.set(cell.text, (byWidth = new Map()));
      byWidth.set(key, n);
      size++;
    }
    return n;
  };
}

/** rows[r] lists the cells that start in row r; a spanned cell appears only in its first row. */
export function rowHeights(rows: HeightCell[][], countLines: LineCounter, m: HeightMetrics): number[] {
  const need = (c: HeightCell) => countLines(c) * m.lineHeightPx + m.padYPx;
  const heights = rows.map((cells) => cells.reduce((h, c) => ((c.rowSpan ?? 1) > 1 ? h : Math.max(h, need(c))), m.minRowPx));
  rows.forEach((cells, r) => {
    for (const c of cells) {
      const span = Math.min(c.rowSpan ?? 1, rows.length - r);
      if (span <= 1) continue;
      let have = 0;
      for (let k = r; k < r + span; k++) have += heights[k];
      const want = need(c);
      if (want > have) heights[r + span - 1] += want - have;
    }
  });
  return heights;
}

/** Character widths in the grid's font, measured on a canvas once per character. */
export function canvasCharWidth(fontFamily: string, sizePx: number): CharWidth {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (ch, bold) => {
    const key = bold ? `b${ch}` : ch;
    let w = cache.get(key);
    if (w === undefined) {
      if (!ctx) w = sizePx; // no canvas: count every character as a CJK one (never too few lines)
      else {
        ctx.font = `${bold ? '600 ' : ''}${sizePx}px ${fontFamily}`;
        w = ctx.measureText(ch).width;
      }
      cache.set(key, w);
    }
    return w;
  };
}

export type HeightsByRowId = (widthOf: (colId: string) => number) => Map<string, number>;

/**
 * Keeps a grid's row heights in step with its text. `update` (during render, before AG Grid gets
 * new rows) recomputes the heights so getRowHeight is right for new rows; `apply` (after AG Grid
 * has the rows, and on resize) tells the grid about existing rows whose height changed.
 */
export class RowHeightKeeper {
  private heights = new Map<string, number>();
  private compute: HeightsByRowId = () => new Map();

  get = (rowId: string): number | undefined => this.heights.get(rowId);

  update(api: GridApi | null | undefined, compute: HeightsByRowId): void {
    this.compute = compute;
    if (api && !api.isDestroyed()) this.heights = compute(widthsOf(api));
  }

  apply(api: GridApi | null | undefined, recompute = false): void {
    if (!api || api.isDestroyed()) return;
    if (recompute) this.heights = this.compute(widthsOf(api));
    let changed = false;
    for (const [id, h] of this.heights) {
      const node = api.getRowNode(id);
      // Marked "estimated": AG Grid then asks getRowHeight again when it renders the row and
      // fires recalculateRowBounds, the only event that makes spanned cells take the new height.
      if (node && node.rowHeight !== h) { node.setRowHeight(h, true); changed = true; }
    }
    if (changed) api.onRowHeightChanged();
  }
}

function widthsOf(api: GridApi): (colId: string) => number {
  return (colId) => api.getColumn(colId)?.getActualWidth() ?? 100;
}
