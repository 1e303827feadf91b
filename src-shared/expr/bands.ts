// Band analysis (评价标准 优/良/中/差). Bands are read top-down: a measured value gets the first band
// whose condition it meets. Everything is computed on interval sets over the value's domain, so a
// gap or a dead band is found exactly, whatever the numbers.
import { complement, hasValues, intersect, interval, subtract, union, EMPTY, type Interval, type IntervalSet } from './interval';
import { valueSet } from './match';
import { COUNT_UNITS, canonicalText, parseValue, type ParsedValue } from './parse';

/** The four 评价标准 grades, best first (the model's duty indicators keep one cell per grade). */
export const BANDS = ['优', '良', '中', '差'] as const;
export type BandName = (typeof BANDS)[number];

export type BandIssueKind = 'empty' | 'unparsed' | 'identical' | 'unit-mismatch' | 'gap' | 'unreachable' | 'direction';

export interface BandIssue {
  kind: BandIssueKind;
  /** 0..3 (优..差) when the issue is about one band. */
  band?: number;
  /** Chinese explanation with the numbers involved. */
  detail: string;
  /** For a gap: the values that meet no band. */
  values?: IntervalSet;
}

export interface BandAnalysis {
  parsed: ParsedValue[];
  issues: BandIssue[];
  /** The common unit ('' for unitless) when the four bands are numeric and agree. */
  unit: string | null;
  /** Values considered possible: [0,100] for a rate (when no band goes above), [0,∞) otherwise. */
  domain: IntervalSet | null;
  /** First-match region of each band (what values actually get it). */
  regions: IntervalSet[] | null;
  direction: 'higher' | 'lower' | null;
  integer: boolean;
  /** Bands written as a bare number whose equality is not at the domain's edge (value.no-operator). */
  bare: number[];
}

export interface BandOptions {
  /** Analyse on integers (counts); default: when the unit counts things (人, 次, 个 …). */
  integer?: boolean;
  /** The indicator is lower-is-better (发生率 …); 优 must then be the low end. */
  lowerIsBetter?: boolean;
}

function fmt(n: number, unit: string): string {
  return `${Number.isInteger(n) ? n : String(n)}${unit}`;
}

/** "60%～70%", "低于60%", "不低于90%", "等于5" — for messages. */
export function describeInterval(i: Interval, unit: string): string {
  if (i.lo === i.hi) return `等于${fmt(i.lo, unit)}`;
  if (i.lo === -Infinity && i.hi === Infinity) return '任何值';
  if (i.hi === Infinity) return `${i.loOpen ? '高于' : '不低于'}${fmt(i.lo, unit)}`;
  if (i.lo === -Infinity) return `${i.hiOpen ? '低于' : '不高于'}${fmt(i.hi, unit)}`;
  const lo = `${i.loOpen ? '高于' : '不低于'}${fmt(i.lo, unit)}`;
  const hi = `${i.hiOpen ? '低于' : '不高于'}${fmt(i.hi, unit)}`;
  return !i.loOpen && !i.hiOpen ? `${fmt(i.lo, unit)}～${fmt(i.hi, unit)}` : `${lo}且${hi}`;
}

export function describeSet(s: IntervalSet, unit: string): string {
  return s.map((i) => describeInterval(i, unit)).join('、');
}

/** The numbers every bound of the bands uses. */
function bounds(parsed: ParsedValue[]): number[] {
  const out: number[] = [];
  for (const p of parsed) {
    if (p.kind !== 'numeric') continue;
    for (const g of p.groups) for (const a of g) {
      if (a.kind === 'range') out.push(a.lo.value, a.hi.value);
      else out.push(a.value);
    }
  }
  return out;
}

function domainFor(unit: string, nums: number[]): IntervalSet {
  // A negative bound means the indicator is a change (增长/下降), which can go either way.
  if (Math.min(...nums) < 0) return interval(-Infinity, Infinity);
  const max = Math.max(...nums);
  if (unit === '%' && max <= 100) return interval(0, 100);
  if (unit === '‰' && max <= 1000) return interval(0, 1000);
  return interval(Math.min(0, ...nums), Infinity);
}

/** Midpoint of a region's hull, with infinite ends pulled in just beyond the bounds used. */
function centre(s: IntervalSet, lo: number, hi: number): number {
  const span = Math.max(1, hi - lo);
  const a = s[0].lo === -Infinity ? lo - span : s[0].lo;
  const b = s[s.length - 1].hi === Infinity ? hi + span : s[s.length - 1].hi;
  return (a + b) / 2;
}

