// Writes what a batch audit produces: the summary workbook, the HTML report and the per-file
// 审核意见 documents (atomic writes; the audited files are only ever read).
import { promises as fsp } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { auditHtml } from '../../src-shared/audit/html';
import { opinionDocx, opinionFileName } from '../../src-shared/audit/opinion';
import { readEntries } from '../../src-shared/audit/summary';
import type { AuditEntry } from '../../src-shared/audit/types';
import { auditWorkbook } from '../../src-shared/audit/workbook';
import { writeFileAtomic } from '../services/atomic-write';
import { toJixiaoError } from '../services/errors';

/** Into a folder that may not exist yet (as `--per-file` does); errors as coded Chinese messages. */
async function writeOut(path: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await fsp.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
  } catch (e) {
    throw toJixiaoError(e, path);
  }
}

export interface AuditOutputs { xlsx?: string; html?: string; perFileDir?: string }

/** Returns what was written, one line each (the per-file documents as one line). */
export async function writeAuditOutputs(entries: AuditEntry[], to: AuditOutputs): Promise<string[]> {
  const written: string[] = [];
  if (to.xlsx) {
    await writeOut(resolve(to.xlsx), await auditWorkbook(entries));
    written.push(resolve(to.xlsx));
  }
  if (to.html) {
    await writeOut(resolve(to.html), auditHtml(entries));
    written.push(resolve(to.html));
  }
  if (to.perFileDir) {
    const dir = resolve(to.perFileDir);
    const read = readEntries(entries);
    for (const e of read) await writeOut(join(dir, opinionFileName(e.file)), opinionDocx(e));
    written.push(`${dir}（${read.length} 份审核意见）`);
  }
  return written;
}
