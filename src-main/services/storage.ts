// Document files on disk: open with size cap and load pipeline, save atomically with `.bak`,
// detect changes made on disk since opening (stamp), recovery copies of unsaved work, recent files.
// Plain Node (no electron import): the Electron shell, the web host and the CLI all use this.
import { promises as fsp } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadDocumentText, serializeDocument, MAX_DOCUMENT_BYTES } from '../../src-shared/model/load';
import type { JixiaoDocument } from '../../src-shared/model/schema';
import { nodeFs, removeStaleTemps, writeFileAtomic, type AtomicFs } from './atomic-write';
import { fileError, toJixiaoError } from './errors';

/** fs functions used by storage; tests inject failures (ENOSPC, EACCES…) through this. */
export interface StorageFs extends AtomicFs {
  stat: typeof fsp.stat;
  readFile: typeof fsp.readFile;
}
export const nodeStorageFs: StorageFs = { ...nodeFs, stat: fsp.stat, readFile: fsp.readFile };

/**
 * What the file looked like when we last read or wrote it: `mtimeMs:size:sha256`. The hash decides
 * (a touched but identical file is not a conflict); mtime+size only lets us skip re-reading.
 */
export type FileStamp = string;

function makeStamp(mtimeMs: number, size: number, bytes: Uint8Array): FileStamp {
  return `${mtimeMs}:${size}:${createHash('sha256').update(bytes).digest('hex')}`;
}

function parseStamp(s: FileStamp): { mtimeMs: number; size: number; hash: string } | null {
  const m = /^([\d.]+):(\d+):([0-9a-f]{64})$/.exec(s);
  return m ? { mtimeMs: Number(m[1]), size: Number(m[2]), hash: m[3] } : null;
}

export interface OpenedFile { document: JixiaoDocument; repairs: string[]; migrated: string[]; stamp: FileStamp }

export async function openDocumentFile(path: string, opts: { fs?: StorageFs } = {}): Promise<OpenedFile> {
  const fs = opts.fs ?? nodeStorageFs;
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw fileError('file.is-directory', path);
    // Refuse before reading: a 2 GB file must not be pulled into memory.
    if (st.size > MAX_DOCUMENT_BYTES) throw fileError('file.too-large', path, { detail: `${(st.size / 1024 / 1024).toFixed(0)} MB，上限 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` });
    bytes = await fs.readFile(path);
    if (bytes.length > MAX_DOCUMENT_BYTES) throw fileError('file.too-large', path);
    stamp = makeStamp(st.mtimeMs, bytes.length, bytes);
  } catch (err) {
    throw toJixiaoError(err, path);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError('file.not-jixiao', path);
  }
  const r = loadDocumentText(text);
  if (!r.ok) {
    const detail = r.code === 'file.newer-version' || r.code === 'file.corrupt' ? r.message : undefined;
    throw fileError(r.code, path, { detail, issues: r.issues });
  }
  return { document: r.document, repairs: r.repairs, migrated: r.migrated, stamp };
}

/** The current stamp of a file, or null when it does not exist. Reads the file only if mtime/size moved. */
export async function currentStamp(path: string, known: FileStamp | null = null, fs: StorageFs = nodeStorageFs): Promise<FileStamp | null> {
  try {
    const st = await fs.stat(path);
    const k = known ? parseStamp(known) : null;
    if (k && k.mtimeMs === st.mtimeMs && k.size === st.size) return known;
    const bytes = await fs.readFile(path);
    return makeStamp(st.mtimeMs, bytes.length, bytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toJixiaoError(err, path);
  }
}

export interface SaveOptions {
  /** The stamp from open/last save; the save is refused if the file changed on disk since. null/undefined = new file, no check. */
  expectedStamp?: FileStamp | null;
  /** Overwrite even if the file changed on disk (the user confirmed). */
  force?: boolean;
  fs?: StorageFs;
}

export async function saveDocumentFile(path: string, doc: JixiaoDocument, opts: SaveOptions = {}): Promise<{ stamp: FileStamp }> {
  const fs = opts.fs ?? nodeStorageFs;
  const bytes = Buffer.from(serializeDocument(doc), 'utf8');
  if (opts.expectedStamp && !opts.force) {
    const now = await currentStamp(path, opts.expectedStamp, fs);
    // A file deleted since opening is not a conflict: saving recreates it and overwrites nobody.
    if (now !== null && hashOf(now) !== hashOf(opts.expectedStamp)) throw fileError('file.conflict', path);
  }
  try {
    await writeFileAtomic(path, bytes, { backup: true, fs });
    const st = await fs.stat(path);
    await removeStaleTemps(path); // left by a crash during an earlier save
    return { stamp: makeStamp(st.mtimeMs, bytes.length, bytes) };
  } catch (err) {
    throw toJixiaoError(err, path);
  }
}

const hashOf = (s: FileStamp) => parseStamp(s)?.hash ?? s;

// ---------------------------------------------------------------------------------------------
// Recovery copies of unsaved work, in <userData>/recovery/. One file per open document (keyed by
// the editor's document key), replaced atomically at each autosave, removed after a successful save.

export interface RecoveryEntry { id: string; key: string; path: string | null; title: string; savedAt: string }
interface RecoveryFile { recovery: { key: string; path: string | null; title: string; savedAt: string }; document: JixiaoDocument }

export interface RecoveryStore {
  readonly dir: string;
  write(key: string, doc: JixiaoDocument, meta?: { path?: string | null; title?: string }): Promise<void>;
  /** Newest first; unreadable copies are skipped. */
  list(): Promise<RecoveryEntry[]>;
  read(id: string): Promise<{ document: JixiaoDocument; path: string | null; repairs: string[] }>;
  remove(key: string): Promise<void>;
}

const RECOVERY_EXT = '.jixiao-recovery';
/** File-name-safe id for a key: no path characters ever reach the file system. */
export const recoveryIdOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 24);

