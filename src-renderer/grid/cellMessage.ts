// Excel's way with a value a cell cannot take: one small message AT the cell, not a modal loop.
// 重试 (Enter) puts the cell back into edit mode with the typed text offered for correction;
// 取消 (Esc, or a click anywhere else) restores the old value. There is only ever one message: a
// new one replaces the old. Used by the grids' cell controller and the form fields alike.

export interface CellMessage {
  /** where the message points: the cell or the input */
  anchor: DOMRect;
  text: string;
  onRetry(): void;
  /** `byClick`: closed by a click elsewhere (leave the focus where the click puts it). */
  onCancel(byClick: boolean): void;
}

let current: { el: HTMLElement; dispose(): void } | null = null;

/** Whether a message is showing (a commit path must not open a second one). */
export function cellMessageOpen(): boolean { return current !== null; }

/** Close the message without running its actions (the cell it belongs to went away). */
export function closeCellMessage(): void {
  current?.dispose();
  current = null;
}

export function showCellMessage(m: CellMessage): void {
  closeCellMessage();
  const el = document.createElement('div');
  el.className = 'cell-message';
  el.setAttribute('role', 'alertdialog');
  el.setAttribute('aria-label', '输入的内容无效');
  el.dataset.testid = 'cell-message';
  const text = document.createElement('div');
  text.className = 'cell-message-text';
  text.textContent = m.text;
  const buttons = document.createElement('div');
  buttons.className = 'cell-message-buttons';
  const retry = Object.assign(document.createElement('button'), { className: 'primary', textContent: '重试', type: 'button' });
  const cancel = Object.assign(document.createElement('button'), { textContent: '取消', type: 'button' });
  buttons.append(retry, cancel);
  el.append(text, buttons);

  const finish = (action: () => void) => () => {
    if (current?.el !== el) return;
    closeCellMessage();
    action();
  };
  const doRetry = finish(m.onRetry);
  const doCancel = finish(() => m.onCancel(false));
  const clickedAway = finish(() => m.onCancel(true));
  retry.addEventListener('click', doRetry);
  cancel.addEventListener('click', doCancel);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      (e.key === 'Enter' ? doRetry : doCancel)();
    }
  });
  // A click anywhere else closes the message as 取消 (the click then goes on as usual).
  const outside = (e: MouseEvent) => { if (!el.contains(e.target as Node)) clickedAway(); };
  document.addEventListener('mousedown', outside, true);

  // Below the cell, or above it when there is no room; kept inside the window.
  el.style.position = 'fixed';
  el.style.left = `${Math.max(4, Math.min(m.anchor.left, window.innerWidth - 320))}px`;
  document.body.append(el);
  const h = el.offsetHeight;
  const below = m.anchor.bottom + 4;
  el.style.top = `${below + h > window.innerHeight - 4 ? Math.max(4, m.anchor.top - h - 4) : below}px`;
  current = { el, dispose: () => { document.removeEventListener('mousedown', outside, true); el.remove(); } };
  retry.focus();
  // Opened from a blur (a click elsewhere moves the focus after it): take the focus once that is done.
  requestAnimationFrame(() => { if (current?.el === el && !el.contains(document.activeElement)) retry.focus(); });
}
