// File and document actions: new, open, save (with conflict handling), import, export, recovery,
// window title. Everything that talks to the host goes through invoke(); a null from a native
// dialog (browser mode) makes us ask for the path ourselves.
import { DocumentSchema, newDocument, type JixiaoDocument, type Meta } from '../../src-shared/model';
import type { ExportFormat, RecoveryEntry } from '../../src-shared/ipc';
import { defaultExportName, defaultSelfevalExportName } from '../../src-shared/export/names';
import { attachSelfevalsEdit, CommandError, switchProfileEdit } from '../../src-shared/commands';
import { validateDocument } from '../../src-shared/validate';
import { choiceDialog, confirmDialog, messageDialog, openModal, promptPath } from '../dialogs/modal';
import { DocSettingsDialog, ExportDoneDialog, ImportReportDialog, RecoveryDialog } from '../dialogs/dialogs';
import { BatchAuditDialog } from '../dialogs/BatchAudit';
import { invoke, api } from './api';
import { editor, isModified, useEditor } from './store';

export const APP_NAME = '绩效目标表编辑器';

export function fileName(path: string | null): string {
  if (!path) return '未命名';
  return path.split(/[\\/]/).pop() || path;
}

export function windowTitle(path: string | null, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${fileName(path)} — ${APP_NAME}`;
}

export async function busy<T>(text: string, fn: () => Promise<T>): Promise<T> {
  editor.set({ busy: text });
  // Let the overlay paint before the work starts.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  try { return await fn(); } finally { editor.set({ busy: null }); }
}

/** Before replacing the document: 保存 / 不保存 / 取消. */
export async function confirmDiscard(): Promise<boolean> {
  if (!isModified(editor.get())) return true;
  const c = await choiceDialog('保存更改', `“${fileName(editor.get().path)}”有未保存的更改，是否保存？`,
    [{ value: 'save', label: '保存', primary: true }, { value: 'discard', label: '不保存' }, { value: 'cancel', label: '取消' }], 'cancel');
  if (c === 'cancel') return false;
  if (c === 'save') return save(false);
  return true;
}

export async function newDoc(): Promise<void> {
  if (!(await confirmDiscard())) return;
  const meta = await openModal<Meta | null>((close) => <DocSettingsDialog title="新建文档" initial={newDocument().meta} onClose={close} isNew />);
  if (!meta) return;
  await dropRecovery();
  editor.load(newDocument(meta), null, null, true);
  editor.set({ recoveryKey: newRecoveryKey() });
}

export function newRecoveryKey(): string { return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`; }

export async function openDoc(): Promise<void> {
  if (!(await confirmDiscard())) return;
  const picked = await invoke('dialog:pickOpen', { kind: 'jixiao' });
  let path = picked.ok ? picked.value : null;
  if (picked.ok && path === null && api().host === 'electron') return; // user cancelled the native dialog
  if (!picked.ok && picked.code !== 'dialog.unavailable') { void messageDialog('无法打开', picked.message); return; }
  path ??= await promptPath('打开文件', '文件路径（.jixiao）');
  if (path) await openPath(path, false);
}

export async function openPath(path: string, ask = true): Promise<boolean> {
  if (ask && !(await confirmDiscard())) return false;
  const res = await busy('正在打开…', () => invoke('doc:open', { path }));
  if (!res.ok) { void messageDialog(res.code === 'doc.open-elsewhere' ? '已在另一个窗口中打开' : '无法打开文件', res.message); return false; }
  await dropRecovery();
  editor.load(res.value.document, res.value.path, res.value.stamp);
  editor.set({ recoveryKey: newRecoveryKey() });
  if (res.value.repairs.length) {
    void messageDialog('文件已修复', <><p>打开时自动修复了以下问题（保存后生效）：</p><ul>{res.value.repairs.map((r, i) => <li key={i}>{r}</li>)}</ul></>);
  }
  return true;
}

