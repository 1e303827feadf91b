// Computed scores of a self-evaluation (docs: selfeval.md "Scoring"). A typed score is the clerk's
// decision; what is computed here is the suggestion shown beside it and applied by 采用计算得分.
//   quantitative, higher is better: 分值 when actual ≥ target, else 分值 × actual / target;
//   lower is better: 分值 when actual ≤ target, else 分值 × target / actual; a range: full inside;
//   qualitative (no number in the target): 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of 分值;
//   预算执行率: 执行数 / 预算数, score = weight × rate, at most the weight.
// Every score is rounded once, half up, to 2 decimals (exact: see decimal.ts); totals add the rounded rows.
import { compareAmounts, sumAmounts, type Amount } from '../model/amount';
import type { BandName, SelfEval, SelfEvalIndicator } from '../model/schema';
import type { SelfevalTemplate, Template } from '../model/templates';
import { parseValue, type Atom, type ParsedValue } from '../expr/parse';
import { indicatorNature } from '../model/indicator-kind';
import { div, fraction, minF, mul, roundAmount, type Fraction } from './decimal';
import { effectiveWeights, type EffectiveWeight } from './weights';

export type Achievement = SelfEvalIndicator['achievement'];

/** Share of 分值 (percent) each qualitative answer allows. */
export const ACHIEVEMENT_RANGES: Record<Exclude<Achievement, ''>, [number, number]> = {
  达成: [80, 100], 部分达成: [60, 80], 未达成: [0, 60],
};
export const ACHIEVEMENTS = ['达成', '部分达成', '未达成'] as const;

export type NoScoreReason = 'no-weight' | 'no-target' | 'target-unreadable' | 'no-actual' | 'actual-unreadable' | 'unit-differs' | 'no-achievement';

interface Common extends EffectiveWeight { id: string }
export type IndicatorScore =
  | (Common & {
      kind: 'quantitative';
      direction: 'higher' | 'lower' | 'range';
      /** The actual as read, with the target's unit when it has none ("100.00" → "100.00%"). */
      actualRead: string;
      /** Whether the actual was written without the unit the target has. */
      unitAssumed: boolean;
      met: boolean;
      computed: Amount;
    })
  | (Common & { kind: 'qualitative'; range: [Amount, Amount]; computed: Amount })
  | (Common & { kind: 'none'; reason: NoScoreReason; qualitative: boolean; computed: '' });

/** Lower and upper bounds a numeric target sets (one AND group); null when it is not one. */
function bounds(atoms: Atom[], lowerIsBetter: boolean): { lo?: string; hi?: string; unit: string } | null {
  let lo: string | undefined, hi: string | undefined;
  let unit = '';
  for (const a of atoms) {
    unit ||= a.unit;
    if (a.kind === 'range') { lo = a.lo.number; hi = a.hi.number; continue; }
    const up = a.op === '>=' || a.op === '>';
    const down = a.op === '<=' || a.op === '<';
    // A lower-is-better indicator (发生率) read as a ceiling even when written ≥ (value.reverse-direction tells the user).
    if (down || ((up || a.op === '=') && lowerIsBetter && atoms.length === 1)) hi = a.number;
    else lo = a.number;
  }
  return lo === undefined && hi === undefined ? null : { lo, hi, unit };
}

// Targets and actuals repeat across rows and edits (≥90%, 100%): parse each spelling once.
const parsed = new Map<string, ParsedValue>();
/** parseValue, memoized by text (results are never mutated). */
export function parse(text: string): ParsedValue {
  let p = parsed.get(text);
  if (!p) {
    if (parsed.size > 20000) parsed.clear();
    parsed.set(text, (p = parseValue(text)));
  }
  return p;
}

const pct = (w: Fraction, p: number) => roundAmount(mul(w, { n: BigInt(p), d: 100n }));

