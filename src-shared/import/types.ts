// The import contract: bytes in, a document plus a report out; never a thrown error across the API.
import type { JixiaoDocument } from '../model';

export type ImportErrorCode =
  | 'import.not-office'
  | 'import.encrypted'
  | 'import.legacy-format'
  | 'import.too-large'
  | 'import.corrupt'
  | 'import.no-table'
  /** File-system errors (not found, no permission) — only from src-main's file reader. */
  | 'import.unreadable';

/** Where a cell sat in the source: `sheet` is the sheet name (xlsx) or `表格 n` / `正文` (docx). */
export interface SourceLocation {
  sheet: string;
  /** 1-based row inside the sheet (xlsx) or inside the Word table (docx); paragraphs count as their own row. */
  row: number;
  /** 1-based grid column. */
  column: number;
}

export interface UnplacedCell extends SourceLocation {
  text: string;
  /** Why it could not be placed (Chinese). */
  reason: string;
}

export interface FoundTable {
  kind: 'duty' | 'project' | 'selfeval' | 'dept-wide';
  sheet: string;
  startRow: number;
  duties?: number;
  activities?: number;
  /** Department-wide table: 年度主要任务 rows. */
  tasks?: number;
  indicators: number;
  projects?: number;
  /** Project and self-evaluation tables: the project's name; department-wide table: the department's. */
  name?: string;
  /** Which family the dispatcher chose and why (识别为项目绩效目标表：表头无完成值、得分等结果列). */
  reason?: string;
}

export interface ImportReport {
  format: 'docx' | 'xlsx';
  fileName: string;
  tables: FoundTable[];
  /** What was mapped where, one line each (Chinese). */
  mapped: string[];
  warnings: string[];
  unplaced: UnplacedCell[];
}

export type ImportResult =
  | { ok: true; document: JixiaoDocument; report: ImportReport }
  | { ok: false; code: ImportErrorCode; message: string };

/** Internal: thrown inside the importer, turned into `{ ok: false }` at the API boundary. */
export class ImportFailure extends Error {
  constructor(readonly code: ImportErrorCode, message: string) {
    super(message);
  }
}
