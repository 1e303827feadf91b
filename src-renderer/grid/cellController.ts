// The one cell-interaction controller of every grid: selection, Excel's two edit modes, the IME
// proxy, clipboard, fill and the right-click menu. A grid supplies a GridModel (its columns, texts,
// merged cells and commands); AG Grid only draws the rows.
//
// The IME proxy: the browser focus always sits in one <textarea> placed over the selected cell
// (transparent while the cell is only selected). Whatever the clerk types — a key or an input
// method's composition — lands in that textarea first, so nothing is lost while an editor opens
// and the composition window appears at the cell; the textarea then simply becomes the editor
// (the idea of Handsontable's `imeFastEdit`, written for our grids).
import type { GridApi } from 'ag-grid-community';
import {
  blockOf, cellKeyAction, cellsOf, clampSelection, contains, editTransition, extend, fillDown, isMulti, keyState, moveTo, selectAll, single, step, tabStep,
  type Block, type Cell, type CellAction, type EditState, type Selection, type Shape,
} from '../../src-shared/grid';
import { parseClipboard, toTsv } from '../../src-shared/clipboard';
import { unsavableReason } from '../../src-shared/model/text';
import { editor } from '../app/store';
import { cellMessageOpen, closeCellMessage, showCellMessage } from './cellMessage';
import { matchBinding, shortcut, type CommandId } from '../app/keys';

/** A context-menu item; `command` names the table command (src-shared/keymap) whose key it shows. */
export interface MenuItem { label: string; action?: () => void; disabled?: boolean; separator?: boolean; command?: CommandId }

export interface GridModel {
  /** column ids in display order */
  columns: readonly string[];
  rowCount(): number;
  span(row: number, col: number): { top: number; bottom: number };
  /** the text an edit starts from (F2) and Ctrl+D copies */
  text(cell: Cell): string;
  /** the text put on the clipboard */
  copyText(cell: Cell): string;
  /**
   * Store a typed cell: true, or the reason it cannot take the text (Chinese), which the controller
   * shows at the cell with 重试 / 取消 (the document is not changed).
   */
  commit(cell: Cell, text: string): true | string;
  /** Several cells as one undo step (clear, fill down, cut). */
  commitMany(changes: { cell: Cell; text: string }[], label: string): void;
  paste(at: Cell, matrix: string[][]): void;
  /** False for a read-only cell (a computed column): typing and F2 do nothing there. Default: true. */
  editable?(cell: Cell): boolean;
  /** Choices shown under the editor (a vocabulary, library suggestions); none: free text. */
  options?(cell: Cell, text: string): string[];
  /** The grid's own commands from the keybinding table (insert, delete, move rows). */
  command(cmd: CommandId): void;
  /** The grid's own right-click items (insert, delete, move), after 复制/剪切/粘贴/清除内容. */
  menuItems(): MenuItem[];
  /** The selection moved (the toolbar acts on the selected row, 删除行 on the block's rows). */
  selected?(cell: Cell, block: Block): void;
  /** Take the grey draft shown in an empty cell (drafted 评价标准): on Tab, or a click on the selected cell. */
  take?(cell: Cell): void;
}

interface Rect { x: number; y: number; w: number; h: number }

const sameCell = (a: Cell, b: Cell) => a.row === b.row && a.col === b.col;

const PAGE_ROWS = 10;

export class CellController {
  model: GridModel;
  sel: Selection = { active: { row: 0, col: 0 }, anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };
  edit: EditState = { kind: 'ready' };
  /** opens the React context menu at the pointer */
  onMenu: (at: { x: number; y: number; items: MenuItem[] }) => void = () => {};
  /**
   * The edit began, its text changed, or it ended (null): for lists that follow the editor, such
   * as library suggestions (`anchor` is the editor element; `setText` + `commit` take a choice).
   */
  onEdit: (e: { cell: Cell; text: string; anchor: HTMLTextAreaElement } | null) => void = () => {};

