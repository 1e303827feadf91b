// What a clerk types (or pastes, or an imported cell holds) in an amount cell, read exactly: a
// number in the document's unit, or a number with its own unit (`50000元`, `5万元`, `5万`, `0.5亿元`,
// `1,234.5元`, full-width digits), or Chinese numerals (`八十万`, `一百二十三万四千五百元`, `三点五万`).
// The result is the canonical amount in the target unit with a note when anything was converted or
// read, or a refusal with a code and a Chinese reason. Never a guess: colloquial numerals whose
// reading is not certain (`一千二`), a currency sign without a unit, misplaced thousands separators
// and units that do not belong to the column are refused. Exact: BigInt decimals (amount.ts).
import { parseAmount, type Amount, type MoneyUnit } from './amount';

/** What the cell holds: money in the document's unit, a percent (schedule), or points (scores, weights). */
export type AmountTarget = MoneyUnit | 'percent' | 'score';

export type AmountInputCode =
  /** not a number at all */
  | 'amount.not-a-number'
  /** a unit this column cannot take (元 in a percent column, % in a money column) */
  | 'amount.wrong-unit'
  /** a number with no unit where the unit cannot be told (Chinese numerals, a currency sign) */
  | 'amount.unit-unclear'
  /** Chinese numerals whose value is not certain (一千二: 1200 or 1002?) */
  | 'amount.chinese-unclear'
  /** thousands separators in the wrong places (1,23) */
  | 'amount.grouping';

export type AmountInput =
  | { ok: true; amount: Amount; note: string | null }
  | { ok: false; code: AmountInputCode; reason: string };

// Powers of ten of each money unit, counted in 元.
const MONEY_EXP: Record<string, number> = { 元: 0, 千元: 3, 万: 4, 万元: 4, 亿: 8, 亿元: 8 };
const UNIT_EXP: Record<MoneyUnit, number> = { 元: 0, 万元: 4 };
// Longest first, so `万元` is not read as `元`.
const DIGIT_SUFFIX = /^(.*?)(亿元|万元|千元|亿|万|元|%|分)$/;

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNIT: Record<string, bigint> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
const CN_BIG: Record<string, string> = { 万: '万', 萬: '万', 亿: '亿', 億: '亿' };
const CN_CHARS = /^[零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億点點]+$/;

interface Fixed { digits: bigint; scale: number }

/**
 * Read `text` for a cell of kind `target`. Blank is blank (''), never zero. A number without a
 * unit is in the target's unit (the table's convention, as in Excel); a note says what was read
 * whenever the stored number is not simply the digits typed.
 */
export function parseAmountInput(text: string, target: AmountTarget): AmountInput {
  const shown = text.trim();
  // NFKC: full-width digits, ％, ，, ．, －, ideographic space; then no whitespace at all.
  const s = text.normalize('NFKC').replace(/[\s\u00a0]+/g, '').replace(/[−–]/g, '-');
  if (s === '') return { ok: true, amount: '', note: null };
  if (/^[¥$]|[¥$]$/.test(s)) {
    return refuse('amount.unit-unclear', `“${shown}”带有货币符号，无法确定是元还是万元，请去掉“¥”${target === '元' || target === '万元' ? `，按本表单位（${target}）填写，或写明“元”“万元”` : ''}`);
  }
  const chinese = readChinese(s, target, shown);
  if (chinese) return chinese;

  let number = s;
  let unit = '';
  const m = DIGIT_SUFFIX.exec(s);
  if (m && m[1] !== '') { number = m[1]; unit = m[2]; }
  const f = readDigits(number);
  if (f === 'grouping') return refuse('amount.grouping', `“${shown}”中千位分隔符“,”的位置不对，请去掉逗号或每三位一个（如 1,234.5）`);
  if (!f) return notANumber(shown, target);
  const wrong = unitProblem(unit, target, shown);
  if (wrong) return wrong;
  return convert(f, unit, target, shown, false);
}

function refuse(code: AmountInputCode, reason: string): AmountInput {
  return { ok: false, code, reason };
}

function notANumber(shown: string, target: AmountTarget): AmountInput {
  const example = target === 'percent' ? '例如 25 或 25%' : target === 'score' ? '例如 8 或 8.5' : `例如 1235.00；也可写 50000元、5万元，会换算为${target}`;
  const what = target === 'percent' ? '百分比' : target === 'score' ? '分数' : '金额';
  return refuse('amount.not-a-number', `“${shown}”不是有效的${what}，请输入数字（${example}）`);
}

