// The common representation both readers produce and the one recogniser consumes: a stream of rows,
// each holding only the cells that start there (merge origins). Cells covered by a merge (docx
// gridSpan/vMerge continuation, xlsx merge ranges) are absent, i.e. read as empty.
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
