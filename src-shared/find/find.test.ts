import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit, getAt } from '../commands';
import {
  ActivitySchema, DocumentSchema, DutyIndicatorSchema, loadDocumentText, MetaSchema, ProjectIndicatorSchema, ProjectSchema,
  SelfEvalIndicatorSchema, SelfEvalSchema, type JixiaoDocument,
} from '../model';
import { validateDocument } from '../validate';
import { findingCells } from '../validate/types';
import {
  countMatches, documentCells, findAll, foldText, replaceAll, replaceOne, SELFEVAL_FIELDS,
  SELFEVAL_INDICATOR_FIELDS, type FindOptions,
} from './index';
import { FUND_ROW_LABEL, META_FIELD_LABEL } from '../model/labels';

const read = (rel: string) => readFileSync(new URL(`../../tests/fixtures/${rel}`, import.meta.url), 'utf8');
const seed = (name: string): JixiaoDocument => DocumentSchema.parse(JSON.parse(read(`seeds/${name}.jixiao`)));
const loaded = (rel: string): JixiaoDocument => {
  const r = loadDocumentText(read(rel));
  if (!r.ok) throw new Error(r.message);
  return r.document;
};
const linxi = seed('linxi-2019');
const laishui = seed('laishui-2020-a');
/** Both tables in one document: linxi's duty table, laishui's projects. */
const both: JixiaoDocument = { ...laishui, dutyTable: linxi.dutyTable };
const selfeval = loaded('frozen/v2-selfeval-from-links.jixiao');

const ALL: FindOptions = { wholeCell: false, matchCase: false, matchWidth: false, scope: { table: 'all' } };

