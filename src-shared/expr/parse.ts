// The little language inside 指标值 and 优/良/中/差 cells (domain.md "Values and bands").
// A cell is: [label] atom (joiner [label] atom)*, where an atom is a comparison on a decimal number
// with a unit (`≥90%`, `350以上`, `不低于95%`, bare `100%`) or a closed range (`介于350—330之间`,
// `≥ 400- 499 人`); 和/且 bind tighter than 或. Digit-free text is a qualitative value (`完成`).
// Numbers may be negative (`-5%`, `控制在-1%以内`); a change word before an atom gives its sign
// (`下降5%` = ≤-5%, `增长≥3%` = ≥3%): see `SIGN_WORDS`.
// The parser never throws and keeps `source` exactly as typed; `normalizeValue` only suggests.

export type Op = '>=' | '<=' | '>' | '<' | '=';

export interface Comparison {
  kind: 'cmp';
  op: Op;
  /** The number as typed (half-width digits, signed), e.g. "95", "10.65", "-5". */
  number: string;
  value: number;
  unit: string;
  /** How the operator was written: a symbol, a word (以上, 不低于…), or none (bare number). */
  opForm: 'symbol' | 'word' | 'none';
}

export interface Range {
  kind: 'range';
  /** Ends sorted (介于350—330之间 → 330..350); both included. */
  lo: { number: string; value: number };
  hi: { number: string; value: number };
  unit: string;
}

export type Atom = Comparison | Range;

/** Fields every parse result has, so callers can read them without narrowing. */
interface ParsedCommon {
  /** The cell exactly as typed. */
  source: string;
  /** Text before the first atom (`完成率>90%` → "完成率"); "" when none or not numeric. */
  label: string;
  /** A single number without any operator (`100%`, `3`, `1次`); false when not numeric. */
  bareNumber: boolean;
}

export type ParsedValue =
  | (ParsedCommon & { kind: 'empty' })
  | (ParsedCommon & { kind: 'qualitative'; word: string })
  | (ParsedCommon & { kind: 'unparsed'; reason: string })
  | (ParsedCommon & {
      kind: 'numeric';
      /** OR of AND groups: `≥85%和≤100%` → [[≥85%, ≤100%]]; `<80%或>100%` → [[<80%], [>100%]]. */
      groups: Atom[][];
      /** The units used, distinct, in order ("" for a unitless number). */
      units: string[];
    });

export type NumericValue = Extract<ParsedValue, { kind: 'numeric' }>;

/** Longer than any real cell: such text is reported as unparsed without looking (keeps parse O(1) there). */
export const MAX_VALUE_LENGTH = 300;

const BASE_UNITS = [
  '万人次', '人次', '万人', '万户', '万元', '亿元', '千元', '元',
  '个百分点', '百分点', '个工作日', '人', '次', '个', '户', '家', '项', '件', '所', '名', '场', '期', '篇', '套', '台', '工作日', '个月', '天', '日',
  '月', '年', '周', '小时', '分钟', '%', '‰', '周岁', '岁', '万亩', '亩', '公顷', '万平方米', '平方米', '平方公里', '万立方米', '立方米', '公里', '千米', '延米', '米',
  '万吨', '吨', '公斤', '千克', '克', '千瓦时', '千瓦', '份',
  '本', '册', '部', '辆', '座', '处', '条', '张', '批次', '批', '类', '头', '只', '株', '棵', '宗', '例', '间', '栋', '盏', '块', '箱', '袋', '分', '倍', '万',
  '等', '级', '星',
];
/**
 * A unit is a base unit or a rate of them (`元/亩`, `公斤/亩`, `元/人/月`). Longest first: a regex
 * alternation takes the first that matches, and `万人次` must win over `万人`.
 */
