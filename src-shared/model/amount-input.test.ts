import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertAmount, parseAmount } from './amount';
import { chineseText, parseAmountInput, type AmountTarget } from './amount-input';

const ok = (text: string, target: AmountTarget) => {
  const r = parseAmountInput(text, target);
  if (!r.ok) throw new Error(`refused ${text}: ${r.reason}`);
  return r;
};
const code = (text: string, target: AmountTarget) => {
  const r = parseAmountInput(text, target);
  return r.ok ? `ok:${r.amount}` : r.code;
};

describe('parseAmountInput: amounts typed with a unit', () => {
  it('converts 元 into a 万元 document exactly, with a note', () => {
    expect(ok('50000元', '万元')).toEqual({ ok: true, amount: '5', note: '已按万元换算：50000元 = 5万元' });
    expect(ok('1,234.5元', '万元')).toEqual({ ok: true, amount: '0.12345', note: '已按万元换算：1,234.5元 = 0.12345万元' });
    expect(ok('８４３４６６８元', '万元').amount).toBe('843.4668');
    expect(ok('0.5亿元', '万元')).toEqual({ ok: true, amount: '5000', note: '已按万元换算：0.5亿元 = 5000万元' });
    expect(ok('3千元', '万元').amount).toBe('0.3');
    expect(ok('0.01元', '万元').amount).toBe('0.000001'); // exact: the model keeps every decimal
  });

  it('keeps a number in the document unit, with no note', () => {
    expect(ok('5万元', '万元')).toEqual({ ok: true, amount: '5', note: null });
    expect(ok('5万', '万元')).toEqual({ ok: true, amount: '5', note: null });
    expect(ok(' 1,235.00 ', '万元')).toEqual({ ok: true, amount: '1235', note: null });
    expect(ok('１２３５．５', '万元').amount).toBe('1235.5');
    expect(ok('', '万元')).toEqual({ ok: true, amount: '', note: null });
    expect(ok('  ', '元').amount).toBe('');
    expect(ok('-0.01', '万元').amount).toBe('-0.01');
    expect(ok('.5', '万元').amount).toBe('0.5');
    expect(ok('50000元', '元')).toEqual({ ok: true, amount: '50000', note: null });
  });

  it('converts 万元 and 亿 into a 元 document', () => {
    expect(ok('5万元', '元')).toEqual({ ok: true, amount: '50000', note: '已按元换算：5万元 = 50000元' });
    expect(ok('5万', '元').amount).toBe('50000');
    expect(ok('1.23456万', '元').amount).toBe('12345.6');
    expect(ok('2亿', '元').amount).toBe('200000000');
  });

  it('reads Chinese numerals exactly or refuses them', () => {
    expect(ok('八十万', '万元')).toEqual({ ok: true, amount: '80', note: '已按万元换算：八十万 = 80万元' });
    expect(ok('一百二十三万四千五百元', '万元')).toEqual({ ok: true, amount: '123.45', note: '已按万元换算：一百二十三万四千五百元 = 123.45万元' });
    expect(ok('三点五万', '万元').amount).toBe('3.5');
    expect(ok('三点五万', '元').amount).toBe('35000');
    expect(ok('十万元', '万元').amount).toBe('10');
    expect(ok('两万元', '元').amount).toBe('20000');
    expect(ok('壹万贰仟元', '元').amount).toBe('12000');
    expect(ok('一万零五百元', '元').amount).toBe('10500');
    expect(ok('一亿零五万元', '元').amount).toBe('100050000');
    expect(ok('一千零一十元', '元').amount).toBe('1010');
    expect(ok('零点五万', '万元').amount).toBe('0.5');
    // Colloquial or malformed: the value is not certain.
    expect(code('一千二', '元')).toBe('amount.chinese-unclear');
    expect(code('一万二元', '元')).toBe('amount.chinese-unclear');
    expect(code('一千五十元', '元')).toBe('amount.chinese-unclear');
    expect(code('二二元', '元')).toBe('amount.chinese-unclear');
    expect(code('一万点五万', '万元')).toBe('amount.chinese-unclear');
    // Money without a unit: 80元 or 80万元?
    expect(code('八十', '万元')).toBe('amount.unit-unclear');
    expect(code('一百二十三万四千五百', '万元')).toBe('amount.unit-unclear');
  });

  it('refuses what is not an amount, with a code and a Chinese reason', () => {
    const r = parseAmountInput('abc', '万元');
    expect(r).toEqual({ ok: false, code: 'amount.not-a-number', reason: expect.stringContaining('“abc”不是有效的金额') });
    expect(code('约100', '万元')).toBe('amount.not-a-number');
    expect(code('1e3', '万元')).toBe('amount.not-a-number');
    expect(code('万元', '万元')).toBe('amount.not-a-number');
    expect(code('1,23', '万元')).toBe('amount.grouping');
    expect(code('¥5000', '万元')).toBe('amount.unit-unclear');
    expect(code('25%', '万元')).toBe('amount.wrong-unit');
    expect(code('8分', '元')).toBe('amount.wrong-unit');
  });

  it('percents are not money: 25% is fine, 50000元 is refused', () => {
    expect(ok('25%', 'percent')).toEqual({ ok: true, amount: '25', note: null });
    expect(ok('２５％', 'percent').amount).toBe('25');
    expect(ok('100', 'percent').amount).toBe('100');
    expect(ok('百分之二十五', 'percent')).toEqual({ ok: true, amount: '25', note: '已按数字读取：百分之二十五 = 25%' });
    expect(code('50000元', 'percent')).toBe('amount.wrong-unit');
    expect(code('5万', 'percent')).toBe('amount.wrong-unit');
    expect((parseAmountInput('50000元', 'percent') as { reason: string }).reason).toBe('“50000元”是金额，这里应填百分比（如 25 或 25%）');
  });

  it('scores take 分, not money or percents', () => {
    expect(ok('8.5分', 'score').amount).toBe('8.5');
    expect(ok('10', 'score').amount).toBe('10');
    expect(ok('八分', 'score').amount).toBe('8');
    expect(code('10%', 'score')).toBe('amount.wrong-unit');
    expect(code('10元', 'score')).toBe('amount.wrong-unit');
  });
});