  private api: GridApi | null = null;
  private host: HTMLElement | null = null;
  private layer!: HTMLDivElement;
  private blockBox!: HTMLDivElement;
  private activeBox!: HTMLDivElement;
  private proxy!: HTMLTextAreaElement;
  private optionList!: HTMLDivElement;
  private options: string[] = [];
  private optionIndex = -1;
  private frame = 0;
  private drag: { timer: number; y: number; x: number } | null = null;
  private detach: (() => void)[] = [];

  constructor(model: GridModel) { this.model = model; }

  // ---- wiring -------------------------------------------------------------------------------

  attach(host: HTMLElement): void {
    this.host = host;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string) => Object.assign(document.createElement(tag), { className: cls });
    this.layer = el('div', 'cell-layer');
    this.blockBox = el('div', 'cell-block');
    this.activeBox = el('div', 'cell-active');
    this.layer.append(this.blockBox, this.activeBox);
    this.proxy = el('textarea', 'cell-proxy');
    this.proxy.setAttribute('aria-label', '单元格输入');
    this.proxy.spellcheck = false;
    this.proxy.dataset.cellProxy = 'ready';
    this.optionList = el('div', 'cell-options');
    this.optionList.setAttribute('role', 'listbox');
    host.append(this.layer, this.proxy, this.optionList);

