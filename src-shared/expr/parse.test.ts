import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matches } from './match';
import { normalizeValue, parseValue, valueKey, type Atom } from './parse';

function atoms(text: string): Atom[][] {
  const p = parseValue(text);
  if (p.kind !== 'numeric') throw new Error(`${text}: ${p.kind}`);
  return p.groups;
}
const cmp = (op: string, value: number, unit = '') => expect.objectContaining({ kind: 'cmp', op, value, unit });

describe('parseValue: forms of domain.md', () => {
  it.each([
    ['≥90%', '>=', 90, '%'], ['≥ 95%', '>=', 95, '%'], ['<80%', '<', 80, '%'], ['≥500', '>=', 500, ''],
    ['≤63899人', '<=', 63899, '人'], ['≥108元', '>=', 108, '元'], ['＞5', '>', 5, ''], ['＜5', '<', 5, ''],
    ['＝3次', '=', 3, '次'], ['〈5', '<', 5, ''], ['〉5', '>', 5, ''], ['>=90%', '>=', 90, '%'], ['<= 10', '<=', 10, ''],
    ['≧90%', '>=', 90, '%'], ['≦5%', '<=', 5, '%'], ['350以上', '>=', 350, ''], ['低于310', '<', 310, ''],
    ['不低于95%', '>=', 95, '%'], ['不少于3次', '>=', 3, '次'], ['不高于5%', '<=', 5, '%'], ['不超过10人', '<=', 10, '人'],
    ['达到95%', '>=', 95, '%'], ['高于80%', '>', 80, '%'], ['１０ 万元', '=', 10, '万元'], ['≥10.65万人', '>=', 10.65, '万人'],
  ])('%s', (text, op, value, unit) => {
    expect(atoms(text)).toEqual([[cmp(op, value, unit)]]);
  });

  it('ranges, in either order, with the unit on one end', () => {
    expect(atoms('介于350—330之间')).toEqual([[expect.objectContaining({ kind: 'range', lo: { number: '330', value: 330 }, hi: { number: '350', value: 350 }, unit: '' })]]);
    expect(atoms('≥ 400- 499 人')).toEqual([[expect.objectContaining({ kind: 'range', lo: expect.objectContaining({ value: 400 }), hi: expect.objectContaining({ value: 499 }), unit: '人' })]]);
    expect(atoms('介于80—75%之间')[0][0]).toMatchObject({ kind: 'range', unit: '%' });
  });

  it('compounds: 和 binds tighter than 或', () => {
    expect(atoms('≥85%和≤100%')).toEqual([[cmp('>=', 85, '%'), cmp('<=', 100, '%')]]);
    expect(atoms('<80%或>100%')).toEqual([[cmp('<', 80, '%')], [cmp('>', 100, '%')]]);
    expect(atoms('≥1且≤2或≥5')).toEqual([[cmp('>=', 1), cmp('<=', 2)], [cmp('>=', 5)]]);
  });

  it('labels before the value are kept apart', () => {
    expect(parseValue('完成率>90%')).toMatchObject({ kind: 'numeric', label: '完成率' });
    expect(parseValue('待遇发放率100%')).toMatchObject({ kind: 'numeric', label: '待遇发放率', bareNumber: true });
    expect(parseValue('万人专技人才数350以上')).toMatchObject({ label: '万人专技人才数' });
    expect(parseValue('16-59周岁参保率≥90%')).toMatchObject({ label: '16-59周岁参保率', groups: [[cmp('>=', 90, '%')]] });
    expect(parseValue('≥90%')).toMatchObject({ label: '' });
  });

  it('bare values are marked, operators are not invented', () => {
    for (const t of ['100%', '3', '1次', '8434668元']) expect(parseValue(t)).toMatchObject({ kind: 'numeric', bareNumber: true });
    expect(parseValue('≥3')).toMatchObject({ bareNumber: false });
  });

  it('qualitative, empty and unparsed', () => {
    for (const w of ['完成', '是', '有效实施', '达到预期目标', '部分达到', '未达到']) expect(parseValue(w)).toEqual({ kind: 'qualitative', source: w, label: '', bareNumber: false, word: w });
    expect(parseValue('  ')).toEqual({ kind: 'empty', source: '  ', label: '', bareNumber: false });
    expect(parseValue('≥90%%%').kind).toBe('unparsed');
    expect(parseValue('不低于90%以下').kind).toBe('unparsed');
  });

  it('deadlines are words; 百分点 and 工作日 are units', () => {
    for (const t of ['2020年12月底前完成', '6月30日前', '每季度首月发放']) expect(parseValue(t)).toMatchObject({ kind: 'qualitative' });
    expect(parseValue('≤3个工作日')).toMatchObject({ groups: [[cmp('<=', 3, '个工作日')]] });
    expect(parseValue('较上年提高5个百分点')).toMatchObject({ label: '较上年', groups: [[cmp('>=', 5, '个百分点')]] });
  });

  it('weights, volumes, livestock and rates of units (元/亩, 公斤/亩) as the structured forms print them', () => {
    expect(parseValue('≤1500元/亩')).toMatchObject({ groups: [[cmp('<=', 1500, '元/亩')]], units: ['元/亩'] });
    expect(parseValue('≥500公斤/亩')).toMatchObject({ groups: [[cmp('>=', 500, '公斤/亩')]] });
    expect(parseValue('≥50公斤')).toMatchObject({ groups: [[cmp('>=', 50, '公斤')]] });
    expect(parseValue('≥2000立方米')).toMatchObject({ groups: [[cmp('>=', 2000, '立方米')]] });
    expect(parseValue('≥20头')).toMatchObject({ groups: [[cmp('>=', 20, '头')]] });
    expect(parseValue('≥0.5等')).toMatchObject({ groups: [[cmp('>=', 0.5, '等')]] }); // 耕地质量等级提升
    expect(parseValue('≥4星')).toMatchObject({ groups: [[cmp('>=', 4, '星')]] });
    // The longest unit wins: 万人次 is not 万人 followed by 次.
    expect(parseValue('≥1.5万人次')).toMatchObject({ groups: [[cmp('>=', 1.5, '万人次')]] });
    expect(parseValue('5元/人/月')).toMatchObject({ groups: [[cmp('=', 5, '元/人/月')]] });
  });

  it('keeps the source exactly as typed', () => {
    const t = ' ≥ 95 ％ ';
    expect(parseValue(t).source).toBe(t);
  });
});

