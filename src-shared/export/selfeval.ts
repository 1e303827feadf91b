// The year-end self-evaluation (绩效自评表) through the same writers as the target tables: the layout
// differs (layout/selfeval.ts: A4 portrait, one part per project), the xlsx/docx/HTML rules do not.
import { buildSelfevalLayout, type SelfevalLayoutOptions } from '../layout';
import type { JixiaoDocument } from '../model';
import { layoutToDocx } from './docx';
import { layoutToHtml } from './print-html';
import { layoutToXlsx } from './xlsx';

/** One sheet per project (`自评1`, `自评2` … by the project's number in the document). */
export function exportSelfevalXlsx(doc: JixiaoDocument, options: SelfevalLayoutOptions = {}): Promise<Uint8Array> {
  return layoutToXlsx(buildSelfevalLayout(doc, options));
}

/** One table per page. */
export async function exportSelfevalDocx(doc: JixiaoDocument, options: SelfevalLayoutOptions = {}): Promise<Uint8Array> {
  return layoutToDocx(buildSelfevalLayout(doc, options));
}

export function renderSelfevalPrintHtml(doc: JixiaoDocument, options: SelfevalLayoutOptions = {}): string {
  return layoutToHtml(buildSelfevalLayout(doc, options));
}
