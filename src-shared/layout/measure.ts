// Row heights computed by us: LibreOffice and WPS do not auto-fit wrapped rows in xlsx, and Excel
// never auto-fits rows with merged cells. CJK glyphs are one em wide, Latin letters and digits about
// half an em. Line height follows the CJK fonts used on Linux (Noto CJK: ascent+descent ≈ 1.45 em),
// so rows are never too short there; on Windows (SimSun) they have a little air.
import type { LayoutRow } from './model';

export const PT_PER_MM = 72 / 25.4;
/** Horizontal cell padding, both sides together (all writers use 1 mm per side). */
export const CELL_PADDING_MM = 2;
export const LINE_HEIGHT_EM = 1.45;
/** Vertical padding added to each row, in points. */
export const ROW_PADDING_PT = 4;

/** Width of a character in em. */
export function charWidthEm(code: number): number {
  if (code < 0x20) return 0;
  if (code < 0x7f) return 0.55; // ASCII: proportional in Noto, 0.5 in SimSun; err wide
  if (code >= 0xff61 && code <= 0xff9f) return 0.5; // half-width katakana
  return 1; // CJK, full-width punctuation, ≥ ≤ …
}

export function textWidthEm(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidthEm(text.charCodeAt(i));
  return w;
}

/** Width of a character (UTF-16 code unit), in whatever unit the caller measures the line in. */
export type CharWidth = (code: number) => number;

/**
 * Lines needed to show `text` in `usable` width units: the sum over its hard lines, each wrapped
 * greedily (CJK wraps anywhere; Latin runs are kept whole when they fit on a line). Used by the
 * exports (em, `charWidthEm`) and by the editor grid (px measured in its font). Stops counting at
 * `maxLines`, so a 100k-character cell costs no more than a long one.
 */
export function countLines(text: string, usable: number, charWidth: CharWidth = charWidthEm, maxLines = Infinity): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    lines += wrappedLines(line, usable, charWidth, maxLines - lines);
    if (lines >= maxLines) return maxLines;
  }
  return Math.max(1, lines);
}

/** Lines needed to show `text` in a cell `widthMm` wide at `fontPt`. */
export function lineCount(text: string, widthMm: number, fontPt: number): number {
  return countLines(text, Math.max(1, ((widthMm - CELL_PADDING_MM) * PT_PER_MM) / fontPt));
}

function wrappedLines(line: string, usable: number, charWidth: CharWidth, maxLines: number): number {
  if (line === '') return 1;
  let lines = 1;
  let x = 0;
  // A token's width, but only as far as it can matter: anything wider than a line breaks anyway.
  const width = (tok: string) => {
    let w = 0;
    for (let i = 0; i < tok.length && w <= usable; i++) w += charWidth(tok.charCodeAt(i));
    return w;
  };
  const tokens = line.match(/[\x21-\x7e]+|[\s\S]/g) ?? [];
  for (const tok of tokens) {
    if (lines >= maxLines) return lines;
    const w = width(tok);
    if (x + w <= usable) { x += w; continue; }
    if (w <= usable && tok.length > 1) { lines++; x = w; continue; }
    // a single char or an over-long Latin run: break it char by char
    for (let i = 0; i < tok.length; i++) {
      const cw = charWidth(tok.charCodeAt(i));
      if (x + cw > usable && x > 0) {
        if (++lines >= maxLines) return lines;
        x = 0;
      }
      x += cw;
    }
  }
  return lines;
}

/** A cell's height need: it starts in `row` and covers `rowSpan` rows. */
export interface HeightNeed { row: number; rowSpan: number; need: number }

/**
 * Row heights from cell needs: single-row cells decide their own row; a merged cell spreads
 * whatever its rows still lack evenly over them (Excel never grows rows for merged cells).
 */
export function fitHeights(rowCount: number, needs: readonly HeightNeed[], min: number): number[] {
  const heights = new Array<number>(rowCount).fill(min);
  for (const n of needs) if (n.rowSpan <= 1) heights[n.row] = Math.max(heights[n.row], n.need);
  for (const n of needs) {
    const end = Math.min(rowCount, n.row + n.rowSpan);
    if (end - n.row <= 1) continue;
    let have = 0;
    for (let k = n.row; k < end; k++) have += heights[k];
    if (n.need > have) for (let k = n.row; k < end; k++) heights[k] += (n.need - have) / (end - n.row);
  }
  return heights;
}

export function textHeightPt(text: string, widthMm: number, fontPt: number): number {
  return lineCount(text, widthMm, fontPt) * fontPt * LINE_HEIGHT_EM + ROW_PADDING_PT;
}

/**
 * Set each row's heightPt: single-row cells decide their own row; a merged cell spreads whatever its
 * rows still lack evenly over them (Excel never grows rows for merged cells).
 */
export function computeRowHeights(rows: LayoutRow[], columnsMm: number[], fontPt: number): void {
  const widthOf = (col: number, span: number) => columnsMm.slice(col, col + span).reduce((a, b) => a + b, 0);
  const needs = rows.flatMap((row, r) => row.cells.map((c) => ({ row: r, rowSpan: c.rowSpan, need: textHeightPt(c.text, widthOf(c.col, c.colSpan), fontPt) })));
  const heights = fitHeights(rows.length, needs, fontPt * LINE_HEIGHT_EM + ROW_PADDING_PT);
  rows.forEach((row, r) => { row.heightPt = Math.ceil(heights[r] * 4) / 4; });
}