describe('negative numbers and change words', () => {
  it.each([
    ['-5%', '=', -5, '%'], ['≥-5%', '>=', -5, '%'], ['＜－2', '<', -2, ''], ['控制在-1%以内', '<=', -1, '%'], ['不低于−0.5%', '>=', -0.5, '%'],
    // A change word alone: at least that change in its direction; with an operator: its size.
    ['下降5%', '<=', -5, '%'], ['减少10%', '<=', -10, '%'], ['减少10人', '<=', -10, '人'], ['增长3%', '>=', 3, '%'], ['增长≥3%', '>=', 3, '%'],
    ['下降5%以上', '<=', -5, '%'], ['下降不超过5%', '>=', -5, '%'], ['下降5%以内', '>=', -5, '%'], ['增长不超过3%', '<=', 3, '%'],
    // A level to reach, not a change.
    ['降低至3%', '<=', 3, '%'], ['降至1‰', '<=', 1, '‰'], ['提高到95%', '>=', 95, '%'], ['增长到500人', '>=', 500, '人'],
  ])('%s', (text, op, value, unit) => {
    expect(atoms(text)).toEqual([[cmp(op, value, unit)]]);
  });

  it('labels, ranges and compounds with signs', () => {
    expect(parseValue('较上年下降5%')).toMatchObject({ label: '较上年', groups: [[cmp('<=', -5, '%')]], bareNumber: false });
    expect(parseValue('城镇登记失业率控制在-1%以内')).toMatchObject({ label: '城镇登记失业率', groups: [[cmp('<=', -1, '%')]] });
    expect(atoms('介于-5%至-1%之间')[0][0]).toMatchObject({ kind: 'range', lo: { number: '-5', value: -5 }, hi: { number: '-1', value: -1 }, unit: '%' });
    expect(atoms('下降3%—5%')[0][0]).toMatchObject({ kind: 'range', lo: { value: -5 }, hi: { value: -3 } });
    expect(atoms('≥-5%且≤5%')).toEqual([[cmp('>=', -5, '%'), cmp('<=', 5, '%')]]);
    expect(atoms('16-59周岁参保率≥90%')).toEqual([[cmp('>=', 90, '%')]]); // a range-like label is still a label
    expect(atoms('-5%')[0][0]).toMatchObject({ number: '-5', opForm: 'none' });
    expect(parseValue('-5%').bareNumber).toBe(true);
  });

  it('normalizes to a signed number and means the same', () => {
    for (const [text, norm] of [['下降5%', '≤-5%'], ['增长≥3%', '≥3%'], ['控制在-1%以内', '≤-1%'], ['-5%', '-5%'], ['降低至3%', '≤3%'], ['下降3%—5%', '-5--3%'], ['介于-5%至-1%之间', '-5--1%']]) {
      expect(normalizeValue(text)).toBe(norm);
      expect(valueKey(parseValue(norm))).toBe(valueKey(parseValue(text)));
    }
  });

  it('evaluates', () => {
    expect(matches(parseValue('下降5%'), -6)).toBe(true);
    expect(matches(parseValue('下降5%'), -4)).toBe(false);
    expect(matches(parseValue('控制在-1%以内'), -1)).toBe(true);
    expect(matches(parseValue('控制在-1%以内'), 0)).toBe(false);
    expect(matches(parseValue('介于-5%至-1%之间'), -3)).toBe(true);
  });

  it('without a number a change word is a qualitative value', () => {
    expect(parseValue('逐年下降')).toMatchObject({ kind: 'qualitative' });
  });
});