/** The unit written after the number: does it belong in this column? */
function unitProblem(unit: string, target: AmountTarget, shown: string): AmountInput | null {
  if (unit === '') return null;
  const money = unit in MONEY_EXP;
  if (target === 'percent' && unit !== '%') {
    return refuse('amount.wrong-unit', money ? `“${shown}”是金额，这里应填百分比（如 25 或 25%）` : `“${shown}”不是百分比，这里应填百分比（如 25 或 25%）`);
  }
  if (target === 'score' && unit !== '分') {
    return refuse('amount.wrong-unit', `“${shown}”${unit === '%' ? '是百分比' : '是金额'}，这里应填分数（如 8 或 8.5）`);
  }
  if ((target === '元' || target === '万元') && !money) {
    return refuse('amount.wrong-unit', unit === '%' ? `“${shown}”是百分比，这里应填金额（本表单位：${target}）` : `“${shown}”不是金额，这里应填金额（本表单位：${target}）`);
  }
  return null;
}

/** `1234.5`, `1,234.5`, `.5`, `-3`: the exact decimal; 'grouping' for misplaced commas. */
function readDigits(s: string): Fixed | 'grouping' | null {
  const m = /^([+-]?)(\d[\d,]*|)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return null;
  if (m[2].includes(',') && !/^\d{1,3}(,\d{3})+$/.test(m[2])) return 'grouping';
  const frac = m[3] ?? '';
  const int = m[2].replace(/,/g, '') || '0';
  return { digits: BigInt(m[1] === '-' ? `-${int}${frac}` : `${int}${frac}`), scale: frac.length };
}

/** `f` in `unit` (money: a key of MONEY_EXP or '' for the target's own unit) into the target. */
function convert(f: Fixed, unit: string, target: AmountTarget, shown: string, chinese: boolean): AmountInput {
  let { digits, scale } = f;
  let converted = false;
  if ((target === '元' || target === '万元') && unit !== '') {
    const shift = MONEY_EXP[unit] - UNIT_EXP[target];
    if (shift > 0) digits *= 10n ** BigInt(shift); else scale -= shift;
    converted = shift !== 0;
  }
  const amount = parseAmount(fixedText({ digits, scale }))!;
  const unitLabel = target === 'percent' ? '%' : target === 'score' ? '分' : target;
  const note = converted ? `已按${target}换算：${shown} = ${amount}${unitLabel}`
    : chinese ? `已按数字读取：${shown} = ${amount}${unitLabel}` : null;
  return { ok: true, amount, note };
}

function fixedText(f: Fixed): string {
  const neg = f.digits < 0n;
  let s = (neg ? -f.digits : f.digits).toString();
  if (f.scale > 0) {
    s = s.padStart(f.scale + 1, '0');
    s = `${s.slice(0, s.length - f.scale)}.${s.slice(s.length - f.scale)}`;
  }
  return (neg ? '-' : '') + s;
}

// ---- Chinese numerals -----------------------------------------------------------------------

/**
 * Chinese numerals, or null when `s` is not written in them. Money must say its unit: `…元`, or
 * a number ending in 万/亿 (八十万 = 80万元); a bare `八十` could mean 80元 or 80万元 and is refused.
 */
function readChinese(s: string, target: AmountTarget, shown: string): AmountInput | null {
  let body = s;
  let suffix = '';
  if (target === 'percent' && body.startsWith('百分之')) { body = body.slice(3); suffix = '%'; }
  else if (/[元%分]$/.test(body)) { suffix = body.slice(-1); body = body.slice(0, -1); }
  const negative = body.startsWith('负');
  if (negative) body = body.slice(1);
  if (!CN_CHARS.test(body) || !/[零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟]/.test(body)) return null;
  const wrong = unitProblem(suffix, target, shown);
  if (wrong) return wrong;
  const value = chineseValue(body);
  if (!value) return refuse('amount.chinese-unclear', `无法确定“${shown}”是多少，请用数字填写（如 1235.00、80万元）`);
  const money = target === '元' || target === '万元';
  if (money && suffix === '' && !/[万萬亿億]$/.test(body)) {
    return refuse('amount.unit-unclear', `“${shown}”没有写单位，无法确定是元还是万元，请写成“${shown}元”或“${shown}万元”，或用数字按本表单位（${target}）填写`);
  }
  const f = negative ? { ...value, digits: -value.digits } : value;
  return convert(f, money ? '元' : suffix, target, shown, true);
}

