// 新年度 (文件 › 从上年生成…) and 对比 (文件 › 与…对比). Another year's file is only read (`doc:read`:
// .jixiao through the load pipeline, .docx/.xlsx through the importer); the rolled-over document opens
// as a new unsaved document; the comparison lives in the store and follows every edit.
import {
  applyYearProposals, diffDocuments, parseProjectClipboard, pasteProjectEdit, PROJECT_CLIPBOARD_TYPE, projectClipboardText, rollover, type DiffEntry,
} from '../../src-shared/cycle';
import type { JixiaoDocument } from '../../src-shared/model';
import { messageDialog, openModal, promptPath } from '../dialogs/modal';
import { RolloverOptionsDialog, YearProposalDialog, type RolloverChoice } from '../dialogs/cycle';
import { api, invoke } from './api';
import { busy, confirmDiscard, fileName, newRecoveryKey } from './actions';
import { cellKey } from './validation';
import { editor, useEditor } from './store';
import { shortcut } from './keys';

/** Ask for another year's file (native dialog, or a path in browser mode) and read it. */
async function pickAndRead(title: string): Promise<{ path: string; document: JixiaoDocument } | null> {
  const picked = await invoke('dialog:pickOpen', { kind: 'any' });
  let path = picked.ok ? picked.value : null;
  if (picked.ok && path === null && api().host === 'electron') return null;
  path ??= await promptPath(title, '文件路径（.jixiao / .xlsx / .docx）');
  if (!path) return null;
  const res = await busy('正在读取…', () => invoke('doc:read', { path: path! }));
  if (!res.ok) { void messageDialog('无法读取文件', `${res.message}（${res.code}）`); return null; }
  return res.value;
}

export async function rolloverFromFile(): Promise<void> {
  if (!(await confirmDiscard())) return;
  const read = await pickAndRead('从上年生成');
  if (!read) return;
  const last = read.document;
  const choice = await openModal<RolloverChoice | null>((close) => <RolloverOptionsDialog source={fileName(read.path)} lastYear={last.meta.year} onClose={close} />);
  if (!choice) return;
  const { document, proposals } = rollover(last, choice);
  let ticked = new Set(proposals.map((p) => p.id));
  if (proposals.length) {
    const kept = await openModal<Set<string> | null>((close) => <YearProposalDialog proposals={proposals} from={last.meta.year} to={document.meta.year} onClose={close} />);
    if (!kept) return;
    ticked = kept;
  }
  editor.load(applyYearProposals(document, proposals, ticked), null, null, true);
  editor.set({ recoveryKey: newRecoveryKey() });
  editor.toast(`已从“${fileName(read.path)}”生成 ${document.meta.year} 年的文档（未保存），采用年份替换 ${ticked.size}/${proposals.length} 处`);
}

export async function compareWithFile(): Promise<void> {
  if (!editor.get().doc) return;
  const read = await pickAndRead('与…对比');
  if (!read) return;
  const doc = editor.get().doc!;
  // The right side is narrow on 1366 px office screens: the comparison takes it from 审核结果 / 指标库
  // (F8 brings 审核结果 back beside it).
  editor.set({ compare: { other: read.document, name: fileName(read.path), report: diffDocuments(read.document, doc) }, findingsOpen: false, libraryOpen: false });
}

export function closeCompare(): void { editor.set({ compare: null }); }

/** Keep the comparison current while the document is edited (after the edit is painted). */
export function startCompareSync(): () => void {
  let scheduled = false;
  return useEditor.subscribe((s, prev) => {
    if (s.doc === prev.doc || !s.compare || scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => setTimeout(() => {
      scheduled = false;
      const cur = editor.get();
      if (cur.doc && cur.compare) editor.set({ compare: { ...cur.compare, report: diffDocuments(cur.compare.other, cur.doc) } });
    }, 0));
  });
}

/** Cell marks for the grids: changed cells, and the name cell of added / moved rows. */
export type DiffMark = 'diff-changed' | 'diff-added' | 'diff-moved';
export function indexDiffMarks(entries: readonly DiffEntry[] | undefined): Map<string, DiffMark> {
  const m = new Map<string, DiffMark>();
  for (const e of entries ?? []) {
    if (!e.rowId || e.kind === 'removed' || e.row === 'meta') continue;
    const field = e.field ?? (e.row === 'duty' || e.row === 'activity' ? 'title' : 'name');
    const mark: DiffMark = e.kind === 'added' ? 'diff-added' : e.kind === 'moved' ? 'diff-moved' : 'diff-changed';
    if (!m.has(cellKey(e.rowId, field)) || mark === 'diff-changed') m.set(cellKey(e.rowId, field), mark);
  }
  return m;
}

/** The grids' marks from the store (a thin addition to their cellClass, like the findings marks). */
export function useDiffMarks(): Map<string, DiffMark> {
  return useEditor((s) => s.compare?.report.entries === undefined ? EMPTY : marksOf(s.compare.report.entries));
}
const EMPTY = new Map<string, DiffMark>();
let lastEntries: readonly DiffEntry[] | null = null;
let lastMarks = EMPTY;
function marksOf(entries: readonly DiffEntry[]): Map<string, DiffMark> {
  if (entries !== lastEntries) { lastEntries = entries; lastMarks = indexDiffMarks(entries); }
  return lastMarks;
}

// ── 复制为新项目 across documents ───────────────────────────────────────────────────────────────

/** Put the project on the clipboard (its own type + the same JSON as text, for any host's clipboard). */
export function copyProjectToClipboard(projectId: string): void {
  const doc = editor.get().doc;
  const text = doc ? projectClipboardText(doc, projectId) : null;
  if (!text) return;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData(PROJECT_CLIPBOARD_TYPE, text);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  let ok: boolean;
  try { ok = document.execCommand('copy'); } finally { document.removeEventListener('copy', onCopy); }
  if (!ok) void navigator.clipboard?.writeText(text);
  editor.toast(`已复制项目，可在另一个文档的项目列表中按 ${shortcut('paste')} 或点“粘贴项目”粘贴为新项目`);
}

/** Paste a project copied from any document as a new project after the current one. */
export function pasteProject(text: string): boolean {
  const clip = parseProjectClipboard(text);
  const s = editor.get();
  if (!clip || !s.doc) return false;
  const cur = s.doc.projects.findIndex((p) => p.id === s.projectId);
  const { edit, id } = pasteProjectEdit(s.doc, clip, cur < 0 ? s.doc.projects.length : cur + 1);
  editor.dispatch(edit);
  editor.set({ projectId: id });
  editor.toast(`已粘贴为新项目：${clip.project.name || '（未命名）'}`);
  return true;
}

/** The paste event of the project list (Ctrl+V): our own type first, then plain text. */
export function onProjectListPaste(e: React.ClipboardEvent): void {
  const text = e.clipboardData.getData(PROJECT_CLIPBOARD_TYPE) || e.clipboardData.getData('text/plain');
  if (pasteProject(text)) e.preventDefault();
  else editor.toast('剪贴板中没有项目（请先在项目列表中点“复制为新项目”）', 'error');
}

/** The 粘贴项目 button: reads the clipboard text where the host allows it. */
export async function pasteProjectButton(): Promise<void> {
  let text = '';
  try { text = await navigator.clipboard.readText(); } catch { /* not allowed: say how to paste instead */ }
  if (!pasteProject(text)) editor.toast(`无法读取剪贴板中的项目：请点击项目列表后按 ${shortcut('paste')} 粘贴`, 'error');
}
