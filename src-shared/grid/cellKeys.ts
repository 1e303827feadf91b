// What a key does to a grid cell, as data: Excel/WPS's two edit modes over one table.
//   ready  – a cell is selected, not edited: arrows move, typing starts 输入 mode, F2 starts 编辑 mode.
//   enter  – 输入 mode (typing replaced the cell): arrows, Enter, Tab commit and move.
//   edit   – 编辑 mode (F2 / double-click, caret at the end): arrows and Home/End move the caret;
//            Enter and Tab commit and move.
// While an input method composes, every key belongs to the IME (Esc cancels only the composition).
import type { Dir } from './selection';

export type EditMode = 'enter' | 'edit';

export type CellAction =
  | { type: 'move'; dir: Dir }
  | { type: 'extend'; dir: Dir }
  | { type: 'tab'; back: boolean }
  | { type: 'jump'; where: 'rowStart' | 'rowEnd' | 'tableStart' | 'tableEnd' }
  | { type: 'page'; dir: 'up' | 'down' }
  | { type: 'beginEdit' }
  | { type: 'toggleMode' }
  | { type: 'collapse' }
  | { type: 'selectAll' }
  | { type: 'fillDown' }
  | { type: 'commit'; then: CellAction | null }
  | { type: 'cancel' }
  | { type: 'newline' }
  /** the key belongs to the text box (caret, text, IME) */
  | { type: 'native' };

export interface KeyLike { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; isComposing?: boolean; keyCode?: number }

/** "Ctrl+Shift+Z" for a keyboard event (Cmd counts as Ctrl). */
export function keyName(e: KeyLike): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(e.key.length === 1 ? e.key.toUpperCase() : e.key);
  return parts.join('+');
}

type State = 'ready' | EditMode;
const ARROWS: Record<string, Dir> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The table: key name → action, per state. Keys not listed fall through (ready: the grid's commands; editing: the text box). */
export const CELL_KEYS: Readonly<Record<State, Readonly<Record<string, CellAction>>>> = (() => {
  const ready: Record<string, CellAction> = {
    Tab: { type: 'tab', back: false }, 'Shift+Tab': { type: 'tab', back: true },
    Enter: { type: 'move', dir: 'down' }, 'Shift+Enter': { type: 'move', dir: 'up' },
    F2: { type: 'beginEdit' }, Escape: { type: 'collapse' },
    Home: { type: 'jump', where: 'rowStart' }, End: { type: 'jump', where: 'rowEnd' },
    'Ctrl+Home': { type: 'jump', where: 'tableStart' }, 'Ctrl+End': { type: 'jump', where: 'tableEnd' },
    PageUp: { type: 'page', dir: 'up' }, PageDown: { type: 'page', dir: 'down' },
    'Ctrl+A': { type: 'selectAll' }, 'Ctrl+D': { type: 'fillDown' },
  };
  const editing: Record<string, CellAction> = {
    Enter: { type: 'commit', then: { type: 'move', dir: 'down' } }, 'Shift+Enter': { type: 'commit', then: { type: 'move', dir: 'up' } },
    Tab: { type: 'commit', then: { type: 'tab', back: false } }, 'Shift+Tab': { type: 'commit', then: { type: 'tab', back: true } },
    'Alt+Enter': { type: 'newline' }, Escape: { type: 'cancel' }, F2: { type: 'toggleMode' },
  };
  const enter: Record<string, CellAction> = { ...editing };
  for (const [k, dir] of Object.entries(ARROWS)) {
    ready[k] = { type: 'move', dir };
    ready[`Shift+${k}`] = { type: 'extend', dir };
    enter[k] = { type: 'commit', then: { type: 'move', dir } };
    enter[`Shift+${k}`] = { type: 'commit', then: { type: 'extend', dir } };
  }
  return { ready, enter, edit: editing };
})();

/** What `e` does in `state`; null: not a cell key (let the grid's command table have it). */
export function cellKeyAction(state: 'ready' | EditMode, e: KeyLike): CellAction | null {
  // keyCode 229 / "Process": the IME took the key (Chromium sends this while composing, also for Esc).
  if (e.isComposing || e.keyCode === 229 || e.key === 'Process') return { type: 'native' };
  const action = CELL_KEYS[state][keyName(e)];
  if (action) return action;
  return state === 'ready' ? null : { type: 'native' };
}

/** The editing session of the selected cell: what the text was, how it started. */
export type EditState =
  | { kind: 'ready' }
  | { kind: 'editing'; mode: EditMode; original: string; composing: boolean };

export type EditEvent =
  /** text arrived in the idle proxy (a typed character) */
  | { type: 'typed' }
  /** an input method started composing on the idle proxy or in the editor */
  | { type: 'compositionStart' }
  | { type: 'compositionEnd' }
  /** F2 or double-click */
  | { type: 'editKey' }
  | { type: 'toggleMode' }
  | { type: 'commit' }
  | { type: 'cancel' };

/**
 * The edit-mode state machine. `original` is the cell's text when the edit began, for Esc.
 * Typing or composing on a ready cell starts 输入 mode with the typed text replacing the cell;
 * F2 starts 编辑 mode on the existing text.
 */
export function editTransition(s: EditState, ev: EditEvent, cellText: string): EditState {
  switch (ev.type) {
    case 'typed':
      return s.kind === 'ready' ? { kind: 'editing', mode: 'enter', original: cellText, composing: false } : s;
    case 'compositionStart':
      return s.kind === 'ready' ? { kind: 'editing', mode: 'enter', original: cellText, composing: true } : { ...s, composing: true };
    case 'compositionEnd':
      return s.kind === 'editing' ? { ...s, composing: false } : s;
    case 'editKey':
      return s.kind === 'ready' ? { kind: 'editing', mode: 'edit', original: cellText, composing: false } : s;
    case 'toggleMode':
      return s.kind === 'editing' ? { ...s, mode: s.mode === 'enter' ? 'edit' : 'enter' } : s;
    case 'commit':
    case 'cancel':
      return { kind: 'ready' };
  }
}

/** The key state for the action table. */
export const keyState = (s: EditState): 'ready' | EditMode => (s.kind === 'ready' ? 'ready' : s.mode);