    const on = <E extends Event>(t: EventTarget, type: string, fn: (e: E) => void, capture = false) => {
      t.addEventListener(type, fn as EventListener, capture);
      this.detach.push(() => t.removeEventListener(type, fn as EventListener, capture));
    };
    on<KeyboardEvent>(this.proxy, 'keydown', (e) => this.onKeyDown(e));
    on<InputEvent>(this.proxy, 'input', () => this.onInput());
    on(this.proxy, 'compositionstart', () => this.onCompositionStart());
    // Nothing visible changes when a composition ends: no layout on the IME commit path.
    on(this.proxy, 'compositionend', () => {
      this.edit = editTransition(this.edit, { type: 'compositionEnd' }, '');
      if (this.composing) { this.composing = false; this.proxy.value = ''; } // composed on a read-only cell
    });
    on<ClipboardEvent>(this.proxy, 'copy', (e) => this.onCopy(e, false));
    on<ClipboardEvent>(this.proxy, 'cut', (e) => this.onCopy(e, true));
    on<ClipboardEvent>(this.proxy, 'paste', (e) => this.onPaste(e));
    on<ClipboardEvent>(document, 'paste', (e) => this.onPagePaste(e));
    on<MouseEvent>(host, 'mousedown', (e) => this.onMouseDown(e), true);
    on<MouseEvent>(host, 'dblclick', (e) => this.onDoubleClick(e));
    on<MouseEvent>(host, 'contextmenu', (e) => this.onContextMenu(e));
    on<MouseEvent>(this.optionList, 'mousedown', (e) => this.onOptionClick(e));
    // A click anywhere else (toolbar, another panel) commits the edit first, as in Excel. When the
    // text is refused, the click is swallowed: the message at the cell is answered first.
    on<MouseEvent>(document, 'mousedown', (e) => {
      if (this.edit.kind !== 'editing' || host.contains(e.target as Node) || cellMessageOpen()) return;
      if (this.commit(null)) return;
      e.preventDefault();
      const swallow = (c: MouseEvent) => { c.preventDefault(); c.stopPropagation(); };
      document.addEventListener('click', swallow, { capture: true, once: true });
      // No click follows a press released elsewhere: stop waiting once this press is over.
      document.addEventListener('mouseup', () => window.setTimeout(() => document.removeEventListener('click', swallow, true)), { capture: true, once: true });
    }, true);
    const ro = new ResizeObserver(() => this.schedule());
    ro.observe(host);
    this.detach.push(() => ro.disconnect());
    this.schedule();
  }

  setApi(api: GridApi | null): void {
    this.api = api;
    if (!api) return;
    for (const ev of ['bodyScroll', 'modelUpdated', 'columnResized', 'gridSizeChanged', 'displayedColumnsChanged', 'virtualColumnsChanged', 'viewportChanged'] as const) {
      api.addEventListener(ev, () => this.schedule());
    }
    this.schedule();
  }

  dispose(): void {
    this.detach.forEach((f) => f());
    this.detach = [];
    this.layer?.remove(); this.proxy?.remove(); this.optionList?.remove();
    cancelAnimationFrame(this.frame);
    this.stopDrag();
  }

  shape(): Shape {
    const m = this.model;
    return { rows: m.rowCount(), cols: m.columns.length, span: (r, c) => m.span(r, c) };
  }

  block(): Block { return blockOf(this.shape(), this.sel); }

  /** The grid's document changed (rows added or removed): stay inside the table. */
  refresh(): void {
    if (this.edit.kind === 'ready') this.sel = clampSelection(this.shape(), this.sel);
    this.schedule();
  }

  /** Put the browser focus in the proxy (after a toolbar button, a jump, a menu). */
  focus(): void {
    this.proxy?.focus({ preventScroll: true });
  }

  // ---- selection ----------------------------------------------------------------------------

  /** Select; the moving corner is scrolled into view (the active cell with `revealActive`). */
  select(sel: Selection, reveal: 'nearest' | 'middle' = 'nearest', revealActive = false): void {
    this.sel = clampSelection(this.shape(), sel);
    this.reveal(revealActive ? this.sel.active : this.sel.focus, reveal);
    this.model.selected?.(this.sel.active, this.block());
    this.layout();
  }

  /** Select a cell by column id (jump from the findings panel, a new row) and take the focus. */
  selectCell(row: number, colId: string, reveal: 'nearest' | 'middle' = 'middle'): void {
    if (this.edit.kind === 'editing') this.cancel();
    const col = Math.max(0, this.model.columns.indexOf(colId));
    this.select(single(this.shape(), { row, col }), reveal);
    this.focus();
  }

  private reveal(c: Cell, where: 'nearest' | 'middle'): void {
    const api = this.api;
    if (!api || this.model.rowCount() === 0) return;
    const span = this.model.span(c.row, c.col);
    const range = api.getVerticalPixelRange();
    const top = api.getDisplayedRowAtIndex(span.top);
    const bottom = api.getDisplayedRowAtIndex(span.bottom);
    if (top?.rowTop != null && bottom?.rowTop != null && bottom.rowHeight != null) {
      const visible = top.rowTop >= range.top && bottom.rowTop + bottom.rowHeight <= range.bottom;
      if (!visible) api.ensureIndexVisible(span.top, where === 'middle' ? 'middle' : top.rowTop < range.top ? 'top' : 'bottom');
    }
    api.ensureColumnVisible(this.model.columns[c.col]);
  }

  private run(a: CellAction): void {
    const shape = this.shape();
    const s = this.sel;
    switch (a.type) {
      case 'move': return this.select(single(shape, step(shape, s.active, a.dir)));
      case 'extend': return this.select(extend(shape, s, a.dir));
      case 'tab':
        if (!a.back) this.model.take?.(s.active);
        return this.select(single(shape, tabStep(shape, s.active, a.back)));
      case 'jump': return this.select(single(shape, moveTo(shape, s.active, a.where)));
      case 'page': return this.select(single(shape, { row: s.active.row + (a.dir === 'up' ? -PAGE_ROWS : PAGE_ROWS), col: s.active.col }));
      case 'collapse': return this.select(single(shape, s.active));
      case 'selectAll': return this.select(selectAll(shape, s), 'nearest', true);
      case 'fillDown': return this.fillDown();
      case 'beginEdit': return this.beginEdit();
      case 'toggleMode': this.edit = editTransition(this.edit, { type: 'toggleMode' }, ''); return this.showState();
      case 'commit': this.commit(a.then); return;
      case 'cancel': return this.cancel();
      case 'newline': return this.insertNewline();
      case 'native': return;
    }
  }

  // ---- keys and text ------------------------------------------------------------------------

  private onKeyDown(e: KeyboardEvent): void {
    // A list attached to the editor (e.g. the 指标库's NameSuggest) took the key first.
    if (e.defaultPrevented) return;
    const editing = this.edit.kind === 'editing';
    if (editing && this.options.length && !e.isComposing && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.shiftKey) {
      e.preventDefault();
      this.optionIndex = (this.optionIndex + (e.key === 'ArrowDown' ? 1 : this.options.length - 1)) % this.options.length;
      this.renderOptions();
      return;
    }
    if (editing && this.optionIndex >= 0 && e.key === 'Enter' && !e.isComposing && !e.altKey) {
      this.proxy.value = this.options[this.optionIndex];
    }
    const action = cellKeyAction(keyState(this.edit), e);
    if (action) {
      if (action.type === 'native') return;
      e.preventDefault();
      e.stopPropagation();
      this.run(action);
      return;
    }
    // Ready: the grid's command keys (Delete clears the block, Ctrl+Enter inserts, …).
    const cmd = matchBinding(e, 'grid', 'web'); // grid keys are the same in both hosts
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    if (cmd === 'clear-cells') this.clearBlock('清除内容');
    else this.model.command(cmd);
  }

  /** Text arrived in the proxy: on a selected cell, the typed character starts 输入 mode. */
  private onInput(): void {
    if (this.edit.kind === 'ready') {
      if (this.proxy.value === '') return;
      // No cell to type into (an empty table, a computed cell): the text goes nowhere.
      if (!this.canEdit()) { if (!this.composing) this.proxy.value = ''; return; }
      this.edit = editTransition(this.edit, { type: 'typed' }, this.model.text(this.sel.active));
      this.collapseTo();
      this.showState();
    } else {
      this.fitEditor();
      this.updateOptions();
      this.onEdit({ cell: this.sel.active, text: this.proxy.value, anchor: this.proxy });
    }
  }

  private composing = false;

  private canEdit(): boolean {
    return this.model.rowCount() > 0 && (this.model.editable?.(this.sel.active) ?? true);
  }

  private onCompositionStart(): void {
    if (this.edit.kind === 'ready' && !this.canEdit()) { this.composing = true; return; }
    if (this.edit.kind === 'ready') {
      this.edit = editTransition(this.edit, { type: 'compositionStart' }, this.model.text(this.sel.active));
      this.collapseTo();
      this.showState();
    } else {
      this.edit = editTransition(this.edit, { type: 'compositionStart' }, '');
    }
  }

  /** Editing acts on the active cell only. */
  private collapseTo(): void {
    const a = this.sel.active;
    this.sel = { active: a, anchor: a, focus: a };
    this.reveal(a, 'nearest');
    this.layout();
  }

  /** F2 / double-click: 编辑 mode on the existing text, caret at the end. */
  beginEdit(): void {
    if (this.edit.kind === 'editing' || !this.canEdit()) return;
    const text = this.model.text(this.sel.active);
    this.edit = editTransition(this.edit, { type: 'editKey' }, text);
    this.collapseTo();
    this.proxy.value = text;
    this.showState();
    this.focus();
    this.proxy.setSelectionRange(text.length, text.length);
    this.updateOptions();
  }

  /** Store the edit and run `then`; false when the text was refused (the message at the cell is showing). */
  commit(then: CellAction | null): boolean {
    if (this.edit.kind !== 'editing') return true;
    if (this.refused) return false;
    const text = this.proxy.value;
    if (text !== this.edit.original) {
      // Every grid: a character Word/Excel files cannot hold (U+FFFE …) is refused at the cell.
      const bad = unsavableReason(text);
      const r = bad ? `${bad}，已拒绝` : this.model.commit(this.sel.active, text);
      if (r !== true) { this.refuse(r); return false; }
    }
    this.finishEdit();
    if (then) this.run(then);
    return true;
  }

  cancel(): void {
    if (this.edit.kind !== 'editing') return;
    this.finishEdit();
  }

  /** A message of ours is showing at the cell (never a second one). */
  private refused = false;

  /** The text cannot go in: say why at the cell; 重试 edits it again, 取消 restores the old value. */
  private refuse(reason: string): void {
    this.refused = true;
    const anchor = this.proxy.getBoundingClientRect();
    showCellMessage({
      anchor, text: reason,
      onRetry: () => {
        this.refused = false;
        if (this.edit.kind !== 'editing') return;
        // 编辑 mode on the typed text, all of it selected: type to replace, arrows to correct.
        this.edit = { ...this.edit, mode: 'edit' };
        this.showState();
        this.focus();
        this.proxy.select();
      },
      onCancel: () => { this.refused = false; this.cancel(); },
    });
  }

  private finishEdit(): void {
    if (this.refused) { this.refused = false; closeCellMessage(); }
    this.edit = editTransition(this.edit, { type: 'commit' }, '');
    this.proxy.value = '';
    this.options = [];
    this.optionIndex = -1;
    this.optionList.replaceChildren();
    this.showState();
    this.focus();
  }

  private insertNewline(): void {
    const el = this.proxy;
    el.setRangeText('\n', el.selectionStart, el.selectionEnd, 'end');
    this.onInput();
  }

  // ---- block commands -----------------------------------------------------------------------

  private blockMatrix(): string[][] {
    const b = this.block();
    const shape = this.shape();
    const m: string[][] = [];
    for (let r = b.r0; r <= b.r1 && r < shape.rows; r++) {
      const line: string[] = [];
      for (let c = b.c0; c <= b.c1; c++) line.push(shape.span(r, c).top === r ? this.model.copyText({ row: r, col: c }) : '');
      m.push(line);
    }
    return m;
  }

  clearBlock(label: string): void {
    if (this.model.rowCount() === 0) return;
    const cells = cellsOf(this.shape(), this.block()).filter((cell) => this.model.editable?.(cell) ?? true);
    this.model.commitMany(cells.map((cell) => ({ cell, text: '' })), label);
  }

  private fillDown(): void {
    const changes = fillDown(this.shape(), this.block(), (c) => this.model.text(c)).filter((x) => this.model.editable?.(x.cell) ?? true);
    if (changes.length) this.model.commitMany(changes, '向下填充');
  }

  private onCopy(e: ClipboardEvent, cut: boolean): void {
    if (this.edit.kind === 'editing' || !e.clipboardData || this.model.rowCount() === 0) return;
    const m = this.blockMatrix();
    e.clipboardData.setData('text/plain', toTsv(m));
    e.clipboardData.setData('text/html', `<table>${m.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    e.preventDefault();
    if (cut) this.clearBlock('剪切');
  }

  private onPaste(e: ClipboardEvent): void {
    if (this.edit.kind === 'editing' || !e.clipboardData) return;
    e.preventDefault();
    this.pasteText(e.clipboardData.getData('text/plain'), e.clipboardData.getData('text/html'));
  }

  /**
   * An empty table has no cell to select, yet its hint offers a paste: Ctrl+V after a click on its
   * tab (or anywhere on the page that is not a text field) fills the shown empty table.
   */
  private onPagePaste(e: ClipboardEvent): void {
    const host = this.host;
    if (e.defaultPrevented || !e.clipboardData || !host?.isConnected || host.getClientRects().length === 0 || this.model.rowCount() > 0) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role=dialog]')) return;
    e.preventDefault();
    this.pasteText(e.clipboardData.getData('text/plain'), e.clipboardData.getData('text/html'));
    this.focus();
  }

  /** Paste a clipboard text at the block's top-left cell (an empty table: from its first cell). */
  pasteText(text: string, html = ''): void {
    const b = this.block();
    const matrix = parseClipboard({ text, html });
    if (matrix.length) this.model.paste(this.model.rowCount() === 0 ? { row: 0, col: 0 } : { row: b.r0, col: b.c0 }, matrix);
  }

  // ---- mouse --------------------------------------------------------------------------------

  /** The cell under a point of the grid body (by geometry: merged and off-screen cells included). */
  private cellAt(clientX: number, clientY: number): Cell | null {
    const api = this.api;
    const n = this.model.rowCount();
    if (!api || n === 0) return null;
    const body = this.layer.getBoundingClientRect();
    const y = Math.min(Math.max(clientY, body.top), body.bottom - 1) - body.top + api.getVerticalPixelRange().top;
    const x = Math.min(Math.max(clientX, body.left), body.right - 1) - body.left + api.getHorizontalPixelRange().left;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((api.getDisplayedRowAtIndex(mid)?.rowTop ?? 0) <= y) lo = mid; else hi = mid - 1;
    }
    let col = this.model.columns.length - 1;
    for (let c = 0; c < this.model.columns.length; c++) {
      const column = api.getColumn(this.model.columns[c]);
      if (column && (column.getLeft() ?? 0) + column.getActualWidth() > x) { col = c; break; }
    }
    return { row: this.model.span(lo, col).top, col };
  }

  /**
   * The cell the pointer is on, as drawn: the cell element's row and column (the screen may lag
   * the grid's row model while rows are re-laid out); by geometry where no cell element is hit.
   */
  private cellUnder(clientX: number, clientY: number, target?: Element | null): Cell | null {
    const el = (target ?? document.elementFromPoint(clientX, clientY))?.closest('[role=gridcell][col-id]');
    const row = Number(el?.closest('[row-index]')?.getAttribute('row-index'));
    const col = this.model.columns.indexOf(el?.getAttribute('col-id') ?? '');
    if (el && this.host?.contains(el) && Number.isInteger(row) && row >= 0 && row < this.model.rowCount() && col >= 0) {
      return { row: this.model.span(row, col).top, col };
    }
    return this.cellAt(clientX, clientY);
  }

  private onMouseDown(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    if (target === this.proxy || this.optionList.contains(target)) return;
    // An empty table: a click on it gives it the keyboard (Ctrl+V fills it, see onPagePaste).
    if (this.model.rowCount() === 0 && e.button === 0) { e.preventDefault(); this.focus(); return; }
    if (!target.closest('[role=gridcell]') || e.button !== 0) {
      if (e.button === 2 && target.closest('[role=gridcell]')) e.preventDefault();
      return;
    }
    const cell = this.cellUnder(e.clientX, e.clientY, target);
    if (!cell) return;
    e.preventDefault(); // keep the focus in the proxy; no text selection while dragging
    if (this.edit.kind === 'editing') { if (!this.commit(null)) return; } // refused: the message at the cell first
    else if (!e.shiftKey && sameCell(this.sel.active, cell) && sameCell(this.sel.focus, cell)) this.model.take?.(cell);
    if (e.shiftKey) this.select({ ...this.sel, focus: cell });
    else this.select(single(this.shape(), cell));
    this.focus();
    this.startDrag(e);
  }

  private startDrag(e: MouseEvent): void {
    this.stopDrag();
    const move = (ev: MouseEvent) => {
      if (!this.drag) return;
      this.drag.x = ev.clientX; this.drag.y = ev.clientY;
      this.dragTo();
    };
    const up = () => { this.stopDrag(); window.removeEventListener('mousemove', move, true); window.removeEventListener('mouseup', up, true); };
    window.addEventListener('mousemove', move, true);
    window.addEventListener('mouseup', up, true);
    // Past the top or bottom edge the block keeps growing a row at a time: the grid scrolls.
    const timer = window.setInterval(() => {
      if (!this.drag) return;
      const body = this.layer.getBoundingClientRect();
      const dir = this.drag.y >= body.bottom ? 'down' : this.drag.y < body.top ? 'up' : null;
      if (dir) this.select(extend(this.shape(), this.sel, dir));
    }, 50);
    this.drag = { timer, x: e.clientX, y: e.clientY };
  }

  private dragTo(): void {
    if (!this.drag) return;
    const body = this.layer.getBoundingClientRect();
    if (this.drag.y >= body.bottom || this.drag.y < body.top) return; // the timer scrolls
    const cell = this.cellUnder(this.drag.x, this.drag.y);
    if (cell && (cell.row !== this.sel.focus.row || cell.col !== this.sel.focus.col)) this.select({ ...this.sel, focus: cell });
  }

  private stopDrag(): void {
    if (this.drag) clearInterval(this.drag.timer);
    this.drag = null;
  }

  private onDoubleClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    if (target === this.proxy || !target.closest('[role=gridcell]')) return;
    this.beginEdit();
  }

  private onContextMenu(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    if (target === this.proxy && this.edit.kind === 'editing') return; // the text box's own menu
    if (!target.closest('[role=gridcell]') && target !== this.proxy) return;
    e.preventDefault();
    const cell = this.cellUnder(e.clientX, e.clientY, target === this.proxy ? null : target);
    if (!cell) return;
    // Right-click inside the block keeps it: the menu acts on the whole block.
    if (!contains(this.block(), cell)) this.select(single(this.shape(), cell));
    this.focus();
    this.onMenu({ x: e.clientX, y: e.clientY, items: this.menuItems() });
  }

  menuItems(): MenuItem[] {
    const clip = (cmd: 'copy' | 'cut') => () => { this.focus(); document.execCommand(cmd); };
    return [
      { label: '复制', command: 'copy', action: clip('copy') },
      { label: '剪切', command: 'cut', action: clip('cut') },
      { label: '粘贴', command: 'paste', action: () => void this.pasteFromClipboard() },
      { label: '清除内容', command: 'clear-cells', action: () => this.clearBlock('清除内容') },
      { separator: true, label: '' },
      ...this.model.menuItems(),
    ];
  }

  private async pasteFromClipboard(): Promise<void> {
    try {
      this.pasteText(await navigator.clipboard.readText());
    } catch {
      this.focus();
      editor.toast(`无法读取剪贴板，请使用 ${shortcut('paste')} 粘贴`, 'error');
    }
  }

  // ---- options under the editor -------------------------------------------------------------

  private updateOptions(): void {
    // Unchanged text (just opened with F2) lists every choice; typed text filters them.
    const e = this.edit;
    const all = e.kind === 'editing' ? this.model.options?.(this.sel.active, this.proxy.value === e.original ? '' : this.proxy.value) ?? [] : [];
    if (all.length === 0 && this.options.length === 0) return; // free text: nothing to redraw per keystroke
    this.options = all;
    this.optionIndex = -1;
    this.renderOptions();
  }

  private renderOptions(): void {
    const list = this.optionList;
    list.replaceChildren(...this.options.map((o, i) => {
      const item = document.createElement('div');
      item.className = i === this.optionIndex ? 'cell-option current' : 'cell-option';
      item.setAttribute('role', 'option');
      item.dataset.index = String(i);
      item.textContent = o || '（空）';
      return item;
    }));
    list.style.display = this.options.length ? 'block' : 'none';
    this.layout();
  }

  private onOptionClick(e: MouseEvent): void {
    e.preventDefault();
    const i = Number((e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index);
    if (!Number.isInteger(i)) return;
    this.proxy.value = this.options[i];
    this.commit(null);
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** Replace the editor's text (a chosen suggestion), caret at the end. */
  setText(text: string): void {
    if (this.edit.kind !== 'editing') return;
    this.proxy.value = text;
    this.proxy.setSelectionRange(text.length, text.length);
    this.onInput();
  }

  private showState(): void {
    const editing = this.edit.kind === 'editing';
    this.onEdit(editing ? { cell: this.sel.active, text: this.proxy.value, anchor: this.proxy } : null);
    const state = keyState(this.edit);
    this.proxy.dataset.cellProxy = state;
    this.proxy.classList.toggle('editing', editing);
    this.host?.setAttribute('data-edit', state);
    if (!editing) this.optionList.style.display = 'none';
    this.layout();
    if (editing) this.fitEditor();
  }

  /** Grow the editor with its text (one forced layout; only when the text outgrows the box). */
  private fitEditor(): void {
    const el = this.proxy;
    if (el.scrollHeight <= el.clientHeight) return;
    el.style.height = `${Math.max(el.scrollHeight + 4, parseFloat(el.dataset.cellHeight ?? '0'))}px`;
  }

  schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.layout());
  }

  /** Cell rectangle relative to the body's top-left (scrolled), or null when the grid is not ready. */
  private rectOf(r0: number, r1: number, c0: number, c1: number): Rect | null {
    const api = this.api;
    const top = api?.getDisplayedRowAtIndex(r0);
    const bottom = api?.getDisplayedRowAtIndex(r1);
    const left = api?.getColumn(this.model.columns[c0]);
    const right = api?.getColumn(this.model.columns[c1]);
    if (!api || top?.rowTop == null || bottom?.rowTop == null || bottom.rowHeight == null || !left || !right) return null;
    const x = (left.getLeft() ?? 0) - api.getHorizontalPixelRange().left;
    const y = top.rowTop - api.getVerticalPixelRange().top;
    return { x, y, w: (right.getLeft() ?? 0) + right.getActualWidth() - (left.getLeft() ?? 0), h: bottom.rowTop + bottom.rowHeight - top.rowTop };
  }

  /** Place the body layer, the selection boxes and the proxy; publish the selection for tests and styles. */
  layout(): void {
    const host = this.host;
    if (!host || !this.layer) return;
    const header = host.querySelector('.ag-header');
    const root = host.querySelector('.ag-root');
    const hostRect = host.getBoundingClientRect();
    if (!header || !root) return;
    const hr = header.getBoundingClientRect();
    const rr = root.getBoundingClientRect();
    const vscroll = host.querySelector('.ag-body-vertical-scroll');
    const hscroll = host.querySelector('.ag-body-horizontal-scroll');
    const body = {
      x: rr.left - hostRect.left, y: hr.bottom - hostRect.top,
      w: rr.width - (vscroll?.getBoundingClientRect().width ?? 0), h: rr.bottom - hr.bottom - (hscroll?.getBoundingClientRect().height ?? 0),
    };
    Object.assign(this.layer.style, { left: `${body.x}px`, top: `${body.y}px`, width: `${body.w}px`, height: `${body.h}px` });
    const n = this.model.rowCount();
    const b = this.block();
    const a = this.sel.active;
    const as = n ? this.model.span(a.row, a.col) : { top: 0, bottom: 0 };
    host.dataset.active = n ? `${a.row},${this.model.columns[a.col]}` : '';
    host.dataset.block = n ? `${b.r0},${b.r1},${b.c0},${b.c1}` : '';
    const br = n ? this.rectOf(b.r0, b.r1, b.c0, b.c1) : null;
    const ar = n ? this.rectOf(as.top, as.bottom, a.col, a.col) : null;
    place(this.blockBox, isMulti(b) ? br : null);
    place(this.activeBox, ar);
    // The proxy sits on the active cell (the IME window opens at its caret), kept inside the body.
    const cell = ar ?? { x: 0, y: 0, w: 120, h: 34 };
    const editing = this.edit.kind === 'editing';
    const x = body.x + Math.min(Math.max(cell.x, 0), Math.max(0, body.w - 40));
    const y = body.y + Math.min(Math.max(cell.y, 0), Math.max(0, body.h - 20));
    const s = this.proxy.style;
    s.left = `${x}px`;
    s.top = `${y}px`;
    s.width = `${editing ? Math.max(cell.w, 160) : Math.max(20, cell.w)}px`;
    this.proxy.dataset.cellHeight = String(cell.h);
    if (!editing) s.height = `${Math.max(20, Math.min(cell.h, body.h))}px`;
    const os = this.optionList.style;
    os.left = `${x}px`;
    os.top = `${y + (editing ? this.proxy.offsetHeight : cell.h)}px`;
    os.minWidth = `${Math.max(cell.w, 160)}px`;
  }
}

function place(el: HTMLElement, r: Rect | null): void {
  if (!r) { el.style.display = 'none'; return; }
  Object.assign(el.style, { display: 'block', left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
