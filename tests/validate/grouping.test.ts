// One cause, one finding: grouped findings on the Laishui seed, their one-step fix, the rules that
// stay per cell, the severity levels and the code table of docs/validation.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit, fixFindingEdit } from '../../src-shared/commands';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { CODES, GROUP_POLICIES, RULES, countBySeverity, createIncrementalValidator, findingCells, validateDocument } from '../../src-shared/validate';

const load = (name: string): JixiaoDocument => DocumentSchema.parse(JSON.parse(readFileSync(new URL(`../fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8')));
const laishui = load('laishui-2020-a');
const linxi = load('linxi-2019');

describe('one cause, one finding', () => {
  it('Laishui: 93 nonstandard 依据 on 12 projects are 12 提示, one per project, naming its cells', () => {
    const before = laishui.projects.reduce((n, p) => n + p.indicators.length, 0);
    const f = validateDocument(laishui).filter((x) => x.code === 'basis.nonstandard');
    expect(f).toHaveLength(12);
    expect(f.reduce((n, x) => n + x.cells!.length, 0)).toBe(before);
    expect(f[0].where).toBe(`项目 1 › 指标值确定依据（${laishui.projects[0].indicators.length} 个单元格）`);
    expect(f[0].message).toContain('冀财社【2019】74号');
    expect(f[0].text).toBe(f[0].cells![0].text); // a consumer reading one cell per finding sees the first
  });

  it('one fix for all the cells of a group, one undo step', () => {
    const f = validateDocument(laishui).find((x) => x.code === 'basis.nonstandard' && x.where.startsWith('项目 3 '))!;
    const edit = fixFindingEdit(laishui, f)!;
    expect(edit.label).toBe(`采用建议（${f.cells!.length} 处）`);
    const fixed = applyEdit(laishui, edit);
    expect(fixed.projects[2].indicators.every((i) => i.basis === '计划标准')).toBe(true);
    expect(validateDocument(fixed).filter((x) => x.code === 'basis.nonstandard' && x.where.startsWith('项目 3 '))).toEqual([]);
    expect(fixed.projects[3]).toBe(laishui.projects[3]); // other projects untouched
    expect(applyEdit(fixed, edit, 'undo')).toEqual(laishui);
  });

  it('the same wrong 一级 on many rows is one error; each empty 指标值 stays its own', () => {
    const doc = structuredClone(laishui);
    const p = doc.projects[0];
    p.indicators.slice(0, 3).forEach((i) => { i.level1 = '产出'; });
    p.indicators[3].value = '';
    p.indicators[4].value = '';
    const fs = validateDocument(doc).filter((x) => x.where.startsWith('项目 1 '));
    const vocab = fs.filter((x) => x.code === 'vocab.level1-unknown');
    expect(vocab).toHaveLength(1);
    expect(vocab[0]).toMatchObject({ severity: 'error', suggestion: '产出指标' });
    expect(findingCells(vocab[0]).map((c) => c.path.rowId)).toEqual(p.indicators.slice(0, 3).map((i) => i.id));
    expect(vocab[0].message).toMatch(/^3 个指标的一级指标“产出”/);
    const empty = fs.filter((x) => x.code === 'text.empty-required');
    expect(empty.map((x) => x.path.rowId)).toEqual([p.indicators[3].id, p.indicators[4].id]);
    expect(empty.every((x) => x.cells === undefined)).toBe(true);
  });

  it('per-cell mistakes stay per cell: typed-over numbers, duplicated indicators, band gaps', () => {
    const fs = validateDocument(laishui);
    expect(fs.filter((x) => x.code === 'value.duplicated-digits')).toHaveLength(11);
    const doc = structuredClone(linxi);
    const act = doc.dutyTable.duties[0].activities[0];
    act.indicators.push({ ...act.indicators[0], id: 'dup1' }, { ...act.indicators[0], id: 'dup2' });
    act.indicators[0].bands = ['>90%', '>80%', '>70%', '<60%'];
    act.indicators[1].bands = ['>90%', '>80%', '>70%', '<60%'];
    const out = validateDocument(doc);
    expect(out.filter((x) => x.code === 'text.duplicate-indicator').map((x) => x.path.rowId)).toEqual(['dup1', 'dup2']);
    expect(out.filter((x) => x.code === 'band.gap')).toHaveLength(2);
    expect(out.every((x) => x.code === 'basis.nonstandard' || x.code === 'value.spelling' || x.cells === undefined)).toBe(true);
  });

  it('two reasons with the same fix stay two findings: a document number, and 预算支出标准 outside 成本', () => {
    const doc = structuredClone(laishui);
    const p = doc.projects[0];
    p.indicators.forEach((i, k) => { i.basis = k < 2 ? '预算支出标准' : '冀财社【2019】74号'; });
    const f = validateDocument(doc).filter((x) => x.code === 'basis.nonstandard' && x.where.startsWith('项目 1 '));
    expect(f.map((x) => x.cells!.length)).toEqual([2, p.indicators.length - 2]);
    expect(f[0].message).toBe('2 个非成本指标的依据“预算支出标准”只适用于成本指标，建议都改为“计划标准”');
    expect(f.every((x) => x.suggestion === '计划标准')).toBe(true);
  });

  it('a single cell is an ordinary finding (no cells array)', () => {
    const doc = structuredClone(linxi);
    doc.projects = [structuredClone(laishui.projects[0])];
    doc.projects[0].indicators.forEach((i, k) => { i.basis = k === 0 ? '上级要求' : '计划标准'; });
    const f = validateDocument(doc).filter((x) => x.code === 'basis.nonstandard');
    expect(f).toHaveLength(1);
    expect(f[0].cells).toBeUndefined();
    expect(f[0].message).toContain('上级要求');
  });

  it('the editor\'s incremental validator groups the same way', () => {
    const v = createIncrementalValidator();
    v.validate(laishui);
    const edited = { ...laishui, projects: laishui.projects.map((p, k) => (k === 4 ? { ...p, indicators: p.indicators.map((i) => ({ ...i, basis: '其他' })) } : p)) };
    expect(v.validate(edited)).toEqual(validateDocument(edited));
  });
});

describe('severity', () => {
  it('提示 are style only and are not counted as errors or warnings', () => {
    const n = countBySeverity(validateDocument(laishui));
    expect(n).toEqual({ error: 10, warning: 12, info: expect.any(Number) });
    expect(validateDocument(laishui).filter((x) => x.severity === 'info').map((x) => x.code).sort().filter((c, k, a) => a.indexOf(c) === k))
      .toEqual(['basis.nonstandard', 'value.no-operator', 'value.rate-over-100']);
  });

  it('grouping policies name registered codes, one rule per code', () => {
    const declared = RULES.flatMap((r) => Object.keys(r.groups ?? {}));
    expect(new Set(declared).size).toBe(declared.length);
    for (const c of GROUP_POLICIES.keys()) expect(CODES).toContain(c);
  });

  it('docs/validation.md lists every code with its level', () => {
    const text = readFileSync(new URL('../../docs/validation.md', import.meta.url), 'utf8');
    const doc = text.slice(text.indexOf('### 代码表'));
    for (const code of [...CODES, 'internal.rule-failed']) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\``));
      expect(row, code).toBeDefined();
      expect(row!.split('|')[2], code).toMatch(/错误|警告|提示/);
    }
  });
});

describe('cell marks in the editor', () => {
  it('every cell of a grouped error or warning is marked; 提示 mark none', async () => {
    const { indexFindings, cellKey } = await import('../../src-renderer/app/validation');
    const doc = structuredClone(laishui);
    const p = doc.projects[0];
    p.indicators.slice(0, 3).forEach((i) => { i.level1 = '产出'; });
    const fs = validateDocument(doc);
    const marks = indexFindings(fs);
    for (const i of p.indicators.slice(0, 3)) expect(marks.get(cellKey(i.id, 'level1'))?.[0].code).toBe('vocab.level1-unknown');
    expect(fs.some((f) => f.severity === 'info' && f.path.rowId === p.indicators[0].id)).toBe(true);
    expect(marks.has(cellKey(p.indicators[0].id, 'basis'))).toBe(false);
  });
});