export async function save(saveAs: boolean): Promise<boolean> {
  const s = editor.get();
  if (!s.doc) return false;
  let path = saveAs ? null : s.path;
  if (!path) {
    const picked = await invoke('dialog:pickSave', { kind: 'jixiao', defaultName: s.path ? fileName(s.path) : defaultExportName(s.doc, 'jixiao') });
    path = picked.ok ? picked.value : null;
    if (picked.ok && path === null && api().host === 'electron') return false;
    path ??= await promptPath('保存为', '保存到（完整路径，.jixiao）', s.path ?? '');
    if (!path) return false;
    if (!/\.jixiao$/i.test(path)) path += '.jixiao';
  }
  const doc = s.doc;
  const revision = s.revision;
  const expectedStamp = path === s.path ? s.stamp : null;
  let res = await busy('正在保存…', () => invoke('doc:save', { path: path!, document: doc, expectedStamp }));
  if (!res.ok && res.code === 'file.conflict') {
    const overwrite = await confirmDialog('文件已被修改', `${res.message}\n是否用当前内容覆盖磁盘上的文件？`, '覆盖', '不覆盖');
    if (!overwrite) return false;
    res = await busy('正在保存…', () => invoke('doc:save', { path: path!, document: doc, expectedStamp, force: true }));
  }
  if (!res.ok) { void messageDialog('保存失败', res.message); return false; }
  editor.markSaved(path, res.value.stamp, revision);
  await dropRecovery();
  editor.toast(`已保存：${path}`);
  return true;
}

export async function importFile(): Promise<void> {
  if (!(await confirmDiscard())) return;
  const picked = await invoke('dialog:pickOpen', { kind: 'import' });
  let path = picked.ok ? picked.value : null;
  if (picked.ok && path === null && api().host === 'electron') return;
  path ??= await promptPath('导入 Excel/Word', '要导入的文件路径（.xlsx / .docx）');
  if (path) await importPath(path, false);
}

export async function importPath(path: string, ask = true): Promise<void> {
  if (ask && !(await confirmDiscard())) return;
  const res = await busy('正在导入…', () => invoke('import:read', { path }));
  if (!res.ok) { void messageDialog('导入失败', res.message); return; }
  editor.load(res.value.document, null, null, true);
  editor.set({ recoveryKey: newRecoveryKey() });
  await openModal<void>((close) => <ImportReportDialog sourcePath={res.value.sourcePath} report={res.value.report} onClose={() => close()} />);
}

/** 文件 › 批量审核…: the window lists the files; a click opens one (a .jixiao, or imports a .docx/.xlsx). */
export async function batchAudit(): Promise<void> {
  const picked = await openModal<string | null>((close) => <BatchAuditDialog onOpen={close} />);
  if (!picked) return;
  if (/\.jixiao$/i.test(picked)) await openPath(picked);
  else await importPath(picked);
}

/**
 * 导入自评表到当前文档: each self-evaluation table of a .docx/.xlsx goes to the project of the same
 * name in the open document (or a new project), as one undo step; the report says what went where.
 */
export async function importSelfevalInto(): Promise<void> {
  const doc = editor.get().doc;
  if (!doc) return;
  const picked = await invoke('dialog:pickOpen', { kind: 'import' });
  let path = picked.ok ? picked.value : null;
  if (picked.ok && path === null && api().host === 'electron') return;
  path ??= await promptPath('导入绩效自评表', '自评表文件路径（.xlsx / .docx）');
  if (!path) return;
  const res = await busy('正在导入…', () => invoke('import:read', { path: path!, into: doc }));
  if (!res.ok) { void messageDialog('导入失败', res.message); return; }
  const edit = attachSelfevalsEdit(editor.get().doc!, res.value.document);
  if (edit) editor.dispatch(edit);
  await openModal<void>((close) => <ImportReportDialog sourcePath={res.value.sourcePath} report={res.value.report} onClose={() => close()} />);
}

