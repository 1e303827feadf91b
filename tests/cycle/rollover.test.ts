// 新年度 on documents imported from the fixtures' Word files (tests/fixtures/shared).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyYearProposals, diffDocuments, rollover } from '../../src-shared/cycle';
import { importOffice } from '../../src-shared/import';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { FIXTURE_DIR } from '../fixtures/paths';

const FIX = FIXTURE_DIR;

function load(name: string): JixiaoDocument {
  const r = importOffice(new Uint8Array(readFileSync(join(FIX, name))), name);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}
interface TruthProject { name: string; purpose: string; goal: string; indicators: { name: string; description: string; value: string; basis: string }[] }
const truth = (name: string) => JSON.parse(readFileSync(join(FIX, name), 'utf8')) as { project_tables: TruthProject[] };

const allIds = (d: JixiaoDocument) => [
  ...d.dutyTable.duties.flatMap((x) => [x.id, ...x.indicators.map((i) => i.id), ...x.activities.flatMap((a) => [a.id, ...a.indicators.map((i) => i.id)])]),
  ...d.projects.flatMap((p) => [p.id, ...p.indicators.map((i) => i.id)]),
];

describe('rollover of laishui-2020-a.docx', () => {
  const last = load('laishui-2020-a.docx');
  const { document: next, proposals } = rollover(last);

  it('is next year, keeps every row with new ids and from links, clears amounts and schedules', () => {
    expect(last.meta.year).toBe(2020);
    expect(next.meta.year).toBe(2021);
    expect(DocumentSchema.safeParse(next).success).toBe(true);
    expect(next.projects).toHaveLength(last.projects.length);
    const oldIds = new Set(allIds(last));
    expect(allIds(next).some((id) => oldIds.has(id))).toBe(false);
    last.projects.forEach((p, i) => {
      const q = next.projects[i];
      expect(q.from).toBe(p.id);
      expect(q.indicators.map((x) => x.from)).toEqual(p.indicators.map((x) => x.id));
      expect(q.indicators.map((x) => [x.value, x.basis, x.level1, x.level2])).toEqual(p.indicators.map((x) => [x.value, x.basis, x.level1, x.level2]));
      expect([q.budget, q.fiscal, q.other]).toEqual(['', '', '']);
      expect(q.schedule.every((s) => s === '')).toBe(true);
      expect(q.schedule).toHaveLength(p.schedule.length);
    });
    expect(last.projects[0].budget).toBe('6123');
  });

  it('proposes exactly the cells that name 2020年, as 2021年, and never touches 冀财社【2019】', () => {
    // Expected from the fixture's ground truth: every name/purpose/goal/description/value/basis with "2020年".
    const expected: string[] = [];
    for (const p of truth('laishui-2020-a.json').project_tables) {
      for (const t of [p.name, p.purpose, p.goal]) if (t.includes('2020年')) expected.push(t.replaceAll('2020年', '2021年'));
      for (const i of p.indicators) for (const t of [i.name, i.description, i.value, i.basis]) if (t.includes('2020年')) expected.push(t.replaceAll('2020年', '2021年'));
    }
    expect(expected.length).toBeGreaterThan(10);
    expect(proposals.map((p) => p.new).sort()).toEqual(expected.sort());
    for (const p of proposals) {
      expect(p.old.replaceAll('2020年', '2021年')).toBe(p.new);
      expect(p.new.match(/【2019】/g)?.length ?? 0).toBe(p.old.match(/【2019】/g)?.length ?? 0);
    }
    const named = proposals.find((p) => p.old === '2020年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）')!;
    expect(named).toMatchObject({ field: 'name', where: '项目 1 › 项目名称', new: '2021年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）' });
    expect(new Set(proposals.map((p) => p.id)).size).toBe(proposals.length);
  });

  it('applies only the ticked proposals', () => {
    const untick = proposals[0];
    const ticked = new Set(proposals.slice(1).map((p) => p.id));
    const applied = applyYearProposals(next, proposals, ticked);
    const p0 = applied.projects.find((p) => p.id === untick.rowId) ?? applied.projects.find((p) => p.indicators.some((i) => i.id === untick.rowId))!;
    const cellOf = (d: JixiaoDocument, rowId: string, field: string) => {
      const p = d.projects.find((x) => x.id === rowId);
      if (p) return (p as unknown as Record<string, string>)[field];
      const i = d.projects.flatMap((x) => x.indicators).find((x) => x.id === rowId)!;
      return (i as unknown as Record<string, string>)[field];
    };
    expect(p0).toBeDefined();
    expect(cellOf(applied, untick.rowId, untick.field)).toBe(untick.old);
    for (const p of proposals.slice(1)) expect(cellOf(applied, p.rowId, p.field)).toBe(p.new);
    expect(applyYearProposals(next, proposals, new Set())).toBe(next);
  });

  it('keeps amounts and schedules with keepAmounts, and goes to the given year', () => {
    const r = rollover(last, { year: 2023, keepAmounts: true });
    expect(r.document.meta.year).toBe(2023);
    expect(r.document.projects.map((p) => [p.budget, p.fiscal, p.schedule])).toEqual(last.projects.map((p) => [p.budget, p.fiscal, p.schedule]));
    expect(r.proposals.every((p) => p.new === p.old.replaceAll('2020年', '2023年'))).toBe(true);
  });

  it('drops the self-evaluation part of the old year', () => {
    const withSe = structuredClone(last);
    const fund = { total: '6123', fiscal: '6123', carryOver: '', other: '' };
    withSe.projects[0].selfeval = {
      implementer: '涞水县人力资源和社会保障局', authority: '涞水县人力资源和社会保障局',
      funds: { initial: fund, planned: fund, received: fund, spent: fund }, progress: '100', goal: '', achieved: '2020年度共支出6123万元',
      completionRate: '', level1Weights: [], indicators: [], budgetRateWeight: '10', budgetRateScore: '10', total: '', grade: '', problems: '', preparer: '', phone: '', date: '',
    };
    expect(DocumentSchema.safeParse(withSe).success).toBe(true);
    const r = rollover(withSe);
    expect(r.document.projects[0].selfeval).toBeUndefined();
    expect('selfeval' in r.document.projects[0]).toBe(false);
  });

  it('compared with its rollover: only the year replacements and the cleared amounts', () => {
    const applied = applyYearProposals(next, proposals);
    const report = diffDocuments(last, applied);
    const proposalCells = new Set(proposals.map((p) => `${p.rowId}:${p.field}`));
    for (const e of report.entries) {
      if (e.row === 'meta') { expect(e).toMatchObject({ field: 'year', old: '2020', new: '2021' }); continue; }
      if (e.kind === 'changed' && (e.field === 'budget' || e.field === 'fiscal' || e.field === 'other' || e.field!.startsWith('schedule.'))) { expect(e.new).toBe(''); continue; }
      expect(['renamed', 'changed']).toContain(e.kind);
      expect(proposalCells.has(`${e.rowId}:${e.field}`)).toBe(true);
      expect(e.old.replaceAll('2020年', '2021年')).toBe(e.new);
    }
    expect(report.entries.filter((e) => e.kind === 'renamed' || (e.kind === 'changed' && proposalCells.has(`${e.rowId}:${e.field}`)))).toHaveLength(proposals.length);
    expect(report.entries.some((e) => e.kind === 'added' || e.kind === 'removed' || e.kind === 'moved')).toBe(false);
  });
});