const UNITS = [...BASE_UNITS].sort((a, b) => b.length - a.length);
/** Units that count whole things (bands over them are analysed on integers). */
export const COUNT_UNITS = new Set(['万人次', '人次', '人', '次', '个', '户', '家', '项', '件', '所', '名', '场', '期', '篇', '套', '台', '份', '本', '册', '部', '辆', '座', '处', '条', '张', '批次', '批', '类', '头', '只', '株', '棵', '宗', '例', '间', '栋', '盏', '块', '箱', '袋']);

// Word operators before a number; longest first so 不低于 wins over 低于.
const PRE_WORDS: [string, Op][] = [
  ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['不下于', '>='],
  ['至少', '>='], ['最少', '>='], ['达到', '>='], ['小于或等于', '<='], ['小于等于', '<='], ['不高于', '<='],
  ['不超过', '<='], ['不多于', '<='], ['不大于', '<='], ['至多', '<='], ['最多', '<='], ['控制在', '<='],
  ['高于', '>'], ['大于', '>'], ['超过', '>'], ['多于', '>'], ['低于', '<'], ['小于', '<'], ['少于', '<'],
  ['不足', '<'], ['等于', '='],
  // A level to reach (降低至3% = ≤3%, 提高到95% = ≥95%): the number is the level, not the change.
  ['降低至', '<='], ['降低到', '<='], ['下降至', '<='], ['下降到', '<='], ['降至', '<='], ['减少至', '<='], ['减少到', '<='],
  ['提高至', '>='], ['提高到', '>='], ['提升至', '>='], ['提升到', '>='], ['增长至', '>='], ['增长到', '>='], ['增加至', '>='],
  ['增加到', '>='], ['上升至', '>='], ['上升到', '>='],
];
// Change words before an atom: the numbers are changes, negative after 下降/减少 …, and the
// comparison is on the size of the change (下降5%以上 = a fall of 5% or more = ≤-5%). Alone they
// mean "at least this much in that direction" (下降5% = ≤-5%, 增长3% = ≥3%), as targets are read.
const SIGN_WORDS: [string, 1 | -1][] = [
  ['下降', -1], ['降低', -1], ['减少', -1], ['减低', -1], ['下调', -1], ['压减', -1], ['缩减', -1],
  ['增长', 1], ['增加', 1], ['提高', 1], ['提升', 1], ['上升', 1], ['上涨', 1],
];
const SYMBOL_OPS: Record<string, Op> = { '≥': '>=', '≤': '<=', '>': '>', '<': '<', '=': '=' };
// Word operators after a number (以上/以下 include the number, as in Chinese regulations).
const POST_WORDS: [string, Op][] = [
  ['及以上', '>='], ['或以上', '>='], ['以上', '>='], ['及以下', '<='], ['或以下', '<='], ['以下', '<='],
  ['以内', '<='], ['之内', '<='],
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs: string[]) => xs.map(esc).join('|');
const NUM = '(-?\\d+(?:\\.\\d+)?)';
const SIGN = `(${alt(SIGN_WORDS.map((w) => w[0]))})?`;
const UNIT = `((?:${alt(UNITS)})(?:\\/(?:${alt(UNITS)}))*)?`;
const PRE = `(${alt(PRE_WORDS.map((w) => w[0]))}|[≥≤<>=])?`;
const POST = `(${alt(POST_WORDS.map((w) => w[0]))})?`;
// [介于|在|从|为] [change word] [op] num [unit] [sep num [unit]] [之间] [post]
const ATOM = new RegExp(`(?:介于|在|从|为)?${SIGN}${PRE}${NUM}${UNIT}(?:(?:-|~|至|到)${NUM}${UNIT})?(?:之间|范围内|区间内|区间)?${POST}(?:\\(含\\))?`, 'y');
const DATE = /\d{4}年|\d{1,2}月|\d{1,2}日|年底|月底|季度/;
const PRE_END = new RegExp(`(?:${alt(PRE_WORDS.map((w) => w[0]))}|[≥≤<>=])$`);
const JOIN = /(并且|而且|或者|且|和|与|及|并|或|、|,|;|&)/y;
const OR_WORDS = new Set(['或者', '或']);

