import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { applyEdit, bandRows, fillBandsEdit, knownBandsFromLibrary } from '../commands';
import { emptyLibrary, learnFromDocument, libraryEntries } from '../library';
import { loadDocumentText } from '../model/load';
import { newDocument } from '../model/factory';
import type { JixiaoDocument } from '../model/schema';
import { templateOrDefault } from '../model/templates';
import { indicatorNature, validateDocument } from '../validate';
import { draftFromTarget, proposeBands, proposeScoring } from '.';

const steps = templateOrDefault('hebei-2020').bandSteps;
const higher = (target: string) => draftFromTarget(target, false, steps);

function seed(name: string): JixiaoDocument {
  const r = loadDocumentText(readFileSync(new URL(`../../tests/fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`seed ${name} does not load`);
  return r.document;
}

/** A document with one activity holding one indicator with these bands. */
function docWith(name: string, bands: string[]): JixiaoDocument {
  const doc = newDocument({ deptName: '测试局', year: 2027 });
  doc.dutyTable.duties.push({
    id: 'd1', title: '职责', budget: '', description: '', goal: '', indicators: [],
    activities: [{ id: 'a1', title: '活动', budget: '', description: '', goal: '', indicators: [{ id: 'i1', name, bands: bands as [string, string, string, string] }] }],
  });
  return doc;
}

const bandCodes = (doc: JixiaoDocument) => validateDocument(doc).filter((f) => /^(band|value)\./.test(f.code)).map((f) => `${f.code} ${f.where} ${f.text}`);

describe('bands drafted from the target, in the template wording', () => {
  it('rates step down on multiples of ten; 100% stays 100% (≥100% would be a rate over 100)', () => {
    expect(higher('100%')).toEqual(['100%', '≥90%', '≥80%', '<80%']);
    expect(higher('≥95%')).toEqual(['≥95%', '≥90%', '≥80%', '<80%']);
    expect(higher('≥ 90 %')).toEqual(['≥90%', '≥80%', '≥70%', '<70%']);
    expect(higher('>85%')).toEqual(['>85%', '≥80%', '≥70%', '<70%']);
  });
  it('counts step by a round share of the target and stay whole', () => {
    expect(higher('≥500人')).toEqual(['≥500人', '≥480人', '≥460人', '<460人']);
    expect(higher('≥1000人次')).toEqual(['≥1000人次', '≥950人次', '≥900人次', '<900人次']);
    expect(draftFromTarget('≥500', false, steps, true)).toEqual(['≥500', '≥480', '≥460', '<460']);
  });
  it('lower-is-better targets step upwards (差错率, 投诉率), also from a zero target', () => {
    expect(draftFromTarget('≤1%', true, steps)).toEqual(['≤1%', '≤2%', '≤3%', '>3%']);
    expect(draftFromTarget('≤5%', true, steps)).toEqual(['≤5%', '≤10%', '≤15%', '>15%']);
    expect(draftFromTarget('≤0次', true, steps)).toEqual(['≤0次', '≤1次', '≤2次', '>2次']);
    expect(draftFromTarget('≤30天', true, steps)).toEqual(['≤30天', '≤40天', '≤50天', '>50天']);
  });
  it('qualitative targets take the ladder of their words', () => {
    expect(higher('全部完成')).toEqual(['全部完成', '基本完成', '部分完成', '未完成']);
    expect(higher('达到预期目标')).toEqual(['达到预期目标', '基本达到预期目标', '部分达到预期目标', '未达到预期目标']);
    expect(higher('按时完成')).toEqual(['按时完成', '基本按时完成', '延期完成', '未完成']);
  });
  it('asks instead of guessing: ranges, tiny counts, contradictions, rates over 100%', () => {
    expect(typeof higher('85%-100%')).toBe('string');
    expect(typeof draftFromTarget('≥1次', false, steps, true)).toBe('string');
    expect(draftFromTarget('≥5%', true, steps)).toMatch(/越低越好/);
    expect(higher('≥120%')).toMatch(/超过100%/);
    expect(typeof higher('良好')).toBe('string');
  });
});

describe('proposeBands', () => {
  it('fills only empty cells and keeps what is typed', () => {
    const p = proposeBands({ name: '参保率', bands: ['≥95%', '', '', ''], lowerIsBetter: false }, steps);
    expect(p).toMatchObject({ ok: true, bands: ['≥95%', '≥90%', '≥80%', '<80%'], fill: [null, '≥90%', '≥80%', '<80%'] });
  });
  it('offers nothing when typed cells and the draft do not fit together', () => {
    const p = proposeBands({ name: '参保率', bands: ['≥95%', '', '≥92%', ''], lowerIsBetter: false }, steps);
    expect(p.ok).toBe(false);
  });
  it('prefers a clean band set known for the indicator; skips faulty or disagreeing ones', () => {
    const known = [['≥10', '≥5', '＜5', '＜2'], ['≥98%', '≥95%', '≥90%', '<90%'], ['≥95%', '≥85%', '≥75%', '<75%']];
    const p = proposeBands({ name: '参保率', bands: ['≥95%', '', '', ''], lowerIsBetter: false, known }, steps);
    expect(p).toMatchObject({ ok: true, source: 'known', bands: ['≥95%', '≥85%', '≥75%', '<75%'] });
  });
  it('property: never overwrites typed text; every proposal passes the band audit', () => {
    const target = fc.oneof(
      fc.tuple(fc.constantFrom('≥', '>', ''), fc.integer({ min: 35, max: 100 })).map(([op, n]) => `${n === 100 && op === '' ? '' : op || '≥'}${n}%`),
      fc.tuple(fc.integer({ min: 10, max: 200000 }), fc.constantFrom('人', '次', '户', '人次', '家')).map(([n, u]) => `≥${n}${u}`),
      fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom('%', '次', '天')).map(([n, u]) => `≤${n}${u}`),
      fc.constantFrom('全部完成', '达到预期目标', '按时完成', '有效实施'),
    );
    fc.assert(fc.property(target, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (t, keep) => {
      // Names as clerks write them; direction and kind come from the name, as in the app.
      const name = t.startsWith('≤')
        ? ({ '%': '业务差错率', 次: '安全事故发生次数', 天: '平均办理时长' } as Record<string, string>)[t.replace(/[≤\d]/g, '')]
        : t.endsWith('%') ? '任务完成率' : /\d/.test(t) ? '服务人数' : '工作完成情况';
      const nature = indicatorNature(name, templateOrDefault('hebei-2020'));
      const lowerIsBetter = nature.lowerIsBetter || t.startsWith('≤');
      const integer = nature.kind === 'count';
      const full = draftFromTarget(t, lowerIsBetter, steps, integer);
      if (typeof full === 'string') return; // asked, not guessed
      const typed = [full[0], ...full.slice(1).map((b, k) => (keep[k] ? b : ''))];
      const p = proposeBands({ name, bands: typed, lowerIsBetter, integer }, steps);
      if (typed.every((b) => b !== '')) { expect(p.ok).toBe(false); return; }
      expect(p.ok).toBe(true);
      if (!p.ok) return;
      typed.forEach((b, k) => { if (b !== '') { expect(p.bands[k]).toBe(b); expect(p.fill[k]).toBeNull(); } });
      expect(bandCodes(docWith(name, p.bands))).toEqual([]);
    }), { seed: 19, numRuns: 300 });
  });
});

describe('filling a document (jixiao bands --fill, 填写建议评价标准)', () => {
  it('Linxi 2019 with 良/中/差 removed: filled from 优, zero band findings, idempotent', () => {
    const doc = seed('linxi-2019');
    for (const d of doc.dutyTable.duties) for (const a of [d, ...d.activities]) for (const i of a.indicators) i.bands = [i.bands[0], '', '', ''];
    const { edit, cells } = fillBandsEdit(doc);
    expect(edit).not.toBeNull();
    expect(cells).toBeGreaterThan(90);
    const filled = applyEdit(doc, edit!);
    expect(bandCodes(filled).filter((c) => c.startsWith('band.'))).toEqual([]);
    expect(fillBandsEdit(filled).edit).toBeNull();
  });
  it('Linxi 2019 with every band removed: the 指标库 learned from the published table brings them back', () => {
    const published = seed('linxi-2019');
    const lib = emptyLibrary();
    learnFromDocument(lib, published, '临西2019.jixiao');
    const doc = seed('linxi-2019');
    for (const d of doc.dutyTable.duties) for (const a of [d, ...d.activities]) for (const i of a.indicators) i.bands = ['', '', '', ''];
    const { edit, rows } = fillBandsEdit(doc, { known: knownBandsFromLibrary(libraryEntries(lib)) });
    const filled = applyEdit(doc, edit!);
    expect(bandCodes(filled).filter((c) => c.startsWith('band.'))).toEqual([]);
    // The one published table with a dead band (≥10 / ≥5 / ＜5 / ＜2) is not copied: it is asked for.
    const asked = rows.filter((r) => !r.proposal.ok).map((r) => r.name);
    expect(asked).toEqual(['开展就业服务指导培训次数']);
  });
  it('faulty tables are listed with a redraft but rewritten only when asked', () => {
    const doc = docWith('任务完成率', ['≥90%', '≥80%', '≥70%', '<60%']);
    const rows = bandRows(doc);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'faulty', proposal: { ok: true, bands: ['≥90%', '≥80%', '≥70%', '<70%'] } });
    expect(fillBandsEdit(doc).edit).toBeNull();
    const fixed = applyEdit(doc, fillBandsEdit(doc, { replaceFaulty: true }).edit!);
    expect(fixed.dutyTable.duties[0].activities[0].indicators[0].bands).toEqual(['≥90%', '≥80%', '≥70%', '<70%']);
  });
  it('the audit offers the draft as the fix of a gap and of an empty band', () => {
    const gap = validateDocument(docWith('任务完成率', ['≥90%', '≥80%', '≥70%', '<60%'])).find((f) => f.code === 'band.gap')!;
    expect(gap.fix).toEqual([{ path: { rowId: 'i1', field: 'bands.3' }, value: '<70%' }]);
    const empty = validateDocument(docWith('任务完成率', ['≥95%', '≥90%', '', '<80%'])).find((f) => f.code === 'text.empty-required')!;
    expect(empty.suggestion).toBe('≥80%');
  });
});

describe('评（扣）分标准 drafted from direction, target and weight', () => {
  it('正向, 反向, 定性, with and without a weight', () => {
    expect(proposeScoring({ value: '≥95%', weight: '10', lowerIsBetter: false })).toEqual({ ok: true, text: '完成值达到指标值（≥95%）的得10分；未达到的，得分=完成值÷指标值×10，最高10分。' });
    expect(proposeScoring({ value: '≤1%', weight: '5', lowerIsBetter: true })).toEqual({ ok: true, text: '完成值不超过指标值（≤1%）的得5分；超过的，得分=指标值÷完成值×5，最高5分。' });
    expect(proposeScoring({ value: '全部完成', weight: '10', lowerIsBetter: false })).toEqual({ ok: true, text: '达成目标的得10分；部分达成的得5分；未达成的得0分。' });
    expect(proposeScoring({ value: '≥500人', lowerIsBetter: false })).toMatchObject({ ok: true, text: expect.stringContaining('×权重，最高不超过权重分') });
  });
  it('asks on a contradiction or an empty target', () => {
    expect(proposeScoring({ value: '≥95%', direction: '反向', weight: '10', lowerIsBetter: false }).ok).toBe(false);
    expect(proposeScoring({ value: '', weight: '10', lowerIsBetter: false }).ok).toBe(false);
  });
});
