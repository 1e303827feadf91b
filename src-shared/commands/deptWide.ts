// The department-wide table (部门（单位）整体支出绩效目标表, schema v3): 年度主要任务 rows, 金额合计,
// 年度总体目标 and its indicators. Each command is one undo step; the table is created by the first
// edit that needs it (a document of a form with the table starts without one).
import { newDeptTask, newDeptWide, newProjectIndicator, sumAmounts, type DeptTask, type JixiaoDocument, type ProjectIndicator } from '../model';
import { parseAmountInput } from '../model/amount-input';
import { CommandError, Draft } from './commands';
import type { Edit } from './patch';

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

/** 年度总体目标 or 金额合计 (as typed: the audit compares it with the tasks). */
export function setDeptWideFieldEdit(doc: JixiaoDocument, field: 'goal' | 'total', text: string): Edit | null {
  const d = new Draft(doc);
  let value = text;
  if (field === 'total') {
    const a = parseAmountInput(text, doc.meta.unit);
    if (!a.ok) throw new CommandError(a.reason);
    value = a.amount;
  }
  if ((doc.deptWide?.[field] ?? '') === value) return null;
  ensure(d);
  d.set(['deptWide', field], value);
  return d.finish(field === 'goal' ? '编辑年度总体目标' : '编辑金额合计');
}

/** The tasks' 总额 added up ('' when none is filled). */
export function tasksTotal(doc: JixiaoDocument): string {
  return sumAmounts((doc.deptWide?.tasks ?? []).map((t) => t.total));
}
