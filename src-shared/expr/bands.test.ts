import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeBands, type BandIssueKind } from './bands';
import { complement, intersect, interval, union, subtract, contains, containsInteger } from './interval';
import { matches } from './match';
import { parseValue } from './parse';

const kinds = (b: string[], o = {}) => analyzeBands(b, o).issues.map((i) => [i.kind, i.band ?? null]);

describe('analyzeBands', () => {
  it('accepts the usual overlapping tables (first match wins)', () => {
    expect(kinds(['100%', '≥90%', '≥80%', '<80%'])).toEqual([]);
    expect(kinds(['≥500', '≥480', '≥460', '<460'])).toEqual([]);
    expect(kinds(['万人专技人才数350以上', '万人专技人才数介于350—330之间', '万人专技人才数介于330—310之间', '万人专技人才数低于310'])).toEqual([]);
    expect(kinds(['完成率80%以上', '完成率介于80—75%之间', '完成率介于75—70%之间', '完成率低于70%'])).toEqual([]);
    expect(kinds(['≤1%', '≤3%', '≤5%', '>5%'], { lowerIsBetter: true })).toEqual([]);
  });
  it('unreachable', () => {
    expect(kinds(['≥10', '≥5', '＜5', '＜2'])).toEqual([['unreachable', 3]]);
    expect(kinds(['≥80%', '≥90%', '≥70%', '<70%'])).toEqual([['unreachable', 1]]);
  });
  it('gap', () => {
    const a = analyzeBands(['>90%', '>80%', '>70%', '<60%']);
    expect(a.issues.map((i) => i.kind)).toEqual(['gap']);
    expect(a.issues[0].detail).toContain('60%～70%');
  });
  it('gaps between whole numbers do not matter for counts', () => {
    expect(kinds(['≥10次', '8-9次', '5-7次', '<5次'])).toEqual([]);
    expect(kinds(['≥10', '8-9', '5-7', '<5'])).toEqual([['gap', null]]);
    expect(kinds(['≥10', '8-9', '5-7', '<5'], { integer: true })).toEqual([]);
  });
  it('direction', () => {
    expect(kinds(['≥90%', '<60%', '≥70%', '≥60%'])).toContainEqual(['direction', null]);
    expect(kinds(['≥90%', '≥80%', '≥70%', '<70%'], { lowerIsBetter: true })).toEqual([['direction', null]]);
    expect(analyzeBands(['≤1%', '≤3%', '≤5%', '>5%']).direction).toBe('lower');
  });
  it('units, identical, empty, unparsed', () => {
    expect(kinds(['≥80', '≥90%', '≥70%', '<70%'])).toEqual([['unit-mismatch', null], ['unreachable', 1]]); // read on as %
    expect(kinds(['100%', '≥80', '≥60', '<60%'])).toEqual([['unit-mismatch', null]]);
    expect(kinds(['≥80人', '≥90%', '≥70%', '<70%'])).toEqual([['unit-mismatch', null]]); // two units: no further analysis
    expect(kinds(['3人', '2人', '1人', '0']).map((k) => k[0])).not.toContain('unit-mismatch'); // a bare 0 has no unit
    expect(kinds(['≥90%', '≥90%', '≥ 90%', '≥90%'])).toEqual([['identical', null]]);
    expect(kinds(['≥90%', '', '≥70%', '<70%'])).toEqual([['empty', 1]]);
    expect(kinds(['≥90%', '≥8o%%', '≥70%', '<70%'])).toEqual([['unparsed', 1]]);
    expect(kinds(['完成', '基本完成', '部分完成', '未完成'])).toEqual([]);
  });
  it('bare numbers are flagged unless at the edge of the domain', () => {
    expect(analyzeBands(['100%', '≥90%', '≥80%', '<80%']).bare).toEqual([]);
    expect(analyzeBands(['95%', '≥90%', '≥80%', '<80%']).bare).toEqual([0]);
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 4, maxLength: 4 }), (b) => { analyzeBands(b); }), { numRuns: 500 });
    expect(() => analyzeBands([])).not.toThrow();
  });
});

