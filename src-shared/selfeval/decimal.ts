// Exact fractions of decimal strings for scoring: 分值 × actual / target and 执行数 / 预算数 are
// computed on the digits as typed (BigInt), then rounded once, half up, to 2 decimals. Scores are
// never derived from binary floating point, so a row's score and the sum of rows agree exactly.
import { parseAmount, sumAmounts, type Amount } from '../model/amount';

export interface Fraction { n: bigint; d: bigint } // value = n / d, d > 0

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string ("72.00", "2.9648", canonical amounts) as a fraction; null when it is not one. */
export function fraction(s: string): Fraction | null {
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  return { n: BigInt(m[1] + m[2] + frac), d: 10n ** BigInt(frac.length) };
}

export const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
/** a / b; null when b is zero. */
export const div = (a: Fraction, b: Fraction): Fraction | null => (b.n === 0n ? null : norm({ n: a.n * b.d, d: a.d * b.n }));
const norm = (f: Fraction): Fraction => (f.d < 0n ? { n: -f.n, d: -f.d } : f);
export const cmp = (a: Fraction, b: Fraction): number => {
  const x = a.n * b.d, y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};
export const minF = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) <= 0 ? a : b);
export const maxF = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) >= 0 ? a : b);

/** Round half up (away from zero) to `places` decimals, as a canonical amount. */
export function roundAmount(f: Fraction, places = 2): Amount {
  const scale = 10n ** BigInt(places);
  const neg = f.n < 0n;
  const n = neg ? -f.n : f.n;
  const units = (2n * n * scale + f.d) / (2n * f.d);
  const int = units / scale, rest = (units % scale).toString().padStart(places, '0');
  return parseAmount(`${neg && units !== 0n ? '-' : ''}${int}${places ? `.${rest}` : ''}`)!;
}

/**
 * `total` split into `n` equal parts in hundredths (or the total's own finer digits); the remainder
 * units go to the first rows, so the parts always add up to `total` exactly (50 / 3 → 16.67, 16.67, 16.66).
 */
export function splitEvenly(total: Amount, n: number): Amount[] {
  if (n <= 0) return [];
  const f = fraction(total === '' ? '0' : total)!;
  const d = f.d < 100n ? 100n : f.d;
  const units = f.n * (d / f.d);
  const base = units / BigInt(n), extra = Number(units - base * BigInt(n));
  return Array.from({ length: n }, (_, i) => roundAmount({ n: base + (i < extra ? 1n : 0n), d }, d.toString().length - 1));
}

export { sumAmounts };
