// Atomic file replacement: whatever moment the process dies, the target holds either the complete
// old bytes or the complete new bytes. Write a temp file in the same folder (same filesystem, so
// rename is atomic), fsync it, rename it over the target, fsync the folder so the rename is durable.
import { promises as fsp, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The fs functions used here, injectable so tests can simulate ENOSPC, EACCES… */
export interface AtomicFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  link: typeof fsp.link;
  copyFile: typeof fsp.copyFile;
}

export const nodeFs: AtomicFs = {
  open: fsp.open, rename: fsp.rename, unlink: fsp.unlink, link: fsp.link, copyFile: fsp.copyFile,
};

export interface AtomicWriteOptions {
  /** Keep the previous version as `<name>.bak` (for documents `name.jixiao.bak`). */
  backup?: boolean;
  /** File mode for a newly created file. */
  mode?: number;
  fs?: AtomicFs;
}

export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

export async function writeFileAtomic(path: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    handle = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, opts.mode ?? 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (opts.backup) await keepBackup(fs, path);
    await fs.rename(tmp, path);
  } catch (err) {
    if (handle) await handle.close().catch(() => {});
    await fs.unlink(tmp).catch(() => {});
    throw err;
  }
  await syncDir(fs, dir);
}

/**
 * Make `<path>.bak` the current version before it is replaced. A hard link is instant and atomic
 * (link to a temp name, then rename over the old .bak); where links are not supported, copy.
 * The .bak is always a complete file: it is only ever replaced by rename.
 */
async function keepBackup(fs: AtomicFs, path: string): Promise<void> {
  const bak = backupPathOf(path);
  const tmp = `${bak}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.link(path, tmp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first save: nothing to back up
    try {
      await fs.copyFile(path, tmp);
    } catch (err2) {
      if ((err2 as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err2;
    }
  }
  try {
    await fs.rename(tmp, bak);
  } catch (err) {
    await fs.unlink(tmp).catch(() => {});
    throw err;
  }
}

async function syncDir(fs: AtomicFs, dir: string): Promise<void> {
  // Directory fsync makes the rename durable on power loss; some platforms (Windows) refuse it.
  let h: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    h = await fs.open(dir, constants.O_RDONLY);
    await h.sync();
  } catch {
    /* not supported here: the rename itself is still atomic */
  } finally {
    await h?.close().catch(() => {});
  }
}

/**
 * Remove temp files a crashed save left next to `path` (`.name.<pid>.<hex>.tmp`, `name.bak.<hex>.tmp`).
 * Only files older than `maxAgeMs` go: a younger one may belong to a save in progress elsewhere.
 * Best effort, never throws.
 */
export async function removeStaleTemps(path: string, maxAgeMs = 60 * 60_000, now = Date.now()): Promise<number> {
  const dir = dirname(path);
  const name = basename(path);
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(?:\\.${esc}\\.\\d+\\.[0-9a-f]{8}|${esc}\\.bak\\.[0-9a-f]{8})\\.tmp$`);
  let removed = 0;
  try {
    for (const f of await fsp.readdir(dir)) {
      if (!pattern.test(f)) continue;
      const p = join(dir, f);
      const st = await fsp.stat(p).catch(() => null);
      if (st && now - st.mtimeMs > maxAgeMs && (await fsp.unlink(p).then(() => true, () => false))) removed++;
    }
  } catch {
    /* folder unreadable: nothing to sweep */
  }
  return removed;
}
