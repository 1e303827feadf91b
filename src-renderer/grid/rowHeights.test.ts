import { describe, expect, it } from 'vitest';
import { lineCounter, linesNeeded, rowHeights, type HeightMetrics } from './rowHeights';

// Every character 10 px wide (CJK ones 15); a cell of 120 px has 100 px for text.
const width = (ch: string) => (ch.charCodeAt(0) > 0x2e80 ? 15 : 10);
const M: HeightMetrics = { lineHeightPx: 16, padYPx: 10, padXPx: 20, minRowPx: 34, maxLines: 30 };

describe('row heights from text', () => {
  it('counts wrapped lines per paragraph', () => {
    expect(linesNeeded({ text: '', widthPx: 120 }, width, M)).toBe(1);
    expect(linesNeeded({ text: 'x'.repeat(10), widthPx: 120 }, width, M)).toBe(1);
    expect(linesNeeded({ text: 'x'.repeat(11), widthPx: 120 }, width, M)).toBe(2);
    expect(linesNeeded({ text: 'abc\n\nx', widthPx: 120 }, width, M)).toBe(3);
    expect(linesNeeded({ text: 'x'.repeat(10), widthPx: 120, indentPx: 20 }, width, M)).toBe(2);
    // 6 CJK characters are 90 px, a 7th does not fit: whole characters only
    expect(linesNeeded({ text: '保'.repeat(6), widthPx: 120 }, width, M)).toBe(1);
    expect(linesNeeded({ text: '保'.repeat(7), widthPx: 120 }, width, M)).toBe(2);
    expect(linesNeeded({ text: '保'.repeat(13), widthPx: 120 }, width, M)).toBe(3);
  });

  it('remembers counts per text and width', () => {
    let calls = 0;
    const count = lineCounter((ch) => { calls++; return width(ch); }, M);
    expect(count({ text: '保'.repeat(13), widthPx: 120 })).toBe(3);
    const after = calls;
    expect(count({ text: '保'.repeat(13), widthPx: 120 })).toBe(3);
    expect(calls).toBe(after);
    expect(count({ text: '保'.repeat(13), widthPx: 170 })).toBe(2);
  });

  it('caps a huge cell at the line limit', () => {
    expect(linesNeeded({ text: 'x'.repeat(100_000), widthPx: 120 }, width, M)).toBe(30);
  });

  it('fits each row to its tallest own cell, never below the minimum', () => {
    const h = rowHeights([
      [{ text: 'short', widthPx: 120 }],
      [{ text: 'x'.repeat(35), widthPx: 120 }, { text: 'y', widthPx: 120 }],
    ], lineCounter(width, M), M);
    expect(h).toEqual([34, 4 * 16 + 10]);
  });

  it('grows the last row of a span when the spanned cell needs more than its rows give', () => {
    const h = rowHeights([
      [{ text: 'x'.repeat(60), widthPx: 120, rowSpan: 2 }, { text: 'a', widthPx: 120 }],
      [{ text: 'b', widthPx: 120 }],
      [{ text: 'c', widthPx: 120 }],
    ], lineCounter(width, M), M);
    // 6 lines = 106 px over two rows of 34: the second row takes the rest
    expect(h).toEqual([34, 106 - 34, 34]);
  });

  it('leaves spanned rows alone when they already give enough room', () => {
    const h = rowHeights([
      [{ text: 'x', widthPx: 120, rowSpan: 2 }, { text: 'a'.repeat(30), widthPx: 120 }],
      [{ text: 'b', widthPx: 120 }],
    ], lineCounter(width, M), M);
    expect(h).toEqual([58, 34]);
  });
});
