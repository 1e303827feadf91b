import { describe, expect, it } from 'vitest';
import { newDocument, type JixiaoDocument } from '../model';
import { CommandError, deleteRows, deletionSummary } from './commands';
import { insertDeptIndicator, insertDeptTask, setDeptWideFieldEdit, setTaskCellsEdit, tasksTotal } from './deptWide';
import { setIndicatorCellsEdit } from './indicatorCells';
import { applyPatches, type Edit } from './patch';

const apply = (doc: JixiaoDocument, edit: Edit | null) => applyPatches(doc, edit!.redo);

describe('department-wide commands', () => {
  it('the first task creates the table; amounts are parsed exactly and added up; each edit is one undo step', () => {
    // A document that has no table yet (e.g. switched to this form from another).
    const doc: JixiaoDocument = { ...newDocument({ templateId: 'national-88-dept' }), deptWide: undefined };
    const a = insertDeptTask(doc, 0);
    let d = apply(doc, a.edit);
    expect(d.deptWide?.tasks.map((t) => t.id)).toEqual([a.id]);
    expect(applyPatches(d, a.edit.undo).deptWide).toBeUndefined();
    d = apply(d, setTaskCellsEdit(d, [{ taskId: a.id, field: 'name', text: '公共卫生' }, { taskId: a.id, field: 'total', text: '120.5万元' }]));
    const b = insertDeptTask(d, 1, { total: '30' });
    d = apply(d, b.edit);
    expect(tasksTotal(d)).toBe('150.5');
    expect(() => setTaskCellsEdit(d, [{ taskId: a.id, field: 'fiscal', text: 'abc' }])).toThrow(CommandError);
    d = apply(d, setDeptWideFieldEdit(d, 'total', '150.5'));
    expect(d.deptWide?.total).toBe('150.5');
    expect(setDeptWideFieldEdit(d, 'total', '150.5')).toBeNull();
    expect(deletionSummary(d, [a.id, b.id]).message).toBe('将删除 2 行（含 2 项年度主要任务），确定吗？（可撤销）');
    expect(apply(d, deleteRows(d, [a.id])).deptWide?.tasks.map((t) => t.id)).toEqual([b.id]);
  });

  it('its indicators take typed cells like a project’s', () => {
    const doc = newDocument({ templateId: 'national-88-dept' });
    const { edit, id } = insertDeptIndicator(doc, 0);
    const d = apply(doc, edit);
    expect(apply(d, setIndicatorCellsEdit(d, [{ rowId: id, column: 'value', text: '≥75%' }], false)).deptWide?.indicators[0].value).toBe('≥75%');
  });
});