/** Export the target tables, or with `selfeval` the year-end 绩效自评表 (the 绩效自评 tab and menu use it). */
export async function exportAs(format: ExportFormat, options: { selfeval?: boolean } = {}): Promise<void> {
  const s = editor.get();
  if (!s.doc) return;
  const doc = s.doc;
  const label = `${options.selfeval ? '绩效自评表 ' : ''}${{ xlsx: 'Excel', docx: 'Word', pdf: 'PDF' }[format]}`;
  if (!(await confirmExportWithErrors(doc, options.selfeval ?? false))) return;
  let path: string | null = null;
  if (api().host === 'electron') {
    const name = options.selfeval ? defaultSelfevalExportName(doc, format) : defaultExportName(doc, format);
    const picked = await invoke('dialog:pickSave', { kind: format, defaultName: name });
    if (!picked.ok) { void messageDialog('导出失败', picked.message); return; }
    if (picked.value === null) return;
    path = picked.value;
  }
  const res = await busy(`正在导出 ${label}…`, () => invoke('export:write', { document: doc, format, path, nearPath: s.path, options: { selfeval: options.selfeval ?? false } }));
  if (!res.ok) { void messageDialog('导出失败', res.message); return; }
  await openModal<void>((close) => <ExportDoneDialog path={res.value.path} label={label} onClose={() => close()} />);
}

/**
 * A table with 错误 goes to the finance bureau only when the clerk says so: 查看问题 opens the
 * findings panel, 仍然导出 goes on. Counts the errors of the tables being exported.
 */
async function confirmExportWithErrors(doc: JixiaoDocument, selfeval: boolean): Promise<boolean> {
  // Of the document as it is now: the live findings trail an edit (or an undo) by a frame.
  const errors = validateDocument(doc).filter((f) => f.severity === 'error' && f.code.startsWith('selfeval.') === selfeval).length;
  if (errors === 0) return true;
  const c = await choiceDialog('导出', `文档中有 ${errors} 个错误，导出的表格可能被财政部门退回。`,
    [{ value: 'show', label: '查看问题', primary: true }, { value: 'export', label: '仍然导出' }, { value: 'cancel', label: '取消' }], 'cancel');
  if (c === 'show') editor.set({ findingsOpen: true, libraryOpen: false });
  return c === 'export';
}

export async function openSettings(): Promise<void> {
  const s = editor.get();
  if (!s.doc) return;
  const meta = await openModal<Meta | null>((close) => <DocSettingsDialog title="文档设置" initial={s.doc!.meta} onClose={close} />);
  if (!meta) return;
  try {
    editor.dispatch(switchProfileEdit(editor.get().doc!, meta));
  } catch (e) {
    if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e;
  }
}

// ── recovery ────────────────────────────────────────────────────────────────────────────────────

const AUTOSAVE_DELAY_MS = 3000;

/** Autosave to the recovery store a few seconds after each change. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsub = subscribeDoc(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const s = editor.get();
      if (!s.doc || !isModified(s)) return;
      void invoke('recovery:write', { key: s.recoveryKey, path: s.path, document: s.doc });
    }, AUTOSAVE_DELAY_MS);
  });
  return () => { if (timer) clearTimeout(timer); unsub(); };
}

function subscribeDoc(fn: () => void): () => void {
  return useEditor.subscribe((s, prev) => { if (s.doc !== prev.doc) fn(); });
}

async function dropRecovery(): Promise<void> {
  await invoke('recovery:remove', { key: editor.get().recoveryKey });
}

export async function offerRecovery(): Promise<void> {
  const list = await invoke('recovery:list', {});
  if (!list.ok || list.value.length === 0) return;
  const chosen = await openModal<RecoveryEntry | null>((close) => <RecoveryDialog entries={list.value} onClose={close} />);
  if (!chosen) return;
  const res = await invoke('recovery:read', { id: chosen.id });
  if (!res.ok) { void messageDialog('无法恢复', res.message); return; }
  const parsed = DocumentSchema.safeParse(res.value.document);
  if (!parsed.success) { void messageDialog('无法恢复', '恢复的内容已损坏。'); return; }
  editor.load(parsed.data, res.value.path, null, true);
  editor.set({ recoveryKey: chosen.key });
  editor.toast('已恢复未保存的内容，请及时保存');
}

/** Keep the window title and modified marker in sync with the host. */
export function startTitleSync(): () => void {
  let last = '';
  const sync = () => {
    const s = editor.get();
    const dirty = isModified(s);
    const title = windowTitle(s.path, dirty);
    if (title + s.path === last) return;
    last = title + s.path;
    document.title = title;
    void invoke('window:setState', { title, dirty, path: s.path });
  };
  sync();
  return useEditor.subscribe(sync);
}
