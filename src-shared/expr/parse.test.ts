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
    expect(parseValue('较上年提高5个百分点')).toMatchObject({ label: '较上年提高', groups: [[cmp('=', 5, '个百分点')]] });
  });

  it('keeps the source exactly as typed', () => {
    const t = ' ≥ 95 ％ ';
    expect(parseValue(t).source).toBe(t);
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

  it('never throws, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const p = parseValue(s);
      expect(p.source).toBe(s);
      normalizeValue(s);
      matches(p, 1);
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(fc.constantFrom('≥', '9', '%', '和', '或', '介于', '-', '之间', '以上', '人', ' ', '率', '.'), { maxLength: 40 }), (parts) => {
      parseValue(parts.join(''));
    }), { numRuns: 3000 });
  });

  it('is fast on a 100k-character cell', () => {
    const big = '≥9'.repeat(50000);
    expect(parseValue(big).kind).toBe('unparsed');
    expect(parseValue('1'.repeat(299)).kind).toBe('numeric');
  });
});
