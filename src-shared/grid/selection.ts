// Spreadsheet selection math, the same for every grid: an active cell, a block from an anchor to a
// moving corner, merged (row-spanned) cells that select and move as one cell, as in Excel/WPS.
// Rows and columns are display indexes; a grid describes itself with a Shape.

export interface Cell { row: number; col: number }
export interface Block { r0: number; r1: number; c0: number; c1: number }
export type Dir = 'up' | 'down' | 'left' | 'right';

export interface Shape {
  rows: number;
  cols: number;
  /** First and last row of the merged cell at (row, col); {top: row, bottom: row} when not merged. */
  span(row: number, col: number): { top: number; bottom: number };
}

/** `active` is where typing goes; the block runs from `anchor` to `focus` (Shift+arrows move `focus`). */
export interface Selection { active: Cell; anchor: Cell; focus: Cell }

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The cell as the top-left of its merged cell, inside the table. */
export function normalize(shape: Shape, c: Cell): Cell {
  const row = clamp(c.row, 0, Math.max(0, shape.rows - 1));
  const col = clamp(c.col, 0, Math.max(0, shape.cols - 1));
  return shape.rows === 0 ? { row: 0, col } : { row: shape.span(row, col).top, col };
}

export function single(shape: Shape, c: Cell): Selection {
  const n = normalize(shape, c);
  return { active: n, anchor: n, focus: n };
}

/** The rectangle covering anchor, focus and active, grown until no merged cell crosses its edge. */
export function blockOf(shape: Shape, sel: Selection): Block {
  const { anchor: a, focus: f, active: x } = sel;
  const b: Block = {
    r0: Math.min(a.row, f.row, x.row), r1: Math.max(a.row, f.row, x.row),
    c0: Math.min(a.col, f.col, x.col), c1: Math.max(a.col, f.col, x.col),
  };
  if (shape.rows === 0) return b;
  b.r1 = Math.min(b.r1, shape.rows - 1);
  for (let grown = true; grown;) {
    grown = false;
    for (let c = b.c0; c <= b.c1; c++) {
      const top = shape.span(b.r0, c).top;
      const bottom = shape.span(b.r1, c).bottom;
      if (top < b.r0) { b.r0 = top; grown = true; }
      if (bottom > b.r1) { b.r1 = bottom; grown = true; }
    }
  }
  return b;
}

export const isMulti = (b: Block) => b.r0 !== b.r1 || b.c0 !== b.c1;
export const contains = (b: Block, c: Cell) => c.row >= b.r0 && c.row <= b.r1 && c.col >= b.c0 && c.col <= b.c1;

/** The distinct cells of a block (a merged cell once, at its top row), row by row. */
export function cellsOf(shape: Shape, b: Block): Cell[] {
  const out: Cell[] = [];
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) if (shape.span(r, c).top === r) out.push({ row: r, col: c });
  return out;
}

/** One step from a cell; a merged cell is left from its edge (down from its last row). */
export function step(shape: Shape, c: Cell, dir: Dir): Cell {
  if (shape.rows === 0) return c;
  const s = shape.span(c.row, c.col);
  if (dir === 'down') return normalize(shape, { row: s.bottom + 1 < shape.rows ? s.bottom + 1 : c.row, col: c.col });
  if (dir === 'up') return normalize(shape, { row: s.top > 0 ? s.top - 1 : c.row, col: c.col });
  return normalize(shape, { row: c.row, col: c.col + (dir === 'left' ? -1 : 1) });
}

/**
 * Tab / Shift+Tab: the next cell in the row; past the row's end, the first cell that starts on the
 * next row (cells merged from the row above are skipped, or Tab would go round in circles).
 */
export function tabStep(shape: Shape, c: Cell, back: boolean): Cell {
  const col = c.col + (back ? -1 : 1);
  if (col >= 0 && col < shape.cols) return normalize(shape, { row: c.row, col });
  const bottom = shape.span(c.row, c.col).bottom;
  for (let r = back ? c.row - 1 : Math.max(c.row, bottom) + 1; r >= 0 && r < shape.rows; r += back ? -1 : 1) {
    const cols = [...Array(shape.cols).keys()];
    if (back) cols.reverse();
    const hit = cols.find((k) => shape.span(r, k).top === r);
    if (hit !== undefined) return { row: r, col: hit };
  }
  return c;
}

export function moveTo(shape: Shape, c: Cell, where: 'rowStart' | 'rowEnd' | 'tableStart' | 'tableEnd'): Cell {
  if (where === 'rowStart') return normalize(shape, { row: c.row, col: 0 });
  if (where === 'rowEnd') return normalize(shape, { row: c.row, col: shape.cols - 1 });
  if (where === 'tableStart') return normalize(shape, { row: 0, col: 0 });
  return normalize(shape, { row: shape.rows - 1, col: shape.cols - 1 });
}

/** Shift+arrow: the moving corner steps, the active cell stays. */
export function extend(shape: Shape, sel: Selection, dir: Dir): Selection {
  return { ...sel, focus: step(shape, sel.focus, dir) };
}

/** Ctrl+A: the whole table, the active cell stays where it is (as in Excel). */
export function selectAll(shape: Shape, sel: Selection): Selection {
  return { active: sel.active, anchor: { row: 0, col: 0 }, focus: { row: Math.max(0, shape.rows - 1), col: Math.max(0, shape.cols - 1) } };
}

/** After rows were removed or added, keep the selection inside the table (the row below moves up into it). */
export function clampSelection(shape: Shape, sel: Selection): Selection {
  return { active: normalize(shape, sel.active), anchor: normalize(shape, sel.anchor), focus: normalize(shape, sel.focus) };
}

/** Ctrl+D: every cell below the block's top row takes the text of the top cell of its column. */
export function fillDown(shape: Shape, b: Block, text: (c: Cell) => string): { cell: Cell; text: string }[] {
  const out: { cell: Cell; text: string }[] = [];
  for (let c = b.c0; c <= b.c1; c++) {
    const top = shape.span(b.r0, c);
    const value = text({ row: top.top, col: c });
    for (let r = top.bottom + 1; r <= b.r1; r++) if (shape.span(r, c).top === r) out.push({ cell: { row: r, col: c }, text: value });
  }
  return out;
}
