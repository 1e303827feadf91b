// Import file I/O: read the source with a size cap checked BEFORE reading (on the open handle, so the
// size cannot change between the check and the read), never write to it; the importer itself is pure.
import { promises as fsp } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importOffice, type ImportOptions, type ImportResult } from '../../src-shared/import';
import type { JixiaoDocument } from '../../src-shared/model';
import { serializeDocument } from '../../src-shared/model/load';
import { writeFileAtomic } from './atomic-write';

/** Office files of real budget tables are well under 10 MB; 100 MB leaves room and refuses junk fast. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export interface ImportFileOptions extends ImportOptions { maxBytes?: number }

/** Read and import a .docx/.xlsx; never throws, never modifies the source. */
export async function importFile(path: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const handle = await fsp.open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { ok: false, code: 'import.unreadable', message: `「${name}」不是文件，无法导入。` };
      if (stat.size > maxBytes) {
        return { ok: false, code: 'import.too-large', message: `「${name}」有 ${(stat.size / 1048576).toFixed(1)} MB，超过导入上限 ${Math.round(maxBytes / 1048576)} MB，拒绝导入。` };
      }
      const buf = new Uint8Array(stat.size);
      let off = 0;
      while (off < buf.length) {
        const { bytesRead } = await handle.read(buf, off, buf.length - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      bytes = buf.subarray(0, off);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : (e as Error).message;
    return { ok: false, code: 'import.unreadable', message: `无法读取「${name}」：${why}。` };
  }
  return importOffice(bytes, name, options);
}

/** Write the imported document as .jixiao (atomic); refuses to write over the source file. */
export async function writeImportedDocument(doc: JixiaoDocument, outPath: string, sourcePath?: string): Promise<string> {
  const target = resolve(outPath);
  if (sourcePath && resolve(sourcePath) === target) throw new Error('输出文件不能与导入的源文件相同。');
  await writeFileAtomic(target, serializeDocument(doc));
  return target;
}
