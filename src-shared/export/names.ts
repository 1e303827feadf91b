// The one rule for the names the program proposes for a document's files — the .jixiao of 另存为,
// the exports of the editor, the desktop host and the CLI: `{部门名称}{年度}年绩效目标表.{ext}`
// (`…绩效自评表` for the year-end self-evaluation), characters illegal in file names replaced.
import type { JixiaoDocument } from '../model';

export type DocumentFileExt = 'jixiao' | 'xlsx' | 'docx' | 'pdf';

function fileName(doc: JixiaoDocument, table: '绩效目标表' | '绩效自评表', ext: DocumentFileExt): string {
  const stem = `${doc.meta.deptName || '未命名部门'}${doc.meta.year}年${table}`.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
  return `${stem}.${ext}`;
}

/** `{部门名称}{年度}年绩效目标表.{ext}`: the default name of the target tables' file and exports. */
export function defaultExportName(doc: JixiaoDocument, ext: DocumentFileExt): string {
  return fileName(doc, '绩效目标表', ext);
}

/** `{部门名称}{年度}年绩效自评表.{ext}` (the year-end self-evaluation). */
export function defaultSelfevalExportName(doc: JixiaoDocument, ext: DocumentFileExt): string {
  return fileName(doc, '绩效自评表', ext);
}
