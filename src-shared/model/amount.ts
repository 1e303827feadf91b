// Exact decimal amounts. An amount is stored as a canonical decimal string ("1235", "349.5",
// "-0.01") or "" for blank — blank is not zero. Arithmetic goes through BigInt with an explicit
// scale, so sums and 万元↔元 conversion never touch binary floating point.

export type Amount = string;
export type MoneyUnit = '万元' | '元';

interface Fixed { digits: bigint; scale: number } // value = digits / 10^scale

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parse a user-typed amount ("1,235.00", "１２３５", " 43 ") to canonical form; null when not a number. */
export function parseAmount(text: string): Amount | null {
  const cleaned = toHalfWidthDigits(text).replace(/[,，\s]/g, '');
  if (cleaned === '') return '';
  const m = DECIMAL.exec(cleaned);
  if (!m) return null;
  return canonical({ digits: BigInt((m[1] === '-' ? '-' : '') + m[2] + (m[3] ?? '')), scale: (m[3] ?? '').length });
}

export function isCanonicalAmount(a: string): boolean {
  return a === '' || parseAmount(a) === a;
}

function toFixed(a: Amount): Fixed {
  const m = DECIMAL.exec(a);
  if (!m) throw new Error(`not an amount: ${JSON.stringify(a)}`);
  return { digits: BigInt((m[1] === '-' ? '-' : '') + m[2] + (m[3] ?? '')), scale: (m[3] ?? '').length };
}

function canonical(f: Fixed): Amount {
  let { digits, scale } = f;
  while (scale > 0 && digits % 10n === 0n) { digits /= 10n; scale--; }
  return canonicalWithScale({ digits, scale }, scale);
}

function align(a: Fixed, scale: number): bigint {
  return a.digits * 10n ** BigInt(scale - a.scale);
}

/** Sum of the filled amounts; "" when none is filled. */
export function sumAmounts(amounts: readonly Amount[]): Amount {
  const filled = amounts.filter((a) => a !== '').map(toFixed);
  if (filled.length === 0) return '';
  const scale = Math.max(...filled.map((f) => f.scale));
  return canonical({ digits: filled.reduce((acc, f) => acc + align(f, scale), 0n), scale });
}

/** -1, 0, 1; both must be filled. */
export function compareAmounts(a: Amount, b: Amount): number {
  const fa = toFixed(a), fb = toFixed(b);
  const scale = Math.max(fa.scale, fb.scale);
  const x = align(fa, scale), y = align(fb, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function subtractAmounts(a: Amount, b: Amount): Amount {
  const fa = toFixed(a), fb = toFixed(b);
  const scale = Math.max(fa.scale, fb.scale);
  return canonical({ digits: align(fa, scale) - align(fb, scale), scale });
}

/** Convert between 万元 and 元 exactly (1 万元 = 10000 元). Blank stays blank. */
export function convertAmount(a: Amount, from: MoneyUnit, to: MoneyUnit): Amount {
  if (a === '' || from === to) return a;
  const f = toFixed(a);
  return to === '元' ? canonical({ digits: f.digits * 10000n, scale: f.scale }) : canonical({ digits: f.digits, scale: f.scale + 4 });
}

/** amount × percent / 100, exact (used to show what a schedule percent means in money). */
export function percentOf(a: Amount, percent: Amount): Amount {
  if (a === '' || percent === '') return '';
  const fa = toFixed(a), fp = toFixed(percent);
  return canonical({ digits: fa.digits * fp.digits, scale: fa.scale + fp.scale + 2 });
}

/**
 * Display form: 万元 with two decimals, 元 as integers (layouts.md); extra decimals are shown rather
 * than rounded away, so the display never hides a digit the user typed. Blank stays blank.
 */
export function formatAmount(a: Amount, unit: MoneyUnit | 'percent'): string {
  if (a === '') return '';
  const f = toFixed(a);
  const minScale = unit === '元' ? 0 : 2;
  if (f.scale >= minScale) return canonicalWithScale(f, f.scale);
  return canonicalWithScale(f, minScale);
}

function canonicalWithScale(f: Fixed, scale: number): string {
  const digits = align(f, scale);
  const neg = digits < 0n;
  let s = (neg ? -digits : digits).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return (neg ? '-' : '') + s;
}

export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