describe('normalizeValue', () => {
  it.each([
    ['≥ 95%', '≥95%'], ['＞5', '>5'], ['〈5', '<5'], ['350以上', '≥350'], ['介于350—330之间', '330-350'],
    ['完成率>90%', '>90%'], ['≥ 400- 499 人', '400-499人'], ['≥85%和≤100%', '≥85%和≤100%'], ['<80%或>100%', '<80%或>100%'],
    ['100%', '100%'], ['完成', '完成'],
  ])('%s → %s', (text, norm) => expect(normalizeValue(text)).toBe(norm));
  it('null when not understood', () => {
    expect(normalizeValue('≥90%%%')).toBeNull();
    expect(normalizeValue('')).toBeNull();
  });
});

describe('matches', () => {
  it('evaluates comparisons, ranges and compounds', () => {
    expect(matches(parseValue('≥90%'), 90)).toBe(true);
    expect(matches(parseValue('≥90%'), 89.9)).toBe(false);
    expect(matches(parseValue('介于350—330之间'), 330)).toBe(true);
    expect(matches(parseValue('介于350—330之间'), 351)).toBe(false);
    expect(matches(parseValue('<80%或>100%'), 90)).toBe(false);
    expect(matches(parseValue('<80%或>100%'), 101)).toBe(true);
    expect(matches(parseValue('100%'), 100)).toBe(true);
    expect(matches(parseValue('完成'), 1)).toBe(false);
    expect(matches(parseValue('≥90%'), 95, '人')).toBe(false);
    expect(matches(parseValue('≥90'), 95, '人')).toBe(true);
  });
});

// ---- property tests ----

