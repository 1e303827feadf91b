// The common representation both readers produce and the one recogniser consumes: a stream of rows,
// each holding only the cells that start there (merge origins). Cells covered by a merge (docx
// gridSpan/vMerge continuation, xlsx merge ranges) are absent, i.e. read as empty.
import { unsavableReason, withoutUnsavable } from '../model/text';

export interface GridCell {
  /** 0-based grid column where the cell starts. */
  col: number;
  /** Number of grid columns it spans (1 when not merged across). */
  span: number;
  text: string;
}

export interface GridRow {
  /** Sheet name (xlsx), `表格 n` (docx table) or `正文` (docx paragraph). */
  sheet: string;
  /** 1-based row inside the sheet / table; paragraph number for `正文`. */
  row: number;
  cells: GridCell[];
  /** A docx paragraph between tables. */
  paragraph?: boolean;
}

export interface GridStream {
  format: 'docx' | 'xlsx';
  rows: GridRow[];
  /** Text the reader found but could not put in a row (e.g. nested Word tables). */
  stray: { sheet: string; row: number; column: number; text: string; reason: string }[];
  /** Reader-level warnings (a sheet that could not be found …), copied into the report. */
  warnings?: string[];
}

/**
 * Characters a Word/Excel file cannot hold (U+FFFE, control characters: model/text.ts) reach us
 * through Excel's `_xFFFE_` escapes or a lenient writer. The cell is kept without them and the
 * report names the cell and the code points, so the document never holds text its export would
 * drop silently.
 */
export function dropUnsavable(stream: GridStream): void {
  const notes: string[] = [];
  const clean = (text: string, where: string): string => {
    const bad = unsavableReason(text);
    if (!bad) return text;
    notes.push(`${where}：${bad}，已删除该字符`);
    return withoutUnsavable(text);
  };
  for (const row of stream.rows) for (const c of row.cells) c.text = clean(c.text, `${row.sheet} 第 ${row.row} 行第 ${c.col + 1} 列`);
  for (const s of stream.stray) s.text = clean(s.text, `${s.sheet} 第 ${s.row} 行第 ${s.column} 列`);
  if (notes.length) stream.warnings = [...(stream.warnings ?? []), ...notes];
}
