// Spreadsheet habits shared by the grids: a multi-line popup editor (Enter commits, Alt+Enter new
// line, Esc cancels), a rectangular block selection (Shift+arrows / Shift+click) for copy and
// Delete, TSV/HTML copy, and a small context menu (AG Grid community has none).
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { AgGridReactProps, CustomCellEditorProps } from 'ag-grid-react';
import type { GridApi, SuppressKeyboardEventParams } from 'ag-grid-community';
import { toTsv } from '../../src-shared/clipboard';
import { matchBinding } from '../app/keys';
import { gridTheme, localeText } from './agGrid';
import type { RowHeightKeeper } from './rowHeights';

/** Initial text when editing starts from a typed key: the key replaces the cell, like Excel. */
function startValue(props: CustomCellEditorProps): string {
  const k = props.eventKey;
  if (k && k.length === 1) return k;
  if (k === 'Backspace' || k === 'Delete') return '';
  return props.value == null ? '' : String(props.value);
}

export function TextAreaEditor(props: CustomCellEditorProps) {
  const [text, setText] = useState(() => startValue(props));
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    props.onValueChange(text);
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const width = Math.max(260, props.column.getActualWidth() + 40);
  return (
    <textarea ref={ref} className="cell-textarea" style={{ width }} value={text} rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
      onChange={(e) => { setText(e.target.value); props.onValueChange(e.target.value); }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.altKey) {
          // Alt+Enter: a line break inside the cell, as in Excel/WPS.
          e.preventDefault();
          e.stopPropagation();
          const el = e.currentTarget;
          const s = el.selectionStart, t = el.selectionEnd;
          const v = el.value.slice(0, s) + '\n' + el.value.slice(t);
          setText(v);
          props.onValueChange(v);
          requestAnimationFrame(() => el.setSelectionRange(s + 1, s + 1));
        }
      }} />
  );
}

/** Let Alt+Enter reach the editor, and our grid keybindings reach us instead of the grid. */
export function suppressKeys(p: SuppressKeyboardEventParams): boolean {
  const e = p.event;
  if (p.editing) return e.key === 'Enter' && e.altKey;
  if (e.type !== 'keydown') return false;
  return matchBinding(e, 'grid') !== null;
}

export interface CellPos { row: number; col: number }
export interface Block { r0: number; r1: number; c0: number; c1: number }

/** Block selection state kept outside React (cell classes read it; changes refresh visible cells). */
export class BlockSelection {
  anchor: CellPos | null = null;
  focus: CellPos | null = null;
  onChange: () => void = () => {};
  block(): Block | null {
    if (!this.anchor || !this.focus) return null;
    return {
      r0: Math.min(this.anchor.row, this.focus.row), r1: Math.max(this.anchor.row, this.focus.row),
      c0: Math.min(this.anchor.col, this.focus.col), c1: Math.max(this.anchor.col, this.focus.col),
    };
  }
  isMulti(): boolean {
    const b = this.block();
    return !!b && (b.r0 !== b.r1 || b.c0 !== b.c1);
  }
  contains(row: number, col: number): boolean {
    const b = this.block();
    return !!b && row >= b.r0 && row <= b.r1 && col >= b.c0 && col <= b.c1;
  }
  /** The focus moved to `pos`; with Shift (`extend`) the block grows from its anchor. */
  focused(pos: CellPos, extend: boolean): void {
    const wasMulti = this.isMulti();
    if (extend && this.anchor) this.focus = pos;
    else { this.anchor = pos; this.focus = pos; }
    if (wasMulti || this.isMulti()) this.onChange();
  }
}

/**
 * Block selection follows the DOM focus, synchronously. AG Grid hands cellFocused/cellClicked to
 * React later (a macrotask), by when Shift of a Shift+→ or a quick click-then-Shift+→ has
 * changed; the focusin and mousedown events see the keyboard as it was.
 */
