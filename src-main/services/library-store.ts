// The user's 指标库 on disk: <userData>/indicator-library.json, written atomically like a document.
// A file that cannot be read is set aside (never deleted) and the library is rebuilt from the
// built-in entries, with a warning the UI shows once. Operations are queued, so a learn on save and
// a delete from the panel never interleave their read-modify-write.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { JixiaoDocument } from '../../src-shared/model/schema';
import {
  deleteEntries, emptyLibrary, learnFromDocument, libraryEntries, mergeEntries, readLibraryFile, toLibraryFile,
  type IndicatorLibrary, type LearnResult, type LibraryEntry,
} from '../../src-shared/library';
import { writeFileAtomic } from './atomic-write';

export const LIBRARY_FILE = 'indicator-library.json';
/** A library file larger than this is not read (20,000 entries are ~10 MB). */
export const MAX_LIBRARY_BYTES = 64 * 1024 * 1024;

export interface LibrarySnapshot {
  entries: LibraryEntry[];
  /** Bumped on every change: the renderer rebuilds its suggestion index only when it moves. */
  version: number;
  /** Set once after a damaged file was set aside (Chinese, for the user). */
  warning?: { code: 'library.corrupt'; message: string };
}

export interface LibraryStore {
  snapshot(): Promise<LibrarySnapshot>;
  learn(doc: JixiaoDocument, documentName: string): Promise<LearnResult>;
  merge(entries: readonly LibraryEntry[]): Promise<LearnResult>;
  remove(keys: readonly string[]): Promise<number>;
  readonly path: string;
}

export function createLibraryStore(userDataDir: string, opts: { now?: () => Date } = {}): LibraryStore {
  const path = join(userDataDir, LIBRARY_FILE);
  let lib: IndicatorLibrary | null = null;
  let version = 0;
  let warning: LibrarySnapshot['warning'];
  let queue: Promise<unknown> = Promise.resolve();

  const run = <T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.then(op, op);
    queue = next.catch(() => {});
    return next;
  };

  async function setAside(reason: string): Promise<void> {
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const aside = join(userDataDir, `indicator-library.damaged-${stamp}.json`);
    await fsp.rename(path, aside).catch(() => {});
    warning = { code: 'library.corrupt', message: `指标库文件无法读取（${reason}），已另存为「${aside}」，并从内置指标重建。` };
  }

  async function load(): Promise<IndicatorLibrary> {
    if (lib) return lib;
    let text: string | null = null;
    try {
      const st = await fsp.stat(path);
      if (st.size > MAX_LIBRARY_BYTES) await setAside('文件过大');
      else text = await fsp.readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text === null) return (lib = emptyLibrary());
    const r = readLibraryFile(text);
    if (r.ok) return (lib = r.library);
    await setAside(r.message.replace(/。$/, ''));
    return (lib = emptyLibrary());
  }

  async function save(l: IndicatorLibrary): Promise<void> {
    await fsp.mkdir(userDataDir, { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(toLibraryFile(l))}\n`, { backup: false });
    version++;
  }

  return {
    path,
    snapshot: () => run(async () => {
      const l = await load();
      const snap: LibrarySnapshot = { entries: libraryEntries(l), version, ...(warning ? { warning } : {}) };
      warning = undefined;
      return snap;
    }),
    learn: (doc, documentName) => run(async () => {
      const l = await load();
      const r = learnFromDocument(l, doc, documentName);
      if (r.added || r.updated) await save(l);
      return r;
    }),
    merge: (entries) => run(async () => {
      const l = await load();
      const r = mergeEntries(l, entries);
      if (r.added || r.updated) await save(l);
      return r;
    }),
    remove: (keys) => run(async () => {
      const l = await load();
      const n = deleteEntries(l, keys);
      if (n) await save(l);
      return n;
    }),
  };
}
