import { describe, expect, it } from 'vitest';
import { lineCounter, rowHeights, type GridFont, type HeightMetrics } from './rowHeights';

// Every character 10 px wide (CJK ones 15, bold 20); a cell of 120 px has 100 px for text.
const regular = (code: number) => (code > 0x2e80 ? 15 : 10);
const font: GridFont = { regular, bold: () => 20 };
const M: HeightMetrics = { lineHeightPx: 16, padYPx: 10, padXPx: 20, minRowPx: 34, maxLines: 30 };

describe('grid row heights from text', () => {
  it('counts wrapped lines in the grid font, per paragraph, indent and weight', () => {
    const lines = lineCounter(font, M);
    expect(lines({ text: '', widthPx: 120 })).toBe(1);
    expect(lines({ text: 'x'.repeat(10), widthPx: 120 })).toBe(1);
    expect(lines({ text: 'x'.repeat(11), widthPx: 120 })).toBe(2);
    expect(lines({ text: 'abc\n\nx', widthPx: 120 })).toBe(3);
    expect(lines({ text: 'x'.repeat(10), widthPx: 120, indentPx: 20 })).toBe(2);
    expect(lines({ text: 'x'.repeat(10), widthPx: 120, bold: true })).toBe(2);
    // 6 CJK characters are 90 px, a 7th does not fit: whole characters only
    expect(lines({ text: '保'.repeat(6), widthPx: 120 })).toBe(1);
    expect(lines({ text: '保'.repeat(7), widthPx: 120 })).toBe(2);
    expect(lines({ text: '保'.repeat(13), widthPx: 120 })).toBe(3);
  });

  it('remembers counts per text and width', () => {
    let calls = 0;
    const lines = lineCounter({ regular: (c) => { calls++; return regular(c); }, bold: regular }, M);
    expect(lines({ text: '保'.repeat(13), widthPx: 120 })).toBe(3);
    const after = calls;
    expect(lines({ text: '保'.repeat(13), widthPx: 120 })).toBe(3);
    expect(calls).toBe(after);
    expect(lines({ text: '保'.repeat(13), widthPx: 170 })).toBe(2);
  });

  it('caps a huge cell at the line limit without measuring all of it', () => {
    let calls = 0;
    const lines = lineCounter({ regular: (c) => { calls++; return regular(c); }, bold: regular }, M);
    expect(lines({ text: 'x'.repeat(100_000), widthPx: 120 })).toBe(30);
    expect(lines({ text: '保'.repeat(100_000), widthPx: 120 })).toBe(30);
    expect(calls).toBeLessThan(100_000);
  });

  it('fits each row to its tallest own cell, never below the minimum, in whole px', () => {
    const h = rowHeights([
      [{ text: 'short', widthPx: 120 }],
      [{ text: 'x'.repeat(35), widthPx: 120 }, { text: 'y', widthPx: 120 }],
    ], lineCounter(font, M), M);
    expect(h).toEqual([34, 4 * 16 + 10]);
  });

  it('spreads what a spanned cell lacks over its rows', () => {
    const h = rowHeights([
      [{ text: 'x'.repeat(60), widthPx: 120, rowSpan: 2 }, { text: 'a', widthPx: 120 }],
      [{ text: 'b', widthPx: 120 }],
      [{ text: 'c', widthPx: 120 }],
    ], lineCounter(font, M), M);
    // 6 lines = 106 px over two rows of 34: each gets half of the 38 px missing
    expect(h).toEqual([53, 53, 34]);
  });

  it('leaves spanned rows alone when they already give enough room', () => {
    const h = rowHeights([
      [{ text: 'x', widthPx: 120, rowSpan: 2 }, { text: 'a'.repeat(30), widthPx: 120 }],
      [{ text: 'b', widthPx: 120 }],
    ], lineCounter(font, M), M);
    expect(h).toEqual([58, 34]);
  });
});
