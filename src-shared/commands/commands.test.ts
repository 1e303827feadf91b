import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, newDeptTask, newDocument, newProject, type JixiaoDocument } from '../model';
import {
  applyEdit, countChildren, deleteRows, dutyCellValue, dutyRows, insertActivity, insertDutyIndicator, moveRow,
  deletionSummary, pasteColumns, pasteMessage, pasteDutyBlock, pasteProjectIndicatorBlock, setCellEdit, switchUnitEdit, duplicateProject, setMetaEdit, insertIndicators, sortIndicatorsByTemplate,
} from './index';

const load = (name: string): JixiaoDocument =>
  DocumentSchema.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8')));

describe('commands', () => {
  const doc = load('linxi-2019');

  it('setCell edits one cell and undo restores it with structural sharing', () => {
    const edit = setCellEdit(doc, 'lxd1a1i1', 'bands.1', '≥95%')!;
    const next = applyEdit(doc, edit);
    expect(next.dutyTable.duties[0].activities[0].indicators[0].bands[1]).toBe('≥95%');
    expect(next.dutyTable.duties[1]).toBe(doc.dutyTable.duties[1]); // untouched duty keeps identity
    expect(next.projects).toBe(doc.projects);
    const back = applyEdit(next, edit, 'undo');
    expect(back).toEqual(doc);
  });

  it('setCell returns null when nothing changes and rejects bad amounts', () => {
    expect(setCellEdit(doc, 'lxd1', 'title', doc.dutyTable.duties[0].title)).toBeNull();
    expect(() => setCellEdit(doc, 'lxd1', 'budget', '12a')).toThrow();
  });

  it('insert activity/indicator renumbers rows and spans', () => {
    const before = dutyRows(doc);
    const { edit, id } = insertActivity(doc, 'lxd1', 0);
    const d1 = applyEdit(doc, edit);
    const rows = dutyRows(d1);
    expect(rows.length).toBe(before.length + 1);
    expect(rows[1]).toMatchObject({ ownerId: id, number: '1、', first: true });
    expect(rows.find((r) => r.ownerId === 'lxd1a1')!.number).toBe('2、');
    const ind = insertDutyIndicator(d1, id, 1);
    const d2 = applyEdit(d1, ind.edit);
    expect(dutyRows(d2).filter((r) => r.ownerId === id).map((r) => r.first)).toEqual([true, false]);
    expect(applyEdit(applyEdit(d2, ind.edit, 'undo'), edit, 'undo')).toEqual(doc);
  });

  it('delete counts children and is undoable; move swaps siblings', () => {
    expect(countChildren(doc, 'lxd1')).toBeGreaterThan(1);
    const del = deleteRows(doc, ['lxd1'])!;
    const after = applyEdit(doc, del);
    expect(after.dutyTable.duties.length).toBe(doc.dutyTable.duties.length - 1);
    expect(applyEdit(after, del, 'undo')).toEqual(doc);
    const mv = moveRow(doc, doc.dutyTable.duties[1].id, -1)!;
    expect(applyEdit(doc, mv).dutyTable.duties[0].id).toBe(doc.dutyTable.duties[1].id);
    expect(moveRow(doc, doc.dutyTable.duties[0].id, -1)).toBeNull();
  });

  it('unit switch converts every amount exactly and back', () => {
    const laishui = load('laishui-2020-a');
    const e1 = switchUnitEdit(laishui, '元')!;
    const yuan = applyEdit(laishui, e1);
    expect(yuan.meta.unit).toBe('元');
    const p = laishui.projects.find((x) => x.budget !== '')!;
    const py = yuan.projects.find((x) => x.id === p.id)!;
    expect(Number(py.budget)).toBeCloseTo(Number(p.budget) * 10000, 6);
    expect(py.schedule).toEqual(p.schedule); // percents are not money
    const back = applyEdit(yuan, switchUnitEdit(yuan, '万元')!);
    expect(back).toEqual(laishui);
    expect(setMetaEdit(laishui, { unit: '元' })!.redo.length).toBe(e1.redo.length);
  });

  it('unit switch converts the 88号 amounts (中期资金总额, 上年结转) and the department-wide table\'s too; absent ones stay absent', () => {
    const doc = newDocument({ templateId: 'national-88-dept' });
    doc.projects = [newProject('national-88-dept', { budget: '120', midTermTotal: '360', carryOver: '0.5', midTermFiscal: '300' })];
    doc.deptWide = { ...doc.deptWide!, total: '100', totalFiscal: '80', tasks: [newDeptTask({ total: '100', fiscal: '80', other: '' })] };
    const yuan = applyEdit(doc, switchUnitEdit(doc, '元')!);
    const p = yuan.projects[0];
    expect([p.budget, p.midTermTotal, p.carryOver, p.midTermFiscal, p.midTermOther]).toEqual(['1200000', '3600000', '5000', '3000000', undefined]);
    expect('midTermOther' in p).toBe(false);
    expect([yuan.deptWide!.total, yuan.deptWide!.tasks[0].total, yuan.deptWide!.tasks[0].fiscal, yuan.deptWide!.tasks[0].other]).toEqual(['1000000', '1000000', '800000', '']);
    // 金额合计 of 财政拨款 (an imported form's) converts too; the absent 其他资金 sum stays absent
    expect([yuan.deptWide!.totalFiscal, 'totalOther' in yuan.deptWide!]).toEqual(['800000', false]);
    expect(applyEdit(yuan, switchUnitEdit(yuan, '万元')!)).toEqual(doc);
    // a header amount typed in the form is checked as an amount
    expect(() => setCellEdit(doc, doc.projects[0].id, 'midTermTotal', '三百')).toThrow('不是有效的金额');
  });

  it('duplicateProject gives new ids', () => {
    const laishui = load('laishui-2020-a');
    const { edit, id } = duplicateProject(laishui, laishui.projects[0].id);
    const next = applyEdit(laishui, edit);
    const copy = next.projects[1];
    expect(copy.id).toBe(id);
    expect(copy.indicators.length).toBe(laishui.projects[0].indicators.length);
    expect(copy.indicators[0].id).not.toBe(laishui.projects[0].indicators[0].id);
  });
});

