// Checks on one 指标值 (or one band cell) that depend only on its text, what the indicator
// measures and the document's money unit. Results are memoized by those inputs: real tables (and
// the synthetic one) repeat the same few spellings thousands of times.
import { convertAmount, parseAmount, type MoneyUnit } from '../model/amount';
import { COUNT_UNITS, formatValue, parseValue, type Atom, type NumericValue, type Op } from '../expr/parse';
import type { IndicatorNature } from '../model/indicator-kind';
import type { Severity } from './types';

export interface CellIssue { severity: Severity; code: string; message: string; suggestion?: string }

const OP_TEXT: Record<Op, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '' };
const MONEY_UNITS = new Set(['元', '万元', '亿元', '千元']);

export interface DigitsDefect {
  /** Errors when the value is impossible (a rate over 100%), warnings when it is only suspicious. */
  severity: Severity;
  /** The number the user probably meant, when it can be told. */
  fix?: string;
  /** Both readings when it cannot (≥10090% → 100 或 90). */
  readings?: [string, string];
}

/**
 * Typed-over numbers: a digit run written twice (≥9595%, ≥108108元, 3030) or, for a percent above
 * 100, two plausible percents run together (1100 = 1|100, 10090 = 100|90, 9890 = 98|90).
 */
export function duplicatedDigits(signed: string, percent: boolean): DigitsDefect | null {
  const sign = signed.startsWith('-') ? '-' : '';
  const number = signed.slice(sign.length);
  const [int, frac] = number.split('.');
  const tail = frac ? `.${frac}` : '';
  if (int.length >= 4 && int.length % 2 === 0 && int.slice(0, int.length / 2) === int.slice(int.length / 2)) {
    const half = int.slice(0, int.length / 2);
    if (half[0] !== '0') return { severity: percent || half.length >= 3 ? 'error' : 'warning', fix: sign + half + tail };
  }
  if (!percent || Number(number) <= 100) return null;
  for (let k = 1; k < int.length; k++) {
    const p = int.slice(0, k), q = int.slice(k);
    if (q[0] === '0' || Number(q) > 100) continue;
    if (q.startsWith(p)) return { severity: 'error', fix: sign + q + tail };
    if (p.length >= 2 && q.length >= 2 && p[0] !== '0' && Number(p) <= 100) return { severity: 'error', readings: [sign + p, sign + q] };
  }
  return null;
}

function atomNumbers(a: Atom): string[] {
  return a.kind === 'range' ? [a.lo.number, a.hi.number] : [a.number];
}

/** The normalized spelling with one number replaced (for a one-click fix). */
function withNumber(p: NumericValue, from: string, to: string): string {
  const groups = p.groups.map((g) => g.map((a): Atom => {
    if (a.kind === 'cmp') return a.number === from ? { ...a, number: to, value: Number(to) } : a;
    const lo = a.lo.number === from ? { number: to, value: Number(to) } : a.lo;
    const hi = a.hi.number === from ? { number: to, value: Number(to) } : a.hi;
    return lo.value <= hi.value ? { ...a, lo, hi } : { ...a, lo: hi, hi: lo };
  }));
  return formatValue({ ...p, groups })!;
}

function isPercent(a: Atom, nature: IndicatorNature): boolean {
  return a.unit === '%' || (a.unit === '' && nature.kind === 'percent');
}

/** Typed-over digits in any numeric cell (values and bands). */
export function digitIssues(p: NumericValue, nature: IndicatorNature): CellIssue[] {
  for (const a of p.groups.flat()) {
    for (const n of atomNumbers(a)) {
      const d = duplicatedDigits(n, isPercent(a, nature));
      if (!d) continue;
      const unit = a.unit;
      const message = d.fix
        ? `“${n}${unit}”像是重复输入了数字（应为“${d.fix}${unit}”？），请核对后改正`
        : `“${n}${unit}”像是两个数值连在一起（“${d.readings![0]}${unit}”和“${d.readings![1]}${unit}”），请核对后只保留一个`;
      return [{ severity: d.severity, code: 'value.duplicated-digits', message, suggestion: d.fix ? withNumber(p, n, d.fix) : undefined }];
    }
  }
  return [];
}

/** Rates above 100%: impossible, or `≥100%` which can only mean exactly 100%. */
export function rateIssues(p: NumericValue, nature: IndicatorNature): CellIssue[] {
  for (const a of p.groups.flat()) {
    if (!isPercent(a, nature)) continue;
    const top = a.kind === 'range' ? a.hi.value : a.value;
    if (top > 100) {
      return [{ severity: 'error', code: 'value.rate-over-100', message: `比率不能超过100%（“${p.source}”），请改为0–100%之间的目标` }];
    }
    if (a.kind === 'cmp' && a.value === 100 && a.op === '>') {
      return [{ severity: 'error', code: 'value.rate-over-100', message: '比率不可能高于100%，请改为“100%”或更低的目标' }];
    }
    if (a.kind === 'cmp' && a.value === 100 && a.op === '>=' && p.groups.flat().length === 1) {
      return [{ severity: 'info', code: 'value.rate-over-100', message: '“≥100%”只能表示等于100%，建议写作“100%”', suggestion: `100${a.unit || '%'}` }];
    }
  }
  return [];
}

/**
 * The text respelled character by character: full-width to half-width (NFKC), no spaces, `>=` `≧`
 * as `≥`, `<=` `≦` as `≤`, `〈〉` as `<>`, no thousands separators. When this is exactly the
 * normalized value, the two differ in spelling only and the fix can be offered with one click;
 * anything more (a label, words such as 不低于, a range written otherwise) is left as written.
 */
