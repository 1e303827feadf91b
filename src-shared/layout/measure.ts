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

/** Lines needed to show `text` in a cell `widthMm` wide at `fontPt`: the sum over its hard lines. */
export function lineCount(text: string, widthMm: number, fontPt: number): number {
  const usableEm = Math.max(1, ((widthMm - CELL_PADDING_MM) * PT_PER_MM) / fontPt);
  let lines = 0;
  for (const line of text.split('\n')) lines += wrappedLines(line, usableEm);
  return Math.max(1, lines);
}

/** Greedy character wrap (CJK wraps anywhere; Latin runs are kept whole when they fit on a line). */
function wrappedLines(line: string, usableEm: number): number {
  if (line === '') return 1;
  let lines = 1;
  let x = 0;
  const tokens = line.match(/[\x21-\x7e]+|[\s\S]/g) ?? [];
  for (const tok of tokens) {
    const w = textWidthEm(tok);
    if (x + w <= usableEm) { x += w; continue; }
    if (w <= usableEm && tok.length > 1) { lines++; x = w; continue; }
    // a single char or an over-long Latin run: break it char by char
    for (let i = 0; i < tok.length; i++) {
      const cw = charWidthEm(tok.charCodeAt(i));
      if (x + cw > usableEm && x > 0) { lines++; x = 0; }
      x += cw;
    }
  }
  return lines;
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
  const minPt = fontPt * LINE_HEIGHT_EM + ROW_PADDING_PT;
  for (const row of rows) {
    let h = minPt;
    for (const c of row.cells) if (c.rowSpan === 1) h = Math.max(h, textHeightPt(c.text, widthOf(c.col, c.colSpan), fontPt));
    row.heightPt = h;
  }
  rows.forEach((row, r) => {
    for (const c of row.cells) {
      if (c.rowSpan <= 1) continue;
      const need = textHeightPt(c.text, widthOf(c.col, c.colSpan), fontPt);
      const span = rows.slice(r, r + c.rowSpan);
      const have = span.reduce((a, x) => a + x.heightPt, 0);
      if (need > have) for (const x of span) x.heightPt += (need - have) / span.length;
    }
  });
  for (const row of rows) row.heightPt = Math.ceil(row.heightPt * 4) / 4;
}
