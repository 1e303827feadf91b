import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareAmounts, convertAmount, formatAmount, parseAmount, percentOf, subtractAmounts, sumAmounts } from './amount';

describe('exact amounts', () => {
  it('parses typed forms to canonical decimals and rejects non-numbers', () => {
    expect(parseAmount('1235.00')).toBe('1235');
    expect(parseAmount(' 1,235.50 ')).toBe('1235.5');
    expect(parseAmount('１２３５．０')).toBe('1235');
    expect(parseAmount('0.10')).toBe('0.1');
    expect(parseAmount('-0.0')).toBe('0');
    expect(parseAmount('')).toBe('');
    expect(parseAmount('约100')).toBeNull();
    expect(parseAmount('1e3')).toBeNull();
  });

  it('keeps blank distinct from zero in sums', () => {
    expect(sumAmounts(['', ''])).toBe('');
    expect(sumAmounts(['0', ''])).toBe('0');
    expect(sumAmounts(['349.5', '13', ''])).toBe('362.5');
  });

  it('adds without binary floating point error', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(compareAmounts(sumAmounts(['0.1', '0.2']), '0.3')).toBe(0);
    expect(subtractAmounts('43', '10')).toBe('33');
  });

  it('converts 万元↔元 exactly and reversibly', () => {
    expect(convertAmount('1235', '万元', '元')).toBe('12350000');
    expect(convertAmount('8434668', '元', '万元')).toBe('843.4668');
    expect(convertAmount('', '万元', '元')).toBe('');
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([digits, scale]) => {
        const abs = (digits < 0n ? -digits : digits).toString().padStart(scale + 1, '0');
        return (digits < 0n ? '-' : '') + (scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`);
      });
    fc.assert(fc.property(decimal, (text) => {
      const s = parseAmount(text)!;
      expect(convertAmount(convertAmount(s, '万元', '元'), '元', '万元')).toBe(s);
      expect(convertAmount(convertAmount(s, '元', '万元'), '万元', '元')).toBe(s);
    }));
  });

  it('formats 万元 with two decimals, 元 as integers, never hiding typed digits', () => {
    expect(formatAmount('1235', '万元')).toBe('1235.00');
    expect(formatAmount('843.4668', '万元')).toBe('843.4668');
    expect(formatAmount('12350000', '元')).toBe('12350000');
    expect(formatAmount('0.5', '元')).toBe('0.5');
    expect(formatAmount('', '万元')).toBe('');
    expect(formatAmount('25', 'percent')).toBe('25.00');
  });

  it('computes what a schedule percent means in money', () => {
    expect(percentOf('6123', '25')).toBe('1530.75');
    expect(percentOf('', '25')).toBe('');
  });
});