const OPS = ['≥', '≤', '>', '<', '＞', '＜', '＝', '〈', '〉', '>=', '<=', '≧', '≦', ''];
const PRE = ['不低于', '不少于', '不高于', '不超过', '达到', '低于', '高于'];
const POST = ['以上', '以下'];
const UNITS = ['', '%', '人', '次', '元', '万元', '万人', '个', '户', '％'];
const num = fc.oneof(fc.integer({ min: 0, max: 100000 }).map(String), fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`));
const sp = fc.constantFrom('', ' ', '　');
const atomArb = fc.oneof(
  fc.tuple(fc.constantFrom(...OPS), sp, num, sp, fc.constantFrom(...UNITS)).map(([o, s1, n, s2, u]) => `${o}${s1}${n}${s2}${u}`),
  fc.tuple(fc.constantFrom(...PRE), num, fc.constantFrom(...UNITS)).map(([w, n, u]) => `${w}${n}${u}`),
  fc.tuple(num, fc.constantFrom(...UNITS), fc.constantFrom(...POST)).map(([n, u, w]) => `${n}${u}${w}`),
  fc.tuple(fc.constantFrom('介于', ''), num, fc.constantFrom('—', '-', '～', '至'), num, fc.constantFrom(...UNITS), fc.constantFrom('之间', '')).map(([a, n1, s, n2, u, b]) => `${a}${n1}${s}${n2}${u}${b}`),
);
// Signed numbers and change words, each with the set of numbers it means (for brute force).
const SIGN_WORDS: [string, 1 | -1][] = [['下降', -1], ['减少', -1], ['降低', -1], ['增长', 1], ['提高', 1], ['增加', 1]];
const signedNum = fc.oneof(num, num.map((n) => `-${n}`), num.map((n) => `－${n}`), num.map((n) => `−${n}`));
const half = (n: string) => Number(n.replace(/^[－−]/, '-'));
type Pred = (x: number) => boolean;
const CMP: Record<string, (v: number) => Pred> = {
  '≥': (v) => (x) => x >= v, '≤': (v) => (x) => x <= v, '>': (v) => (x) => x > v, '<': (v) => (x) => x < v, '': (v) => (x) => x === v,
};
const FLIP: Record<string, string> = { '≥': '≤', '≤': '≥', '>': '<', '<': '>', '': '' };
const signedAtom: fc.Arbitrary<{ text: string; pred: Pred; nums: number[] }> = fc.oneof(
  // [op] signed number [unit]
  fc.tuple(fc.constantFrom('≥', '≤', '>', '<', ''), sp, signedNum, fc.constantFrom(...UNITS)).map(([o, s1, n, u]) => ({ text: `${o}${s1}${n}${u}`, pred: CMP[o](half(n)), nums: [half(n)] })),
  // change word [op] number [unit]: sign applies to the number, the operator to its size
  fc.tuple(fc.constantFrom(...SIGN_WORDS), fc.constantFrom('≥', '≤', '>', '<', ''), num, fc.constantFrom(...UNITS)).map(([[w, sg], o, n, u]) => {
    const v = sg * Number(n);
    const op = o === '' ? (sg < 0 ? '≤' : '≥') : sg < 0 ? FLIP[o] : o;
    return { text: `${w}${o}${n}${u}`, pred: CMP[op](v), nums: [v] };
  }),
  // 控制在 signed number 以内
  fc.tuple(signedNum, fc.constantFrom('%', '')).map(([n, u]) => ({ text: `控制在${n}${u}以内`, pred: CMP['≤'](half(n)), nums: [half(n)] })),
  // 介于 signed 至 signed 之间
  fc.tuple(signedNum, signedNum, fc.constantFrom('%', '人', '')).map(([a, b, u]) => {
    const [lo, hi] = [Math.min(half(a), half(b)), Math.max(half(a), half(b))];
    return { text: `介于${a}至${b}${u}之间`, pred: (x: number) => x >= lo && x <= hi, nums: [lo, hi] };
  }),
);
const signedValueArb = fc.tuple(fc.constantFrom('', '较上年', '增长率'), signedAtom, fc.option(fc.tuple(fc.constantFrom('和', '或'), signedAtom), { nil: undefined }))
  .map(([label, a, rest]) => ({
    text: label + a.text + (rest ? rest[0] + rest[1].text : ''),
    pred: rest ? (rest[0] === '和' ? (x: number) => a.pred(x) && rest[1].pred(x) : (x: number) => a.pred(x) || rest[1].pred(x)) : a.pred,
    nums: [...a.nums, ...(rest ? rest[1].nums : [])],
  }));

const valueArb = fc.tuple(
  fc.constantFrom('', '完成率', '参保率', '万人专技人才数'),
  fc.array(fc.tuple(fc.constantFrom('和', '且', '或', '或者'), atomArb), { maxLength: 2 }),
  atomArb,
).map(([label, rest, first]) => label + first + rest.map(([j, a]) => j + a).join(''));

describe('properties', () => {
  it('parse(normalize(x)) has the meaning of parse(x)', () => {
    fc.assert(fc.property(valueArb, (x) => {
      const p = parseValue(x);
      expect(p.kind).toBe('numeric');
      const n = normalizeValue(x)!;
      expect(valueKey(parseValue(n))).toBe(valueKey(p));
      expect(normalizeValue(n)).toBe(n); // idempotent
    }), { numRuns: 2000 });
  });

  it('signed values: normalize round-trips, and evaluation agrees with brute force around every bound', () => {
    fc.assert(fc.property(signedValueArb, ({ text, pred, nums }) => {
      const p = parseValue(text);
      expect(p.kind).toBe('numeric');
      const n = normalizeValue(text)!;
      expect(valueKey(parseValue(n))).toBe(valueKey(p));
      expect(normalizeValue(n)).toBe(n);
      for (const b of nums) for (const x of [b - 1, b - 0.5, b, b + 0.5, b + 1, 0, -1e6, 1e6]) expect(matches(p, x), `${text} at ${x}`).toBe(pred(x));
    }), { numRuns: 2000 });
  });

  it('never throws, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const p = parseValue(s);
      expect(p.source).toBe(s);
      normalizeValue(s);
      matches(p, 1);
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(fc.constantFrom('≥', '9', '%', '和', '或', '介于', '-', '−', '—', '之间', '以上', '人', ' ', '率', '.', '下降', '增长', '控制在', '以内', '降低至'), { maxLength: 40 }), (parts) => {
      parseValue(parts.join(''));
    }), { numRuns: 3000 });
  });

  it('is fast on a 100k-character cell', () => {
    const big = '≥9'.repeat(50000);
    expect(parseValue(big).kind).toBe('unparsed');
    expect(parseValue('1'.repeat(299)).kind).toBe('numeric');
  });
});
