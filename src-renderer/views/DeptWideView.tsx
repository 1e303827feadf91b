// 部门（单位）整体支出绩效目标表 (issue 18), for a form whose profile has the table (national-88-dept):
// 年度主要任务 (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金) with the 金额合计 row under it (its 总额 /
// 财政拨款 / 其他资金 in the task columns, as printed), 部门职能职责概述 (where the form prints it or the
// document has it), 年度总体目标, and the table's indicators in the profile's columns (the project
// indicator grid, owner DEPT_WIDE_ID: the same 一级/二级 vocabulary and editing).
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, ValueFormatterParams } from 'ag-grid-community';
import {
  CommandError, DEPT_WIDE_ID, deleteRows, insertDeptTask, moveRow, pasteDeptTasks, pasteMessage, setDeptWideFieldEdit, setTaskCellsEdit, TASK_FIELDS, tasksTotal, type DeptWideField, type TaskField,
} from '../../src-shared/commands';
import { compareAmounts, DEPT_TASK_LABEL, DEPT_WIDE_FIELD_LABEL, formatAmount, parseAmountInput, type DeptTask } from '../../src-shared/model';
import { getTargetProfile, printsDeptFunctions } from '../../src-shared/profile';
import type { Cell } from '../../src-shared/grid';
import { editor, useEditor } from '../app/store';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from '../grid/agGrid';
import { RowHeightKeeper, rowHeights } from '../grid/rowHeights';
import { rowCommands, spreadsheetGridProps, useCellController, type GridModel, type MenuItem } from '../grid/gridKit';
import { ProjectIndicatorGrid } from '../grid/ProjectIndicatorGrid';
import { useDiffMarks } from '../app/cycle';
import { cellKey } from '../app/validation';
import { FormField } from './FormField';

registerGridModules();

const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };
const SHARES: Record<TaskField, number> = { name: 18, content: 40, total: 12, fiscal: 12, other: 12 };
const AMOUNT = new Set<TaskField>(['total', 'fiscal', 'other']);
/** The task grid's height without tasks (room for the hint), and at most (the indicator grids' height). */
const EMPTY_HEIGHT = 110;
const MAX_HEIGHT = 420;

