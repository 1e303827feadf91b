// Budget years in text. Rolling a document over to the next year proposes `2020年…` → `2021年…` where
// the year is the budget year; a year that is part of a reference stays as it is:
//   - a document number: the year inside brackets `【2019】` `〔2019〕` `[2019]` `(2019)` `（2019）`,
//     or `2019年第5号`;
//   - a title quoted in 《…》;
//   - a year range `2019-2021年`, `2019至2021年` (a plan period, cited as such);
//   - a date `2019年12月31日` / `2019年12月` inside 指标值确定依据 (the basis cites a fixed date).
// Other years (`1960年及以前`, `与2018年相比`, `到2020年` in a 2019 document) are not the budget year
// and are left alone. Nothing is applied silently: each changed cell is a proposal the user may untick.

const OPEN = '【〔[(（［';
const CLOSE = '】〕])）］';

export type YearRole = 'budget' | 'reference' | 'other';

/** Why a year occurrence at `index` (of the 4 digits) is kept or changed. */
export function yearRole(text: string, index: number, budgetYear: number, isBasis: boolean): YearRole {
  const year = text.slice(index, index + 4);
  if (Number(year) !== budgetYear) return 'other';
  const before = text[index - 1] ?? '';
  const after = text.slice(index + 4);
  if (OPEN.includes(before) && before !== '' && CLOSE.includes(after[0] ?? '\u0000')) return 'reference';
  if (/^年第\s*\d+\s*号/.test(after)) return 'reference';
  if (insideBookTitle(text, index)) return 'reference';
  // A range: the other end is a 4-digit year next to a range separator.
  if (/^\s*年?\s*[-—–~～至到]\s*(19|20)\d{2}(?!\d)/.test(after)) return 'reference';
  if (/(19|20)\d{2}\s*年?\s*[-—–~～至到]\s*$/.test(text.slice(0, index))) return 'reference';
  if (!after.startsWith('年')) return 'other';
  if (isBasis && /^年\s*\d{1,2}\s*月/.test(after)) return 'reference';
  return 'budget';
}

function insideBookTitle(text: string, index: number): boolean {
  const open = text.lastIndexOf('《', index);
  return open >= 0 && text.lastIndexOf('》', index) < open && text.indexOf('》', index) > index;
}

/** The text with each budget-year occurrence replaced; unchanged text when there is none. */
export function replaceBudgetYear(text: string, oldYear: number, newYear: number, isBasis = false): string {
  if (oldYear === newYear || !text.includes(String(oldYear))) return text;
  return text.replace(/(?<!\d)(19|20)\d{2}(?!\d)/g, (m, _c, offset: number) =>
    yearRole(text, offset, oldYear, isBasis) === 'budget' ? String(newYear) : m);
}