// Decimal strings with up to 6 decimals, as a clerk could type them.
const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, scale]) => {
    const abs = digits.toString().padStart(scale + 1, '0');
    return scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  });

describe('parseAmountInput: properties', () => {
  it('a bare number is parseAmount of it, in every target', () => {
    fc.assert(fc.property(decimal, fc.constantFrom<AmountTarget>('元', '万元', 'percent', 'score'), (text, target) => {
      expect(ok(text, target)).toEqual({ ok: true, amount: parseAmount(text), note: null });
    }));
  });

  it('a number in 元 or 万元 converts exactly as convertAmount does (never a float)', () => {
    fc.assert(fc.property(decimal, fc.constantFrom<'元' | '万元'>('元', '万元'), fc.constantFrom<'元' | '万元'>('元', '万元'), (text, written, doc) => {
      const r = ok(`${text}${written}`, doc);
      expect(r.amount).toBe(convertAmount(parseAmount(text)!, written, doc));
      expect(r.note === null).toBe(written === doc);
    }));
  });

  it('thousands separators and full-width digits change nothing', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
      const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      const wide = n.toString().replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      expect(ok(`${grouped}元`, '万元').amount).toBe(ok(`${n}元`, '万元').amount);
      expect(ok(wide, '万元').amount).toBe(n.toString());
    }));
  });

  it('every integer written the standard Chinese way reads back as itself', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n - 1n }), (n) => {
      expect(ok(`${chineseText(n)}元`, '元').amount).toBe(n.toString());
    }));
  });

  it('never throws, and a refusal always says why', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,元万亿千百十一二三四五六七八九零点%分 ¥-'.split('')), maxLength: 12 }),
      fc.constantFrom<AmountTarget>('元', '万元', 'percent', 'score'), (text, target) => {
        const r = parseAmountInput(text, target);
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
        else expect(parseAmount(r.amount)).toBe(r.amount);
      }));
  });
});
