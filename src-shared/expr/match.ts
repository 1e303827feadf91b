// What a parsed value means as a set of numbers, and whether a measured value meets it.
import { EMPTY, contains, intersect, interval, union, type IntervalSet } from './interval';
import type { Atom, ParsedValue } from './parse';

function atomSet(a: Atom): IntervalSet {
  if (a.kind === 'range') return interval(a.lo.value, a.hi.value);
  const v = a.value;
  switch (a.op) {
    case '>=': return interval(v, Infinity);
    case '>': return interval(v, Infinity, true);
    case '<=': return interval(-Infinity, v);
    case '<': return interval(-Infinity, v, false, true);
    case '=': return interval(v, v);
  }
}

/** The numbers a value admits (units ignored), or null when it is not numeric. */
export function valueSet(p: ParsedValue): IntervalSet | null {
  if (p.kind !== 'numeric') return null;
  let out: IntervalSet = EMPTY;
  for (const g of p.groups) {
    let s: IntervalSet | null = null;
    for (const a of g) s = s === null ? atomSet(a) : intersect(s, atomSet(a));
    out = union(out, s ?? EMPTY);
  }
  return out;
}

/**
 * Does measured value x meet the condition? A bare number means equality (the caller decides
 * whether to read it as "at least"). With `unit`, an atom written in another unit does not match.
 */
export function matches(p: ParsedValue, x: number, unit?: string): boolean {
  if (p.kind !== 'numeric' || !Number.isFinite(x)) return false;
  return p.groups.some((g) => g.every((a) => (unit === undefined || a.unit === '' || a.unit === unit) && contains(atomSet(a), x)));
}