/** The value of a Chinese numeral (integer part with 万/亿, optional 点 + digits, optional trailing 万/亿), exactly; null when unsure. */
function chineseValue(s: string): Fixed | null {
  const norm = s.replace(/點/g, '点');
  const dot = norm.indexOf('点');
  if (dot < 0) {
    const n = chineseInteger(norm);
    return n === null ? null : { digits: n, scale: 0 };
  }
  // 三点五万: the decimal, then at most one 万/亿 applying to all of it.
  let frac = norm.slice(dot + 1);
  let exp = 0;
  const big = CN_BIG[frac.slice(-1)];
  if (big) { exp = big === '万' ? 4 : 8; frac = frac.slice(0, -1); }
  const intPart = norm.slice(0, dot);
  if (frac === '' || [...frac].some((c) => CN_DIGIT[c] === undefined)) return null;
  if (exp && /[万萬亿億]/.test(intPart)) return null; // 一万点五万: not a number
  const int = chineseInteger(intPart);
  if (int === null) return null;
  const fracDigits = [...frac].map((c) => String(CN_DIGIT[c])).join('');
  const digits = BigInt(`${int}${fracDigits}`) * 10n ** BigInt(exp);
  return { digits, scale: fracDigits.length };
}

/**
 * A Chinese integer, read leniently and then checked against the one way that number is written
 * (一万零五百, 十五, 一千零一十): anything else (一千二, 一千五十, 二二) is unsure and refused.
 */
function chineseInteger(s: string): bigint | null {
  if (s === '') return null;
  // One spelling per digit and unit; 两 is 二; a leading 十 is 一十.
  let plain = [...s].map((c) => (CN_DIGIT[c] !== undefined ? '零一二三四五六七八九'[CN_DIGIT[c]] : CN_BIG[c] ?? ({ 拾: '十', 佰: '百', 仟: '千' } as Record<string, string>)[c] ?? c)).join('');
  if (plain.startsWith('十')) plain = `一${plain}`;
  const n = lenient(plain);
  if (n === null || chineseText(n) !== plain) return null;
  return n;
}

function lenient(s: string): bigint | null {
  const yi = s.lastIndexOf('亿');
  if (yi >= 0) {
    const hi = lenient(s.slice(0, yi));
    const lo = s.slice(yi + 1);
    if (hi === null) return null;
    const l = lo === '' ? 0n : lenient(lo.replace(/^零/, ''));
    return l === null ? null : hi * 10n ** 8n + l;
  }
  const wan = s.indexOf('万');
  if (wan >= 0) {
    const hi = section(s.slice(0, wan));
    const lo = s.slice(wan + 1);
    if (hi === null) return null;
    const l = lo === '' ? 0n : section(lo.replace(/^零/, ''));
    return l === null ? null : hi * 10000n + l;
  }
  return section(s);
}

/** 0–9999 written with 千百十 (零 between). */
function section(s: string): bigint | null {
  if (s === '') return null;
  let v = 0n;
  let pending: bigint | null = null;
  for (const c of s) {
    const u = CN_UNIT[c];
    if (u !== undefined) {
      if (pending === null || pending === 0n) return null;
      v += pending * u;
      pending = null;
      continue;
    }
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    if (pending !== null && pending !== 0n) return null;
    pending = BigInt(d);
  }
  return v + (pending ?? 0n);
}

const CN_DIGITS = '零一二三四五六七八九';

/** The one standard way to write `n` ≥ 0 (一十 at the start, 零 for each gap). */
export function chineseText(n: bigint): string {
  if (n === 0n) return '零';
  if (n >= 10n ** 8n) {
    const lo = n % 10n ** 8n;
    return `${chineseText(n / 10n ** 8n)}亿${lo === 0n ? '' : (lo < 10n ** 7n ? '零' : '') + chineseText(lo)}`;
  }
  if (n >= 10000n) {
    const lo = n % 10000n;
    return `${sectionText(n / 10000n)}万${lo === 0n ? '' : (lo < 1000n ? '零' : '') + sectionText(lo)}`;
  }
  return sectionText(n);
}

function sectionText(n: bigint): string {
  let out = '';
  let zero = false;
  let started = false;
  for (const [place, unit] of [[1000n, '千'], [100n, '百'], [10n, '十'], [1n, '']] as const) {
    const d = Number((n / place) % 10n);
    if (d === 0) { if (started) zero = true; continue; }
    if (zero) out += '零';
    zero = false;
    out += CN_DIGITS[d] + unit;
    started = true;
  }
  return out;
}
