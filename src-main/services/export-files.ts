// Export file I/O: the exporters are pure (document in, bytes out); this module picks the target
// path and writes it atomically, so a crash never leaves a half-written table behind.
import { dirname, join, resolve } from 'node:path';
import { defaultExportName, defaultSelfevalExportName, exportDocx, exportSelfevalDocx, exportSelfevalXlsx, exportXlsx } from '../../src-shared/export';
import type { LayoutOptions } from '../../src-shared/layout';
import type { JixiaoDocument } from '../../src-shared/model';
import { writeFileAtomic } from './atomic-write';

export type OfficeFormat = 'xlsx' | 'docx';

/** The target tables' layout options, or `selfeval: true` for the year-end 绩效自评表 (of the chosen projects). */
export interface ExportChoice extends LayoutOptions { selfeval?: boolean }

export function exportBytes(doc: JixiaoDocument, format: OfficeFormat, options: ExportChoice = {}): Promise<Uint8Array> {
  if (options.selfeval) {
    const projects = Array.isArray(options.projects) ? options.projects : 'all';
    return format === 'xlsx' ? exportSelfevalXlsx(doc, { projects }) : exportSelfevalDocx(doc, { projects });
  }
  return format === 'xlsx' ? exportXlsx(doc, options) : exportDocx(doc, options);
}

/** `{部门名称}{年度}年绩效目标表.{ext}` (or …绩效自评表) in the folder of `nearPath` (the .jixiao file). */
export function defaultExportPath(doc: JixiaoDocument, format: OfficeFormat | 'pdf', nearPath: string, selfeval = false): string {
  return join(dirname(resolve(nearPath)), selfeval ? defaultSelfevalExportName(doc, format) : defaultExportName(doc, format));
}

/** Export one format and write it atomically; returns the absolute path written. */
export async function writeExport(doc: JixiaoDocument, format: OfficeFormat, path: string, options: ExportChoice = {}): Promise<string> {
  const target = resolve(path);
  await writeFileAtomic(target, await exportBytes(doc, format, options));
  return target;
}
