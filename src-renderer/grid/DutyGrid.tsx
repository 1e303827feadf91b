// The 部门职责-工作活动 table in one grid: duty, activity and indicator rows; numbering generated;
// an activity's first four cells span its indicator rows, as on paper.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, ColDef, GridApi, ICellRendererParams, ITooltipParams, SpanRowsParams, ValueFormatterParams } from 'ag-grid-community';
import {
  CommandError, DUTY_FIELDS, dutyCellValue, dutyRows, insertDutyIndicator, OWNER_FIELDS, pasteDutyBlock, pasteMessage, setCellEdit, type DutyRow,
} from '../../src-shared/commands';
import { BAND_LABEL, DUTY_FIELD_LABEL, formatAmount, parseAmountInput, type JixiaoDocument, type MoneyUnit } from '../../src-shared/model';
import { editor, useEditor } from '../app/store';
import { cellKey } from '../app/validation';
import { deleteFocused, insertActivityAt, insertDutyAt, insertIndicatorAt, insertSiblingBelow, moveFocused, setDutyCells } from '../app/dutyOps';
import { messageDialog } from '../dialogs/modal';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights, type HeightCell } from './rowHeights';
import { rowCommands, spreadsheetGridProps, useCellController, useCellMarks, type GridModel, type MenuItem } from './gridKit';
import type { Cell } from '../../src-shared/grid';
import { dutyFill } from '../../src-shared/library/fill';
import type { LibraryEntry } from '../../src-shared/library/entry';
import { GridNameSuggest } from './NameSuggest';
import { draftsOf, takeDrafts } from '../app/bandDrafts';
import { useLibrary } from '../app/library';

registerGridModules();

export interface DutyGridRow extends DutyRow { cells: Record<string, string> }

// Rows are rebuilt per document version, but an owner whose object did not change keeps its row
// objects, so AG Grid re-renders only the rows of the edited duty/activity.
const rowCache = new WeakMap<object, DutyGridRow[]>();
const docRows = new WeakMap<JixiaoDocument, DutyGridRow[]>();
/** The grid rows of a document (the same array for the same document version). */
export function rowsOf(doc: JixiaoDocument): DutyGridRow[] {
  let rows = docRows.get(doc);
  if (!rows) docRows.set(doc, (rows = buildRows(doc)));
  return rows;
}
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

const HEADERS: Record<string, string> = { ...DUTY_FIELD_LABEL, ...Object.fromEntries(BAND_LABEL.map((b, i) => [`bands.${i}`, b])) };
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

const bandIndex = (field: string) => (field.startsWith('bands.') ? Number(field.slice(6)) : -1);

export function cellRowId(row: DutyRow, field: string): string | null {
  return OWNER_FIELDS.has(field) ? row.ownerId : row.indicatorId;
}

/** The rows merged into one cell with row `r` in column `field` (owner columns span their indicator rows). */
function ownerSpan(rows: DutyGridRow[], r: number, field: string): { top: number; bottom: number } {
  if (!OWNER_FIELDS.has(field) || !rows[r]) return { top: r, bottom: r };
  const owner = rows[r].ownerId;
  let top = r, bottom = r;
  while (top > 0 && rows[top - 1].ownerId === owner) top--;
  while (bottom + 1 < rows.length && rows[bottom + 1].ownerId === owner) bottom++;
  return { top, bottom };
}

/** Store one typed cell; the reason when the text is not accepted (shown at the cell). */
function commitDutyCell(row: DutyGridRow, field: string, text: string): true | string {
  const s = editor.get();
  if (!s.doc) return true;
  let value = text;
  let note: string | null = null;
  try {
    if (field === 'budget') {
      // 50000元 in a 万元 table is 5, said in a note; `abc` is refused at the cell.
      const a = parseAmountInput(value, s.doc.meta.unit);
      if (!a.ok) return a.reason;
      value = a.amount;
      note = a.note;
    }
    const rowId = cellRowId(row, field);
    if (rowId) {
      editor.dispatch(setCellEdit(s.doc, rowId, field, value));
      if (note) editor.toast(note);
      return true;
    }
    if (value === '') return true;
    // An owner without indicators: typing into an indicator cell creates the indicator.
    const init = field === 'name' ? { name: value } : { bands: ['', '', '', ''].map((b, i) => (field === `bands.${i}` ? value : b)) as [string, string, string, string] };
    editor.dispatch(insertDutyIndicator(s.doc, row.ownerId, 0, init).edit);
  } catch (err) {
    if (err instanceof CommandError) editor.toast(err.message, 'error'); else throw err;
  }
  return true;
}