describe('find', () => {
  it('searches every table: settings, duty table, projects, self-evaluation', () => {
    const doc: JixiaoDocument = { ...selfeval, dutyTable: { ...linxi.dutyTable, note: '注：劳动监察经费由基本支出安排。' } };
    const hits = findAll(doc, '劳动', ALL);
    const at = hits.map((h) => h.where);
    expect(at).toContain('文档设置 › 部门名称');
    expect(at).toContain('部门职责-工作活动 › 备注');
    expect(at).toContain('项目 1 › 项目名称');
    expect(at).toContain('项目 1 › 绩效自评 › 实施单位');
    expect(hits.some((h) => h.cell.table.table === 'duty' && h.cell.field === 'description')).toBe(true);
    // table order: settings, duty table, then the project and its self-evaluation
    const order = hits.map((h) => h.cell.table.table);
    expect(order.indexOf('meta')).toBeLessThan(order.indexOf('duty'));
    expect(order.lastIndexOf('duty')).toBeLessThan(order.indexOf('project'));
    expect(order.lastIndexOf('project')).toBeLessThan(order.indexOf('selfeval'));
    // self-evaluation indicators, with their own row id
    const actual = findAll(doc, '72.00', ALL);
    expect(actual).toHaveLength(1);
    expect(actual[0]).toMatchObject({ where: '项目 1 › 绩效自评 › 产出指标 › 日常检查企业数（家） › 实际完成值', cell: { rowId: 'se1', field: 'actual', path: ['projects', 0, 'selfeval', 'indicators', 0, 'actual'] } });
  });

  it('names a cell as the findings do (same where, same row id and field)', () => {
    // every cell of every finding (a grouped finding lists its cells), the self-evaluation's too
    const findings = [both, seed('selfeval-2019-a')].flatMap((d) => validateDocument(d).flatMap(findingCells).map((f) => ({ ...f, d })))
      .filter((f) => f.text !== '' && !f.path.field.startsWith('selfeval.funds.'));
    expect(findings.length).toBeGreaterThan(20);
    expect(findings.filter((f) => f.where.includes('绩效自评')).length).toBeGreaterThan(5);
    for (const { d, ...f } of findings) {
      const hit = findAll(d, f.text, { ...ALL, wholeCell: true, matchCase: true, matchWidth: true })
        .find((h) => h.cell.rowId === f.path.rowId && h.cell.field === f.path.field);
      expect(hit, `${f.where} “${f.text}”`).toBeDefined();
      expect(hit!.where).toBe(f.where);
    }
  });

  it('reports every match with its offsets, several per cell, never overlapping', () => {
    const hits = findAll(laishui, '【2019】', ALL);
    expect(hits.length).toBeGreaterThan(30);
    for (const h of hits) for (const [s, e] of h.ranges) expect(h.text.slice(s, e)).toBe('【2019】');
    const doc = structuredClone(laishui);
    doc.projects[0].purpose = 'aaaa 和 aa';
    const [h] = findAll(doc, 'aa', ALL);
    expect(h.ranges).toEqual([[0, 2], [2, 4], [7, 9]]);
    expect(countMatches(findAll(doc, 'aa', ALL))).toBe(3);
  });

  it('current table only: the duty table, or one project', () => {
    expect(findAll(both, '就业', { ...ALL, scope: { table: 'duty' } }).every((h) => h.cell.table.table === 'duty')).toBe(true);
    const p = both.projects[4];
    const hits = findAll(both, '2019', { ...ALL, scope: { table: 'project', projectId: p.id } });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.cell.table.table === 'project' && h.where.startsWith('项目 5 ›'))).toBe(true);
    expect(findAll(both, '2019', ALL).length).toBeGreaterThan(hits.length);
  });

  it('whole cell, case and full/half width as in Excel', () => {
    const doc = structuredClone(laishui);
    const inds = doc.projects[0].indicators;
    inds[0].basis = '冀财社【２０１９】74号';
    inds[1].basis = '计划标准';
    inds[2].basis = 'ABC标准';
    inds[3].basis = 'ａｂｃ标准';
    const basis = (q: string, o: Partial<FindOptions> = {}) =>
      findAll(doc, q, { ...ALL, scope: { table: 'project', projectId: doc.projects[0].id }, ...o }).filter((h) => h.cell.field === 'basis').map((h) => h.text);
    expect(basis('2019')).toContain('冀财社【２０１９】74号');
    expect(basis('2019', { matchWidth: true })).not.toContain('冀财社【２０１９】74号');
    expect(basis('abc')).toEqual(['ABC标准', 'ａｂｃ标准']);
    expect(basis('abc', { matchWidth: true })).toEqual(['ABC标准']);
    expect(basis('abc', { matchCase: true })).toEqual(['ａｂｃ标准']);
    expect(basis('计划标准', { wholeCell: true })).toEqual(['计划标准']);
    expect(basis('标准', { wholeCell: true })).toEqual([]);
    expect(foldText('ＡＢ　１％', ALL)).toBe('ab 1%');
  });

  it('finds amounts as shown (万元 with two decimals, schedule percents)', () => {
    const p5 = laishui.projects[4]; // budget 1673
    const hits = findAll(laishui, '1673.00', ALL);
    expect(hits.map((h) => h.cell.path)).toContainEqual(['projects', 4, 'budget']);
    expect(hits.find((h) => h.cell.field === 'budget')!).toMatchObject({ text: '1673.00', where: '项目 5 › 预算数', cell: { kind: 'money', rowId: p5.id } });
    const sched = findAll(laishui, '75.00', ALL).find((h) => h.cell.rowId === p5.id)!;
    expect(sched).toMatchObject({ where: '项目 5 › 资金支出计划 › 10月底', cell: { kind: 'percent', field: 'schedule.2' } });
    expect(findAll(laishui, '', ALL)).toEqual([]);
  });

  it('covers every text field of the schema (a new field must be classified here)', () => {
    const keys = (s: { shape: object }) => Object.keys(s.shape);
    const searched = (fields: string[], ignored: string[], schema: { shape: object }) =>
      expect(keys(schema).filter((k) => !fields.includes(k) && !ignored.includes(k))).toEqual([]);
    // ids, from links and choices are not texts; containers are walked
    searched(Object.keys(META_FIELD_LABEL), ['year', 'unit', 'templateId', 'selfevalTemplateId'], MetaSchema);
    searched(['title', 'budget', 'description', 'goal'], ['id', 'from', 'indicators'], ActivitySchema);
    searched(['name', 'bands'], ['id', 'from'], DutyIndicatorSchema);
    searched(['code', 'name', 'budget', 'fiscal', 'other', 'purpose', 'goal', 'schedule', 'authority', 'implementer', 'manager', 'attribute', 'period',
      'midTermTotal', 'midTermFiscal', 'midTermOther', 'carryOver', 'overallGoal'], ['id', 'from', 'indicators', 'selfeval'], ProjectSchema);
    // operator/number/unit are a second view of `value` (searched there); direction/scope/core are choices
    const views = ['operator', 'number', 'unit', 'direction', 'scope', 'core'];
    searched(['level1', 'level2', 'name', 'description', 'value', 'basis', 'weight', 'explanation', 'scoring', 'remark'], ['id', 'from', ...views], ProjectIndicatorSchema);
    searched(Object.keys(SELFEVAL_FIELDS), ['funds', 'level1Weights', 'indicators', 'grade', 'budgetRateRow', 'progressByRow'], SelfEvalSchema);
    searched(Object.keys(SELFEVAL_INDICATOR_FIELDS), ['id', 'from', 'achievement', ...views], SelfEvalIndicatorSchema);
    // and the walk reaches each of them: every field of the self-evaluation fixture holding text
    const full: JixiaoDocument = structuredClone(selfeval); // the v3 optional texts filled in
    Object.assign(full.projects[0].selfeval!, {
      budgetRateScoreText: '优', fundsReason: '原因', budgetRateRow: { name: '资金执行情况', target: '≥100%', actual: '98%' },
      conclusion: '结论', measures: '措施', manager: '王军', financeManager: '赵丽', progressByRow: { fiscal: '90%' },
    });
    Object.assign(full.projects[0].selfeval!.funds.spent, { fiscalSpecial: '1', unitOwn: '2' });
    Object.assign(full.projects[0].selfeval!.indicators[0], { scoreText: '良', explanation: '解释', scoring: '标准', remark: '备注' });
    const reached = new Set(documentCells(full).map((c) => c.path.join('.')));
    for (const f of ['name', 'target', 'actual']) expect(reached.has(`projects.0.selfeval.budgetRateRow.${f}`), f).toBe(true);
    expect(reached.has('projects.0.selfeval.progressByRow.fiscal')).toBe(true);
    for (const f of Object.keys(SELFEVAL_FIELDS)) expect(reached.has(`projects.0.selfeval.${f}`), f).toBe(true);
    for (const f of Object.keys(SELFEVAL_INDICATOR_FIELDS)) expect(reached.has(`projects.0.selfeval.indicators.0.${f}`), f).toBe(true);
    for (const f of Object.keys(FUND_ROW_LABEL)) expect(reached.has(`projects.0.selfeval.funds.spent.${f}`), f).toBe(true);
  });
});

