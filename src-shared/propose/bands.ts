// A first draft of 评价标准 优/良/中/差 for one indicator (issue 19), from its target (指标值) or
// its typed 优 band: gap-free, non-overlapping, direction-correct, in the template's wording
// (`≥95%` / `≥90%` / `≥80%` / `<80%`). Bands known for the same indicator (the department's earlier
// documents, the 指标库) come first. A proposal only ever fills EMPTY cells; when the typed cells and
// the draft together would not pass the band audit, nothing is proposed and the reason says why —
// a wrong guess is worse than a question.
import { analyzeBands } from '../expr/bands';
import { canonicalText, parseValue, type Comparison } from '../expr/parse';
import { unitKind, type BandSteps, type StepRule } from './steps';

export type Bands = [string, string, string, string];

export interface BandInput {
  /** 绩效指标 name (for messages only; the direction comes in `lowerIsBetter`). */
  name: string;
  /** The four cells as typed ('' = empty). */
  bands: readonly string[];
  /** 指标值, where the table has one; otherwise the typed 优 band is the target. */
  target?: string;
  /** From the audit's direction logic (indicatorNature): 差错率 lower, 无差错率 higher. */
  lowerIsBetter: boolean;
  /** Judge on whole numbers (a count named by its name, …次数), as the band audit does. */
  integer?: boolean;
  /** Band sets seen for the same indicator, best source first (earlier documents, 指标库). */
  known?: readonly (readonly string[])[];
}

export type BandProposal =
  | {
      ok: true;
      /** The complete draft (typed cells included as typed). */
      bands: Bands;
      /** What goes into each cell: the draft's text for an empty cell, null for a typed one. */
      fill: (string | null)[];
      source: 'known' | 'target';
      /** Chinese: where the draft comes from (为 ≥95% 生成 / 沿用指标库). */
      note: string;
    }
  | { ok: false; reason: string };

const isEmpty = (s: string | undefined) => (s ?? '').trim() === '';

/** Decimal text of n with at most `dp` decimals, no trailing zeros. */
function num(n: number, dp: number): string {
  const s = n.toFixed(dp);
  return dp > 0 ? s.replace(/\.?0+$/, '') : s;
}

function decimals(n: string): number {
  const i = n.indexOf('.');
  return i < 0 ? 0 : n.length - i - 1;
}

