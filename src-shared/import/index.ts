// importOffice: .docx / .xlsx bytes → document + import report. Synchronous and pure; it never throws:
// every failure comes back as { ok: false, code, message } with a Chinese message.
import { attachSelfevals } from './attach';
import { isExchangeSheet, readExchange } from './exchange';
import { readDocx } from './docx';
import { recognise } from './recognise';
import { ImportFailure, type ImportResult } from './types';
import { readXlsx } from './xlsx';
import { child, parseXml, textOf } from './xml';
import type { ZipArchive } from './zip';
import type { JixiaoDocument } from '../model';
import { dropUnsavable } from './grid';
import { DEFAULT_ZIP_LIMITS, isZip, openZip, type ZipLimits } from './zip';

export * from './types';
export { attachSelfevals, type AttachResult } from './attach';
export { formatReport } from './report';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Bytes of "EncryptionInfo" in UTF-16LE, as the OLE directory stores stream names. */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** OLE compound file: an encrypted .docx/.xlsx (EncryptionInfo stream) or a legacy .doc/.xls. */
function classifyOle(bytes: Uint8Array, fileName: string): ImportFailure {
  if (contains(bytes, ENCRYPTION_INFO)) {
    return new ImportFailure('import.encrypted', '文件设有打开密码（已加密），无法读取。请在 Word/WPS/Excel 中打开，取消密码后另存，再导入。');
  }
  const lower = fileName.toLowerCase();
  const app = lower.endsWith('.xls') || lower.endsWith('.et') ? 'Excel/WPS 表格' : lower.endsWith('.doc') || lower.endsWith('.wps') ? 'Word/WPS 文字' : 'Word/WPS/Excel';
  const target = lower.endsWith('.xls') || lower.endsWith('.et') ? '.xlsx' : lower.endsWith('.doc') || lower.endsWith('.wps') ? '.docx' : '.docx 或 .xlsx';
  return new ImportFailure('import.legacy-format', `这是旧版 Office 格式（.doc/.xls），无法直接导入。请在 ${app} 中打开，“另存为” ${target} 格式后再导入。`);
}

/** docProps/core.xml: title, creator, created — hints only; a broken part is ignored, not fatal. */
function readCoreProps(zip: ZipArchive): { title?: string; creator?: string; created?: string } {
  const entry = zip.entries.get('docProps/core.xml');
  if (!entry || entry.size > 1024 * 1024) return {};
  try {
    const root = parseXml(zip.readText('docProps/core.xml') ?? '', 'docProps/core.xml');
    const get = (tag: string) => { const n = child(root, tag); return n ? textOf(n).trim() : undefined; };
    return { title: get('title'), creator: get('creator'), created: get('created') };
  } catch (e) {
    if (e instanceof ImportFailure && e.code === 'import.too-large') throw e;
    return {};
  }
}

export interface ImportOptions {
  limits?: ZipLimits;
  /** The open document: self-evaluation tables are attached to its projects (attach.ts) instead of making a new document. */
  into?: JixiaoDocument;
}

export function importOffice(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
  try {
    if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) throw classifyOle(bytes, fileName);
    if (!isZip(bytes)) {
      throw new ImportFailure('import.not-office', `「${fileName}」不是 Word（.docx）或 Excel（.xlsx）文件，无法导入。`);
    }
    const zip = openZip(bytes, options.limits ?? DEFAULT_ZIP_LIMITS);
    let stream;
    if (zip.entries.has('word/document.xml')) stream = readDocx(zip);
    else if (zip.entries.has('xl/workbook.xml')) stream = readXlsx(zip);
    else if (zip.entries.has('EncryptionInfo')) throw classifyOle(bytes, fileName);
    else throw new ImportFailure('import.not-office', `「${fileName}」是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件，无法导入。`);
    dropUnsavable(stream);
    // The exchange sheet (jixiao export --exchange) is a list of indicators, not a printed form.
    const { document, report } = isExchangeSheet(stream) ? readExchange(stream, fileName, readCoreProps(zip)) : recognise(stream, fileName, readCoreProps(zip));
    if (report.tables.length === 0) {
      return { ok: false, code: 'import.no-table', message: `「${fileName}」中没有找到可识别的绩效目标表（职责活动表、项目绩效目标表、部门整体支出绩效目标表或绩效自评表）。` };
    }
    if (options.into) {
      const attached = attachSelfevals(options.into, document);
      report.mapped.push(...attached.mapped);
      report.warnings.push(...attached.warnings);
      return { ok: true, document: attached.document, report };
    }
    return { ok: true, document, report };
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, code: e.code, message: e.message };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, code: 'import.corrupt', message: `文件无法读取（${detail}）。` };
  }
}
