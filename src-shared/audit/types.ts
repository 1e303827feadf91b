// Batch audit (批量审核): what one audited file comes back as. Built in a worker (src-main/audit),
// written out by the pure builders beside this file (summary workbook, 审核意见 .docx, HTML report)
// and shown by the editor's 批量审核 window.
import type { Finding } from '../validate';

export type AuditSource = 'jixiao' | 'xlsx' | 'docx';

/** A finding with the table it belongs to (`项目绩效目标表 › 项目 2 就业补助`). */
export interface AuditFinding extends Finding { table: string }

export interface AuditTables {
  duty: boolean;
  projects: number;
  /** Projects carrying a 部门预算项目绩效自评表 part (schema v2 `project.selfeval`). */
  selfeval: number;
}

/** Where an audited file is: its name as listed, and its full path (to open it). */
export interface AuditedAt {
  /** Path relative to the audited folder, '/'-separated (the file name for files named one by one). */
  file: string;
  /** Absolute path on disk. */
  path: string;
}

export interface ReadFile extends AuditedAt {
  status: 'read';
  source: AuditSource;
  deptCode: string;
  deptName: string;
  year: number;
  tables: AuditTables;
  /** 错误 and 警告 only, in table order; other levels (提示) are not counted here. */
  findings: AuditFinding[];
}

export interface UnreadableFile extends AuditedAt {
  status: 'unreadable';
  /** The importer's / loader's code, or audit.timeout / audit.memory / audit.crash. */
  code: string;
  /** The detailed Chinese message of the reader. */
  message: string;
}

export interface SkippedFile extends AuditedAt { status: 'skipped' }

export type AuditEntry = ReadFile | UnreadableFile | SkippedFile;

/** Progress of a running batch. */
export interface AuditProgress { done: number; total: number; current: string; elapsedMs: number }
