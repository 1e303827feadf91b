import { describe, expect, it } from 'vitest';
import {
  blockOf, cellKeyAction, cellsOf, editTransition, extend, fillDown, keyState, selectAll, single, step, tabStep, type EditState, type KeyLike, type Shape,
} from '.';

// 4 columns; column 0 is merged over rows 1–3 (an activity's title over its three indicators).
const shape: Shape = {
  rows: 6, cols: 4,
  span: (r, c) => (c === 0 && r >= 1 && r <= 3 ? { top: 1, bottom: 3 } : { top: r, bottom: r }),
};
const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('selection math', () => {
  it('a merged cell selects as one and is left from its edge', () => {
    const s = single(shape, { row: 2, col: 0 });
    expect(s.active).toEqual({ row: 1, col: 0 });
    expect(blockOf(shape, s)).toEqual({ r0: 1, r1: 3, c0: 0, c1: 0 });
    expect(step(shape, { row: 1, col: 0 }, 'down')).toEqual({ row: 4, col: 0 });
    expect(step(shape, { row: 4, col: 0 }, 'up')).toEqual({ row: 1, col: 0 });
    expect(step(shape, { row: 5, col: 3 }, 'down')).toEqual({ row: 5, col: 3 });
    expect(step(shape, { row: 2, col: 1 }, 'left')).toEqual({ row: 1, col: 0 });
  });
  it('a block grows until no merged cell crosses its edge', () => {
    const s = { ...single(shape, { row: 3, col: 1 }), focus: { row: 4, col: 0 } };
    expect(blockOf(shape, s)).toEqual({ r0: 1, r1: 4, c0: 0, c1: 1 });
    expect(blockOf(shape, extend(shape, single(shape, { row: 0, col: 2 }), 'right'))).toEqual({ r0: 0, r1: 0, c0: 2, c1: 3 });
  });
  it('Tab wraps to the first cell that starts on the next row; Shift+Tab back', () => {
    expect(tabStep(shape, { row: 0, col: 3 }, false)).toEqual({ row: 1, col: 0 });
    expect(tabStep(shape, { row: 2, col: 3 }, false)).toEqual({ row: 3, col: 1 });
    expect(tabStep(shape, { row: 2, col: 1 }, true)).toEqual({ row: 1, col: 0 });
    expect(tabStep(shape, { row: 4, col: 0 }, true)).toEqual({ row: 3, col: 3 });
    expect(tabStep(shape, { row: 5, col: 3 }, false)).toEqual({ row: 5, col: 3 });
  });
  it('Ctrl+A keeps the active cell; cellsOf lists a merged cell once', () => {
    const all = selectAll(shape, single(shape, { row: 4, col: 2 }));
    expect(all.active).toEqual({ row: 4, col: 2 });
    expect(blockOf(shape, all)).toEqual({ r0: 0, r1: 5, c0: 0, c1: 3 });
    expect(cellsOf(shape, { r0: 1, r1: 3, c0: 0, c1: 1 })).toEqual([{ row: 1, col: 0 }, { row: 1, col: 1 }, { row: 2, col: 1 }, { row: 3, col: 1 }]);
  });
  it('Ctrl+D copies each column\'s top cell into the distinct cells below it', () => {
    const text = (c: { row: number; col: number }) => `r${c.row}c${c.col}`;
    expect(fillDown(shape, { r0: 0, r1: 2, c0: 0, c1: 1 }, text)).toEqual([
      { cell: { row: 1, col: 0 }, text: 'r0c0' },
      { cell: { row: 1, col: 1 }, text: 'r0c1' }, { cell: { row: 2, col: 1 }, text: 'r0c1' },
    ]);
    // A merged top cell fills from below its last row.
    expect(fillDown(shape, { r0: 1, r1: 4, c0: 0, c1: 0 }, text)).toEqual([{ cell: { row: 4, col: 0 }, text: 'r1c0' }]);
  });
});

describe('cell keys and edit modes', () => {
  it('on a selected cell arrows move, Shift extends, Tab and Enter select, F2 edits; other keys are not cell keys', () => {
    expect(cellKeyAction('ready', key('ArrowDown'))).toEqual({ type: 'move', dir: 'down' });
    expect(cellKeyAction('ready', key('ArrowLeft', { shiftKey: true }))).toEqual({ type: 'extend', dir: 'left' });
    expect(cellKeyAction('ready', key('Tab'))).toEqual({ type: 'tab', back: false });
    expect(cellKeyAction('ready', key('Tab', { shiftKey: true }))).toEqual({ type: 'tab', back: true });
    expect(cellKeyAction('ready', key('F2'))).toEqual({ type: 'beginEdit' });
    expect(cellKeyAction('ready', key('a', { ctrlKey: true }))).toEqual({ type: 'selectAll' });
    expect(cellKeyAction('ready', key('d', { ctrlKey: true }))).toEqual({ type: 'fillDown' });
    expect(cellKeyAction('ready', key('a'))).toBeNull();
    expect(cellKeyAction('ready', key('Delete'))).toBeNull();
  });
  it('输入 mode: arrows commit and move; 编辑 mode: arrows and Home/End stay in the text', () => {
    expect(cellKeyAction('enter', key('ArrowRight'))).toEqual({ type: 'commit', then: { type: 'move', dir: 'right' } });
    expect(cellKeyAction('edit', key('ArrowRight'))).toEqual({ type: 'native' });
    expect(cellKeyAction('edit', key('Home'))).toEqual({ type: 'native' });
    for (const m of ['enter', 'edit'] as const) {
      expect(cellKeyAction(m, key('Enter'))).toEqual({ type: 'commit', then: { type: 'move', dir: 'down' } });
      expect(cellKeyAction(m, key('Tab'))).toEqual({ type: 'commit', then: { type: 'tab', back: false } });
      expect(cellKeyAction(m, key('Enter', { altKey: true }))).toEqual({ type: 'newline' });
      expect(cellKeyAction(m, key('Escape'))).toEqual({ type: 'cancel' });
    }
  });
  it('while an IME composes, every key is the IME\'s (Esc and Enter included)', () => {
    for (const s of ['ready', 'enter', 'edit'] as const) {
      expect(cellKeyAction(s, key('Process', { keyCode: 229 }))).toEqual({ type: 'native' });
      expect(cellKeyAction(s, key('Escape', { isComposing: true }))).toEqual({ type: 'native' });
      expect(cellKeyAction(s, key('Enter', { isComposing: true }))).toEqual({ type: 'native' });
    }
  });
  it('typing or composing starts 输入 mode, F2 编辑 mode; the original text is kept for Esc', () => {
    const ready: EditState = { kind: 'ready' };
    expect(editTransition(ready, { type: 'typed' }, '旧')).toEqual({ kind: 'editing', mode: 'enter', original: '旧', composing: false });
    const composing = editTransition(ready, { type: 'compositionStart' }, '旧');
    expect(composing).toEqual({ kind: 'editing', mode: 'enter', original: '旧', composing: true });
    expect(editTransition(composing, { type: 'compositionEnd' }, '')).toEqual({ kind: 'editing', mode: 'enter', original: '旧', composing: false });
    const f2 = editTransition(ready, { type: 'editKey' }, '旧');
    expect(keyState(f2)).toBe('edit');
    expect(keyState(editTransition(f2, { type: 'toggleMode' }, ''))).toBe('enter');
    // A second keystroke while editing does not restart the edit (the original stays).
    expect(editTransition(f2, { type: 'typed' }, '新')).toBe(f2);
    expect(editTransition(f2, { type: 'cancel' }, '')).toEqual(ready);
  });
});
