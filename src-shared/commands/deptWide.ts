// The department-wide table (部门（单位）整体支出绩效目标表, schema v3): 年度主要任务 rows, 金额合计,
// 年度总体目标 and its indicators. Each command is one undo step; the table is created by the first
// edit that needs it (a document of a form with the table starts without one).
import { newDeptTask, newDeptWide, newProjectIndicator, sumAmounts, type DeptTask, type JixiaoDocument, type ProjectIndicator } from '../model';
import { parseAmountInput } from '../model/amount-input';
import { CommandError, Draft, refuseUnsavable } from './commands';
import type { Edit } from './patch';
import { pasteColumns, type PasteResult } from './paste';
import { pastedAmount, pastedText, type PasteLog } from './pasteValues';

export { DEPT_WIDE_ID } from '../model';

export const TASK_FIELDS = ['name', 'content', 'total', 'fiscal', 'other'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];
const TASK_AMOUNTS = new Set<TaskField>(['total', 'fiscal', 'other']);

function ensure(d: Draft): void {
  if (!d.doc.deptWide) d.set(['deptWide'], newDeptWide());
}

function insertInto<T>(d: Draft, list: 'tasks' | 'indicators', index: number, item: T): void {
  ensure(d);
  const arr = d.get(['deptWide', list]) as T[];
  const i = Math.max(0, Math.min(index, arr.length));
  d.set(['deptWide', list], [...arr.slice(0, i), item, ...arr.slice(i)]);
}

export function insertDeptTask(doc: JixiaoDocument, index: number, init: Partial<DeptTask> = {}): { edit: Edit; id: string } {
  const d = new Draft(doc);
  const t = newDeptTask(init);
  insertInto(d, 'tasks', index, t);
  return { edit: d.finish('插入年度主要任务')!, id: t.id };
}

export function insertDeptIndicator(doc: JixiaoDocument, index: number, init: Partial<ProjectIndicator> = {}): { edit: Edit; id: string } {
  const d = new Draft(doc);
  const ind = newProjectIndicator(init);
  insertInto(d, 'indicators', index, ind);
  return { edit: d.finish('插入指标')!, id: ind.id };
}

/** Write typed task cells (amounts parsed exactly); throws CommandError (Chinese) when refused. */
export function setTaskCellsEdit(doc: JixiaoDocument, changes: { taskId: string; field: TaskField; text: string }[], label = '编辑单元格'): Edit | null {
  const d = new Draft(doc);
  for (const c of changes) {
    const i = d.doc.deptWide?.tasks.findIndex((t) => t.id === c.taskId) ?? -1;
    if (i < 0) throw new CommandError(`找不到任务 ${c.taskId}`);
    refuseUnsavable(c.text);
    let value = c.text;
    if (TASK_AMOUNTS.has(c.field)) {
      const a = parseAmountInput(value, doc.meta.unit);
      if (!a.ok) throw new CommandError(a.reason);
      value = a.amount;
    }
    d.set(['deptWide', 'tasks', i, c.field], value);
  }
  return d.finish(label);
}

/**
 * Paste a block into the 年度主要任务 grid at (anchorRow, anchorCol), as the other grids paste:
 * rows past the end become new tasks (one undo step with the cells), the columns go where
 * pasteColumns says (a whole-width block from the first column; what is past the right edge is not
 * pasted and said), amounts are read as typed — converted into the document's unit with a note,
 * or left out with the reason.
 */
export function pasteDeptTasks(doc: JixiaoDocument, anchorRow: number, anchorCol: number, matrix: string[][]): PasteResult {
  const log: PasteLog = { problems: [], notes: [] };
  const { col, width, dropped } = pasteColumns(anchorCol, matrix, TASK_FIELDS.length);
  const d = new Draft(doc);
  ensure(d);
  const start = Math.max(0, Math.min(anchorRow, d.doc.deptWide!.tasks.length));
  for (let r = 0; r < matrix.length; r++) {
    const i = start + r;
    const tasks = d.doc.deptWide!.tasks;
    if (i >= tasks.length) d.set(['deptWide', 'tasks'], [...tasks, newDeptTask()]);
    for (let c = 0; c < width; c++) {
      const field = TASK_FIELDS[col + c];
      const text = matrix[r][c] ?? '';
      if (pastedText(text, r, c, log) === null) continue;
      const value = TASK_AMOUNTS.has(field) ? pastedAmount(text, doc.meta.unit, r, c, log) : text;
      if (value !== null) d.set(['deptWide', 'tasks', i, field], value);
    }
  }
  return { edit: d.finish(`粘贴 ${matrix.length} 行`), problems: log.problems, notes: log.notes, rows: matrix.length, cols: width, dropped };
}

/** The department-wide table's own fields (not the tasks, not the indicators). */
export const DEPT_WIDE_FIELDS = ['functions', 'goal', 'total', 'totalFiscal', 'totalOther'] as const;
export type DeptWideField = (typeof DEPT_WIDE_FIELDS)[number];
const WIDE_AMOUNTS = new Set<DeptWideField>(['total', 'totalFiscal', 'totalOther']);
const WIDE_EDIT_LABEL: Record<DeptWideField, string> = {
  functions: '编辑部门职能职责概述', goal: '编辑年度总体目标', total: '编辑金额合计', totalFiscal: '编辑金额合计（财政拨款）', totalOther: '编辑金额合计（其他资金）',
};

/** 部门职能职责概述, 年度总体目标 or 金额合计 and its 财政拨款 / 其他资金 (amounts as typed, read exactly:
 * the audit compares them with the tasks). An absent optional field left empty stays absent. */
export function setDeptWideFieldEdit(doc: JixiaoDocument, field: DeptWideField, text: string): Edit | null {
  const d = new Draft(doc);
  refuseUnsavable(text);
  let value = text;
  if (WIDE_AMOUNTS.has(field)) {
    const a = parseAmountInput(text, doc.meta.unit);
    if (!a.ok) throw new CommandError(a.reason);
    value = a.amount;
  }
  if ((doc.deptWide?.[field] ?? '') === value) return null;
  ensure(d);
  d.set(['deptWide', field], value);
  return d.finish(WIDE_EDIT_LABEL[field]);
}

/** The tasks' 总额 added up ('' when none is filled). */
export function tasksTotal(doc: JixiaoDocument): string {
  return sumAmounts((doc.deptWide?.tasks ?? []).map((t) => t.total));
}