function TaskGrid({ tasks }: { tasks: DeptTask[] }) {
  const unit = useEditor((s) => s.doc!.meta.unit);
  const templateId = useEditor((s) => s.doc!.meta.templateId);
  const labels = useMemo(() => {
    const cols = getTargetProfile(templateId)?.taskColumns ?? [];
    return Object.fromEntries(TASK_FIELDS.map((f) => [f, cols.find((c) => c.field === f)?.label ?? DEPT_TASK_LABEL[f]])) as Record<TaskField, string>;
  }, [templateId]);
  const apiRef = useRef<GridApi<DeptTask> | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const unitRef = useRef(unit);
  unitRef.current = unit;
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(tasks, (widthOf) => {
    const hs = rowHeights(tasks.map((t) => TASK_FIELDS.map((f) => ({ text: t[f], widthPx: widthOf(f), rowSpan: 1 }))), gridLineCounter(), HEIGHT_METRICS);
    return new Map(tasks.map((t, r) => [t.id, hs[r]]));
  });
  // The grid is as tall as its rows (up to the other grids' height), so the 金额合计 row sits under the tasks.
  const [fitHeight, setFitHeight] = useState<number | null>(null);
  // The 金额合计 row under the grid lines up with the task columns, as the printed form draws it.
  const [widths, setWidths] = useState<number[] | null>(null);
  const fitToRows = (api: GridApi<DeptTask> | null) => {
    const header = hostRef.current?.querySelector<HTMLElement>('.ag-header')?.offsetHeight;
    if (!api || api.isDestroyed() || !header) return;
    const list = current();
    const rows = list.reduce((sum, t) => sum + (heights.get(api as GridApi, t.id) ?? 0), 0);
    setFitHeight(list.length ? Math.min(MAX_HEIGHT, header + rows + 2) : EMPTY_HEIGHT);
  };
  useEffect(() => heights.apply(apiRef.current), [heights, tasks]);
  // fitToRows reads the store and the grid; the rows and the column widths are what change its result
  useEffect(() => fitToRows(apiRef.current), [tasks, widths]);

  const current = (): DeptTask[] => editor.get().doc?.deptWide?.tasks ?? [];
  const at = (c: Cell) => current()[c.row];
  const write = (changes: { cell: Cell; text: string }[], label?: string) => {
    const d = editor.get().doc;
    const list = changes.flatMap(({ cell, text }) => { const t = at(cell); return t ? [{ taskId: t.id, field: TASK_FIELDS[cell.col], text }] : []; });
    if (d && list.length) run(() => editor.dispatch(setTaskCellsEdit(d, list, label)));
  };
  const insert = (where: 'above' | 'below') => {
    const d = editor.get().doc!;
    const n = current().length;
    const a = n ? ctl.sel.active : null;
    const index = a ? (where === 'above' ? a.row : a.row + 1) : n;
    const { edit, id } = insertDeptTask(d, index);
    editor.dispatch(edit);
    const row = editor.get().doc!.deptWide!.tasks.findIndex((t) => t.id === id);
    ctl.selectCell(row, 'name');
  };
  const remove = () => {
    const a = ctl.sel.active;
    const b = ctl.block();
    const ids = current().slice(b.r0, b.r1 + 1).map((t) => t.id);
    if (!ids.length) return;
    if (editor.dispatch(deleteRows(editor.get().doc!, ids, `删除 ${ids.length} 项年度主要任务`)) && current().length) ctl.selectCell(Math.min(b.r0, current().length - 1), TASK_FIELDS[a.col], 'nearest');
  };
  const move = (delta: -1 | 1) => {
    const t = at(ctl.sel.active);
    const edit = t ? moveRow(editor.get().doc!, t.id, delta) : null;
    if (edit) { editor.dispatch(edit); ctl.selectCell(ctl.sel.active.row + delta, TASK_FIELDS[ctl.sel.active.col]); }
  };
  const menuItems: MenuItem[] = [
    { label: '在上方插入任务', action: () => insert('above') },
    { label: '在下方插入任务', command: 'insert-below', action: () => insert('below') },
    { separator: true, label: '' },
    { label: '上移', command: 'move-up', action: () => move(-1) },
    { label: '下移', command: 'move-down', action: () => move(1) },
    { label: '删除行', command: 'delete-rows', action: remove },
  ];
  const model: GridModel = {
    columns: TASK_FIELDS,
    rowCount: () => current().length,
    span: (r) => ({ top: r, bottom: r }),
    text: (c) => at(c)?.[TASK_FIELDS[c.col]] ?? '',
    copyText: (c) => { const t = at(c); const f = TASK_FIELDS[c.col]; return t ? (AMOUNT.has(f) ? formatAmount(t[f], unitRef.current) : t[f]) : ''; },
    // A refused amount is said at the cell; the document is unchanged.
    commit: (c, text) => {
      const d = editor.get().doc;
      const t = at(c);
      if (!d || !t) return true;
      const field = TASK_FIELDS[c.col];
      try { editor.dispatch(setTaskCellsEdit(d, [{ taskId: t.id, field, text }])); } catch (e) { if (e instanceof CommandError) return e.message; throw e; }
      // 50000元 in a 万元 document was stored as 5: said, as in the other grids.
      const note = AMOUNT.has(field) ? noteOf(text, d.meta.unit) : null;
      if (note) editor.toast(note);
      return true;
    },
    commitMany: (changes, label) => write(changes, label),
    // As in the other grids: rows past the end are added, in the same undo step; amounts are
    // converted with a note or left out with the reason, columns past the right edge are said.
    paste: (c, matrix) => {
      const res = pasteDeptTasks(editor.get().doc!, c.row, c.col, matrix);
      editor.dispatch(res.edit);
      editor.toast(pasteMessage(res, labels[TASK_FIELDS[TASK_FIELDS.length - 1]]), res.dropped.count || res.problems.length ? 'error' : 'info');
    },
    command: rowCommands({ move, insertBelow: () => insert('below'), remove }),
    menuItems: () => menuItems,
  };
  const { ctl, menu } = useCellController(hostRef, model);
  const gridProps = useMemo(() => {
    const base = spreadsheetGridProps<DeptTask>({ rowId: (t) => t.id, heights, apiRef, ctl, widthsKey: 'deptTasks' });
    const measure = (api: GridApi<DeptTask>) => { setWidths(TASK_FIELDS.map((f) => api.getColumn(f)?.getActualWidth() ?? 0)); fitToRows(api); };
    return {
      ...base,
      onGridSizeChanged: (e) => { base.onGridSizeChanged?.(e); measure(e.api); },
      onColumnResized: (e) => { base.onColumnResized?.(e); measure(e.api); },
      onDisplayedColumnsChanged: (e) => measure(e.api),
    } satisfies typeof base;
  }, [heights, ctl]);
  // A jump to a task's cell (find, 审核结果): the selection is state, so it holds once the rows render.
  const focusRequest = useEditor((s) => s.focusRequest);
  const handledSeq = useRef(0);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq || !rendered) return;
    const row = tasks.findIndex((t) => t.id === focusRequest.rowId);
    if (row < 0) return;
    handledSeq.current = focusRequest.seq;
    ctl.selectCell(row, (TASK_FIELDS as readonly string[]).includes(focusRequest.field) ? focusRequest.field : 'name');
  }, [focusRequest, tasks, ctl, rendered]);
  const columnDefs = useMemo<ColDef<DeptTask>[]>(() => TASK_FIELDS.map((f) => ({
    colId: f, field: f, headerName: labels[f], flex: SHARES[f], minWidth: 80, sortable: false, suppressMovable: true, wrapText: !AMOUNT.has(f),
    ...(AMOUNT.has(f) ? { type: 'rightAligned', cellClass: 'amount', valueFormatter: (p: ValueFormatterParams<DeptTask>) => formatAmount(p.value ?? '', unitRef.current) } : {}),
  })), [labels]);

  return (
    <div className="project-indicators">
      <div className="subtoolbar">
        <span className="subtitle">年度主要任务</span>
        <button onClick={() => insert('above')} data-testid="task-insert-above">上方插入</button>
        <button onClick={() => insert('below')} data-testid="task-insert-below">下方插入</button>
        <button onClick={remove} data-testid="task-delete">删除</button>
        <button onClick={() => move(-1)}>上移</button>
        <button onClick={() => move(1)}>下移</button>
      </div>
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid="dept-task-grid" style={fitHeight ? { height: fitHeight } : undefined}>
        <AgGridReact<DeptTask> {...gridProps} rowData={tasks} columnDefs={columnDefs}
          onFirstDataRendered={(e) => { gridProps.onFirstDataRendered?.(e); setRendered(true); }}
          overlayNoRowsTemplate={'<span class="empty-hint">还没有年度主要任务：点击“下方插入”。</span>'} />
        {menu}
      </div>
      <TotalRow widths={widths} />
    </div>
  );
}