describe('paste', () => {
  const doc = load('linxi-2019');
  it('pastes a block into existing indicator cells as one edit', () => {
    const rows = dutyRows(doc);
    const r = rows.findIndex((x) => x.indicatorId === 'lxd1a1i1');
    const res = pasteDutyBlock(doc, r, 4, [['指标X', '100%', '≥90%']]);
    const next = applyEdit(doc, res.edit!);
    expect(next.dutyTable.duties[0].activities[0].indicators[0]).toMatchObject({ name: '指标X', bands: ['100%', '≥90%', '≥80%', '<80%'] });
    expect(applyEdit(next, res.edit!, 'undo')).toEqual(doc);
  });

  it('grows the table with new activities and indicators at the end', () => {
    const rows = dutyRows(doc);
    const block = [
      ['1、新活动', '12.5', '描述\n两行', '目标', '指标一', '100%', '≥90%', '≥80%', '<80%'],
      ['', '', '', '', '指标二', '≥10', '≥8', '≥5', '<5'],
      ['新活动二', 'abc', '', '', '指标三', '', '', '', ''],
    ];
    const res = pasteDutyBlock(doc, rows.length, 0, block);
    const next = applyEdit(doc, res.edit!);
    const nrows = dutyRows(next);
    expect(nrows.length).toBe(rows.length + 3);
    const lastDuty = next.dutyTable.duties.at(-1)!;
    const a1 = lastDuty.activities.at(-2)!;
    expect(a1).toMatchObject({ title: '新活动', budget: '12.5', description: '描述\n两行' });
    expect(a1.indicators.map((i) => i.name)).toEqual(['指标一', '指标二']);
    expect(lastDuty.activities.at(-1)!.title).toBe('新活动二');
    expect(res.problems).toHaveLength(1); // 'abc' is not an amount: reported
    expect(dutyCellValue(next, nrows.at(-1)!, 'name')).toBe('指标三');
  });

  it('project indicator paste grows rows and repeats merged 一级/二级', () => {
    const laishui = load('laishui-2020-a');
    const p = laishui.projects[0];
    const res = pasteProjectIndicatorBlock(laishui, p.id, p.indicators.length, 0, [
      ['产出指标', '数量指标', '人数', '描述', '≥10人', '计划标准'],
      ['', '', '次数', '', '≥2次', '计划标准'],
    ]);
    const next = applyEdit(laishui, res.edit!);
    const inds = next.projects[0].indicators;
    expect(inds.length).toBe(p.indicators.length + 2);
    expect(inds.at(-1)).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '次数', value: '≥2次' });
  });

  it('pasting into an empty table creates a duty to hold the activities', () => {
    const empty = { ...doc, dutyTable: { duties: [], note: '' } };
    const res = pasteDutyBlock(empty, 0, 0, [['活动甲', '1', '', '', '指标', '100%', '', '', '']]);
    const next = applyEdit(empty, res.edit!);
    expect(next.dutyTable.duties).toHaveLength(1);
    expect(next.dutyTable.duties[0].activities[0]).toMatchObject({ title: '活动甲', budget: '1' });
    expect(next.dutyTable.duties[0].activities[0].indicators[0].bands[0]).toBe('100%');
  });

  it('按模板顺序排列指标 reorders the document itself in one undo step', () => {
    const laishui = load('laishui-2020-a');
    const p = laishui.projects[0];
    const typed = [...p.indicators].reverse(); // the clerk typed them in another order
    const start: JixiaoDocument = { ...laishui, projects: [{ ...p, indicators: typed }, ...laishui.projects.slice(1)] };
    const edit = sortIndicatorsByTemplate(start, p.id)!;
    expect(edit.label).toBe('按模板顺序排列指标');
    const sorted = applyEdit(start, edit);
    // hebei-2020: 产出(数量, 质量, 时效…), 效果, 满意度 — 质量 now before 时效, as the template has it.
    expect(sorted.projects[0].indicators.map((i) => i.level2)).toEqual(['质量指标', '时效指标', '社会效益指标', '社会效益指标', '服务对象满意度指标']);
    expect(sorted.projects[0].indicators.slice(2, 4)).toEqual(typed.slice(1, 3)); // equal categories keep their order
    expect(new Set(sorted.projects[0].indicators)).toEqual(new Set(typed)); // same rows, none lost
    expect(applyEdit(sorted, edit, 'undo')).toEqual(start);
    expect(sortIndicatorsByTemplate(sorted, p.id)).toBeNull(); // already in order
  });
});

