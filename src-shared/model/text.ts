// Plain-text rules shared by paste and import.

/**
 * One line end, `\n`: Windows `\r\n` and old Mac `\r` (Excel/WPS clipboard cells, Word and Excel
 * cell text) would otherwise stay in the file as a stray `\r`, which prints as a space.
 */
export function normalizeLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

// Characters XML 1.0 (and so every .docx/.xlsx part) cannot hold: C0 controls but tab, LF and CR;
// U+FFFE and U+FFFF; UTF-16 surrogates that are not half of a pair.
// eslint-disable-next-line no-control-regex -- exactly the characters XML cannot hold
const UNSAVABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The characters of `text` that Word and Excel files cannot hold, as code points (`U+FFFE`), each
 * once, in order; empty when the text can be saved. The one check behind typing, paste, find/replace
 * and import: such a character is refused where it is typed or pasted and removed (with a note)
 * where a file is imported, so an export never drops one silently.
 */
export function unsavableChars(text: string): string[] {
  UNSAVABLE.lastIndex = 0;
  if (!UNSAVABLE.test(text)) return [];
  const found = text.match(UNSAVABLE)!.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return [...new Set(found)];
}

/** Why `text` cannot be taken (含有无法保存到 Word/Excel 的字符 U+FFFE), or null when it can. */
export function unsavableReason(text: string): string | null {
  const chars = unsavableChars(text);
  return chars.length ? `含有无法保存到 Word/Excel 的字符 ${chars.join('、')}` : null;
}

/** `text` without the characters unsavableChars lists (import keeps the rest of the cell). */
export function withoutUnsavable(text: string): string {
  return text.replace(UNSAVABLE, '');
}