/** Half-width digits/operators, bracket and double-width operators to plain ones, no spaces. */
export function canonicalText(text: string): string {
  let s = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) s += String.fromCharCode(c - 0xfee0);
    else if (ch === '〈' || ch === '《') s += '<';
    else if (ch === '〉' || ch === '》') s += '>';
    else if (ch === '≧' || ch === '⩾') s += '≥';
    else if (ch === '≦' || ch === '⩽') s += '≤';
    // Dashes join a range (runs of them are one); '-' and '−' may also be a minus sign.
    else if (ch === '—' || ch === '–' || ch === '―' || ch === '〜') { if (!s.endsWith('-')) s += '-'; }
    else if (ch === '−') s += '-';
    else if (ch === '，') s += ',';
    else if (ch === '；') s += ';';
    else if (/\s/.test(ch)) continue;
    else s += ch;
  }
  return s
    .replace(/>=|=>|≥=/g, '≥').replace(/<=|=<|≤=/g, '≤')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1') // thousands separators
    .replace(/[。.,;、]+$/, '');
}

const FLIP: Record<Op, Op> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '=': '=' };

/** "5" → "-5", "-5" → "5" (a change word before a signed number). */
function negate(n: string): string {
  return n.startsWith('-') ? n.slice(1) : `-${n}`;
}

function opOfPre(w: string | undefined): [Op, 'symbol' | 'word'] | null {
  if (!w) return null;
  if (SYMBOL_OPS[w]) return [SYMBOL_OPS[w], 'symbol'];
  const hit = PRE_WORDS.find((p) => p[0] === w);
  return hit ? [hit[1], 'word'] : null;
}

/** Parse one atom at `pos`; null if none or contradictory (不低于90%以下). */
function atomAt(s: string, pos: number): { atom: Atom; end: number } | null {
  ATOM.lastIndex = pos;
  const m = ATOM.exec(s);
  if (!m) return null;
  const [, sign, pre, n1, u1, n2, u2, post] = m;
  const neg = sign !== undefined && SIGN_WORDS.find((w) => w[0] === sign)![1] < 0;
  const num = (n: string) => { const t = neg ? negate(n) : n; return { number: t, value: Number(t) }; };
  if (n2 !== undefined) {
    // A range; a unit on either end applies to both (`80—75%`), two different units are not a range.
    if (u1 && u2 && u1 !== u2) return null;
    const a = num(n1), b = num(n2);
    const [lo, hi] = a.value <= b.value ? [a, b] : [b, a];
    return { atom: { kind: 'range', lo, hi, unit: u1 || u2 || '' }, end: ATOM.lastIndex };
  }
  const p = opOfPre(pre);
  const q = post ? POST_WORDS.find((w) => w[0] === post)![1] : null;
  // 达到90%以上 is fine (both ≥; the operator before the number wins); 不低于90%以下 is not understood.
  if (p && q && p[0][0] !== q[0]) return null;
  let op: Op = p ? p[0] : q ?? '=';
  let opForm: Comparison['opForm'] = p ? p[1] : q ? 'word' : 'none';
  if (sign !== undefined) {
    // A change word alone asks for at least that change; an operator compares its size.
    if (opForm === 'none') { op = '>='; opForm = 'word'; }
    if (neg) op = FLIP[op];
  }
  return { atom: { kind: 'cmp', op, ...num(n1), unit: u1 ?? '', opForm }, end: ATOM.lastIndex };
}