/** What a typed amount was converted from (50000元 → 5 万元), as the grids say it; null when read as is. */
function noteOf(text: string, unit: '万元' | '元'): string | null {
  const a = parseAmountInput(text, unit);
  return a.ok ? a.note : null;
}

/** A field of the table itself (部门职能职责概述, 年度总体目标, 金额合计 and its 财政拨款 / 其他资金):
 * committed on blur (one undo step each); an amount is read as typed, refused at the field with the
 * reason; a 审核 finding there (金额合计 ≠ the tasks' sum) marks it as the grids mark their cells. */
function DeptField({ field, multiline, className }: { field: DeptWideField; multiline?: boolean; className?: string }) {
  const stored = useEditor((s) => s.doc!.deptWide?.[field] ?? '');
  const findings = useEditor((s) => s.findings);
  const issues = useMemo(() => findings.filter((f) => f.path.rowId === DEPT_WIDE_ID && f.path.field === field), [findings, field]);
  const mark = useDiffMarks().get(cellKey(DEPT_WIDE_ID, field));
  const amount = field === 'total' || field === 'totalFiscal' || field === 'totalOther';
  const write = (value: string) => run(() => { const edit = setDeptWideFieldEdit(editor.get().doc!, field, value); if (edit) editor.dispatch(edit); });
  return <FormField stored={stored} write={write} dataField={field} label={DEPT_WIDE_FIELD_LABEL[field]} amount={amount ? 'money' : undefined}
    multiline={multiline} className={className} findings={issues.length ? issues : undefined} mark={mark} testId={`dept-${field}`} />;
}

