// 查找和替换 over the department-wide table (issue 18): its tasks, 金额合计, 年度总体目标 and
// indicators are cells like any other — named as the 审核 names them, in the 当前表 scope of its tab
// and in 全文, amounts found as shown and replaced only as valid amounts (converted with a note).
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../commands';
import { DEPT_WIDE_ID, DeptTaskSchema, DeptWideSchema, DocumentSchema, newDeptTask, newDeptWide, newDocument, newProject, newProjectIndicator, type JixiaoDocument } from '../model';
import { validateDocument } from '../validate';
import { findingCells } from '../validate/types';
import { documentCells, findAll, replaceAll, replaceOne, type FindOptions } from './index';

const ALL: FindOptions = { wholeCell: false, matchCase: false, matchWidth: false, scope: { table: 'all' } };
const DEPT: FindOptions = { ...ALL, scope: { table: 'deptWide' } };

function doc(): JixiaoDocument {
  const d = newDocument({ templateId: 'national-88-dept', deptName: '某县卫生健康局', year: 2027 });
  d.deptWide = newDeptWide({
    goal: '提升2026年基本公共卫生服务水平',
    total: '170',
    tasks: [
      newDeptTask({ id: 't1', name: '公共卫生服务2026', content: '家庭医生签约服务', total: '120', fiscal: '100', other: '20' }),
      newDeptTask({ id: 't2', name: '疾病预防控制', content: '2026年免疫规划', total: '50', fiscal: '50', other: '' }),
    ],
    indicators: [
      newProjectIndicator({ id: 'd1', level1: '产出指标', level2: '数量指标', name: '家庭医生签约人数', value: '≥2026人', remark: '2026年口径' }),
      newProjectIndicator({ id: 'd2', level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', value: '≥90%', weight: '10' }),
    ],
  });
  d.projects.push(newProject('national-88-dept', { id: 'p1', name: '2026年项目', indicators: [] }));
  return d;
}

describe('find in the department-wide table', () => {
  it('searches its tasks, 金额合计, 年度总体目标 and indicators, between the duty table and the projects', () => {
    const d = doc();
    const hits = findAll(d, '2026', ALL);
    expect(hits.map((h) => [h.cell.table.table, h.cell.rowId, h.cell.field])).toEqual([
      ['deptWide', 't1', 'name'], ['deptWide', 't2', 'content'], ['deptWide', DEPT_WIDE_ID, 'goal'],
      ['deptWide', 'd1', 'value'], ['deptWide', 'd1', 'remark'],
      ['project', 'p1', 'name'],
    ]);
    expect(hits.map((h) => h.where).slice(0, 5)).toEqual([
      '部门整体 › 年度主要任务 › 公共卫生服务2026 › 任务名称',
      '部门整体 › 年度主要任务 › 疾病预防控制 › 主要内容',
      '部门整体 › 年度总体目标',
      '部门整体 › 产出指标 › 家庭医生签约人数 › 指标值',
      '部门整体 › 产出指标 › 家庭医生签约人数 › 备注',
    ]);
    expect(hits[3].cell.path).toEqual(['deptWide', 'indicators', 0, 'value']);
    // 当前表 on the department-wide tab: that table only
    expect(findAll(d, '2026', DEPT).map((h) => h.cell.table.table)).toEqual(Array(5).fill('deptWide'));
    expect(findAll(d, '2026', { ...ALL, scope: { table: 'project', projectId: 'p1' } })).toHaveLength(1);
    // a table kept from another form has no tab to go to: not searched
    expect(findAll({ ...d, meta: { ...d.meta, templateId: 'hebei-2020' } }, '2026', ALL).map((h) => h.cell.table.table)).toEqual(['project']);
  });

  it('finds amounts as shown: task amounts and 金额合计 in the document’s unit, weights as typed', () => {
    const d = doc();
    const hits = findAll(d, '120.00', { ...DEPT, wholeCell: true });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ where: '部门整体 › 年度主要任务 › 公共卫生服务2026 › 总额', cell: { kind: 'money', rowId: 't1', field: 'total' } });
    expect(findAll(d, '170.00', DEPT)[0]).toMatchObject({ where: '部门整体 › 金额合计', cell: { kind: 'money', rowId: DEPT_WIDE_ID, field: 'total', path: ['deptWide', 'total'] } });
    expect(findAll(d, '10', { ...DEPT, wholeCell: true })[0]).toMatchObject({ cell: { kind: 'number', rowId: 'd2', field: 'weight' } });
  });

  it('covers every field of its schema (a new field must be classified here)', () => {
    const keys = (s: { shape: object }) => Object.keys(s.shape);
    expect(keys(DeptTaskSchema).filter((k) => !['id', 'from'].includes(k))).toEqual(['name', 'content', 'total', 'fiscal', 'other']);
    const own = ['functions', 'goal', 'total', 'totalFiscal', 'totalOther'];
    expect(keys(DeptWideSchema).filter((k) => !['tasks', 'indicators'].includes(k)).sort()).toEqual(own);
    const full = doc();
    Object.assign(full.deptWide!, { functions: '负责全县卫生健康工作', totalFiscal: '150', totalOther: '20' });
    const reached = new Set(documentCells(full).map((c) => c.path.join('.')));
    for (const f of ['name', 'content', 'total', 'fiscal', 'other']) expect(reached.has(`deptWide.tasks.0.${f}`), f).toBe(true);
    for (const f of own) expect(reached.has(`deptWide.${f}`), f).toBe(true);
    expect(findAll(full, '150.00', DEPT)[0]).toMatchObject({ where: '部门整体 › 金额合计（财政拨款）', cell: { kind: 'money', field: 'totalFiscal' } });
    for (const f of ['level1', 'level2', 'name', 'value', 'remark']) expect(reached.has(`deptWide.indicators.0.${f}`), f).toBe(true);
    expect(reached.has('deptWide.indicators.1.weight')).toBe(true);
  });

  it('names a cell as the 审核 does (same where, row id and field)', () => {
    const d = doc();
    const inds = d.deptWide!.indicators;
    inds[0].level1 = '产出';
    inds[1].value = '≥9090%';
    inds.push(newProjectIndicator({ level1: '效益指标', level2: '质量指标', name: '群众满意度', value: '完成' }));
    const cells = validateDocument(d).flatMap(findingCells).filter((c) => c.text !== '' && c.where.startsWith('部门整体 ›'));
    expect(cells.length).toBeGreaterThanOrEqual(3);
    for (const f of cells) {
      const hit = findAll(d, f.text, { ...DEPT, wholeCell: true, matchCase: true, matchWidth: true }).find((h) => h.cell.rowId === f.path.rowId && h.cell.field === f.path.field);
      expect(hit, `${f.where} “${f.text}”`).toBeDefined();
      expect(hit!.where).toBe(f.where);
    }
  });
});