/** Atoms and joiners from `start` to the end of `s`; labels are allowed before later atoms too. */
function bodyAt(s: string, start: number): Atom[][] | null {
  const groups: Atom[][] = [[]];
  let pos = start;
  for (;;) {
    const a = atomAt(s, pos);
    if (!a) return null;
    groups[groups.length - 1].push(a.atom);
    pos = a.end;
    if (pos === s.length) return groups;
    JOIN.lastIndex = pos;
    const j = JOIN.exec(s);
    if (!j) return null;
    if (OR_WORDS.has(j[1])) groups.push([]);
    pos = JOIN.lastIndex;
    // A repeated label (完成率≥85%且完成率≤100%): skip text up to the next place an atom starts.
    if (!atomAt(s, pos)) {
      let k = pos + 1;
      while (k < s.length && !atomAt(s, k)) k++;
      if (k >= s.length) return null;
      pos = k;
    }
  }
}

export function parseValue(text: string): ParsedValue {
  const source = typeof text === 'string' ? text : String(text);
  if (source.length > MAX_VALUE_LENGTH) return { kind: 'unparsed', source, label: '', bareNumber: false, reason: 'too-long' };
  const s = canonicalText(source);
  if (s === '') return { kind: 'empty', source, label: '', bareNumber: false };
  if (!/\d/.test(s)) return { kind: 'qualitative', source, label: '', bareNumber: false, word: s };
  // The label is the shortest prefix after which the rest is a well-formed body.
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && /\d/.test(s[i - 1]) && /[\d.]/.test(s[i])) continue; // never start inside a number
    // nor inside or just after a word operator (不低于90%以下 must not read as label 不低于 + 90%以下)
    // A label never ends in a joiner or a unit: starting there re-parses the same tail (quadratic).
    if (i > 0 && /[和且与及或、,;&%‰]/.test(s[i - 1])) continue;
    if (s[i - 1] === '不' || (i > 0 && PRE_END.test(s.slice(Math.max(0, i - 5), i)))) continue;
    const groups = bodyAt(s, i);
    if (!groups) continue;
    const atoms = groups.flat();
    const units: string[] = [];
    for (const a of atoms) if (!units.includes(a.unit)) units.push(a.unit);
    const bareNumber = atoms.length === 1 && atoms[0].kind === 'cmp' && atoms[0].opForm === 'none';
    return { kind: 'numeric', source, label: s.slice(0, i).replace(/[:：为是]+$/, ''), groups, bareNumber, units };
  }
  // Deadlines of 时效指标 (2020年12月底前完成, 6月30日前) are words with dates, not comparisons.
  if (DATE.test(s) && !/[≥≤<>=]/.test(s)) return { kind: 'qualitative', source, label: '', bareNumber: false, word: s };
  return { kind: 'unparsed', source, label: '', bareNumber: false, reason: 'syntax' };
}

const OP_TEXT: Record<Op, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

function atomText(a: Atom): string {
  if (a.kind === 'range') return `${a.lo.number}-${a.hi.number}${a.unit}`;
  return `${a.opForm === 'none' ? '' : OP_TEXT[a.op]}${a.number}${a.unit}`;
}

/** The normalized spelling of a parsed value: half-width operators, no label, no spaces. */
export function formatValue(p: ParsedValue): string | null {
  if (p.kind === 'qualitative') return p.word;
  if (p.kind !== 'numeric') return null;
  return p.groups.map((g) => g.map(atomText).join('和')).join('或');
}

/** A suggestion only (never applied silently); null when the text is empty or not understood. */
export function normalizeValue(text: string): string | null {
  return formatValue(parseValue(text));
}

/** A key equal for two values with the same meaning (ignores label, spelling and spaces). */
export function valueKey(p: ParsedValue): string {
  switch (p.kind) {
    case 'empty': return 'empty';
    case 'unparsed': return 'unparsed';
    case 'qualitative': return `q:${p.word}`;
    case 'numeric':
      return 'n:' + p.groups.map((g) => g.map((a) => a.kind === 'range'
        ? `[${a.lo.value},${a.hi.value}]${a.unit}`
        : `${a.opForm === 'none' ? 'bare' : a.op}${a.value}${a.unit}`).join('&')).join('|');
  }
}
