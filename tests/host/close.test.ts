// Closing with unsaved changes: 保存 / 不保存 / 取消.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { choiceFromButton, closeDialogOptions, onCloseRequested, onSaveAborted, onStateReported, type CloseChoice, type DocumentWindowState } from '../../src-main/electron/close';

const state = (dirty: boolean): DocumentWindowState => ({ name: '甲.jixiao', dirty, closeAfterSave: false, discard: false });
const hooks = (choice: CloseChoice) => ({ ask: vi.fn(() => choice), requestSave: vi.fn(), discarded: vi.fn(), closeAgain: vi.fn() });

describe('close guard', () => {
  it('a clean window closes without asking', () => {
    const h = hooks('cancel');
    expect(onCloseRequested(state(false), h)).toBe(false);
    expect(h.ask).not.toHaveBeenCalled();
  });

  it('the dialog offers 保存 / 不保存 / 取消 with 取消 as the escape', () => {
    const o = closeDialogOptions('甲.jixiao');
    expect(o.buttons).toEqual(['保存', '不保存', '取消']);
    expect(o.cancelId).toBe(2);
    expect(o.message).toContain('甲.jixiao');
    expect([0, 1, 2].map(choiceFromButton)).toEqual(['save', 'discard', 'cancel']);
  });

  it('保存 asks the renderer to save and closes once it reports clean', () => {
    const s = state(true);
    const h = hooks('save');
    expect(onCloseRequested(s, h)).toBe(true);
    expect(h.requestSave).toHaveBeenCalledOnce();
    expect(onStateReported(s, { title: '甲.jixiao', dirty: true })).toBe(false);
    expect(onStateReported(s, { title: '甲.jixiao', dirty: false })).toBe(true);
  });

  it('the dialog names the document, not the window title', () => {
    const s = state(true);
    onStateReported(s, { title: '● 乙.jixiao — 绩效目标表编辑器', dirty: true });
    const h = hooks('cancel');
    onCloseRequested(s, h);
    expect(h.ask).toHaveBeenCalledWith('乙.jixiao');
  });

  it('a failed or cancelled save keeps the window open', () => {
    const s = state(true);
    onCloseRequested(s, hooks('save'));
    onSaveAborted(s);
    expect(onStateReported(s, { title: '甲.jixiao', dirty: false })).toBe(false);
  });

  it('不保存 drops the recovery copies and closes', () => {
    const s = state(true);
    const h = hooks('discard');
    expect(onCloseRequested(s, h)).toBe(true);
    expect(h.discarded).toHaveBeenCalledOnce();
    expect(h.closeAgain).toHaveBeenCalledOnce();
    expect(onCloseRequested(s, h)).toBe(false); // the second close goes through
  });

  it('取消 keeps the window and its changes', () => {
    const s = state(true);
    const h = hooks('cancel');
    expect(onCloseRequested(s, h)).toBe(true);
    expect(h.requestSave).not.toHaveBeenCalled();
    expect(h.closeAgain).not.toHaveBeenCalled();
    expect(s.dirty).toBe(true);
  });
});
