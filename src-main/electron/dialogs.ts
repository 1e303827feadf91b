// Native open/save dialogs with Chinese filters.
import { BrowserWindow, dialog, type FileFilter, type WebContents } from 'electron';
import type { ExportFormat, OpenKind } from '../../src-shared/ipc';

export const FILTERS: Record<Exclude<OpenKind, 'folder'> | ExportFormat, FileFilter[]> = {
  jixiao: [{ name: '绩效目标表 (*.jixiao)', extensions: ['jixiao'] }],
  import: [
    { name: 'Excel 或 Word 表格 (*.xlsx, *.docx)', extensions: ['xlsx', 'docx'] },
    { name: 'Excel (*.xlsx)', extensions: ['xlsx'] },
    { name: 'Word (*.docx)', extensions: ['docx'] },
  ],
  any: [
    { name: '绩效目标表或 Excel/Word 表格 (*.jixiao, *.xlsx, *.docx)', extensions: ['jixiao', 'xlsx', 'docx'] },
    { name: '绩效目标表 (*.jixiao)', extensions: ['jixiao'] },
  ],
  xlsx: [{ name: 'Excel (*.xlsx)', extensions: ['xlsx'] }],
  docx: [{ name: 'Word (*.docx)', extensions: ['docx'] }],
  pdf: [{ name: 'PDF (*.pdf)', extensions: ['pdf'] }],
};

const OPEN_TITLES = { jixiao: '打开绩效目标表', import: '导入 Excel/Word 表格', folder: '选择要批量审核的文件夹', any: '选择文件（.jixiao / .xlsx / .docx）' } as const;
const SAVE_TITLES = { jixiao: '保存绩效目标表', xlsx: '导出 Excel', docx: '导出 Word', pdf: '导出 PDF' } as const;

function parentOf(wc: WebContents | null | undefined): BrowserWindow | undefined {
  return (wc && BrowserWindow.fromWebContents(wc)) || BrowserWindow.getFocusedWindow() || undefined;
}

export async function pickOpen(kind: OpenKind, wc?: WebContents | null): Promise<string | null> {
  const opts = kind === 'folder'
    ? { title: OPEN_TITLES[kind], properties: ['openDirectory' as const] }
    : { title: OPEN_TITLES[kind], filters: FILTERS[kind], properties: ['openFile' as const] };
  const parent = parentOf(wc);
  const r = parent ? await dialog.showOpenDialog(parent, opts) : await dialog.showOpenDialog(opts);
  return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
}

export async function pickSave(kind: 'jixiao' | ExportFormat, defaultPath: string, wc?: WebContents | null): Promise<string | null> {
  const opts = { title: SAVE_TITLES[kind], defaultPath, filters: FILTERS[kind], properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
  const parent = parentOf(wc);
  const r = parent ? await dialog.showSaveDialog(parent, opts) : await dialog.showSaveDialog(opts);
  if (r.canceled || !r.filePath) return null;
  // Linux dialogs do not always add the extension of the chosen filter.
  const ext = `.${FILTERS[kind][0].extensions[0]}`;
  return r.filePath.toLowerCase().endsWith(ext) ? r.filePath : r.filePath + ext;
}
