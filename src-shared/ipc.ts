// The one typed contract between the renderer and the host (Electron main process, or the
// loopback web host used for browser mode and e2e tests). Each channel maps to a request schema
// (validated by the host before any handler runs) and a response type. Responses are always an
// ApiResult: hosts never throw across the boundary.
import type { AuditEntry, AuditProgress } from './audit/types';
import type { ImportReport } from './import/types';
import * as z from 'zod'; // a namespace import: the bundlers drop what is unused (zod's 350 KB of locales)
import { DocumentSchema, type JixiaoDocument } from './model/schema';
import type { LibraryEntry } from './library/entry';

/** A located detail of a failure (e.g. the schema issues of a corrupt file), for reports. */
export interface ErrorDetail { path: string; message: string }
export type ApiFailure = { ok: false; code: string; message: string; details?: ErrorDetail[] };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export const ExportFormat = z.enum(['xlsx', 'docx', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportOptionsSchema = z.object({
  dutyTable: z.boolean().default(true),
  /** 0-based project indices; undefined = all projects. */
  projects: z.array(z.number().int().min(0)).optional(),
  sheetPerProject: z.boolean().default(false),
  /** The 部门（单位）整体支出绩效目标表 when the document's profile has one. */
  deptWide: z.boolean().default(true),
  /** The year-end 绩效自评表 of the chosen projects instead of the target tables (A4 portrait). */
  selfeval: z.boolean().default(false),
});
export type ExportOptions = z.input<typeof ExportOptionsSchema>;

export interface OpenedDocument { path: string; document: JixiaoDocument; repairs: string[]; stamp: string }
export interface RecoveryEntry { id: string; key: string; path: string | null; title: string; savedAt: string }
export interface ImportOutcome { document: JixiaoDocument; report: ImportReport; sourcePath: string }
export type FileKind = 'jixiao' | 'import' | ExportFormat;
/** A batch audit of the 批量审核 window: progress, and every file's entry once finished. */
export interface AuditStatus extends AuditProgress { finished: boolean; entries: AuditEntry[] | null }
/** What a file-open dialog offers: documents, Office files, a folder (批量审核), or documents and Office files (上年文件 / 对比文件). */
export const OpenKind = z.enum(['jixiao', 'import', 'folder', 'any']);
export type OpenKind = z.infer<typeof OpenKind>;
/** A document read from another file (新年度, 对比): not opened for editing, nothing written. */
export interface ReadDocument { path: string; document: JixiaoDocument; kind: 'jixiao' | 'import' }

const path = z.string().min(1).max(4096);

/** Request schemas, one per channel. */
export const requests = {
  'doc:open': z.object({ path }),
  'doc:save': z.object({ path, document: DocumentSchema, expectedStamp: z.string().nullable(), force: z.boolean().optional() }),
  /** Native file dialogs. In browser mode these resolve to null and the renderer asks for a path itself. */
  'dialog:pickOpen': z.object({ kind: OpenKind }),
  'dialog:pickSave': z.object({ kind: z.enum(['jixiao', 'xlsx', 'docx', 'pdf']), defaultName: z.string().max(255) }),
  'recent:list': z.strictObject({}), // no parameters: anything else is a malformed request
  'recovery:write': z.object({ key: z.string().min(1).max(200), path: path.nullable(), document: DocumentSchema }),
  'recovery:list': z.strictObject({}),
  'recovery:read': z.object({ id: z.string().min(1).max(200) }),
  'recovery:remove': z.object({ key: z.string().min(1).max(200) }),
  /** path null = default name `{部门名称}{年度}年绩效目标表.ext` in the document's folder (or the user's documents folder). */
  'export:write': z.object({ document: DocumentSchema, format: ExportFormat, path: path.nullable(), nearPath: path.nullable(), options: ExportOptionsSchema }),
  /** `into`: the open document — self-evaluation tables are attached to its projects of the same name. */
  'import:read': z.object({ path, into: DocumentSchema.optional() }),
  /** Read a .jixiao, .docx or .xlsx as a document without opening it (上年文件 for 新年度, the file for 对比). */
  'doc:read': z.object({ path }),
  'shell:openPath': z.object({ path }),
  'shell:showInFolder': z.object({ path }),
  /** Print the given standalone HTML (the print preview's content) with the system dialog. */
  'print:html': z.object({ html: z.string().max(200_000_000) }),
  /**
   * The window's document name (file name, or 未命名) and modified marker; the host shows
   * formatWindowTitle(title, dirty) and asks 保存/不保存/取消 on close while dirty is set. path: the
   * file the window shows (null = untitled), so the host knows which files are open where.
   */
  'window:setState': z.object({ title: z.string().max(500), dirty: z.boolean(), path: path.nullable().optional() }),
  /** The 指标库 (learned on every open, save and import by the host). entries is null when the
   * renderer's copy (knownVersion) is current. */
  'library:snapshot': z.object({ knownVersion: z.number().int().nullable() }),
  /** Delete entries by key (built-in ones are hidden). */
  'library:delete': z.object({ keys: z.array(z.string().max(1000)).max(100_000) }),
  /** 批量审核: audit the .jixiao/.xlsx/.docx files under the folders (or the files) given, in the background. */
  'audit:start': z.object({ paths: z.array(path).min(1).max(1000) }),
  'audit:status': z.object({ id: z.string().min(1).max(100) }),
  /** Save a finished batch's summary workbook (审核汇总.xlsx). */
  'audit:write': z.object({ id: z.string().min(1).max(100), path }),
} as const;

export type Channel = keyof typeof requests;
export type Request<C extends Channel> = z.input<(typeof requests)[C]>;

export interface Responses {
  'doc:open': OpenedDocument;
  'doc:save': { stamp: string };
  'dialog:pickOpen': string | null;
  'dialog:pickSave': string | null;
  'recent:list': string[];
  'recovery:write': null;
  'recovery:list': RecoveryEntry[];
  'recovery:read': { document: JixiaoDocument; path: string | null };
  'recovery:remove': null;
  'export:write': { path: string };
  'import:read': ImportOutcome;
  'doc:read': ReadDocument;
  'shell:openPath': null;
  'shell:showInFolder': null;
  'print:html': null;
  'window:setState': null;
  'library:snapshot': LibrarySnapshotResponse;
  'library:delete': { removed: number };
  'audit:start': { id: string; total: number };
  'audit:status': AuditStatus;
  'audit:write': { path: string };
}

export interface LibrarySnapshotResponse {
  version: number;
  entries: LibraryEntry[] | null;
  /** A damaged library file was set aside (once): the message to show. */
  warning?: string;
}

/** What the preload exposes as `window.jixiao` and what the web client implements over HTTP. */
export interface JixiaoApi {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<ApiResult<Responses[C]>>;
  /** Menu items and window events the host sends to the renderer (e.g. 'save', 'close-requested'). */
  onHostCommand(listener: (command: HostCommand) => void): () => void;
  /** 'electron' or 'web' — the renderer adapts dialogs and printing. */
  readonly host: 'electron' | 'web';
  /**
   * The disk path of a File dropped on the window (Electron only; then `doc:open` / `import:read`
   * it). Returns null in browser mode, where dropped files have no path.
   */
  pathForFile?(file: unknown): string | null;
}

export const PRODUCT_NAME = '绩效目标表编辑器';

/** The document's name from a name or a full window title (marker and product name removed). */
export function documentNameOf(title: string): string {
  const suffix = ` — ${PRODUCT_NAME}`;
  return (title.endsWith(suffix) ? title.slice(0, -suffix.length) : title).replace(/^[*●]\s*/, '').trim() || '未命名';
}

/** Window title `文件名 — 绩效目标表编辑器`, with `● ` in front while there are unsaved changes. */
export function formatWindowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${documentNameOf(name)} — ${PRODUCT_NAME}`;
}

export const HOST_COMMANDS = [
  'new', 'open', 'save', 'save-as', 'import', 'export-xlsx', 'export-docx', 'export-pdf',
  'export-selfeval-xlsx', 'export-selfeval-docx', 'export-selfeval-pdf', 'import-selfeval', 'print-preview', 'print',
  'close', 'undo', 'redo', 'find', 'replace', 'settings', 'findings', 'about', 'open-path', 'batch-audit', 'rollover', 'compare',
] as const;
export type HostCommand = { command: (typeof HOST_COMMANDS)[number]; path?: string };

export const CHANNELS = Object.keys(requests) as Channel[];
