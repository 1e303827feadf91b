// 部门（单位）整体支出绩效目标表 (issue 18), for a form whose profile has the table (national-88-dept):
// 年度主要任务 (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金) with 金额合计, 年度总体目标, and the
// table's indicators in the profile's columns (the project indicator grid, owner DEPT_WIDE_ID).
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, ValueFormatterParams } from 'ag-grid-community';
import {
  CommandError, DEPT_WIDE_ID, deleteRows, insertDeptTask, moveRow, pasteDeptTasks, pasteMessage, setDeptWideFieldEdit, setTaskCellsEdit, TASK_FIELDS, tasksTotal, type TaskField,
} from '../../src-shared/commands';
import { compareAmounts, DEPT_TASK_LABEL, formatAmount, type DeptTask } from '../../src-shared/model';
import { getTargetProfile } from '../../src-shared/profile';
import type { Cell } from '../../src-shared/grid';
import { editor, useEditor } from '../app/store';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from '../grid/agGrid';
import { RowHeightKeeper, rowHeights } from '../grid/rowHeights';
import { rowCommands, spreadsheetGridProps, useCellController, type GridModel, type MenuItem } from '../grid/gridKit';
import { ProjectIndicatorGrid } from '../grid/ProjectIndicatorGrid';

registerGridModules();

const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };
const SHARES: Record<TaskField, number> = { name: 18, content: 40, total: 12, fiscal: 12, other: 12 };
const AMOUNT = new Set<TaskField>(['total', 'fiscal', 'other']);

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
  useEffect(() => heights.apply(apiRef.current), [heights, tasks]);

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
      try { editor.dispatch(setTaskCellsEdit(d, [{ taskId: t.id, field: TASK_FIELDS[c.col], text }])); } catch (e) { if (e instanceof CommandError) return e.message; throw e; }
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
  const gridProps = useMemo(() => spreadsheetGridProps<DeptTask>({ rowId: (t) => t.id, heights, apiRef, ctl, widthsKey: 'deptTasks' }), [heights, ctl]);
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
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid="dept-task-grid">
        <AgGridReact<DeptTask> {...gridProps} rowData={tasks} columnDefs={columnDefs}
          onFirstDataRendered={(e) => { gridProps.onFirstDataRendered?.(e); setRendered(true); }}
          overlayNoRowsTemplate={'<span class="empty-hint">还没有年度主要任务：点击“下方插入”。</span>'} />
        {menu}
      </div>
    </div>
  );
}

/** The field on screen for a cell of the table: 金额合计's 财政拨款 / 其他资金 (printed by imported forms) are not
 * fields of their own here, so a finding or hit there goes to 金额合计. */
const fieldShownAt = (field: string) => (field === 'totalFiscal' || field === 'totalOther' ? 'total' : field);

/** 年度总体目标 / 金额合计: committed on blur (one undo step each); a refused amount stays red with the reason. */
function DeptField({ field, label, multiline }: { field: 'goal' | 'total'; label: string; multiline?: boolean }) {
  const unit = useEditor((s) => s.doc!.meta.unit);
  const stored = useEditor((s) => s.doc!.deptWide?.[field] ?? '');
  const shown = field === 'total' ? formatAmount(stored, unit) : stored;
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState<string | null>(null);
  // A 审核 finding at this field (金额合计 ≠ the tasks' sum) marks it as the grids mark their cells.
  const issue = useEditor((s) => s.findings.find((f) => f.path.rowId === DEPT_WIDE_ID && fieldShownAt(f.path.field) === field));
  const editing = useRef(false);
  useEffect(() => { if (!editing.current) setText(shown); }, [shown]);
  // A jump to 金额合计 / 年度总体目标 (find, 审核结果) selects the field's text.
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const focusRequest = useEditor((s) => s.focusRequest);
  const handledSeq = useRef(0);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq || focusRequest.rowId !== DEPT_WIDE_ID || fieldShownAt(focusRequest.field) !== field || !ref.current) return;
    handledSeq.current = focusRequest.seq;
    ref.current.scrollIntoView({ block: 'nearest' });
    ref.current.focus();
    ref.current.select();
  }, [focusRequest, field]);
  const commit = () => {
    editing.current = false;
    try {
      const edit = setDeptWideFieldEdit(editor.get().doc!, field, text);
      setBad(null);
      if (edit) editor.dispatch(edit);
    } catch (e) { if (e instanceof CommandError) setBad(e.message); else throw e; }
  };
  const props = {
    ref, className: `field${bad || issue?.severity === 'error' ? ' cell-error' : issue ? ' cell-warning' : ''}${field === 'total' ? ' amount' : ''}${multiline ? ' wide tall' : ''}`, value: text, title: bad ?? issue?.message, 'aria-label': label, 'data-testid': `dept-${field}`,
    onFocus: () => { editing.current = true; }, onChange: (e: { target: { value: string } }) => setText(e.target.value), onBlur: commit,
  };
  return multiline ? <textarea {...props} rows={3} /> : <input {...props} onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }} />;
}

export function DeptWideView() {
  const doc = useEditor((s) => s.doc!);
  const dw = doc.deptWide;
  const unit = doc.meta.unit;
  const sum = tasksTotal(doc);
  const mismatch = !!dw && dw.total !== '' && sum !== '' && compareAmounts(dw.total, sum) !== 0;
  const indicators = useMemo(() => ({ id: DEPT_WIDE_ID, indicators: dw?.indicators ?? [] }), [dw?.indicators]);
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
      <div className="project-form" data-testid="dept-wide">
        <h2 className="project-heading">{doc.meta.deptName || '（部门名称）'}{doc.meta.year}年部门（单位）整体支出绩效目标表 <span className="unit">单位：{unit}</span></h2>
        <TaskGrid tasks={dw?.tasks ?? []} />
        <table className="form-table">
          <tbody>
            <tr>
              <th>金额合计</th>
              <td><DeptField field="total" label="金额合计" /></td>
              <td>
                <div className={`sum-line${mismatch ? ' mismatch' : ''}`} data-testid="dept-task-sum">
                  各任务总额之和 = {sum === '' ? '—' : formatAmount(sum, unit)} {unit}
                  {mismatch && <strong>{'\u3000'}与金额合计 {formatAmount(dw!.total, unit)} 不一致</strong>}
                </div>
              </td>
            </tr>
            <tr>
              <th>年度总体目标</th>
              <td colSpan={2}><DeptField field="goal" label="年度总体目标" multiline /></td>
            </tr>
          </tbody>
        </table>
        <ProjectIndicatorGrid project={indicators} />
      </div>
    </div>
  );
}