export function analyzeBands(bands: readonly string[], options: BandOptions = {}): BandAnalysis {
  const parsed = [0, 1, 2, 3].map((k) => parseValue(typeof bands[k] === 'string' ? bands[k] : ''));
  const issues: BandIssue[] = [];
  const result: BandAnalysis = { parsed, issues, unit: null, domain: null, regions: null, direction: null, integer: false, bare: [] };

  parsed.forEach((p, k) => {
    if (p.kind === 'empty') issues.push({ kind: 'empty', band: k, detail: `“${BANDS[k]}”档为空` });
    else if (p.kind === 'unparsed') issues.push({ kind: 'unparsed', band: k, detail: `“${BANDS[k]}”档“${p.source}”无法识别` });
  });
  if (issues.length) return result;

  const canon = parsed.map((p) => canonicalText(p.source));
  if (canon.every((c) => c === canon[0])) {
    issues.push({ kind: 'identical', detail: `四个档次完全相同（${parsed[0].source}），无法区分优良中差` });
    return result;
  }
  // Qualitative bands (完成 / 基本完成 …) have no numbers to analyse.
  if (parsed.some((p) => p.kind !== 'numeric')) return result;

  // A bare 0 has no unit to disagree with (`3人 / 2人 / 1人 / 0`).
  const units = new Set<string>();
  for (const p of parsed) {
    if (p.kind !== 'numeric') continue;
    for (const g of p.groups) for (const a of g) {
      if (a.unit === '' && (a.kind === 'cmp' ? a.value === 0 : a.hi.value === 0)) continue;
      units.add(a.unit);
    }
  }
  if (units.size === 0) units.add('');
  if (units.size > 1) {
    const list = [...units].map((u) => (u === '' ? '无单位' : u)).join('、');
    issues.push({ kind: 'unit-mismatch', detail: `各档单位不一致（${list}）` });
    // One unit beside unitless numbers (`≥600人 / ≥400人 / ≥300 / <300人`) still reads clearly:
    // go on with that unit so gaps and dead bands are found too. Two real units cannot be compared.
    if (units.size > 2 || !units.has('')) return result;
    units.delete('');
  }
  const unit = [...units][0];
  const integer = options.integer ?? COUNT_UNITS.has(unit);
  const nums = bounds(parsed);
  const domain = domainFor(unit, nums);
  Object.assign(result, { unit, integer, domain });

  const sets = parsed.map((p) => intersect(valueSet(p)!, domain));
  let covered: IntervalSet = EMPTY;
  const regions: IntervalSet[] = [];
  sets.forEach((s, k) => {
    const region = subtract(s, covered);
    regions.push(region);
    if (!hasValues(region, integer)) {
      const before = BANDS.slice(0, k).map((b) => `“${b}”`).join('');
      issues.push({ kind: 'unreachable', band: k, detail: `满足“${BANDS[k]}”档（${parsed[k].source}）的值都已先落入${before}档，“${BANDS[k]}”档永远不会被评到` });
    }
    covered = union(covered, s);
  });
  result.regions = regions;

  const gap = intersect(complement(covered), domain);
  if (hasValues(gap, integer)) {
    issues.push({ kind: 'gap', detail: `${describeSet(gap, unit)}的值不属于任何档次`, values: gap });
  }

  // Direction: the first-match regions must run from one end (优) to the other (差).
  const lo = Math.min(...nums), hi = Math.max(...nums);
  const centres = regions.filter((r) => hasValues(r, integer)).map((r) => centre(r, lo, hi));
  if (centres.length >= 2) {
    const down = centres.every((c, k) => k === 0 || c <= centres[k - 1]);
    const up = centres.every((c, k) => k === 0 || c >= centres[k - 1]);
    result.direction = down ? 'higher' : up ? 'lower' : null;
    if (!down && !up) {
      issues.push({ kind: 'direction', detail: '各档次的方向前后不一致：优应在最好的一端，良、中、差依次向另一端排列' });
    } else if (options.lowerIsBetter && down) {
      issues.push({ kind: 'direction', detail: '该指标数值越低越好，但评价标准把高值评为“优”' });
    }
  }

  // A bare number means equality; harmless only where it is the domain's edge (100% for a rate).
  parsed.forEach((p, k) => {
    if (p.kind !== 'numeric' || !p.bareNumber) return;
    const v = (p.groups[0][0] as { value: number }).value;
    const d = domain[0];
    if (!(v === d.hi && !d.hiOpen) && !(v === d.lo && !d.loOpen && k === 3)) result.bare.push(k);
  });
  return result;
}
