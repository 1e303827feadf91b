import { describe, expect, it } from 'vitest';
import { newDocument, type JixiaoDocument } from '../model';
import { CommandError, deleteRows, deletionSummary, insertIndicators } from './commands';
import { DEPT_WIDE_ID, insertDeptIndicator, insertDeptTask, pasteDeptTasks, setDeptWideFieldEdit, setTaskCellsEdit, tasksTotal } from './deptWide';
import { pasteMessage } from './paste';
import { pasteIndicatorCells, setIndicatorCellsEdit } from './indicatorCells';
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

  it('金额合计’s 财政拨款 / 其他资金 and 部门职能职责概述 take typed text: amounts read exactly, one undo step each; absent stays absent when left empty', () => {
    const doc = newDocument({ templateId: 'national-88-dept', unit: '万元' });
    expect(doc.deptWide?.totalFiscal).toBeUndefined();
    // leaving an absent field empty is no edit (it stays absent, nothing appears in the export)
    for (const f of ['totalFiscal', 'totalOther', 'functions'] as const) expect(setDeptWideFieldEdit(doc, f, '')).toBeNull();
    const fiscal = setDeptWideFieldEdit(doc, 'totalFiscal', '50000元')!;
    expect(fiscal.label).toBe('编辑金额合计（财政拨款）');
    let d = apply(doc, fiscal);
    expect(d.deptWide?.totalFiscal).toBe('5');
    expect(JSON.stringify(applyPatches(d, fiscal.undo).deptWide)).not.toContain('totalFiscal');
    expect(setDeptWideFieldEdit(d, 'totalFiscal', '5.00')).toBeNull();
    expect(() => setDeptWideFieldEdit(d, 'totalOther', '25%')).toThrow(CommandError);
    expect(() => setDeptWideFieldEdit(d, 'totalOther', 'abc')).toThrow(/不是有效的金额/);
    d = apply(d, setDeptWideFieldEdit(d, 'totalOther', '1.5'));
    expect(d.deptWide?.totalOther).toBe('1.5');
    const functions = setDeptWideFieldEdit(d, 'functions', '负责全县卫生健康工作。\n指导基层医疗。')!;
    expect(functions.label).toBe('编辑部门职能职责概述');
    d = apply(d, functions);
    expect(d.deptWide?.functions).toBe('负责全县卫生健康工作。\n指导基层医疗。');
    // emptied, a field the document had stays, as '' (the form still prints its row)
    d = apply(d, setDeptWideFieldEdit(d, 'functions', ''));
    expect(d.deptWide?.functions).toBe('');
  });

  it('its indicators take typed cells like a project’s', () => {
    const doc = newDocument({ templateId: 'national-88-dept' });
    const { edit, id } = insertDeptIndicator(doc, 0);
    const d = apply(doc, edit);
    expect(apply(d, setIndicatorCellsEdit(d, [{ rowId: id, column: 'value', text: '≥75%' }], false)).deptWide?.indicators[0].value).toBe('≥75%');
  });

  it('a block taller than the task rows adds rows in the same undo step; amounts converted with a note or left out with the reason', () => {
    const doc = newDocument({ templateId: 'national-88-dept' });
    const first = insertDeptTask(doc, 0, { name: '旧任务' });
    const d = apply(doc, first.edit);
    const res = pasteDeptTasks(d, 0, 0, [
      ['公共卫生服务', '家庭医生签约', '120', '100', '20'],
      ['疾病预防控制', '免疫规划', '50000元', '5', '0'],
      ['卫生监督', '执法检查', '二十万', 'abc', ''],
    ]);
    const after = apply(d, res.edit);
    const tasks = after.deptWide!.tasks;
    expect(tasks).toHaveLength(3);
    expect(tasks[0]).toMatchObject({ id: first.id, name: '公共卫生服务', content: '家庭医生签约', total: '120', fiscal: '100', other: '20' });
    expect(tasks[1]).toMatchObject({ name: '疾病预防控制', total: '5', fiscal: '5', other: '0' });
    // 二十万 is read as typed (20 万元); abc is not an amount: that cell is left as it was, with the reason
    expect(tasks[2]).toMatchObject({ name: '卫生监督', content: '执法检查', total: '20', fiscal: '', other: '' });
    expect(res.notes).toEqual(expect.arrayContaining(['已按万元换算：50000元 = 5万元']));
    expect(res.problems).toEqual([expect.objectContaining({ row: 2, col: 3, text: 'abc' })]);
    expect(res.problems[0].message).toContain('不是有效的金额');
    expect(pasteMessage(res, '其他资金')).toMatch(/^已粘贴 3 行 × 5 列；已按万元换算 \d+ 个金额：.*50000元 = 5万元.*；1 个单元格未粘贴：/);
    // one undo step removes the added rows and restores the first
    expect(applyPatches(after, res.edit!.undo)).toEqual(d);
  });

  it('a narrower block starts at the selected column; what is past the right edge is said, not pasted', () => {
    const doc = newDocument({ templateId: 'national-88-dept' });
    const res = pasteDeptTasks(doc, 0, 3, [['10', '2', '多出']]);
    const after = apply(doc, res.edit);
    expect(after.deptWide!.tasks[0]).toMatchObject({ name: '', total: '', fiscal: '10', other: '2' });
    expect(res.dropped).toEqual({ count: 1, firstRow: ['多出'] });
  });

  it('its indicator grid takes a block taller than its rows too (rows added, one undo step)', () => {
    const doc = newDocument({ templateId: 'national-88-dept' });
    const d = apply(doc, insertDeptIndicator(doc, 0).edit);
    const res = pasteIndicatorCells(d, DEPT_WIDE_ID, 0, 0, [
      ['产出指标', '数量指标', '签约人数', '≥2000人', ''],
      ['', '', '随访人次', '≥5000人次', '季度'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', ''],
    ], ['level1', 'level2', 'level3', 'value', 'remark'], false);
    const after = apply(d, res.edit);
    expect(after.deptWide!.indicators.map((i) => [i.level1, i.name, i.value, i.remark])).toEqual([
      ['产出指标', '签约人数', '≥2000人', ''], ['产出指标', '随访人次', '≥5000人次', '季度'], ['满意度指标', '满意度', '≥90%', ''],
    ]);
    expect(applyPatches(after, res.edit!.undo)).toEqual(d);
    // 权重 (a structured form's column) is read as typed: converted with a note, or left out with the reason
    const w = pasteIndicatorCells(after, DEPT_WIDE_ID, 0, 0, [['十分'], ['10%']], ['weight'], false);
    expect(apply(after, w.edit).deptWide!.indicators.map((i) => i.weight)).toEqual(['10', undefined, undefined]);
    expect(w.notes).toEqual(['已按数字读取：十分 = 10分']);
    expect(w.problems).toEqual([expect.objectContaining({ row: 1, col: 0, text: '10%' })]);
    expect(w.problems[0].message).toContain('这里应填分数');
  });

  it('指标库 entries go into the table (created when absent) as one undo step', () => {
    const doc: JixiaoDocument = { ...newDocument({ templateId: 'national-88-dept' }), deptWide: undefined };
    const r = insertIndicators(doc, DEPT_WIDE_ID, 0, [{ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', value: '≥90%', bands: ['a', 'b', 'c', 'd'] }], '从指标库插入指标')!;
    const after = apply(doc, r.edit);
    expect(after.deptWide!.indicators).toEqual([expect.objectContaining({ id: r.ids[0], level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', value: '≥90%' })]);
    expect(after.deptWide!.indicators[0]).not.toHaveProperty('bands');
    expect(applyPatches(after, r.edit.undo).deptWide).toBeUndefined();
  });
});
