// What the grids share around the cell controller: the React hook that attaches it to a grid host,
// a small context menu (AG Grid community has none), and the AG Grid options.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { AgGridReactProps } from 'ag-grid-react';
import type { ColumnState, GridApi } from 'ag-grid-community';
import { gridTheme, localeText } from './agGrid';
import type { RowHeightKeeper } from './rowHeights';
import { CellController, type GridModel, type MenuItem } from './cellController';
import { shortcut, type CommandId } from '../app/keys';
import { useDiffMarks } from '../app/cycle';
import { useEditor } from '../app/store';
import { indexFindings } from '../app/validation';

export type { MenuItem, GridModel };
export { CellController };

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
          <span>{it.label}</span>{it.command && shortcut(it.command) && <span className="menu-shortcut">{shortcut(it.command)}</span>}
        </button>
      ))}
    </div>
  );
}

/**
 * The grid's cell controller, attached to its host element; `model` is refreshed on every render.
 * Returns the controller and the context menu to render inside the host.
 */
export function useCellController(host: RefObject<HTMLElement | null>, model: GridModel): { ctl: CellController; menu: ReactNode } {
  const ctl = useMemo(() => new CellController(model), []);
  ctl.model = model;
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  useEffect(() => {
    if (!host.current) return;
    ctl.onMenu = setMenu;
    ctl.attach(host.current);
    return () => ctl.dispose();
  }, [ctl, host]);
  // Rows come and go with the document: keep the selection in the table and the boxes in place.
  useEffect(() => ctl.refresh());
  const close = () => { setMenu(null); ctl.focus(); };
  return { ctl, menu: menu && <ContextMenu x={menu.x} y={menu.y} items={menu.items} onClose={close} /> };
}

/**
 * Column widths the user dragged, per grid (duty / project / selfeval), for this session: a grid is
 * rebuilt when its tab comes back and would otherwise start from the default widths again. Not
 * part of the document (another clerk's screen differs).
 */
const columnWidths = new Map<string, ColumnState[]>();

/**
 * The AG Grid options both grids share: AG Grid draws rows (heights from the text, spans, the
 * Chinese locale); selection, editing and keys belong to the cell controller.
 */
export function spreadsheetGridProps<T>(opts: {
  rowId: (data: T) => string;
  heights: RowHeightKeeper;
  apiRef: { current: GridApi<T> | null };
  ctl: CellController;
  /** Which grid this is, for the column widths kept across tab switches. */
  widthsKey: string;
}): AgGridReactProps<T> {
  const { rowId, heights, apiRef, ctl, widthsKey } = opts;
  return {
    theme: gridTheme,
    localeText,
    getRowId: (p) => rowId(p.data),
    getRowHeight: (p) => (p.data ? heights.get(p.api, rowId(p.data)) : undefined),
    onFirstDataRendered: (e) => heights.apply(e.api, true),
    onGridSizeChanged: (e) => heights.apply(e.api, true),
    onColumnResized: (e) => {
      heights.apply(e.api, true);
      if (e.finished && e.source === 'uiColumnResized') {
        columnWidths.set(widthsKey, e.api.getColumnState().map(({ colId, width, flex }) => ({ colId, width, flex })));
      }
    },
    onGridReady: (e) => {
      apiRef.current = e.api;
      ctl.setApi(e.api as GridApi);
      const kept = columnWidths.get(widthsKey);
      if (kept) e.api.applyColumnState({ state: kept });
    },
    enableCellSpan: true,
    // Spanned cells do not slide with animated rows: without this they overlap for 0.4 s after an insert.
    animateRows: false,
    // The focus stays in the controller's input proxy; AG Grid cells never take it.
    suppressCellFocus: true,
    enableBrowserTooltips: true,
  };
}

/** GridModel.command for a grid with these row operations (the keybinding table's grid commands). */
export function rowCommands(ops: { move(delta: -1 | 1): void; insertBelow(): void; remove(): void }): (cmd: CommandId) => void {
  return (cmd) => {
    if (cmd === 'move-up') ops.move(-1);
    else if (cmd === 'move-down') ops.move(1);
    else if (cmd === 'insert-below') ops.insertBelow();
    else if (cmd === 'delete-rows') ops.remove();
  };
}

/**
 * What a grid marks in its cells — findings (审核结果) and differences (对比) — as refs that the cell
 * class callbacks read; the cells are repainted when either changes.
 */
export function useCellMarks(apiRef: { current: GridApi | null }) {
  const findings = useEditor((s) => s.findings);
  const findingsRef = useRef(indexFindings([]));
  useEffect(() => { findingsRef.current = indexFindings(findings); apiRef.current?.refreshCells({ force: true }); }, [findings, apiRef]);
  const diffMarks = useDiffMarks();
  const diffRef = useRef(diffMarks);
  useEffect(() => { diffRef.current = diffMarks; apiRef.current?.refreshCells({ force: true }); }, [diffMarks, apiRef]);
  return { findingsRef, diffRef };
}