function respelled(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
    .replace(/>=|≧/g, '≥').replace(/<=|≦/g, '≤').replace(/〈/g, '<').replace(/〉/g, '>')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** 提示: `≥ 95 %` → `≥95%`, `>=3000` → `≥3000` (spelling only; the meaning is the same). */
export function spellingIssue(p: NumericValue): CellIssue | null {
  const normalized = formatValue(p);
  if (normalized === null || normalized === p.source || respelled(p.source) !== normalized) return null;
  return { severity: 'info', code: 'value.spelling', message: `“${p.source}”可统一写作“${normalized}”（半角符号、不留空格）`, suggestion: normalized };
}

/** The spelling hint, unless another finding on the cell already offers a fix (that one wins). */
export function withSpelling(p: NumericValue, issues: CellIssue[]): CellIssue[] {
  if (issues.some((i) => i.suggestion !== undefined)) return issues;
  const s = spellingIssue(p);
  return s ? [...issues, s] : issues;
}

// Keyed by the (memoized, hence stable) nature object, then unit, then text: no string building.
const memo = new WeakMap<IndicatorNature, Map<string, CellIssue[]>>();

/** All text-level findings on a project indicator's 指标值. */
export function valueIssues(text: string, nature: IndicatorNature, unit: MoneyUnit): CellIssue[] {
  let byText = memo.get(nature);
  if (!byText) memo.set(nature, (byText = new Map()));
  const key = unit === '万元' ? text : `元\u0001${text}`;
  let out = byText.get(key);
  if (!out) {
    out = computeValueIssues(text, nature, unit);
    if (byText.size > 20000) byText.clear();
    byText.set(key, out);
  }
  return out;
}

function computeValueIssues(text: string, nature: IndicatorNature, docUnit: MoneyUnit): CellIssue[] {
  const p = parseValue(text);
  if (p.kind === 'empty' || p.kind === 'qualitative') return [];
  if (p.kind === 'unparsed') {
    return [{ severity: 'error', code: 'value.unparsed', message: `无法识别指标值“${text.length > 40 ? text.slice(0, 40) + '…' : text}”，请写成“≥90%”“≤5人”“100%”或“完成”这样的形式` }];
  }
  const digits = digitIssues(p, nature);
  if (digits.length) return digits;
  const out: CellIssue[] = [...rateIssues(p, nature)];
  const atoms = p.groups.flat();
  const normalized = formatValue(p)!;

  // Zero targets: ≥0 is met by anything; ≤0 / =0 asks for nothing (unless lower is better).
  for (const a of atoms) {
    if (a.kind !== 'cmp' || a.value !== 0) continue;
    if (a.op === '>=') out.push({ severity: 'warning', code: 'value.zero-target', message: `目标“${p.source}”任何结果都能达到，等于没有目标，请填写实际目标值` });
    else if ((a.op === '<=' || a.op === '=') && !nature.lowerIsBetter) out.push({ severity: 'warning', code: 'value.zero-target', message: `目标值为0（“${p.source}”），请确认是否漏填了实际目标值` });
    break;
  }
  const zero = out.some((f) => f.code === 'value.zero-target');

  if (p.bareNumber && !zero) {
    const a = atoms[0] as Extract<Atom, { kind: 'cmp' }>;
    const harmless = isPercent(a, nature) && a.value === 100;
    if (!harmless) {
      const op = nature.lowerIsBetter ? '≤' : '≥';
      // Style: the target is clear, and scoring reads a bare target by the indicator's direction.
      out.push({ severity: 'info', code: 'value.no-operator', message: `指标值“${p.source}”没有比较符号，请写明是“${op}”还是“=”`, suggestion: `${op}${a.number}${a.unit}` });
    }
  }

  if (nature.lowerIsBetter && atoms.some((a) => a.kind === 'cmp' && (a.op === '>=' || a.op === '>')) && !atoms.some((a) => a.kind === 'cmp' && (a.op === '<=' || a.op === '<'))) {
    const swapped = normalized.replace(/≥/g, '≤').replace(/>/g, '<');
    out.push({ severity: 'warning', code: 'value.reverse-direction', message: '该指标数值越低越好，目标却写成“≥/＞”，请改为“≤/＜”', suggestion: swapped });
  }

  const units = p.units;
  if (nature.kind === 'count' && units.includes('%')) {
    out.push({ severity: 'warning', code: 'value.unit-mismatch', message: '这是数量类指标（…数、人、次），指标值却是百分比，请填写数量或修改指标名称' });
  } else if (nature.kind === 'percent' && units.some((u) => COUNT_UNITS.has(u) || MONEY_UNITS.has(u))) {
    out.push({ severity: 'warning', code: 'value.unit-mismatch', message: '这是比率类指标（…率、%），指标值却不是百分比，请填写百分比或修改指标名称' });
  }
  if (docUnit === '万元') {
    const big = atoms.find((a) => a.kind === 'cmp' && a.unit === '元' && a.value >= 10000) as Extract<Atom, { kind: 'cmp' }> | undefined;
    if (big) {
      const amount = parseAmount(big.number);
      const wan = amount ? convertAmount(amount, '元', '万元') : null;
      out.push({
        severity: 'warning', code: 'value.unit-mismatch',
        message: `本表金额单位为万元，指标值“${p.source}”却以元为单位${wan ? `，建议写作“${wan}万元”` : ''}`,
        suggestion: wan ? `${OP_TEXT[big.op === '=' && big.opForm === 'none' ? '=' : big.op]}${wan}万元` : undefined,
      });
    }
  }
  return withSpelling(p, out);
}
