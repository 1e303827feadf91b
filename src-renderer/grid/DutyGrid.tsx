// The 部门职责-工作活动 table in one grid: duty, activity and indicator rows; numbering generated;
// an activity's first four cells span its indicator rows, as on paper.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellEditRequestEvent, CellFocusedEvent, ColDef, GridApi, ITooltipParams, SpanRowsParams, ValueFormatterParams } from 'ag-grid-community';
import { parseClipboard } from '../../src-shared/clipboard';
import {
  amountFromText, CommandError, DUTY_FIELDS, dutyCellValue, dutyRows, insertDutyIndicator, OWNER_FIELDS, pasteDutyBlock, setCellEdit, type DutyRow,
} from '../../src-shared/commands';
import { formatAmount, type JixiaoDocument, type MoneyUnit } from '../../src-shared/model';
import { editor, useEditor } from '../app/store';
import { useDiffMarks } from '../app/cycle';
import { matchBinding } from '../app/keys';
import { cellKey, indexFindings } from '../app/validation';
import { clearDutyCells, deleteFocused, insertActivityAt, insertDutyAt, insertIndicatorAt, insertSiblingBelow, moveFocused } from '../app/dutyOps';
import { messageDialog } from '../dialogs/modal';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights, type HeightCell } from './rowHeights';
import { BlockSelection, ContextMenu, isEditing, spreadsheetGridProps, suppressKeys, TextAreaEditor, useBlockTracking, writeBlockToClipboard, type MenuItem } from './gridKit';

registerGridModules();

export interface DutyGridRow extends DutyRow { cells: Record<string, string> }

// Rows are rebuilt per document version, but an owner whose object did not change keeps its row
// objects, so AG Grid re-renders only the rows of the edited duty/activity.
const rowCache = new WeakMap<object, DutyGridRow[]>();
function buildRows(doc: JixiaoDocument): DutyGridRow[] {
  const out: DutyGridRow[] = [];
  const all = dutyRows(doc);
  let i = 0;
  while (i < all.length) {
    const r = all[i];
    const duty = doc.dutyTable.duties[r.dutyIndex];
    const owner = r.activityIndex < 0 ? duty : duty.activities[r.activityIndex];
    let j = i;
    while (j < all.length && all[j].ownerId === r.ownerId) j++;
    const cached = rowCache.get(owner);
    if (cached && cached.length === j - i && cached[0].number === r.number && cached[0].dutyIndex === r.dutyIndex && cached[0].activityIndex === r.activityIndex) {
      out.push(...cached);
    } else {
      const rows = all.slice(i, j).map((row) => ({ ...row, cells: Object.fromEntries(DUTY_FIELDS.map((f) => [f, dutyCellValue(doc, row, f)])) }));
      rowCache.set(owner, rows);
      out.push(...rows);
    }
    i = j;
  }
  return out;
}

const HEADERS: Record<string, string> = {
  title: '职责活动', budget: '年度预算数', description: '内容描述', goal: '绩效目标', name: '绩效指标',
  'bands.0': '优', 'bands.1': '良', 'bands.2': '中', 'bands.3': '差',
};
const WIDTHS: Record<string, number> = { title: 15, budget: 8, description: 22, goal: 17, name: 14, 'bands.0': 6, 'bands.1': 6, 'bands.2': 6, 'bands.3': 6 };

/** Left padding of an activity's title beyond the normal cell padding (styles.css). */
const INDENT_PX = 29 - 10;

/** Height of every grid row, keyed like the rows: owner cells span their indicator rows. */
function dutyRowHeights(rows: DutyGridRow[], widthOf: (colId: string) => number): Map<string, number> {
  const cells: HeightCell[][] = rows.map((row, r) => {
    const out: HeightCell[] = [];
    for (const field of DUTY_FIELDS) {
      if (field === 'budget') continue; // one line, never wrapped
      const owner = OWNER_FIELDS.has(field);
      if (owner && !row.first) continue;
      let rowSpan = 1;
      if (owner) while (r + rowSpan < rows.length && rows[r + rowSpan].ownerId === row.ownerId) rowSpan++;
      out.push({
        text: field === 'title' ? row.number + row.cells.title : row.cells[field],
        widthPx: widthOf(field), rowSpan, bold: owner && row.kind === 'duty',
        indentPx: field === 'title' && row.kind === 'activity' ? INDENT_PX : 0,
      });
    }
    return out;
  });
  const heights = rowHeights(cells, gridLineCounter(), HEIGHT_METRICS);
  return new Map(rows.map((row, r) => [row.key, heights[r]]));
}