/** 金额合计 under the task grid: its label over 任务名称 and 主要内容, the sums under 总额 / 财政拨款 / 其他资金. */
function TotalRow({ widths }: { widths: number[] | null }) {
  const w = (i: number) => (widths ? { width: widths[i], flex: 'none' } : { flex: SHARES[TASK_FIELDS[i]] });
  const label = useEditor((s) => getTargetProfile(s.doc!.meta.templateId)?.header.find((h) => h.field === 'deptWide.total')?.label ?? '金额合计');
  return (
    <div className="task-total-row" data-testid="dept-total-row">
      <div className="label" style={widths ? { width: widths[0] + widths[1], flex: 'none' } : { flex: SHARES.name + SHARES.content }}>{label}</div>
      <div style={w(2)}><DeptField field="total" /></div>
      <div style={w(3)}><DeptField field="totalFiscal" /></div>
      <div style={w(4)}><DeptField field="totalOther" /></div>
    </div>
  );
}

/** A jump to a field of the table (find, 审核结果) focuses it and selects its text. */
function useDeptFieldFocus(host: React.RefObject<HTMLElement | null>) {
  const focusRequest = useEditor((s) => s.focusRequest);
  const handledSeq = useRef(0);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq || focusRequest.rowId !== DEPT_WIDE_ID) return;
    const el = host.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${focusRequest.field}"]`);
    if (!el) return;
    handledSeq.current = focusRequest.seq;
    el.scrollIntoView({ block: 'nearest' });
    el.focus();
    el.select();
  }, [focusRequest, host]);
}

export function DeptWideView() {
  const doc = useEditor((s) => s.doc!);
  const dw = doc.deptWide;
  const unit = doc.meta.unit;
  const sum = tasksTotal(doc);
  const mismatch = !!dw && dw.total !== '' && sum !== '' && compareAmounts(dw.total, sum) !== 0;
  const indicators = useMemo(() => ({ id: DEPT_WIDE_ID, indicators: dw?.indicators ?? [] }), [dw?.indicators]);
  const profile = getTargetProfile(doc.meta.templateId);
  const labelOf = (field: `deptWide.${string}`, fallback: string) => profile?.header.find((h) => h.field === field)?.label ?? fallback;
  // 部门职能职责概述: where the form prints it, or the document has it (an imported form did): nothing hidden.
  const showFunctions = dw?.functions !== undefined || printsDeptFunctions(profile);
  const host = useRef<HTMLDivElement>(null);
  useDeptFieldFocus(host);
  // A finding about the indicator list as a whole (a required 一级 missing): its first row, or
  // the insert button of an empty list.
  const focusRequest = useEditor((s) => s.focusRequest);
  useEffect(() => {
    if (focusRequest?.rowId !== DEPT_WIDE_ID || focusRequest.field !== 'indicators') return;
    const first = editor.get().doc?.deptWide?.indicators[0];
    if (first) editor.focusCell(first.id, 'level1');
    else document.querySelector<HTMLElement>('[data-testid="dept-indicator-grid"]')?.parentElement?.querySelector<HTMLElement>('[data-testid="pi-insert-below"]')?.focus();
  }, [focusRequest]);
  return (
    <div className="projects-view">
      <div className="project-form" data-testid="dept-wide" ref={host}>
        <h2 className="project-heading">{doc.meta.deptName || '（部门名称）'}{doc.meta.year}年部门（单位）整体支出绩效目标表 <span className="unit">单位：{unit}</span></h2>
        <TaskGrid tasks={dw?.tasks ?? []} />
        <div className={`sum-line${mismatch ? ' mismatch' : ''}`} data-testid="dept-task-sum">
          各任务总额之和 = {sum === '' ? '—' : formatAmount(sum, unit)} {unit}
          {mismatch && <strong>{'\u3000'}与金额合计 {formatAmount(dw!.total, unit)} 不一致</strong>}
        </div>
        <table className="form-table">
          <tbody>
            {showFunctions && (
              <tr>
                <th>{labelOf('deptWide.functions', '部门职能职责概述')}</th>
                <td><DeptField field="functions" multiline className="wide tall" /></td>
              </tr>
            )}
            <tr>
              <th>{labelOf('deptWide.goal', '年度总体目标')}</th>
              <td><DeptField field="goal" multiline className="wide tall" /></td>
            </tr>
          </tbody>
        </table>
        <ProjectIndicatorGrid project={indicators} />
      </div>
    </div>
  );
}