export function useBlockTracking(host: RefObject<HTMLElement | null>, sel: BlockSelection, columns: readonly string[]): void {
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let shift = false;
    const posOf = (target: EventTarget | null): CellPos | null => {
      const cell = target instanceof Element ? target.closest('[role=gridcell][col-id]') : null;
      const row = cell?.closest('[row-index]');
      if (!cell || !row) return null;
      const col = columns.indexOf(cell.getAttribute('col-id') ?? '');
      const r = Number(row.getAttribute('row-index'));
      return col < 0 || !Number.isInteger(r) ? null : { row: r, col };
    };
    const key = (e: KeyboardEvent) => { shift = e.shiftKey; };
    // A click on the cell that already has the focus moves no focus: the press itself restarts the block.
    const press = (e: MouseEvent) => {
      shift = e.shiftKey;
      const pos = e.button === 0 ? posOf(e.target) : null;
      if (pos) sel.focused(pos, shift);
    };
    const focus = (e: FocusEvent) => {
      const pos = posOf(e.target);
      if (pos) sel.focused(pos, shift);
    };
    window.addEventListener('keydown', key, true);
    el.addEventListener('mousedown', press, true);
    el.addEventListener('focusin', focus);
    return () => {
      window.removeEventListener('keydown', key, true);
      el.removeEventListener('mousedown', press, true);
      el.removeEventListener('focusin', focus);
    };
  }, [host, sel, columns]);
}

export function isEditing(api: GridApi | null | undefined): boolean {
  return !!api && api.getEditingCells().length > 0;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

/** Put a block on the clipboard as TSV and as an HTML table (Excel/WPS read either). */
export function writeBlockToClipboard(e: ClipboardEvent | React.ClipboardEvent, matrix: string[][]): void {
  e.clipboardData!.setData('text/plain', toTsv(matrix));
  e.clipboardData!.setData('text/html', `<table>${matrix.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`);
  e.preventDefault();
}

export interface MenuItem { label: string; action?: () => void; disabled?: boolean; separator?: boolean; shortcut?: string }

export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ x, y });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({ x: Math.min(x, window.innerWidth - r.width - 4), y: Math.min(y, window.innerHeight - r.height - 4) });
    el.focus();
  }, [x, y]);
  useEffect(() => {
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    window.addEventListener('mousedown', close, true);
    return () => window.removeEventListener('mousedown', close, true);
  }, [onClose]);
  return (
    <div ref={ref} className="context-menu" role="menu" tabIndex={-1} style={{ left: pos.x, top: pos.y }}
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      {items.map((it, i) => it.separator ? <div key={i} className="menu-sep" /> : (
        <button key={i} role="menuitem" disabled={it.disabled} onClick={() => { onClose(); it.action?.(); }}>
          <span>{it.label}</span>{it.shortcut && <span className="menu-shortcut">{it.shortcut}</span>}
        </button>
      ))}
    </div>
  );
}

/**
 * The AG Grid options both grids share: spreadsheet keys, edits as commands (readOnlyEdit), row
 * heights from the text, spans, the Chinese locale, a context menu at the pointer.
 */
export function spreadsheetGridProps<T>(opts: {
  rowId: (data: T) => string;
  heights: RowHeightKeeper;
  apiRef: { current: GridApi<T> | null };
  openMenu: (at: { x: number; y: number }) => void;
}): AgGridReactProps<T> {
  const { rowId, heights, apiRef, openMenu } = opts;
  return {
    theme: gridTheme,
    localeText,
    getRowId: (p) => rowId(p.data),
    getRowHeight: (p) => (p.data ? heights.get(p.api, rowId(p.data)) : undefined),
    onFirstDataRendered: (e) => heights.apply(e.api, true),
    onGridSizeChanged: (e) => heights.apply(e.api, true),
    onColumnResized: (e) => heights.apply(e.api, true),
    onGridReady: (e) => { apiRef.current = e.api; },
    enableCellSpan: true,
    // Spanned cells do not slide with animated rows: without this they overlap for 0.4 s after an insert.
    animateRows: false,
    readOnlyEdit: true,
    onCellContextMenu: (e) => {
      const me = e.event as MouseEvent | null;
      if (e.rowIndex != null) e.api.setFocusedCell(e.rowIndex, e.column);
      if (me) openMenu({ x: me.clientX, y: me.clientY });
    },
    preventDefaultOnContextMenu: true,
    enableBrowserTooltips: true,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: true,
  };
}
