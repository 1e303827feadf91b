// File errors with stable codes and Chinese messages. Services throw JixiaoError; IPC handlers and
// the CLI turn it into `{ ok: false, code, message }` / an exit code. Codes never change once shipped.
import { basename } from 'node:path';
import type { ApiFailure, ErrorDetail } from '../../src-shared/ipc';

export const FILE_ERROR_CODES = [
  'file.not-found', 'file.permission', 'file.disk-full', 'file.not-jixiao', 'file.newer-version',
  'file.too-large', 'file.conflict', 'file.corrupt', 'file.is-directory', 'file.exists', 'file.io',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number] | (string & {});

export class JixiaoError extends Error {
  readonly code: FileErrorCode;
  readonly path?: string;
  /** Located problems (e.g. schema issues of a corrupt file), for reports. */
  readonly issues: { path: string; message: string }[];

  constructor(code: FileErrorCode, message: string, opts: { path?: string; cause?: unknown; issues?: { path: string; message: string }[] } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'JixiaoError';
    this.code = code;
    this.path = opts.path;
    this.issues = opts.issues ?? [];
  }
}

export function isJixiaoError(e: unknown): e is JixiaoError {
  return e instanceof JixiaoError;
}

const name = (path?: string) => (path ? `“${basename(path)}”` : '文件');

/** The standard Chinese message for a code; `detail` is appended when given. */
export function fileErrorMessage(code: FileErrorCode, path?: string, detail?: string): string {
  const f = name(path);
  const base: Record<string, string> = {
    'file.not-found': `找不到${f}：文件或其所在文件夹不存在，请检查路径或文件是否已被移动、删除。`,
    'file.permission': `没有权限访问${f}：请检查文件是否只读、被其他程序占用，或换一个有写入权限的文件夹。`,
    'file.disk-full': `磁盘空间不足，无法写入${f}：请清理磁盘空间后重试，原文件未被改动。`,
    'file.not-jixiao': `${f}不是绩效目标表文件（.jixiao）：请选择本软件保存的文件，Excel/Word 表格请使用“导入”。`,
    'file.newer-version': `${f}由更新版本的软件保存，本版本无法打开：请升级本软件后再打开。`,
    'file.too-large': `${f}过大，超出本软件可打开的上限：请确认选择的是绩效目标表文件。`,
    'file.conflict': `${f}在打开后已被其他程序或他人修改：为避免覆盖对方的修改，本次未保存。请另存为新文件，或确认后强制覆盖。`,
    'file.corrupt': `${f}已损坏或内容不完整，无法读取：可尝试打开同目录下的备份文件（.bak）。`,
    'file.is-directory': `${f}是一个文件夹，不是文件：请选择一个 .jixiao 文件。`,
    'file.exists': `${f}已存在：如需覆盖，请确认后重试。`,
    'file.io': `读写${f}时出错：请稍后重试。`,
  };
  const msg = base[code] ?? `处理${f}时出错。`;
  return detail ? `${msg}（${detail}）` : msg;
}

export function fileError(code: FileErrorCode, path?: string, opts: { detail?: string; cause?: unknown; issues?: { path: string; message: string }[] } = {}): JixiaoError {
  return new JixiaoError(code, fileErrorMessage(code, path, opts.detail), { path, cause: opts.cause, issues: opts.issues });
}

const ERRNO: Record<string, FileErrorCode> = {
  ENOENT: 'file.not-found',
  ENOTDIR: 'file.not-found',
  EACCES: 'file.permission',
  EPERM: 'file.permission',
  EROFS: 'file.permission',
  EBUSY: 'file.permission',
  ENOSPC: 'file.disk-full',
  EDQUOT: 'file.disk-full',
  EFBIG: 'file.too-large',
  EISDIR: 'file.is-directory',
  EEXIST: 'file.exists',
};

/** Map any thrown value (Node errno errors in particular) to a JixiaoError for `path`. */
export function toJixiaoError(err: unknown, path?: string): JixiaoError {
  if (err instanceof JixiaoError) return err;
  const errno = (err as { code?: unknown } | null)?.code;
  const code = typeof errno === 'string' ? ERRNO[errno] : undefined;
  if (code) return fileError(code, path, { cause: err });
  const detail = err instanceof Error ? err.message : String(err);
  return fileError('file.io', path, { detail, cause: err });
}

/** A failure with a code and a Chinese message, turned into `{ok:false}` by the host's dispatch(). */
export class HostError extends Error {
  constructor(readonly code: string, message: string, readonly details: ErrorDetail[] = []) {
    super(message);
    this.name = 'HostError';
  }
}

/**
 * The one way an error crosses a boundary (IPC, the web host, the office worker): its code, its
 * Chinese message and its located details. A service's own coded error (import/export, e.g.
 * `export.empty`) keeps its code; anything else is `host.internal`.
 */
export function toFailure(err: unknown): ApiFailure {
  const withDetails = (code: string, message: string, details: readonly ErrorDetail[]): ApiFailure =>
    details.length ? { ok: false, code, message, details: details.map((d) => ({ path: d.path, message: d.message })) } : { ok: false, code, message };
  if (err instanceof HostError) return withDetails(err.code, err.message, err.details);
  if (isJixiaoError(err)) return withDetails(err.code, err.message, err.issues);
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && /^[a-z]+\.[a-z-]+$/.test(e.code) && typeof e.message === 'string' && /[\u4e00-\u9fff]/.test(e.message)) {
    return { ok: false, code: e.code, message: e.message }; // a service's own coded error (import/export)
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, code: 'host.internal', message: `操作失败，发生了意外错误：${detail}` };
}

/** The error toFailure() came from, as far as it crossed: toFailure(fromFailure(f)) equals f. */
export function fromFailure(f: ApiFailure): HostError {
  return new HostError(f.code, f.message, f.details ?? []);
}