export function DutyGrid() {
  const doc = useEditor((s) => s.doc)!;
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<DutyGridRow> | null>(null);
  const unitRef = useRef<MoneyUnit>(doc.meta.unit);
  unitRef.current = doc.meta.unit;
  const hostRef = useRef<HTMLDivElement>(null);

  const rows = rowsOf(doc);
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(rows, (widthOf) => dutyRowHeights(rows, widthOf));
  useEffect(() => heights.apply(apiRef.current), [heights, rows]);

  // The grid as the cell controller sees it; always the store's current document.
  const current = () => { const d = editor.get().doc; return d ? rowsOf(d) : []; };
  const at = (c: Cell) => current()[c.row];
  const model: GridModel = {
    columns: DUTY_FIELDS,
    rowCount: () => current().length,
    span: (r, c) => ownerSpan(current(), r, DUTY_FIELDS[c]),
    text: (c) => at(c)?.cells[DUTY_FIELDS[c.col]] ?? '',
    copyText: (c) => {
      const row = at(c);
      const f = DUTY_FIELDS[c.col];
      if (!row) return '';
      if (f === 'title') return row.number + row.cells.title;
      if (f === 'budget') return formatAmount(row.cells.budget, unitRef.current);
      return row.cells[f];
    },
    commit: (c, text) => { const row = at(c); return row ? commitDutyCell(row, DUTY_FIELDS[c.col], text) : true; },
    commitMany: (changes, label) => setDutyCells(changes.flatMap(({ cell, text }) => {
      const row = at(cell);
      return row ? [{ row, field: DUTY_FIELDS[cell.col], value: text }] : [];
    }), label),
    paste: (c, matrix) => {
      const s = editor.get();
      if (!s.doc) return;
      const res = pasteDutyBlock(s.doc, c.row, c.col, matrix);
      editor.dispatch(res.edit);
      const note = pasteMessage({ ...res, problems: [] }, HEADERS[DUTY_FIELDS[DUTY_FIELDS.length - 1]]);
      if (res.problems.length) void messageDialog('部分单元格未粘贴', <><p>{note}</p><ul>{res.problems.map((p, i) => <li key={i}>第 {p.row + 1} 行第 {p.col + 1} 列：{p.message}</li>)}</ul></>);
      else editor.toast(note, res.dropped.count ? 'error' : 'info');
    },
    command: rowCommands({ move: moveFocused, insertBelow: insertSiblingBelow, remove: () => void deleteFocused() }),
    menuItems: () => menuItems(),
    selected: (c, b) => {
      const row = at(c);
      if (!row) return;
      const rowKeys = current().slice(b.r0, b.r1 + 1).map((r) => r.key);
      editor.set({ dutyFocus: { rowKey: row.key, field: DUTY_FIELDS[c.col], rowKeys, blockField: DUTY_FIELDS[b.c0] } });
    },
    take: (c) => {
      const row = at(c);
      const d = editor.get().doc;
      const k = bandIndex(DUTY_FIELDS[c.col]);
      if (!row?.indicatorId || !d || k < 0 || row.cells[DUTY_FIELDS[c.col]] !== '') return;
      if (draftsOf(d).get(row.indicatorId)?.[k]) takeDrafts(new Set([row.indicatorId]));
    },
  };
  const { ctl, menu } = useCellController(hostRef, model);
  const gridProps = useMemo(() => spreadsheetGridProps<DutyGridRow>({ rowId: (r) => r.key, heights, apiRef, ctl, widthsKey: 'duty' }), [heights, ctl]);

  const { findingsRef, diffRef } = useCellMarks(apiRef);

  // Drafted 评价标准 show grey in empty band cells; a new 指标库 version may change them all.
  const draftsRef = useRef(draftsOf(doc));
  draftsRef.current = draftsOf(doc);
  const libraryVersion = useLibrary((s) => s.version);
  useEffect(() => { apiRef.current?.refreshCells({ columns: ['bands.0', 'bands.1', 'bands.2', 'bands.3'], force: true }); }, [libraryVersion]);

  const columnDefs = useMemo<ColDef<DutyGridRow>[]>(() => DUTY_FIELDS.map((field) => {
    const owner = OWNER_FIELDS.has(field);
    const def: ColDef<DutyGridRow> = {
      colId: field,
      headerName: HEADERS[field],
      flex: WIDTHS[field],
      minWidth: field.startsWith('bands') ? 64 : 90,
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
        const k = bandIndex(field);
        if (k >= 0 && row.indicatorId && row.cells[field] === '' && draftsRef.current.get(row.indicatorId)?.[k]) cls.push('band-draft');
        return cls.join(' ');
      },
    };
    if (bandIndex(field) >= 0) {
      const k = bandIndex(field);
      // The draft is decoration, not the cell's text: drawn by CSS from data-draft, so copy, find
      // and the cell's textContent still see an empty cell.
      def.cellRenderer = (p: ICellRendererParams<DutyGridRow>) => {
        const draft = !p.value && p.data?.indicatorId ? draftsRef.current.get(p.data.indicatorId)?.[k] : null;
        return draft ? <span className="draft" data-draft={draft} /> : (p.value ?? '');
      };
      def.tooltipValueGetter = (p: ITooltipParams<DutyGridRow>) => {
        const id = p.data ? cellRowId(p.data, field) : null;
        const list = id ? findingsRef.current.get(cellKey(id, field)) : undefined;
        if (list) return list.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n');
        return id && p.data?.cells[field] === '' && draftsRef.current.get(id)?.[k] ? '建议的评价标准：按 Tab 或再次单击采用' : undefined;
      };
    }
    if (owner) def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<DutyGridRow>) => nodeA?.data?.ownerId === nodeB?.data?.ownerId;
    if (field === 'title') def.valueFormatter = (p: ValueFormatterParams<DutyGridRow>) => (p.data ? `${p.data.number}${p.value ?? ''}` : '');
    if (field === 'budget') {
      def.valueFormatter = (p: ValueFormatterParams<DutyGridRow>) => formatAmount(p.value ?? '', unitRef.current);
      def.type = 'rightAligned';
    }
    def.wrapText = field !== 'budget';
    return def;
  }), []);

  // Jump to a cell on request (findings panel, inserted rows). The selection is state, not DOM
  // focus: it holds whether or not the virtualised row is rendered yet. Each request is handled
  // once, when its row exists (an insert and its focus request may arrive in separate renders).
  const handledSeq = useRef(0);
  // A jump that mounts this grid (from another tab or project) waits until its rows are rendered.
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq || !rendered) return;
    const { rowId, field } = focusRequest;
    const colField = (DUTY_FIELDS as readonly string[]).includes(field) ? field : 'title';
    const index = rows.findIndex((r) => r.indicatorId === rowId || (r.ownerId === rowId && (r.first || !OWNER_FIELDS.has(colField))));
    if (index < 0) return;
    handledSeq.current = focusRequest.seq;
    ctl.selectCell(index, colField);
  }, [focusRequest, rows, ctl, rendered]);

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
    { label: '上移', command: 'move-up', action: () => moveFocused(-1) },
    { label: '下移', command: 'move-down', action: () => moveFocused(1) },
    { label: '删除行', command: 'delete-rows', action: () => void deleteFocused() },
    { separator: true, label: '' },
    { label: '填写建议评价标准（所选行）', action: () => takeDrafts(selectedIndicatorIds()) },
  ];

  /** Indicators of the rows the selection touches. */
  const selectedIndicatorIds = (): Set<string> => {
    const { anchor, focus } = ctl.sel;
    const rowsNow = current();
    const ids = new Set<string>();
    for (let r = Math.min(anchor.row, focus.row); r <= Math.max(anchor.row, focus.row); r++) {
      const row = rowsNow[r];
      if (!row) continue;
      if (row.indicatorId) ids.add(row.indicatorId);
      // An owner row selected in an owner column stands for all of its indicators.
      for (const x of rowsNow) if (x.ownerId === row.ownerId && x.indicatorId) ids.add(x.indicatorId);
    }
    return ids;
  };

  return (
    <div ref={hostRef} className="grid-host" data-testid="duty-grid">
      <AgGridReact<DutyGridRow>
        {...gridProps}
        rowData={rows}
        columnDefs={columnDefs}
        onFirstDataRendered={(e) => { gridProps.onFirstDataRendered?.(e); setRendered(true); }}
        rowClassRules={{ 'row-duty': (p) => p.data?.kind === 'duty' }}
        overlayNoRowsTemplate={'<span class="empty-hint">表中还没有内容：点击工具栏的“插入职责”开始填写，或从 Excel/WPS 复制后粘贴。</span>'}
      />
      {menu}
      <GridNameSuggest ctl={ctl} column="name" kind="duty" choose={chooseFromLibrary} />
    </div>
  );
}

/** A 指标库 entry chosen for an indicator's name: the name, and the blank bands, as one undo step. */
function chooseFromLibrary(cell: Cell, entry: LibraryEntry): void {
  const doc = editor.get().doc;
  const row = doc ? rowsOf(doc)[cell.row] : undefined;
  if (!row) return;
  if (!row.indicatorId) { commitDutyCell(row, 'name', entry.name); return; }
  const bands = [0, 1, 2, 3].map((i) => row.cells[`bands.${i}`]) as [string, string, string, string];
  const patch = dutyFill({ id: row.indicatorId, name: row.cells.name, bands }, entry);
  const cells = [
    ...(patch.name !== undefined ? [{ row, field: 'name', value: patch.name }] : []),
    ...(patch.bands ?? []).flatMap((b, i) => (b !== bands[i] ? [{ row, field: `bands.${i}`, value: b }] : [])),
  ];
  if (cells.length) setDutyCells(cells, '从指标库填入');
}

export { CommandError };