/** One indicator's computed score against its effective 分值. */
export function scoreIndicator(ind: SelfEvalIndicator, w: EffectiveWeight, template: Template): IndicatorScore {
  const none = (reason: NoScoreReason, qualitative = false): IndicatorScore => ({ id: ind.id, ...w, kind: 'none', reason, qualitative, computed: '' });
  const target = parse(ind.target);
  const qualitative = target.kind === 'qualitative';
  const wf = w.weight === '' ? null : fraction(w.weight);
  if (!wf) return none('no-weight', qualitative);
  if (target.kind === 'empty') return none('no-target');
  if (qualitative) {
    if (ind.achievement === '') return none('no-achievement', true);
    const [a, b] = ACHIEVEMENT_RANGES[ind.achievement];
    const range: [Amount, Amount] = [pct(wf, a), pct(wf, b)];
    return { id: ind.id, ...w, kind: 'qualitative', range, computed: range[1] };
  }
  if (target.kind !== 'numeric' || target.groups.length !== 1) return none('target-unreadable');
  const b = bounds(target.groups[0], indicatorNature(ind.name, template).lowerIsBetter);
  if (!b) return none('target-unreadable');
  const actual = parse(ind.actual);
  if (actual.kind === 'empty') return none('no-actual');
  if (actual.kind !== 'numeric') return none('actual-unreadable');
  const first = actual.groups[0][0];
  if (first.kind !== 'cmp' || actual.groups.flat().length !== 1) return none('actual-unreadable');
  if (first.unit !== '' && b.unit !== '' && first.unit !== b.unit) return none('unit-differs');
  const x = fraction(first.number)!;
  const lo = b.lo === undefined ? null : fraction(b.lo)!;
  const hi = b.hi === undefined ? null : fraction(b.hi)!;
  let score: Fraction = wf;
  let met = true;
  if (lo && x.n * lo.d < lo.n * x.d) { // below the floor: 分值 × actual / target
    met = false;
    score = div(mul(wf, x), lo) ?? wf;
  } else if (hi && x.n * hi.d > hi.n * x.d) { // above the ceiling: 分值 × target / actual
    met = false;
    score = div(mul(wf, hi), x) ?? wf;
  }
  score = minF(score, wf);
  if (score.n < 0n) score = { n: 0n, d: 1n };
  return {
    id: ind.id, ...w, kind: 'quantitative', direction: lo && hi ? 'range' : hi ? 'lower' : 'higher',
    actualRead: `${first.number}${first.unit || b.unit}`, unitAssumed: first.unit === '' && b.unit !== '',
    met, computed: roundAmount(score),
  };
}

/** 执行数 / 预算数 as a fraction; null when either is blank or 预算数 is 0. */
export function budgetRate(se: SelfEval): Fraction | null {
  const spent = se.funds.spent.total, planned = se.funds.planned.total;
  if (spent === '' || planned === '') return null;
  return div(fraction(spent)!, fraction(planned)!);
}

export interface SelfEvalScores {
  rows: Map<string, IndicatorScore>;
  /** 预算执行率 in percent, 2 decimals ("" when it cannot be computed). */
  budgetRatePercent: Amount;
  budgetRateWeight: Amount;
  budgetRateComputed: Amount;
  /** 总分 counting each typed score, else the computed one. */
  total: Amount;
  /** 总分 of the computed scores (typed ones where nothing can be computed). */
  computedTotal: Amount;
  grade: BandName | '';
  computedGrade: BandName | '';
}

export function gradeOf(total: Amount, t: SelfevalTemplate): BandName | '' {
  if (total === '') return '';
  const sorted = [...t.grades].sort((a, b) => b.min - a.min);
  return sorted.find((g) => compareAmounts(total, String(g.min)) >= 0)?.grade ?? sorted[sorted.length - 1]?.grade ?? '';
}

export function scoreSelfEval(se: SelfEval, t: SelfevalTemplate, template: Template): SelfEvalScores {
  const weights = effectiveWeights(se, t);
  const rows = new Map<string, IndicatorScore>();
  const effective: Amount[] = [], computed: Amount[] = [];
  for (const ind of se.indicators) {
    const s = scoreIndicator(ind, weights.get(ind.id) ?? { weight: '', implicit: true }, template);
    rows.set(ind.id, s);
    effective.push(ind.score !== '' ? ind.score : s.computed);
    computed.push(s.computed !== '' ? s.computed : ind.score);
  }
  const rate = budgetRate(se);
  const rw = se.budgetRateWeight !== '' ? se.budgetRateWeight : t.budgetRateWeight;
  const rwf = fraction(rw);
  const raw = rate && rwf ? minF(mul(rwf, rate), rwf) : null;
  const budgetRateComputed = raw ? roundAmount(raw.n < 0n ? { n: 0n, d: 1n } : raw) : '';
  effective.push(se.budgetRateScore !== '' ? se.budgetRateScore : budgetRateComputed);
  computed.push(budgetRateComputed !== '' ? budgetRateComputed : se.budgetRateScore);
  const total = sumAmounts(effective);
  const computedTotal = sumAmounts(computed);
  return {
    rows,
    budgetRatePercent: rate ? roundAmount(mul(rate, { n: 100n, d: 1n })) : '',
    budgetRateWeight: rw,
    budgetRateComputed,
    total,
    computedTotal,
    grade: gradeOf(total, t),
    computedGrade: gradeOf(computedTotal, t),
  };
}