describe('interval sets', () => {
  it('union / complement / intersect on open and closed ends', () => {
    const a = union(interval(0, 1, false, true), interval(1, 2, true, false)); // [0,1) ∪ (1,2]
    expect(a).toHaveLength(2);
    expect(contains(a, 1)).toBe(false);
    expect(union(a, interval(1, 1))).toHaveLength(1);
    const c = complement(a);
    expect(contains(c, 1)).toBe(true);
    expect(contains(c, 0)).toBe(false);
    expect(intersect(a, interval(0.5, 1.5))).toHaveLength(2);
    expect(subtract(interval(0, 10), interval(0, 10))).toEqual([]);
    expect(containsInteger(interval(9, 10, true, true))).toBe(false);
    expect(containsInteger(interval(9, 10, true, false))).toBe(true);
  });
});

// Brute force: evaluate first-match on a grid fine enough to see every open/closed end of
// integer bounds (step 1/4), and compare with the exact interval analysis.
const OPS = ['≥', '≤', '>', '<', ''];
const bandArb = (max: number, unit: string) => fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...OPS), fc.integer({ min: 0, max })).map(([o, n]) => `${o}${n}${unit}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => `介于${a}—${b}${unit}之间`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => `≥${a}${unit}和≤${b}${unit}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => `<${a}${unit}或>${b}${unit}`) },
);

function bruteForce(bands: string[], grid: number[]): { gap: boolean; unreachable: number[] } {
  const parsed = bands.map(parseValue);
  const hit = [false, false, false, false];
  let gap = false;
  for (const x of grid) {
    const k = parsed.findIndex((p) => matches(p, x));
    if (k < 0) gap = true; else hit[k] = true;
  }
  return { gap, unreachable: [0, 1, 2, 3].filter((k) => !hit[k]) };
}

function exact(bands: string[], integer?: boolean) {
  const a = analyzeBands(bands, { integer });
  const is = (k: BandIssueKind) => a.issues.filter((i) => i.kind === k);
  return { gap: is('gap').length > 0, unreachable: is('unreachable').map((i) => i.band!), skipped: a.domain === null };
}

describe('band analysis agrees with a brute-force evaluator', () => {
  it('unitless values on [0, ∞)', () => {
    const grid = Array.from({ length: 30 * 4 + 1 }, (_, k) => k / 4); // 0..30, beyond every bound
    fc.assert(fc.property(fc.array(bandArb(20, ''), { minLength: 4, maxLength: 4 }), (bands) => {
      const e = exact(bands);
      fc.pre(!e.skipped);
      expect(e).toEqual({ ...bruteForce(bands, grid), skipped: false });
    }), { numRuns: 3000 });
  });
  it('rates on [0, 100]', () => {
    const grid = Array.from({ length: 100 * 4 + 1 }, (_, k) => k / 4);
    fc.assert(fc.property(fc.array(bandArb(100, '%'), { minLength: 4, maxLength: 4 }), (bands) => {
      const e = exact(bands);
      fc.pre(!e.skipped);
      expect(e).toEqual({ ...bruteForce(bands, grid), skipped: false });
    }), { numRuns: 1500 });
  });
  it('counts on the integers', () => {
    const grid = Array.from({ length: 31 }, (_, k) => k);
    fc.assert(fc.property(fc.array(bandArb(20, '人'), { minLength: 4, maxLength: 4 }), (bands) => {
      const e = exact(bands);
      fc.pre(!e.skipped);
      expect(e).toEqual({ ...bruteForce(bands, grid), skipped: false });
    }), { numRuns: 2000 });
  });
});

describe('analyzeBands: changes (negative bounds)', () => {
  it('a growth table that goes below zero has no gap and no dead band', () => {
    expect(kinds(['≥0%', '≥-2%', '≥-5%', '<-5%'])).toEqual([]);
    expect(kinds(['增长≥3%', '增长≥0%', '下降5%以内', '下降5%以上'])).toEqual([]);
  });
  it('a gap among negative values is found', () => {
    const a = analyzeBands(['≥0%', '≥-2%', '≥-5%', '<-6%']);
    expect(a.issues.map((i) => i.kind)).toEqual(['gap']);
    expect(a.issues[0].detail).toContain('-6%');
  });
  it('a lower-is-better change: a fall is 优', () => {
    expect(kinds(['下降5%以上', '下降3%以上', '下降0%以上', '增长0%以上'], { lowerIsBetter: true })).toEqual([]);
  });
});
