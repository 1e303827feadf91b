import { describe, expect, it } from 'vitest';
import { formatNumber, parseRef } from './xlsx';

describe('formatNumber: what the user saw in Excel', () => {
  it.each([
    ['6123', '0.00', '6123.00'],
    ['1234.5', '#,##0.00_ ', '1,234.50'],
    ['0.25', '0%', '25%'],
    ['0.255', '0.0%', '25.5%'],
    ['12', 'General', '12'],
    ['0.30000000000000004', 'General', '0.3'],
    ['169.94', '@', '169.94'],
    ['100', '0"万元"', '100万元'],
    ['-5', '#,##0.00_);(#,##0.00)', '-5.00'],
    ['3', '0\\人', '3人'],
    ['7', '0;[Red]-0', '7'],
    // dates (填报日期 typed as a date) as the clerk saw them, not the serial number
    ['45356', 'yyyy"年"m"月"d"日"', '2024年3月5日'],
    ['45356', 'yyyy/m/d', '2024/3/5'],
    ['45356', 'yyyy\\-mm\\-dd', '2024-03-05'],
    ['45231', '[$-804]yyyy"年"m"月"', '2023年11月'],
    ['45356.5', 'yyyy/m/d h:mm', '2024/3/5 12:00'],
  ])('%s with %s → %s', (raw, code, shown) => {
    expect(formatNumber(raw, code)).toBe(shown);
  });
  it('leaves non-numbers alone', () => {
    expect(formatNumber('abc', '0.00')).toBe('abc');
  });
});

describe('parseRef', () => {
  it('reads column letters and rows', () => {
    expect(parseRef('A1')).toEqual({ col: 0, row: 1 });
    expect(parseRef('AB12')).toEqual({ col: 27, row: 12 });
    expect(parseRef('$C$3')).toEqual({ col: 2, row: 3 });
    expect(parseRef('nonsense')).toBeNull();
  });
});
