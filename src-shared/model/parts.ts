// The two views of an indicator's value in the document (schema v3): the one-cell text (`value` on
// a project indicator, `target` on a self-evaluation indicator) and its parts (operator, number,
// unit). Rule: the text is what every one-cell form prints and what older code edits; the stored
// parts are used only while they agree with it (they join to it, or it splits into them) — so a
// text edited by a path that does not know the parts never shows stale parts; otherwise the parts
// are derived from the text. Editing the parts writes the joined text (`partsPatch`). An empty
// text with parts stored is a value that exists only as parts (an import of a structured form).
import { joinValue, sameParts, splitValue, type ValueParts } from '../expr/parts';

export interface StoredParts { operator?: ValueParts['operator']; number?: string; unit?: string }

/** The parts of a value whose one-cell text is `text` and whose stored parts are in `row`. */
export function partsOf(text: string, row: StoredParts): ValueParts {
  if (row.operator === undefined && row.number === undefined && row.unit === undefined) return splitValue(text);
  const stored: ValueParts = { operator: row.operator ?? '', number: row.number ?? '', unit: row.unit ?? '' };
  // Empty text with parts: a value typed (or imported) only as parts.
  if (text === '' || joinValue(stored) === text) return stored;
  const split = splitValue(text);
  return sameParts(split, stored) ? stored : split;
}

/** A project (or department-wide) indicator's 指标值 as parts. */
export function indicatorParts(ind: { value: string } & StoredParts): ValueParts {
  return partsOf(ind.value, ind);
}

/** A self-evaluation indicator's 年度指标值 as parts. */
export function targetParts(ind: { target: string } & StoredParts): ValueParts {
  return partsOf(ind.target, ind);
}

/** Fields to write when the clerk types one-cell text: the text as typed, and its parts. */
export function valueTextPatch(text: string): { value: string } & ValueParts {
  return { value: text, ...splitValue(text) };
}

/** Fields to write when the clerk edits parts: the parts, and the one-cell text they join to. */
export function partsPatch(parts: ValueParts): { value: string } & ValueParts {
  return { ...parts, value: joinValue(parts) };
}