describe('replace in the department-wide table', () => {
  it('replace all is one command over its texts; one undo restores them', () => {
    const d = doc();
    const r = replaceAll(d, '2026', '2027', DEPT);
    expect(r).toMatchObject({ replaced: 5, cells: 5, skipped: [] });
    const next = applyEdit(d, r.edit!);
    expect(next.deptWide!.tasks[0].name).toBe('公共卫生服务2027');
    expect(next.deptWide!.goal).toBe('提升2027年基本公共卫生服务水平');
    expect(next.deptWide!.indicators[0]).toMatchObject({ value: '≥2027人', remark: '2027年口径' });
    expect(next.projects[0].name).toBe('2026年项目'); // 当前表 only
    expect(DocumentSchema.safeParse(next).success).toBe(true);
    expect(applyEdit(next, r.edit!, 'undo')).toEqual(d);
  });

  it('an amount takes a replacement as typing it would: 元 converted with a note, a percent refused with the reason', () => {
    const d = doc();
    const whole = { ...DEPT, wholeCell: true };
    const ok = replaceAll(d, '120.00', '1500000元', whole);
    expect(applyEdit(d, ok.edit!).deptWide!.tasks[0].total).toBe('150');
    expect(ok.notes).toEqual(['已按万元换算：1500000元 = 150万元']);
    const total = findAll(d, '170.00', whole)[0];
    const bad = replaceOne(d, total, '170.00', '25%', whole);
    expect(bad.edit).toBeNull();
    expect(bad.skipped).toEqual([expect.objectContaining({ where: '部门整体 › 金额合计', text: '170.00', result: '25%' })]);
    expect(bad.skipped[0].reason).toContain('不是有效的金额');
    // a weight stays a number
    const w = replaceAll(d, '10', '十成', whole);
    expect(w.edit).toBeNull();
    expect(w.skipped[0].reason).toContain('不是有效的数字');
  });
});
