// Which files a batch audit reads: every .jixiao, .xlsx and .docx under the folders given
// (recursively) plus the files named one by one; anything else is listed as skipped — except legacy
// .doc/.xls/.wps/.et, which are read so that they are listed with their reason (旧版格式). Office's lock
// files (~$name.docx) and our own output files are left out altogether.
import { promises as fsp } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

export const AUDITED_EXTENSIONS: ReadonlySet<string> = new Set(['.jixiao', '.xlsx', '.docx', '.doc', '.xls', '.wps', '.et']);

export interface AuditJob {
  path: string;
  file: string;
  /** Bytes on disk: the pool starts the largest files first, so no large file is left for the end. */
  size?: number;
}
export interface WalkResult { jobs: AuditJob[]; skipped: AuditJob[] }

const display = (p: string) => p.split(sep).join('/');

/** `paths`: folders and files; `exclude`: absolute paths never audited (the batch's own outputs). */
export async function collectAuditFiles(paths: string[], exclude: string[] = []): Promise<WalkResult> {
  const out: WalkResult = { jobs: [], skipped: [] };
  const excluded = exclude.map((p) => resolve(p));
  const isExcluded = (abs: string) => excluded.some((x) => abs === x || abs.startsWith(x + sep));
  const seen = new Set<string>();
  const add = async (abs: string, file: string) => {
    if (seen.has(abs) || isExcluded(abs) || basename(abs).startsWith('~$')) return;
    seen.add(abs);
    if (!AUDITED_EXTENSIONS.has(extname(abs).toLowerCase())) { out.skipped.push({ path: abs, file }); return; }
    const size = await fsp.stat(abs).then((s) => s.size, () => 0); // unreadable: the worker says why
    out.jobs.push({ path: abs, file, size });
  };
  for (const p of paths) {
    const abs = resolve(p);
    const st = await fsp.stat(abs); // a missing argument is the caller's mistake: let it throw
    if (!st.isDirectory()) { await add(abs, display(paths.length === 1 ? basename(abs) : p)); continue; }
    const files: string[] = [];
    await walk(abs, files, isExcluded);
    files.sort();
    for (const f of files) await add(f, display(paths.length === 1 ? relative(abs, f) : relative(process.cwd(), f)));
  }
  return out;
}

async function walk(dir: string, files: string[], isExcluded: (p: string) => boolean): Promise<void> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder is not the batch's end
  }
  for (const d of entries) {
    const full = join(dir, d.name);
    if (isExcluded(full)) continue;
    if (d.isDirectory()) await walk(full, files, isExcluded); // symlinked folders are not followed: no loops
    else if (d.isFile() || d.isSymbolicLink()) files.push(full);
  }
}
