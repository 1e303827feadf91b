import type { JixiaoDocument } from '../model';

/** `{部门名称}{年度}年绩效目标表.{ext}` with characters that are illegal in file names replaced. */
export function defaultExportName(doc: JixiaoDocument, ext: 'xlsx' | 'docx' | 'pdf'): string {
  const stem = `${doc.meta.deptName || '未命名部门'}${doc.meta.year}年绩效目标表`.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
  return `${stem}.${ext}`;
}

/** `{部门名称}{年度}年绩效自评表.{ext}` (the year-end self-evaluation), same replacements. */
export function defaultSelfevalExportName(doc: JixiaoDocument, ext: 'xlsx' | 'docx' | 'pdf'): string {
  const stem = `${doc.meta.deptName || '未命名部门'}${doc.meta.year}年绩效自评表`.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
  return `${stem}.${ext}`;
}