/** A round step for a ratio: the nice number (1, 2 or 5 × 10ⁿ) at or below it (25 → 20, 50 → 50, 167.3 → 100). */
function roundStep(x: number): number {
  if (x <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(x) + 1e-9);
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/** The two thresholds after `t0` going worse, or null when they would leave the domain. */
function nextThresholds(t0: number, higher: boolean, rule: StepRule, percent: boolean): [number, number] | null {
  const inDomain = (t: number) => (higher ? t > 0 || (t === 0 && !rule.integer) : !percent || t <= 100) && t >= 0;
  if (rule.grid) {
    const g = rule.grid;
    const t1 = higher ? Math.ceil(t0 / g - 1e-9) * g - g : Math.floor(t0 / g + 1e-9) * g + g;
    const t2 = higher ? t1 - g : t1 + g;
    if (higher ? t2 > 0 : inDomain(t2)) return [t1, t2];
  }
  const ratio = rule.ratio ?? 0.1;
  let step = Math.max(roundStep(Math.abs(t0) * ratio), rule.minStep ?? 0);
  if (rule.integer) step = Math.max(1, Math.round(step));
  if (step <= 0) return null;
  const t1 = higher ? t0 - step : t0 + step;
  const t2 = higher ? t1 - step : t1 + step;
  if (!inDomain(t1) || !inDomain(t2) || (higher && t2 <= 0 && rule.integer)) return null;
  return [t1, t2];
}

/** The single comparison a target is, or null (a range or compound is not drafted from). */
function singleComparison(text: string): Comparison | null {
  const p = parseValue(text);
  if (p.kind !== 'numeric' || p.groups.length !== 1 || p.groups[0].length !== 1) return null;
  const a = p.groups[0][0];
  return a.kind === 'cmp' ? a : null;
}

function qualitativeLadder(word: string, steps: BandSteps): string[] | null {
  const w = canonicalText(word);
  return steps.qualitative.find((l) => l[0] === w)
    ?? steps.qualitative.find((l) => l.includes(w))
    ?? (w.includes('完成') ? steps.qualitative.find((l) => l[0].includes('完成')) : undefined)
    ?? null;
}

/** The four bands drafted from one target text, or a reason. */
export function draftFromTarget(target: string, lowerIsBetter: boolean, steps: BandSteps, countName = false): Bands | string {
  const p = parseValue(target);
  if (p.kind === 'empty') return '没有指标值或“优”档可作依据';
  if (p.kind === 'unparsed') return `“${target}”无法识别`;
  if (p.kind === 'qualitative') {
    const ladder = qualitativeLadder(p.word, steps);
    return ladder ? [ladder[0], ladder[1], ladder[2], ladder[3]] : `定性指标值“${target}”没有对应的评价用语，请手工填写`;
  }
  const a = singleComparison(target);
  if (!a) return `“${target}”是区间或组合条件，请手工填写评价标准`;
  if (a.value < 0) return `“${target}”是变化量，请手工填写评价标准`;
  const byOp = a.op === '>=' || a.op === '>' ? 'higher' : a.op === '<=' || a.op === '<' ? 'lower' : null;
  const dir = byOp ?? (lowerIsBetter ? 'lower' : 'higher');
  if (byOp && (byOp === 'lower') !== lowerIsBetter) {
    return byOp === 'higher' ? '该指标数值越低越好，指标值却是“≥”，请先核对指标值' : '该指标数值越高越好，指标值却是“≤”，请先核对指标值';
  }
  // A unitless number of a count named by its name (新增就业人员数量 ≥500) steps as a count.
  const kind = a.unit === '' && countName ? 'count' : unitKind(a.unit);
  const percent = kind === 'percent';
  if (percent && a.value > 100) return `“${target}”超过100%，请先核对指标值`;
  const rule = steps[kind][dir];
  const t0 = a.value;
  const th = nextThresholds(t0, dir === 'higher', rule, percent);
  if (!th) return `指标值“${target}”太小，分不出四档，请手工填写`;
  const dp = rule.integer ? 0 : Math.min(2, Math.max(decimals(a.number), th.some((t) => !Number.isInteger(t)) ? 1 : 0));
  const [t1, t2] = th.map((t) => num(t, dp));
  const u = a.unit;
  if (dir === 'higher') {
    // 100% is the top of a rate: "=100%" reads as 100% (≥100% would be a rate over 100).
    const best = percent && t0 === 100 ? `100${u}` : `${a.op === '>' ? '>' : '≥'}${a.number}${u}`;
    return [best, `≥${t1}${u}`, `≥${t2}${u}`, `<${t2}${u}`];
  }
  const best = `${a.op === '<' ? '<' : '≤'}${a.number}${u}`;
  return [best, `≤${t1}${u}`, `≤${t2}${u}`, `>${t2}${u}`];
}

/** Whether four bands pass the band audit's table checks (gap, dead band, direction, units, bare numbers). */
export function bandsClean(bands: readonly string[], lowerIsBetter: boolean, integer?: boolean): boolean {
  const a = analyzeBands(bands, integer ? { lowerIsBetter, integer } : { lowerIsBetter });
  return a.issues.length === 0 && a.bare.length === 0;
}

function merge(typed: readonly string[], draft: readonly string[]): { bands: Bands; fill: (string | null)[] } {
  const fill = [0, 1, 2, 3].map((k) => (isEmpty(typed[k]) ? draft[k] : null));
  const bands = [0, 1, 2, 3].map((k) => fill[k] ?? typed[k]) as Bands;
  return { bands, fill };
}

/**
 * The draft for one indicator. Typed cells are never changed: the draft fills the empty ones, and
 * is offered only when the result passes the band audit. With all four typed and clean there is
 * nothing to propose (`ok: false`).
 */
export function proposeBands(input: BandInput, steps: BandSteps): BandProposal {
  const typed = [0, 1, 2, 3].map((k) => input.bands[k] ?? '');
  const emptyCount = typed.filter(isEmpty).length;
  if (emptyCount === 0) return { ok: false, reason: '四档都已填写' };
  const agrees = (cand: readonly string[]) => typed.every((t, k) => isEmpty(t) || canonicalText(t) === canonicalText(cand[k] ?? ''));

  for (const known of input.known ?? []) {
    if (known.length !== 4 || known.some(isEmpty) || !agrees(known) || !bandsClean(known, input.lowerIsBetter, input.integer)) continue;
    return { ok: true, ...merge(typed, known), source: 'known', note: '沿用以前填写过的评价标准' };
  }
  const basis = !isEmpty(input.target) ? input.target! : typed[0];
  const draft = draftFromTarget(basis, input.lowerIsBetter, steps, input.integer);
  if (typeof draft === 'string') return { ok: false, reason: draft };
  const m = merge(typed, draft);
  if (!bandsClean(m.bands, input.lowerIsBetter, input.integer)) {
    return { ok: false, reason: '已填写的档次与按指标值生成的档次不能衔接，请手工填写其余档次' };
  }
  return { ok: true, ...m, source: 'target', note: `按${isEmpty(input.target) ? '“优”档' : '指标值'}“${basis}”生成` };
}

/**
 * For a faulty band table (a gap, a dead band, a wrong direction): 良/中/差 redrafted below the typed
 * 优, when that makes a clean table; null otherwise. Offered as a fix, applied only on request.
 */
export function redraftBelowBest(bands: readonly string[], lowerIsBetter: boolean, steps: BandSteps, integer = false): Bands | null {
  const best = bands[0] ?? '';
  if (isEmpty(best)) return null;
  const d = draftFromTarget(best, lowerIsBetter, steps, integer);
  if (typeof d === 'string') return null;
  const fixed: Bands = [best, d[1], d[2], d[3]];
  return bandsClean(fixed, lowerIsBetter, integer) ? fixed : null;
}
