// Worker thread of the batch audit (src-main/audit/pool.ts): reads one file per message — loads a
// .jixiao or imports a .docx/.xlsx with the existing importer — and validates it. Its time and heap
// are limited by the pool, so a hostile file costs at most this thread, never the batch.
import { parentPort } from 'node:worker_threads';
import { extname } from 'node:path';
import { auditDocument } from '../src-shared/audit/summary';
import type { AuditEntry } from '../src-shared/audit/types';
import { isJixiaoError } from './services/errors';
import { importFile } from './services/import-files';
import { openDocumentFile } from './services/storage';

export interface AuditRequest { id: number; path: string; file: string }
export interface AuditReply { id: number; entry: AuditEntry }

async function auditOne(path: string, file: string): Promise<AuditEntry> {
  const at = { file, path };
  const ext = extname(path).toLowerCase();
  if (ext === '.jixiao') {
    try {
      return auditDocument((await openDocumentFile(path)).document, at, 'jixiao');
    } catch (e) {
      if (isJixiaoError(e)) return { status: 'unreadable', ...at, code: e.code, message: e.message };
      throw e;
    }
  }
  const r = await importFile(path);
  if (!r.ok) return { status: 'unreadable', ...at, code: r.code, message: r.message };
  return auditDocument(r.document, at, ext === '.xlsx' ? 'xlsx' : 'docx'); // a legacy file never gets here
}

parentPort?.on('message', async ({ id, path, file }: AuditRequest) => {
  let entry: AuditEntry;
  try {
    entry = await auditOne(path, file);
  } catch (e) {
    entry = { status: 'unreadable', file, path, code: 'audit.crash', message: `读取时出错：${e instanceof Error ? e.message : String(e)}` };
  }
  parentPort!.postMessage({ id, entry } satisfies AuditReply);
});
