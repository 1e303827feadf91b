// Sets of real numbers as sorted, disjoint intervals with open/closed ends. Band analysis is done
// with these exactly (no sampling): a gap is domain \ ∪bands, a dead band is B_i \ ∪_{j<i} B_j.

export interface Interval {
  lo: number; // may be -Infinity (then loOpen)
  hi: number; // may be Infinity (then hiOpen)
  loOpen: boolean;
  hiOpen: boolean;
}

/** Sorted, pairwise disjoint and non-touching intervals. */
export type IntervalSet = readonly Interval[];

export const EMPTY: IntervalSet = [];
export const REALS: IntervalSet = [{ lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true }];

export function interval(lo: number, hi: number, loOpen = false, hiOpen = false): IntervalSet {
  const iv = { lo, hi, loOpen: loOpen || lo === -Infinity, hiOpen: hiOpen || hi === Infinity };
  return isEmptyInterval(iv) ? EMPTY : [iv];
}

function isEmptyInterval(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

export function isEmpty(s: IntervalSet): boolean {
  return s.length === 0;
}

/** Which interval starts first (closed before open at the same point). */
function byLo(a: Interval, b: Interval): number {
  if (a.lo !== b.lo) return a.lo < b.lo ? -1 : 1;
  return (a.loOpen ? 1 : 0) - (b.loOpen ? 1 : 0);
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const all = [...a, ...b].sort(byLo);
  const out: Interval[] = [];
  let cur = { ...all[0] };
  for (let k = 1; k < all.length; k++) {
    const n = all[k];
    // Overlap, or touching at a point that at least one side includes.
    const joins = n.lo < cur.hi || (n.lo === cur.hi && (!n.loOpen || !cur.hiOpen));
    if (joins) {
      if (n.hi > cur.hi) { cur.hi = n.hi; cur.hiOpen = n.hiOpen; }
      else if (n.hi === cur.hi) cur.hiOpen = cur.hiOpen && n.hiOpen;
    } else {
      out.push(cur);
      cur = { ...n };
    }
  }
  out.push(cur);
  return out;
}

export function complement(a: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let lo = -Infinity, loOpen = true;
  for (const i of a) {
    const gap = { lo, hi: i.lo, loOpen, hiOpen: !i.loOpen || i.lo === -Infinity };
    if (!(i.lo === -Infinity) && !isEmptyInterval(gap)) out.push(gap);
    lo = i.hi; loOpen = !i.hiOpen;
  }
  if (lo !== Infinity) {
    const last = { lo, hi: Infinity, loOpen, hiOpen: true };
    if (!isEmptyInterval(last)) out.push(last);
  }
  return out;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i], y = b[j];
    const lo = Math.max(x.lo, y.lo);
    const loOpen = (x.lo === lo && x.loOpen) || (y.lo === lo && y.loOpen);
    const hi = Math.min(x.hi, y.hi);
    const hiOpen = (x.hi === hi && x.hiOpen) || (y.hi === hi && y.hiOpen);
    const iv = { lo, hi, loOpen, hiOpen };
    if (!isEmptyInterval(iv)) out.push(iv);
    // Advance whichever ends first (the closed end lasts longer at the same point).
    if (x.hi < y.hi || (x.hi === y.hi && x.hiOpen && !y.hiOpen)) i++;
    else if (y.hi < x.hi || (x.hi === y.hi && y.hiOpen && !x.hiOpen)) j++;
    else { i++; j++; }
  }
  return out;
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  return intersect(a, complement(b));
}

export function contains(s: IntervalSet, x: number): boolean {
  for (const i of s) {
    if ((x > i.lo || (x === i.lo && !i.loOpen)) && (x < i.hi || (x === i.hi && !i.hiOpen))) return true;
  }
  return false;
}

/** Does the set hold an integer? (count indicators: 9.5 人 is not a possible value). */
export function containsInteger(s: IntervalSet): boolean {
  return s.some((i) => {
    const lo = i.lo === -Infinity ? -Infinity : i.loOpen ? Math.floor(i.lo) + 1 : Math.ceil(i.lo);
    const hi = i.hi === Infinity ? Infinity : i.hiOpen ? Math.ceil(i.hi) - 1 : Math.floor(i.hi);
    return lo <= hi;
  });
}

/** Keep only what matters for the question asked: non-empty over reals, or holding an integer. */
export function hasValues(s: IntervalSet, integer: boolean): boolean {
  return integer ? containsInteger(s) : s.length > 0;
}
