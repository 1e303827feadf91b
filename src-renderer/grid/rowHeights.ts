// Row heights from the cells' text, so every wrapped cell shows all its lines, as on paper.
// AG Grid's autoHeight measures one row at a time and ignores spanned cells (an activity's
// description spans its indicator rows), so the grids use the exports' own measure
// (src-shared/layout/measure.ts: greedy wrap, merged cells spread what their rows lack) with
// character widths measured in the grid font.
import type { GridApi } from 'ag-grid-community';
import { countLines, fitHeights, type CharWidth } from '../../src-shared/layout/measure';

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

export interface GridFont { regular: CharWidth; bold: CharWidth }

export type LineCounter = (cell: HeightCell) => number;

/** Wrapped lines of a cell, remembered per text and width: a commit re-counts only the edited cells. */
export function lineCounter(font: GridFont, m: HeightMetrics): LineCounter {
  let cache = new Map<string, Map<string, number>>();
  let size = 0;
  return (cell) => {
    const avail = Math.max(10, cell.widthPx - m.padXPx - (cell.indentPx ?? 0));
    const key = `${avail}|${cell.bold ? 1 : 0}`;
    let byWidth = cache.get(cell.text);
    let n = byWidth?.get(key);
    if (n === undefined) {
      n = countLines(cell.text, avail, cell.bold ? font.bold : font.regular, m.maxLines);
      if (size > 200_000) { cache = new Map(); size = 0; byWidth = undefined; }
      if (!byWidth) cache.set(cell.text, (byWidth = new Map()));
      byWidth.set(key, n);
      size++;
    }
    return n;
  };
}

/** rows[r] lists the cells that start in row r; a spanned cell appears only in its first row. */
export function rowHeights(rows: HeightCell[][], lines: LineCounter, m: HeightMetrics): number[] {
  const needs = rows.flatMap((cells, r) => cells.map((c) => ({ row: r, rowSpan: c.rowSpan ?? 1, need: lines(c) * m.lineHeightPx + m.padYPx })));
  return fitHeights(rows.length, needs, m.minRowPx).map((h) => Math.ceil(h));
}

/** Character widths in px in the grid's font, measured on a canvas once per character. */
export function canvasFont(fontFamily: string, sizePx: number, boldWeight: number): GridFont {
  const ctx = document.createElement('canvas').getContext('2d');
  const measurer = (font: string): CharWidth => {
    const cache = new Map<number, number>();
    return (code) => {
      let w = cache.get(code);
      if (w === undefined) {
        if (!ctx) w = sizePx; // no canvas: count every character as a CJK one (never too few lines)
        else { ctx.font = font; w = ctx.measureText(String.fromCharCode(code)).width; }
        cache.set(code, w);
      }
      return w;
    };
  };
  return { regular: measurer(`${sizePx}px ${fontFamily}`), bold: measurer(`${boldWeight} ${sizePx}px ${fontFamily}`) };
}

export type HeightsByRowId = (widthOf: (colId: string) => number) => Map<string, number>;

/**
 * A grid's row heights. `setSource` (during render, cheap) names what the heights derive from;
 * they are computed when AG Grid first asks (getRowHeight) or in `apply`, which runs after AG Grid
 * has the rows (and on resize) and tells it about the existing rows whose height changed.
 */
export class RowHeightKeeper {
  private source: unknown = undefined;
  private compute: HeightsByRowId = () => new Map();
  private heights: Map<string, number> | null = null;

  setSource(source: unknown, compute: HeightsByRowId): void {
    if (source === this.source) return;
    this.source = source;
    this.compute = compute;
    this.heights = null;
  }

  get(api: GridApi, rowId: string): number | undefined {
    return this.current(api).get(rowId);
  }

  apply(api: GridApi | null | undefined, widthsChanged = false): void {
    if (!api || api.isDestroyed()) return;
    if (widthsChanged) this.heights = null;
    let changed = false;
    for (const [id, h] of this.current(api)) {
      const node = api.getRowNode(id);
      // Marked "estimated": AG Grid then asks getRowHeight again when it renders the row and
      // fires recalculateRowBounds, the only event that makes spanned cells take the new height.
      if (node && node.rowHeight !== h) { node.setRowHeight(h, true); changed = true; }
    }
    if (changed) api.onRowHeightChanged();
  }

  private current(api: GridApi): Map<string, number> {
    return (this.heights ??= this.compute((colId) => api.getColumn(colId)?.getActualWidth() ?? 100));
  }
}
