// Read a document from any file the editor understands: a .jixiao (load pipeline) or an Office file
// the importer reads (.docx / .xlsx). Used where another year's file is only read — 新年度 and 对比 —
// never written back.
import { extname } from 'node:path';
import type { JixiaoDocument } from '../../src-shared/model';
import { isJixiaoError } from './errors';
import { importFile } from './import-files';
import { openDocumentFile } from './storage';

export type ReadDocumentResult = { ok: true; document: JixiaoDocument; kind: 'jixiao' | 'import' } | { ok: false; code: string; message: string };

export async function readAnyDocument(path: string, office: { importFile(path: string): Promise<Awaited<ReturnType<typeof importFile>>> } = { importFile }): Promise<ReadDocumentResult> {
  if (extname(path).toLowerCase() === '.jixiao') {
    try {
      return { ok: true, document: (await openDocumentFile(path)).document, kind: 'jixiao' };
    } catch (e) {
      if (isJixiaoError(e)) return { ok: false, code: e.code, message: e.message };
      return { ok: false, code: 'file.unreadable', message: `无法读取：${String(e)}` };
    }
  }
  const r = await office.importFile(path);
  return r.ok ? { ok: true, document: r.document, kind: 'import' } : { ok: false, code: r.code, message: r.message };
}