export function createRecoveryStore(userDataDir: string, opts: { fs?: StorageFs; now?: () => Date } = {}): RecoveryStore {
  const fs = opts.fs ?? nodeStorageFs;
  const now = opts.now ?? (() => new Date());
  const dir = join(userDataDir, 'recovery');
  const fileOf = (id: string) => {
    if (!/^[0-9a-f]{24}$/.test(id)) throw fileError('file.not-found', `${id}${RECOVERY_EXT}`);
    return join(dir, `${id}${RECOVERY_EXT}`);
  };
  return {
    dir,
    async write(key, doc, meta = {}) {
      const title = meta.title ?? (doc.meta.deptName ? `${doc.meta.deptName}${doc.meta.year}年绩效目标表` : '未命名绩效目标表');
      const body: RecoveryFile = { recovery: { key, path: meta.path ?? null, title, savedAt: now().toISOString() }, document: doc };
      try {
        await fsp.mkdir(dir, { recursive: true });
        await writeFileAtomic(fileOf(recoveryIdOf(key)), JSON.stringify(body), { fs });
      } catch (err) {
        throw toJixiaoError(err, fileOf(recoveryIdOf(key)));
      }
    },
    async list() {
      let names: string[];
      try {
        names = await fsp.readdir(dir);
      } catch {
        return [];
      }
      const out: RecoveryEntry[] = [];
      for (const n of names) {
        if (!n.endsWith(RECOVERY_EXT)) continue;
        try {
          const f = JSON.parse(await fs.readFile(join(dir, n), 'utf8')) as RecoveryFile;
          const r = f.recovery;
          if (typeof r?.key !== 'string' || typeof r.savedAt !== 'string') continue;
          out.push({ id: n.slice(0, -RECOVERY_EXT.length), key: r.key, path: r.path ?? null, title: String(r.title ?? ''), savedAt: r.savedAt });
        } catch {
          /* a half-written copy from a crash of an old version: not listable */
        }
      }
      return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async read(id) {
      const p = fileOf(id);
      let f: RecoveryFile;
      try {
        f = JSON.parse(await fs.readFile(p, 'utf8')) as RecoveryFile;
      } catch (err) {
        throw err instanceof SyntaxError ? fileError('file.corrupt', p) : toJixiaoError(err, p);
      }
      const r = loadDocumentText(JSON.stringify(f.document));
      if (!r.ok) throw fileError(r.code, p, { detail: r.message, issues: r.issues });
      return { document: r.document, path: f.recovery?.path ?? null, repairs: r.repairs };
    },
    async remove(key) {
      await fs.unlink(fileOf(recoveryIdOf(key))).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw toJixiaoError(err, fileOf(recoveryIdOf(key)));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Recent files: <userData>/recent-files.json, most recent first.

export interface RecentFiles {
  list(): Promise<string[]>;
  add(path: string): Promise<string[]>;
  remove(path: string): Promise<string[]>;
}

export function createRecentFiles(userDataDir: string, opts: { max?: number } = {}): RecentFiles {
  const max = opts.max ?? 10;
  const file = join(userDataDir, 'recent-files.json');
  const read = async (): Promise<string[]> => {
    try {
      const v = JSON.parse(await fsp.readFile(file, 'utf8')) as unknown;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  };
  const write = async (list: string[]) => {
    await fsp.mkdir(userDataDir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(list, null, 2)}\n`);
    return list;
  };
  return {
    list: read,
    async add(path) {
      return write([path, ...(await read()).filter((p) => p !== path)].slice(0, max));
    },
    async remove(path) {
      return write((await read()).filter((p) => p !== path));
    },
  };
}
