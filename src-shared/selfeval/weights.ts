// Weights (分值) of a self-evaluation: level-1 weights as printed (产出指标（50）), indicator 分值
// typed or implicit. An implicit 分值 (blank, as in the Hebei 2019 form, which prints only level-1
// weights) is the indicator's share of what its level-1 weight leaves after the typed 分值 of that
// level, split evenly with the same exact rule as the carried-over defaults.
import { compareAmounts, subtractAmounts, sumAmounts, type Amount } from '../model/amount';
import type { SelfEval, SelfEvalIndicator } from '../model/schema';
import type { SelfevalTemplate } from '../model/templates';
import { splitEvenly } from './decimal';

/** The template's canonical level-1 name for a typed one (效益指标 and 效果指标 are one level). */
export function level1Key(t: SelfevalTemplate, level1: string): string {
  const n = level1.trim().replace(/[（(]\s*[\d.]+\s*[）)]$/, '');
  const def = t.weights.find((w) => w.level1 === n || w.synonyms.includes(n));
  return def ? def.level1 : n;
}

/** Level-1 weight: as typed on the part (level1Weights), else the template's default; "" when neither. */
export function level1Weight(se: SelfEval, t: SelfevalTemplate, level1: string): Amount {
  const key = level1Key(t, level1);
  const typed = se.level1Weights.find((w) => level1Key(t, w.level1) === key);
  if (typed) return typed.weight;
  return t.weights.find((w) => w.level1 === key)?.weight ?? '';
}

export interface EffectiveWeight { weight: Amount; implicit: boolean }

/** 分值 of every indicator by id: typed, or its implicit share ("" when its level has no weight). */
export function effectiveWeights(se: SelfEval, t: SelfevalTemplate): Map<string, EffectiveWeight> {
  const out = new Map<string, EffectiveWeight>();
  const byLevel = new Map<string, SelfEvalIndicator[]>();
  for (const ind of se.indicators) {
    const key = level1Key(t, ind.level1);
    (byLevel.get(key) ?? byLevel.set(key, []).get(key)!).push(ind);
  }
  for (const [key, rows] of byLevel) {
    const blank = rows.filter((r) => r.weight === '');
    for (const r of rows) if (r.weight !== '') out.set(r.id, { weight: r.weight, implicit: false });
    if (blank.length === 0) continue;
    const lw = level1Weight(se, t, key);
    const typed = sumAmounts(rows.map((r) => r.weight));
    const left = lw === '' ? '' : typed === '' ? lw : subtractAmounts(lw, typed);
    const shares = left === '' || compareAmounts(left, '0') < 0 ? blank.map(() => '') : splitEvenly(left, blank.length);
    blank.forEach((r, i) => out.set(r.id, { weight: shares[i], implicit: true }));
  }
  return out;
}

/** Default 分值 of carried-over indicators: each level-1 weight spread evenly over its rows, in row order. */
export function defaultIndicatorWeights(levels: string[], t: SelfevalTemplate): Amount[] {
  const keys = levels.map((l) => level1Key(t, l));
  const out: Amount[] = keys.map(() => '');
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const w = t.weights.find((x) => x.level1 === key)?.weight;
    if (!w) continue;
    const idx = keys.flatMap((k, i) => (k === key ? [i] : []));
    splitEvenly(w, idx.length).forEach((a, j) => { out[idx[j]] = a; });
  }
  return out;
}

/**
 * What the typed 分值 should add up to, in the shape of a target profile's `weights`: per 一级 of the
 * template (as typed on the part, else the default) and their total — the live 权重合计 of the grid.
 */
export function indicatorWeightTargets(se: SelfEval, t: SelfevalTemplate): { total: Amount; level1: { level1: string; synonyms: string[]; weight: Amount }[] } | undefined {
  const level1 = t.weights.map((w) => ({ level1: w.level1, synonyms: w.synonyms, weight: level1Weight(se, t, w.level1) })).filter((l) => l.weight !== '');
  return level1.length ? { total: sumAmounts(level1.map((l) => l.weight)), level1 } : undefined;
}