describe('insertIndicators (from the 指标库)', () => {
  it('inserts several rows into a project or an activity as one undo step', () => {
    const doc = load('laishui-2020-a');
    const p = doc.projects[1];
    const r = insertIndicators(doc, p.id, 1, [
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '甲', value: '≥90%' },
      { level1: '产出指标', name: '乙', bands: ['1', '2', '3', '4'] },
    ], '从指标库插入')!;
    const next = applyEdit(doc, r.edit);
    const rows = next.projects[1].indicators;
    expect(rows.length).toBe(p.indicators.length + 2);
    expect(rows.slice(1, 3).map((x) => [x.name, x.level1, x.value])).toEqual([['甲', '满意度指标', '≥90%'], ['乙', '产出指标', '']]);
    expect(rows.slice(1, 3).map((x) => x.id)).toEqual(r.ids);
    expect(rows[1]).not.toHaveProperty('bands');
    expect(applyEdit(next, r.edit, 'undo')).toEqual(doc);

    const act = load('linxi-2019').dutyTable.duties[0].activities[0];
    const d = insertIndicators(load('linxi-2019'), act.id, 99, [{ name: '丙', bands: ['≥95%', '≥90%', '≥80%', '<80%'], level1: 'x' }], '从指标库插入')!;
    const ind = applyEdit(load('linxi-2019'), d.edit).dutyTable.duties[0].activities[0].indicators.at(-1)!;
    expect(ind).toMatchObject({ name: '丙', bands: ['≥95%', '≥90%', '≥80%', '<80%'] });
    expect(ind).not.toHaveProperty('level1');
    expect(insertIndicators(doc, p.id, 0, [], 'x')).toBeNull();
    expect(() => insertIndicators(doc, 'nope', 0, [{ name: 'x' }], 'x')).toThrow();
  });
});