export function cellRowId(row: DutyRow, field: string): string | null {
  return OWNER_FIELDS.has(field) ? row.ownerId : row.indicatorId;
}

export function DutyGrid() {
  const doc = useEditor((s) => s.doc)!;
  const findings = useEditor((s) => s.findings);
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<DutyGridRow> | null>(null);
  const findingsRef = useRef(new Map<string, ReturnType<typeof indexFindings> extends Map<string, infer V> ? V : never>());
  const unitRef = useRef<MoneyUnit>(doc.meta.unit);
  unitRef.current = doc.meta.unit;
  const sel = useMemo(() => new BlockSelection(), []);
  const hostRef = useRef<HTMLDivElement>(null);
  useBlockTracking(hostRef, sel, DUTY_FIELDS);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);

  const rows = useMemo(() => buildRows(doc), [doc]);
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(rows, (widthOf) => dutyRowHeights(rows, widthOf));
  useEffect(() => heights.apply(apiRef.current), [heights, rows]);
  const gridProps = useMemo(() => spreadsheetGridProps<DutyGridRow>({ rowId: (r) => r.key, heights, apiRef, openMenu: setMenu }), [heights]);

  useEffect(() => {
    findingsRef.current = indexFindings(findings);
    apiRef.current?.refreshCells({ force: true });
  }, [findings]);
  const diffMarks = useDiffMarks();
  const diffRef = useRef(diffMarks);
  useEffect(() => { diffRef.current = diffMarks; apiRef.current?.refreshCells({ force: true }); }, [diffMarks]);

  useEffect(() => {
    sel.onChange = () => apiRef.current?.refreshCells({ force: true });
  }, [sel]);

  const columnDefs = useMemo<ColDef<DutyGridRow>[]>(() => DUTY_FIELDS.map((field, colIndex) => {
    const owner = OWNER_FIELDS.has(field);
    const long = field === 'title' || field === 'description' || field === 'goal' || field === 'name';
    const def: ColDef<DutyGridRow> = {
      colId: field,
      headerName: HEADERS[field],
      flex: WIDTHS[field],
      minWidth: field.startsWith('bands') ? 64 : 90,
      editable: true,
      sortable: false,
      suppressMovable: true,
      resizable: true,
      valueGetter: (p) => p.data?.cells[field] ?? '',
      tooltipValueGetter: (p: ITooltipParams<DutyGridRow>) => {
        const id = p.data ? cellRowId(p.data, field) : null;
        const list = id ? findingsRef.current.get(cellKey(id, field)) : undefined;
        return list ? list.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n') : undefined;
      },
      cellClass: (p: CellClassParams<DutyGridRow>) => {
        const row = p.data;
        if (!row) return '';
        const cls = [owner ? `owner-cell kind-${row.kind}` : 'indicator-cell', `col-${field.replace('.', '-')}`];
        if (field === 'budget') cls.push('amount');
        const id = cellRowId(row, field);
        const list = id ? findingsRef.current.get(cellKey(id, field)) : undefined;
        if (list) cls.push(list[0].severity === 'error' ? 'cell-error' : 'cell-warning');
        const mark = id ? diffRef.current.get(cellKey(id, field)) : undefined;
        if (mark) cls.push(mark);
        if (sel.isMulti() && p.node.rowIndex != null && sel.contains(p.node.rowIndex, colIndex)) cls.push('in-block');
        return cls.join(' ');
      },
      suppressKeyboardEvent: suppressKeys,
    };
    if (owner) def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<DutyGridRow>) => nodeA?.data?.ownerId === nodeB?.data?.ownerId;
    if (field === 'title') def.valueFormatter = (p: ValueFormatterParams<DutyGridRow>) => (p.data ? `${p.data.number}${p.value ?? ''}` : '');
    if (field === 'budget') {
      def.valueFormatter = (p: ValueFormatterParams<DutyGridRow>) => formatAmount(p.value ?? '', unitRef.current);
      def.type = 'rightAligned';
    }
    if (long) { def.cellEditor = TextAreaEditor; def.cellEditorPopup = true; }
    def.wrapText = field !== 'budget';
    return def;
  }), [sel]);

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<DutyGridRow>) => {
    const row = e.data;
    const field = e.column.getColId();
    let value = e.newValue == null ? '' : String(e.newValue);
    const s = editor.get();
    if (!s.doc) return;
    try {
      if (field === 'budget') {
        const a = amountFromText(value);
        if (a === null) { void messageDialog('金额无效', `“${value}”不是有效的金额，请输入数字（例如 1235.00）。`); return; }
        value = a;
      }
      const rowId = cellRowId(row, field);
      if (rowId) { editor.dispatch(setCellEdit(s.doc, rowId, field, value)); return; }
      if (value === '') return;
      // An owner without indicators: typing into an indicator cell creates the indicator.
      const init = field === 'name' ? { name: value } : { bands: ['', '', '', ''].map((b, i) => (field === `bands.${i}` ? value : b)) as [string, string, string, string] };
      editor.dispatch(insertDutyIndicator(s.doc, row.ownerId, 0, init).edit);
    } catch (err) {
      if (err instanceof CommandError) editor.toast(err.message, 'error'); else throw err;
    }
  }, []);

  const onCellFocused = useCallback((e: CellFocusedEvent<DutyGridRow>) => {
    if (e.rowIndex == null || !e.column || typeof e.column === 'string') return;
    const field = e.column.getColId();
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (node?.data) editor.set({ dutyFocus: { rowKey: node.data.key, field } });
  }, []);

  // Jump to a cell on request (findings panel, inserted rows).
  // Each request is handled once, when its row exists (an insert and its focus request may
  // arrive in separate renders); later document changes must not pull the focus back.
  const handledSeq = useRef(0);
  // A jump from the projects tab mounts this grid afresh: the request waits until its rows are rendered.
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq) return;
    const t = setTimeout(() => {
      const api = apiRef.current;
      if (!api) return;
      const { rowId, field } = focusRequest;
      const colField = (DUTY_FIELDS as readonly string[]).includes(field) ? field : 'title';
      let index = -1;
      api.forEachNode((n) => {
        if (index >= 0 || !n.data) return;
        if (n.data.indicatorId === rowId || (n.data.ownerId === rowId && (n.data.first || !OWNER_FIELDS.has(colField)))) index = n.rowIndex ?? -1;
      });
      if (index < 0) return;
      handledSeq.current = focusRequest.seq;
      api.ensureIndexVisible(index, 'middle');
      api.ensureColumnVisible(colField);
      // Focus once the scrolled-to row is rendered, so the DOM focus lands in the cell.
      requestAnimationFrame(() => requestAnimationFrame(() => api.setFocusedCell(index, colField)));
    }, 0);
    return () => clearTimeout(t);
  }, [focusRequest, rows, rendered]);

  const blockCells = (): { row: DutyGridRow; field: string }[] => {
    const api = apiRef.current;
    const b = sel.block();
    if (!api || !b) return [];
    const out: { row: DutyGridRow; field: string }[] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (!node?.data) continue;
      for (let c = b.c0; c <= b.c1; c++) out.push({ row: node.data, field: DUTY_FIELDS[c] });
    }
    return out;
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (isEditing(apiRef.current) || menu) return;
    const cmd = matchBinding(e, 'grid');
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    if (cmd === 'moveUp') moveFocused(-1);
    else if (cmd === 'moveDown') moveFocused(1);
    else if (cmd === 'clearCells') clearDutyCells(blockCells());
    else if (cmd === 'insertBelow') insertSiblingBelow();
    else if (cmd === 'deleteRows') void deleteFocused();
  };

  const copyMatrix = (): string[][] => {
    const api = apiRef.current;
    const b = sel.block();
    if (!api || !b) return [];
    const m: string[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row = api.getDisplayedRowAtIndex(r)?.data;
      if (!row) continue;
      m.push(DUTY_FIELDS.slice(b.c0, b.c1 + 1).map((f) => {
        const v = row.cells[f];
        if (OWNER_FIELDS.has(f) && !row.first) return '';
        if (f === 'title') return row.number + v;
        if (f === 'budget') return formatAmount(v, unitRef.current);
        return v;
      }));
    }
    return m;
  };

  const onCopy = (e: React.ClipboardEvent) => {
    if (isEditing(apiRef.current)) return;
    const m = copyMatrix();
    if (m.length) writeBlockToClipboard(e, m);
  };

  const pasteMatrix = (matrix: string[][]) => {
    const api = apiRef.current;
    const s = editor.get();
    const cell = api?.getFocusedCell();
    if (!api || !s.doc || !cell || matrix.length === 0) { editor.toast('请先选择要粘贴到的单元格', 'error'); return; }
    const col = DUTY_FIELDS.indexOf(cell.column.getColId() as (typeof DUTY_FIELDS)[number]);
    const res = pasteDutyBlock(s.doc, cell.rowIndex, col, matrix);
    editor.dispatch(res.edit);
    if (res.problems.length) void messageDialog('部分单元格未粘贴', <ul>{res.problems.map((p, i) => <li key={i}>第 {p.row + 1} 行第 {p.col + 1} 列：{p.message}</li>)}</ul>);
    else editor.toast(`已粘贴 ${res.rows} 行 × ${res.cols} 列`);
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (isEditing(apiRef.current)) return;
    e.preventDefault();
    pasteMatrix(parseClipboard({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }));
  };

  // An empty table has no cell to focus: a paste anywhere on the page starts the table.
  useEffect(() => {
    const onDocPaste = (e: ClipboardEvent) => {
      const s = editor.get();
      if (!s.doc || rows.length > 0 || e.target !== document.body || !e.clipboardData) return;
      e.preventDefault();
      const res = pasteDutyBlock(s.doc, 0, 0, parseClipboard({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }));
      editor.dispatch(res.edit);
    };
    document.addEventListener('paste', onDocPaste);
    return () => document.removeEventListener('paste', onDocPaste);
  }, [rows]);

  const menuItems = (): MenuItem[] => [
    { label: '在上方插入职责', action: () => insertDutyAt('above') },
    { label: '在下方插入职责', action: () => insertDutyAt('below') },
    { separator: true, label: '' },
    { label: '在上方插入工作活动', action: () => insertActivityAt('above') },
    { label: '在下方插入工作活动', action: () => insertActivityAt('below') },
    { label: '插入工作活动（作为下级）', action: () => insertActivityAt('child') },
    { separator: true, label: '' },
    { label: '在上方插入绩效指标', action: () => insertIndicatorAt('above') },
    { label: '在下方插入绩效指标', action: () => insertIndicatorAt('below') },
    { label: '插入绩效指标（作为下级）', action: () => insertIndicatorAt('child') },
    { separator: true, label: '' },
    { label: '上移', shortcut: 'Alt+↑', action: () => moveFocused(-1) },
    { label: '下移', shortcut: 'Alt+↓', action: () => moveFocused(1) },
    { label: '清除内容', shortcut: 'Delete', action: () => clearDutyCells(blockCells()) },
    { label: '删除行', shortcut: 'Ctrl+Delete', action: () => void deleteFocused() },
    { separator: true, label: '' },
    { label: '粘贴', shortcut: 'Ctrl+V', action: () => void pasteFromMenu() },
  ];

  const pasteFromMenu = async () => {
    try {
      const text = await navigator.clipboard.readText();
      pasteMatrix(parseClipboard({ text }));
    } catch {
      editor.toast('无法读取剪贴板，请使用 Ctrl+V 粘贴', 'error');
    }
  };

  return (
    <div ref={hostRef} className="grid-host" data-testid="duty-grid" onKeyDown={onKeyDown} onCopy={onCopy} onPaste={onPaste}>
      <AgGridReact<DutyGridRow>
        {...gridProps}
        rowData={rows}
        columnDefs={columnDefs}
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onFirstDataRendered={() => setRendered(true)}
        rowClassRules={{ 'row-duty': (p) => p.data?.kind === 'duty' }}
        overlayNoRowsTemplate={'<span class="empty-hint">表中还没有内容：点击工具栏的“插入职责”开始填写，或从 Excel/WPS 复制后粘贴。</span>'}
      />
      {menu && <ContextMenu x={menu.x} y={menu.y} items={menuItems()} onClose={() => setMenu(null)} />}
    </div>
  );
}

export { CommandError };
