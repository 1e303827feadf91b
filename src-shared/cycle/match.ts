// Row matching for the comparison. A row of the new document is matched to a row of the old one:
//   1. by its `from` link (set by 新年度 / 复制为新项目) — exact, wherever the row now sits;
//   2. within the same (matched) parent: by equal normalized name, then by similar names;
//   3. leftovers: by equal normalized name anywhere (a row moved to another parent).
// Normalized name: whitespace and leading numbering removed, full-width brackets folded, and every
// 4-digit year replaced by `#`, so `2020年…补助资金` and `2021年…补助资金` are the same name.
// Similar: bigram Dice coefficient of the normalized names ≥ 0.5 (2·|shared bigrams| / (|a|+|b|)),
// best pairs first — documented in docs/cycle.md.
import { stripNumbering } from '../model/numbering';

export interface MatchNode {
  id: string;
  from?: string;
  /** Id of the parent row ('' at the top). */
  parent: string;
  name: string;
}

export const SIMILAR_THRESHOLD = 0.5;

export function normalizeName(name: string): string {
  return stripNumbering(name).rest
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(').replace(/）/g, ')').replace(/【|〔|［/g, '[').replace(/】|〕|］/g, ']')
    .replace(/(?<!\d)(19|20)\d{2}(?!\d)/g, '#')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) m.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Bigram Dice coefficient of two names (0…1), on the normalized names. */
export function similarity(a: string, b: string, na = normalizeName(a), nb = normalizeName(b)): number {
  if (na === nb) return 1;
  const ga = bigrams(na), gb = bigrams(nb);
  let shared = 0, total = 0;
  for (const [g, n] of ga) { shared += Math.min(n, gb.get(g) ?? 0); total += n; }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Pairs new-row id → old-row id. `parentMap` maps an old parent id to the new parent it was matched
 * with (top-level rows have parent '' on both sides).
 */
export function matchRows(olds: readonly MatchNode[], news: readonly MatchNode[], parentMap: ReadonlyMap<string, string>): Map<string, string> {
  const pairs = new Map<string, string>();
  const usedOld = new Set<string>();
  const oldById = new Map(olds.map((o) => [o.id, o]));
  const take = (n: MatchNode, o: MatchNode) => { pairs.set(n.id, o.id); usedOld.add(o.id); };
  const keys = new Map<MatchNode, string>();
  const keyOf = (x: MatchNode) => { let k = keys.get(x); if (k === undefined) { k = normalizeName(x.name); keys.set(x, k); } return k; };
  for (const n of news) {
    const o = n.from ? oldById.get(n.from) : undefined;
    if (o && !usedOld.has(o.id)) take(n, o);
  }
  const freeOld = () => olds.filter((o) => !usedOld.has(o.id));
  const freeNew = () => news.filter((n) => !pairs.has(n.id));
  const mappedParent = (o: MatchNode) => (o.parent === '' ? '' : parentMap.get(o.parent));

  // Same parent: equal names, then similar names (best pairs first).
  const byParent = new Map<string, { olds: MatchNode[]; news: MatchNode[] }>();
  for (const o of freeOld()) {
    const p = mappedParent(o);
    if (p === undefined) continue;
    (byParent.get(p) ?? byParent.set(p, { olds: [], news: [] }).get(p)!).olds.push(o);
  }
  for (const n of freeNew()) byParent.get(n.parent)?.news.push(n);
  for (const group of byParent.values()) {
    for (const n of group.news) {
      const o = group.olds.find((x) => !usedOld.has(x.id) && keyOf(x) === keyOf(n));
      if (o) take(n, o);
    }
    const candidates: { n: MatchNode; o: MatchNode; s: number }[] = [];
    for (const n of group.news) {
      if (pairs.has(n.id)) continue;
      for (const o of group.olds) {
        if (usedOld.has(o.id)) continue;
        const s = similarity(o.name, n.name, keyOf(o), keyOf(n));
        if (s >= SIMILAR_THRESHOLD) candidates.push({ n, o, s });
      }
    }
    candidates.sort((a, b) => b.s - a.s);
    for (const c of candidates) if (!pairs.has(c.n.id) && !usedOld.has(c.o.id)) take(c.n, c.o);
  }
  // Moved to another parent: equal names anywhere.
  const oldByName = new Map<string, MatchNode[]>();
  for (const o of freeOld()) {
    const key = keyOf(o);
    if (key !== '') (oldByName.get(key) ?? oldByName.set(key, []).get(key)!).push(o);
  }
  for (const n of freeNew()) {
    const o = oldByName.get(keyOf(n))?.find((x) => !usedOld.has(x.id));
    if (o) take(n, o);
  }
  return pairs;
}

/** Indices (into `seq`) NOT on a longest increasing subsequence: the fewest rows that moved. */
export function movedIndices(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (seq[tails[mid]] < seq[i]) lo = mid + 1; else hi = mid; }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  const out = new Set<number>();
  for (let i = 0; i < seq.length; i++) if (!keep.has(i)) out.add(i);
  return out;
}
