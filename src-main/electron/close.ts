// Closing a window with unsaved changes asks 保存 / 不保存 / 取消, like Word/WPS.
// 保存 sends 'save' to the renderer and closes once it reports a clean document; a failed or
// cancelled save leaves the window open. 不保存 closes and drops the window's recovery copies.
import type { MessageBoxSyncOptions } from 'electron';
import { documentNameOf } from '../../src-shared/ipc';

export interface DocumentWindowState {
  /** The document's name as the renderer reports it (file name or 未命名). */
  name: string;
  dirty: boolean;
  /** Set after 保存 was chosen: close as soon as the renderer reports clean. */
  closeAfterSave: boolean;
  /** Set after 不保存 was chosen: let the next close through. */
  discard: boolean;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';
export const CLOSE_BUTTONS = ['保存', '不保存', '取消'] as const;

export function closeDialogOptions(name: string): MessageBoxSyncOptions {
  return {
    type: 'warning',
    title: '绩效目标表编辑器',
    message: `是否保存对“${name}”的更改？`,
    detail: '如果不保存，本次所做的更改将会丢失。',
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

export function choiceFromButton(index: number): CloseChoice {
  return index === 0 ? 'save' : index === 1 ? 'discard' : 'cancel';
}

export interface CloseHooks {
  ask(name: string): CloseChoice;
  /** Ask the renderer to save (HostCommand 'save'). */
  requestSave(): void;
  /** The user chose 不保存: forget the window's autosaved copies. */
  discarded(): void;
  /** Close the window again (after the choice has been recorded). */
  closeAgain(): void;
}

/** The 'close' event decision. Returns true when the close must be prevented. */
export function onCloseRequested(state: DocumentWindowState, hooks: CloseHooks): boolean {
  if (!state.dirty || state.discard) return false;
  const choice = hooks.ask(state.name);
  if (choice === 'save') {
    state.closeAfterSave = true;
    hooks.requestSave();
  } else if (choice === 'discard') {
    state.discard = true;
    hooks.discarded();
    hooks.closeAgain();
  } else {
    state.closeAfterSave = false;
  }
  return true;
}

/** The renderer reported its state (window:setState). Returns true when the window should now close. */
export function onStateReported(state: DocumentWindowState, next: { title: string; dirty: boolean }): boolean {
  state.name = documentNameOf(next.title);
  state.dirty = next.dirty;
  return state.closeAfterSave && !next.dirty;
}

/** The save did not happen (failed, or the save dialog was cancelled): stay open. */
export function onSaveAborted(state: DocumentWindowState): void {
  state.closeAfterSave = false;
}
