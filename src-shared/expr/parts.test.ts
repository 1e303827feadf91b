import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isStructured, joinValue, splitValue, type ValueParts } from './parts';
import { formatValue, parseValue, valueKey } from './parse';

const parts = (operator: ValueParts['operator'], number: string, unit: string): ValueParts => ({ operator, number, unit });

describe('splitValue / joinValue', () => {
  it.each([
    ['≥95%', parts('≥', '95', '%')],
    ['≤1%', parts('≤', '1', '%')],
    ['>3', parts('>', '3', '')],
    ['<5天', parts('<', '5', '天')],
    ['=100%', parts('=', '100', '%')],
    ['100%', parts('', '100', '%')],
    ['≥500人次', parts('≥', '500', '人次')],
    ['10.65万元', parts('', '10.65', '万元')],
    ['-5%', parts('', '-5', '%')],
    ['85-100%', parts('区间', '85-100', '%')],
    ['-5--1%', parts('区间', '-5--1', '%')],
    ['全部完成', parts('定性', '全部完成', '')],
    ['2020年12月底前完成', parts('定性', '2020年12月底前完成', '')],
    ['', parts('', '', '')],
  ])('%s splits into its parts and joins back exactly', (text, p) => {
    expect(splitValue(text)).toEqual(p);
    expect(joinValue(p)).toBe(text);
  });

  it.each([
    ['不低于95%', parts('≥', '95', '%')],
    ['95%以上', parts('≥', '95', '%')],
    ['≥ 95 %', parts('≥', '95', '%')],
    ['>=3000', parts('≥', '3000', '')],
    ['下降5%', parts('≤', '-5', '%')],
    ['介于100—85%之间', parts('区间', '85-100', '%')],
  ])('%s (another spelling) splits into parts with the same meaning', (text, p) => {
    expect(splitValue(text)).toEqual(p);
    expect(valueKey(parseValue(joinValue(p)))).toBe(valueKey(parseValue(text)));
  });

  it.each(['完成率≥90%', '≥85%和≤100%', '<80%或>100%', '≥9O%', '  ', '≥15年且≤20年'])('%s cannot be held by parts and is kept whole as text', (text) => {
    const p = splitValue(text);
    expect(p).toEqual(parts('', text, ''));
    expect(isStructured(p)).toBe(false);
    expect(joinValue(p)).toBe(text);
  });

  it('joins parts the clerk typed', () => {
    expect(joinValue(parts('≥', '95', '%'))).toBe('≥95%');
    expect(joinValue(parts('定性', '好', ''))).toBe('好');
    expect(joinValue(parts('≥', '', ''))).toBe('≥');
    expect(joinValue(parts('', '', '%'))).toBe('%');
  });

  // Property: what the parts can hold comes back exactly in its canonical spelling, and nothing
  // is ever lost (any text splits into parts that mean the same, or that join back to it exactly).
  const op = fc.constantFrom('≥', '≤', '>', '<', '=', '');
  const num = fc.tuple(fc.boolean(), fc.nat(100000), fc.option(fc.nat(99), { nil: undefined })).map(([neg, i, f]) => `${neg ? '-' : ''}${i}${f === undefined ? '' : `.${f}`}`);
  const unit = fc.constantFrom('', '%', '人', '人次', '万元', '天', '个百分点', '亩', '次', '元/人/月');
  const atomText = fc.tuple(op, num, unit).map(([o, n, u]) => `${o}${n}${u}`);
  const rangeText = fc.tuple(fc.nat(1000), fc.nat(1000), unit).map(([a, b, u]) => `${Math.min(a, b)}-${Math.max(a, b)}${u}`);
  const word = fc.constantFrom('全部完成', '基本完成', '明显改善', '有效提升', '达到预期', '好');

  it('join(split(x)) === x for every canonical spelling', () => {
    fc.assert(fc.property(fc.oneof(atomText, rangeText, word), (x) => {
      if (parseValue(x).kind === 'numeric') expect(formatValue(parseValue(x))).toBe(x); // x is canonical
      const p = splitValue(x);
      expect(isStructured(p)).toBe(true);
      expect(joinValue(p)).toBe(x);
    }), { numRuns: 500 });
  });

  it('is never lossy: any text splits into parts that join back exactly or mean the same', () => {
    const noisy = fc.tuple(fc.oneof(atomText, rangeText, word, fc.string({ maxLength: 12 })), fc.constantFrom('', ' ', '以上', '和≤5', '完成率')).map(([a, b]) => (b === '完成率' ? b + a : a + b));
    fc.assert(fc.property(noisy, (x) => {
      const back = joinValue(splitValue(x));
      if (back !== x) expect(valueKey(parseValue(back))).toBe(valueKey(parseValue(x)));
    }), { numRuns: 1000 });
  });
});