describe('rollover of linxi-2019.docx (duty table)', () => {
  const last = load('linxi-2019.docx');
  const { document: next } = rollover(last);
  it('keeps duties, activities, indicators and bands with from links; budgets cleared', () => {
    const d0 = last.dutyTable.duties[0], n0 = next.dutyTable.duties[0];
    expect(n0.from).toBe(d0.id);
    expect(n0.title).toBe(d0.title);
    expect(n0.budget).toBe('');
    expect(d0.budget).not.toBe('');
    expect(n0.activities.map((a) => a.from)).toEqual(d0.activities.map((a) => a.id));
    expect(n0.activities[1].indicators.map((i) => [i.from, i.bands])).toEqual(d0.activities[1].indicators.map((i) => [i.id, i.bands]));
  });
  it('the identical document compares empty; the rollover shows the cleared budgets and the year', () => {
    expect(diffDocuments(last, structuredClone(last))).toEqual({ entries: [], summary: [] });
    const report = diffDocuments(last, next);
    const budgets = last.dutyTable.duties.flatMap((d) => [d, ...d.activities]).filter((r) => r.budget !== '').length;
    expect(report.entries.filter((e) => e.field === 'budget' && e.new === '')).toHaveLength(budgets + last.projects.filter((p) => p.budget !== '').length);
  });
});
