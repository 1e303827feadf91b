import { describe, expect, it } from 'vitest';
import { normalizeLineEnds, unsavableChars, unsavableReason, withoutUnsavable } from './text';

describe('characters Word and Excel files cannot hold', () => {
  it('finds U+FFFE, U+FFFF, C0 controls but tab/LF/CR, and lone surrogates; each once, in order', () => {
    expect(unsavableChars('参保率\uFFFE≥95%\uFFFF\uFFFE')).toEqual(['U+FFFE', 'U+FFFF']);
    expect(unsavableChars('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001F')).toEqual(['U+0000', 'U+0001', 'U+0008', 'U+000B', 'U+000C', 'U+001F']);
    expect(unsavableChars('x\uD800y')).toEqual(['U+D800']);
    expect(unsavableChars('x\uDC00')).toEqual(['U+DC00']);
    expect(unsavableChars('\uDFFF\uD83D')).toEqual(['U+DFFF', 'U+D83D']); // low before high: two lone halves
  });

  it('takes tab, line ends, Chinese, a surrogate pair (𠀀, 😀) and the other noncharacters XML allows', () => {
    for (const ok of ['a\tb\nc\rd', '资金发放到位率（%）≥90%', '\uD840\uDC00𠀀😀', '\uFFFD', '\u{1FFFE}', '']) expect(unsavableChars(ok)).toEqual([]);
  });

  it('says why in Chinese with the code points; removes only those characters', () => {
    expect(unsavableReason('a\uFFFEb\u0001')).toBe('含有无法保存到 Word/Excel 的字符 U+FFFE、U+0001');
    expect(unsavableReason('ab')).toBeNull();
    expect(withoutUnsavable('参\uFFFE保\u0007率\t😀\uD800\n')).toBe('参保率\t😀\n');
    // the check holds no state between calls (a global regex remembers lastIndex)
    expect(unsavableChars('\uFFFE')).toEqual(['U+FFFE']);
    expect(unsavableChars('\uFFFE')).toEqual(['U+FFFE']);
  });

  it('line ends are \\n', () => {
    expect(normalizeLineEnds('a\r\nb\rc')).toBe('a\nb\nc');
  });
});