describe('block delete and wide paste', () => {
  const doc = load('linxi-2019');

  it('deletionSummary counts the rows chosen and everything that goes with them', () => {
    // Two activities of 临西 duty 1 (1 and 4 indicators) and an indicator of the first one (counted with it).
    expect(deletionSummary(doc, ['lxd1a1', 'lxd1a2', 'lxd1a1i1'])).toEqual({ rows: 2, ask: true, message: '将删除 2 行（含 2 个工作活动、5 个绩效指标），确定吗？（可撤销）' });
    // One indicator: no question; one activity with its indicator: asked.
    expect(deletionSummary(doc, ['lxd1a1i1']).ask).toBe(false);
    expect(deletionSummary(doc, ['lxd1a1'])).toMatchObject({ rows: 1, ask: true, message: '将删除 1 行（含 1 个工作活动、1 个绩效指标），确定吗？（可撤销）' });
    const laishui = load('laishui-2020-a');
    const ids = laishui.projects[0].indicators.slice(0, 3).map((i) => i.id);
    expect(deletionSummary(laishui, ids).message).toBe('将删除 3 行（含 3 个指标），确定吗？（可撤销）');
    // deleteRows takes them all as one edit, and undo brings them all back.
    const edit = deleteRows(laishui, ids)!;
    expect(applyEdit(laishui, edit).projects[0].indicators.length).toBe(laishui.projects[0].indicators.length - 3);
    expect(applyEdit(applyEdit(laishui, edit), edit, 'undo')).toEqual(laishui);
  });

  it('a block as wide as the table starts at its first column; a wider one names what it drops', () => {
    // The case: a whole 6-column indicator table pasted on 三级指标 goes in from 一级指标.
    expect(pasteColumns(2, [['a', 'b', 'c', 'd', 'e', 'f']], 6)).toEqual({ col: 0, width: 6, dropped: { count: 0, firstRow: [] } });
    expect(pasteColumns(2, [['x'], ['三级', '描述', '值', '依据', '多1']], 6)).toEqual({ col: 2, width: 4, dropped: { count: 1, firstRow: ['多1'] } });
    expect(pasteColumns(0, [['a', 'b', 'c', 'd', 'e', 'f', '']], 6)).toEqual({ col: 0, width: 6, dropped: { count: 1, firstRow: [''] } });
    const laishui = load('laishui-2020-a');
    const p = laishui.projects[0];
    const res = pasteProjectIndicatorBlock(laishui, p.id, 0, 2, [['名', '述', '≥1', '依据', '备注']]);
    expect(res).toMatchObject({ rows: 1, cols: 4, dropped: { count: 1, firstRow: ['备注'] } });
    expect(pasteMessage(res, '指标值确定依据')).toBe('已粘贴 1 行 × 4 列；超出表格的 1 列未粘贴（“指标值确定依据”右侧：“备注”）');
    const whole = pasteProjectIndicatorBlock(laishui, p.id, 0, 3, [['产出指标', '数量指标', '名', '述', '≥1', '依据']]);
    const after = applyEdit(laishui, whole.edit!).projects[0].indicators[0];
    expect(after).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '名', basis: '依据' });
    expect(pasteMessage(whole, '指标值确定依据')).toBe('已粘贴 1 行 × 6 列');
  });
});
