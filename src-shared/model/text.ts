// Plain-text rules shared by paste and import.

/**
 * One line end, `\n`: Windows `\r\n` and old Mac `\r` (Excel/WPS clipboard cells, Word and Excel
 * cell text) would otherwise stay in the file as a stray `\r`, which prints as a space.
 */
export function normalizeLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