describe('replace', () => {
  it('replace all is one command: every cell changes, one undo restores the document', () => {
    const before = findAll(both, '2019', ALL);
    const n = countMatches(before);
    expect(before.some((h) => h.cell.table.table === 'duty')).toBe(false); // linxi's duty table has no 2019…
    const doc: JixiaoDocument = structuredClone(both);
    doc.dutyTable.duties[0].activities[0].indicators[0].name = '2019年度就业率';
    const r = replaceAll(doc, '2019', '2020', ALL);
    expect(r.replaced).toBe(n + 1);
    expect(r.skipped).toEqual([]);
    const next = applyEdit(doc, r.edit!);
    expect(findAll(next, '2019', ALL)).toEqual([]);
    expect(next.dutyTable.duties[0].activities[0].indicators[0].name).toBe('2020年度就业率');
    expect(next.projects[4].name).toBe('2020年省级城乡居民养老保险补助资金（冀财社【2020】88号）');
    expect(countMatches(findAll(next, '2020', ALL))).toBe(countMatches(findAll(doc, '2020', ALL)) + n + 1);
    expect(next.dutyTable.duties[1]).toBe(doc.dutyTable.duties[1]); // untouched rows keep identity
    expect(applyEdit(next, r.edit!, 'undo')).toEqual(doc);
    expect(r.edit!.label).toContain(`${n + 1} 处`);
    expect(DocumentSchema.safeParse(next).success).toBe(true);
  });

  it('whole-cell replace changes only cells that equal the text', () => {
    const doc: JixiaoDocument = structuredClone(laishui);
    doc.projects[0].indicators[0].description = '政府批示文件';
    const r = replaceAll(doc, '政府批示', '计划标准', { ...ALL, wholeCell: true });
    const next = applyEdit(doc, r.edit!);
    const count = (d: JixiaoDocument, t: string) => d.projects.flatMap((p) => p.indicators).filter((i) => i.basis === t).length;
    expect(r.cells).toBe(56);
    expect(count(next, '政府批示')).toBe(0);
    expect(count(next, '计划标准')).toBe(count(doc, '计划标准') + 56);
    expect(next.projects[0].indicators[0].description).toBe('政府批示文件');
  });

  it('an amount takes a replacement only when it stays a valid amount; others are skipped with the reason', () => {
    const doc: JixiaoDocument = structuredClone(laishui);
    doc.projects[0].budget = '1673';
    doc.projects[0].name = '1673号项目';
    const bad = replaceAll(doc, '1673', '一千', ALL);
    const next = applyEdit(doc, bad.edit!);
    expect(next.projects[0].name).toBe('一千号项目');
    expect(next.projects[0].budget).toBe('1673');
    expect(next.projects[4].budget).toBe('1673');
    expect(bad.skipped.map((s) => s.where)).toEqual(['项目 1 › 预算数', '项目 5 › 预算数', '项目 5 › 财政资金']);
    expect(bad.skipped[0]).toMatchObject({ text: '1673.00', result: '一千.00' });
    expect(bad.skipped[0].reason).toContain('不是有效的金额');
    expect(DocumentSchema.safeParse(next).success).toBe(true);

    const good = replaceAll(doc, '1673.00', '１６８０．５', { ...ALL, wholeCell: true });
    const after = applyEdit(doc, good.edit!);
    expect(after.projects[4].budget).toBe('1680.5'); // stored canonical, typed in full width
    expect(good.skipped).toEqual([]);
    // a schedule percent that stops being a number is skipped too
    const sched = replaceAll(doc, '75.00', '七五', { ...ALL, scope: { table: 'project', projectId: doc.projects[4].id } });
    expect(sched.edit).toBeNull();
    expect(sched.skipped[0].reason).toContain('不是有效的百分比');
  });

  it('replace one changes the cell of that hit only, and refuses a stale hit', () => {
    const hits = findAll(laishui, '【2019】', ALL);
    const r = replaceOne(laishui, hits[1], '【2019】', '【2020】', ALL);
    const next = applyEdit(laishui, r.edit!);
    expect(getAt(next, hits[1].cell.path)).toBe(hits[1].text.replace('【2019】', '【2020】'));
    expect(findAll(next, '【2019】', ALL)).toHaveLength(hits.length - 1);
    expect(r).toMatchObject({ replaced: 1, cells: 1 });
    expect(replaceOne(next, hits[1], '【2019】', '【2020】', ALL).edit).toBeNull();
  });
});
