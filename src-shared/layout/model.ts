// The layout model: what the official tables look like, independent of the file format. One model
// drives the xlsx, docx and print-HTML writers, so the three always agree (layouts.md).

export type Align = 'left' | 'center' | 'right';

export type CellKind =
  | 'header' // column header of a table
  | 'label' // fixed label inside a project block (项目编码, 预算数 …)
  | 'duty' | 'activity' // 职责活动 cells
  | 'text' // free text (描述, 目标, 指标 …)
  | 'amount' // money, formatted per the document's unit
  | 'percent' // schedule percent, two decimals
  | 'level1' | 'level2' // merged indicator category cells
  | 'band';

export interface LayoutCell {
  /** Grid column of the cell's top-left corner. Positions covered by a span carry no cell. */
  col: number;
  text: string;
  colSpan: number;
  rowSpan: number;
  align: Align;
  /** Left indent in em; the text of activities already carries two full-width spaces instead. */
  indent: number;
  bold: boolean;
  kind: CellKind;
  /** For amounts and percents: the numeric value and the decimals shown (text is the formatted form). */
  value?: { number: number; decimals: number };
}

export interface LayoutRow {
  cells: LayoutCell[];
  /** Height needed in points, from text length, column widths and font (see measure.ts). */
  heightPt: number;
  header: boolean;
  /** A blank form's empty row: at least this tall in every format (room for handwriting). */
  minHeightPt?: number;
}

export interface LayoutTable {
  /** 'project-info' is the upper block of a project (编码, 预算, 用途, 计划, 目标). */
  kind: 'duty' | 'project-info' | 'project-indicators' | 'selfeval' | 'dept-info' | 'dept-indicators';
  /** Number of leading rows that repeat at the top of every printed page. */
  headerRows: number;
  rows: LayoutRow[];
  fontPt: number;
}

export interface LayoutPart {
  kind: 'duty' | 'project' | 'selfeval' | 'dept-wide';
  /** 0-based index of the project in the document (project parts only). */
  projectIndex?: number;
  /** Sheet name for xlsx when this part gets its own sheet. */
  sheetName: string;
  /** Column grid of the part, in mm; sums to the printable width. */
  columnsMm: number[];
  /** Title (duty table) or heading `n、项目名称绩效目标表` (project). */
  title: string;
  titleStyle: 'title' | 'heading';
  /** A line under the title (self-evaluation: （2019年度）); absent for the target tables. */
  subtitle?: string;
  orgLeft: string;
  orgRight: string;
  tables: LayoutTable[];
  /** 备注 footnote under the tables ('' for none). */
  note: string;
  /** A line under the tables, left and right part (self-evaluation: 填报人 … 联系电话 …). */
  foot?: { left: string; right: string };
  pageBreakBefore: boolean;
}

export interface FontSpec { family: string; sizePt: number; fallbacks: string[] }

export interface PageSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  widthMm: number;
  heightMm: number;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Footer text with {page} and {pages} placeholders. */
  footer: string;
}

export interface Layout {
  page: PageSetup;
  printableWidthMm: number;
  printableHeightMm: number;
  fonts: { body: FontSpec; title: FontSpec; heading: FontSpec; org: FontSpec };
  unit: string;
  /** The document's department + year, for file names and document properties. */
  deptName: string;
  year: number;
  /** `{部门}{年度}年绩效目标表`: the file's title property in every format, so a reader gets the year back. */
  title: string;
  parts: LayoutPart[];
}

export interface LayoutOptions {
  /** Include the 部门职责-工作活动 table (default true). */
  dutyTable?: boolean;
  /** 'all' (default), 'none', or 0-based indices of the projects to include. */
  projects?: 'all' | 'none' | number[];
  /** xlsx: one sheet per project instead of all projects on one sheet. */
  sheetPerProject?: boolean;
  /** Include the 部门（单位）整体支出绩效目标表 when the profile has one (default true). */
  deptWide?: boolean;
}
