// The editor state. The document is immutable: every change is an Edit (patch pair) from
// src-shared/commands dispatched here, so undo/redo covers every edit and one user action is one
// step. Selection, scroll and UI state are not history.
import { create } from 'zustand';
import { applyEdit, type Edit } from '../../src-shared/commands';
import type { JixiaoDocument } from '../../src-shared/model';
import type { Finding } from '../../src-shared/validate/types';
import type { DiffReport } from '../../src-shared/cycle/diff';

export type Tab = 'duty' | 'deptWide' | 'projects' | 'selfeval';
/** A request to move the focus to a cell (from the findings panel); `seq` makes each request new. */
export interface FocusRequest { rowId: string; field: string; seq: number }

export interface EditorState {
  doc: JixiaoDocument | null;
  path: string | null;
  stamp: string | null;
  /** recovery key of this editing session */
  recoveryKey: string;
  undoStack: Edit[];
  redoStack: Edit[];
  revision: number;
  savedRevision: number;
  tab: Tab;
  projectId: string | null;
  findings: Finding[];
  findingsOpen: boolean;
  /** 指标库 side panel */
  libraryOpen: boolean;
  focusRequest: FocusRequest | null;
  busy: string | null;
  toast: { text: string; kind: 'info' | 'error'; seq: number } | null;
  /** 对比: the other document (the older one), its name, and the report against the current document. */
  compare: { other: JixiaoDocument; name: string; report: DiffReport } | null;
  /**
   * duty grid: the focused row key, for toolbar commands; `rowKeys` the rows the selected block
   * touches and `blockField` its leftmost column (删除行 acts on the block).
   */
  dutyFocus: { rowKey: string; field: string; rowKeys?: string[]; blockField?: string } | null;
}

const MAX_UNDO = 500;

export const useEditor = create<EditorState>(() => ({
  doc: null, path: null, stamp: null, recoveryKey: `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  undoStack: [], redoStack: [], revision: 0, savedRevision: 0,
  tab: 'duty', projectId: null, findings: [], findingsOpen: true, libraryOpen: false, focusRequest: null, busy: null, toast: null, dutyFocus: null, compare: null,
}));

export const editor = {
  get: useEditor.getState,
  set: useEditor.setState,

  /** Apply one user action. */
  dispatch(edit: Edit | null): boolean {
    const s = useEditor.getState();
    if (!edit || !s.doc) return false;
    const doc = applyEdit(s.doc, edit);
    const undoStack = s.undoStack.length >= MAX_UNDO ? [...s.undoStack.slice(1), edit] : [...s.undoStack, edit];
    useEditor.setState({ doc, undoStack, redoStack: [], revision: s.revision + 1 });
    return true;
  },
  undo(): void {
    const s = useEditor.getState();
    const edit = s.undoStack.at(-1);
    if (!edit || !s.doc) return;
    useEditor.setState({ doc: applyEdit(s.doc, edit, 'undo'), undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, edit], revision: s.revision + 1 });
  },
  redo(): void {
    const s = useEditor.getState();
    const edit = s.redoStack.at(-1);
    if (!edit || !s.doc) return;
    useEditor.setState({ doc: applyEdit(s.doc, edit), redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, edit], revision: s.revision + 1 });
  },
  /** Replace the whole document (open, new, import, recovery): history starts afresh. */
  load(doc: JixiaoDocument, path: string | null, stamp: string | null, modified = false): void {
    const s = useEditor.getState();
    const revision = s.revision + 1;
    useEditor.setState({
      doc, path, stamp, undoStack: [], redoStack: [], revision, savedRevision: modified ? -1 : revision,
      projectId: doc.projects[0]?.id ?? null, focusRequest: null, dutyFocus: null, compare: null,
    });
  },
  markSaved(path: string, stamp: string, revision: number): void {
    useEditor.setState({ path, stamp, savedRevision: revision });
  },
  toast(text: string, kind: 'info' | 'error' = 'info'): void {
    useEditor.setState({ toast: { text, kind, seq: Date.now() } });
  },
  focusCell(rowId: string, field: string): void {
    useEditor.setState({ focusRequest: { rowId, field, seq: Date.now() + Math.random() } });
  },
};

export const isModified = (s: EditorState) => s.doc !== null && s.revision !== s.savedRevision;
