// An indicator's value shown two ways (issue 18): one cell (`≥95%`, the Hebei/88号 forms) or
// parts (指标性质 ≥ | 指标值 95 | 度量单位 %, the structured 一体化 forms). `splitValue` reads one cell
// with the value language; `joinValue` writes parts back as one cell. Neither is lossy:
//  - a value the parts can hold (one comparison, one range, or a qualitative word, no label) is
//    split into it; `joinValue(splitValue(x)) === x` for every canonical spelling (`≥95%`, `100%`,
//    `85-100%`, `全部完成`), and means the same for every other spelling (`不低于95%` → ≥ 95 %);
//  - anything else (`完成率≥90%`, `≥85%和≤100%`, `≥9O%`) is kept whole as text: operator '',
//    number = the text, unit ''. `joinValue` gives the text back unchanged.
// The document keeps the typed one-cell text as well (see model/parts.ts), so a spelling is never
// rewritten unless the clerk edits the parts.
import { parseValue, type Op } from './parse';

export const OPERATORS = ['', '≥', '≤', '=', '>', '<', '区间', '定性'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface ValueParts {
  /** '' = a bare number (`100%`, read as "equal to") or text kept whole; 区间 = a closed range. */
  operator: Operator;
  /** The number as typed (`95`, `-5`, `10.65`), a range `lo-hi` (`85-100`), or text: the
   * qualitative wording for 定性, the whole cell for a value the parts cannot hold. */
  number: string;
  /** 度量单位 (`%`, `人`, `万元`); '' when none. */
  unit: string;
}

export const EMPTY_PARTS: ValueParts = Object.freeze({ operator: '', number: '', unit: '' }) as ValueParts;

const OP_SYMBOL: Record<Op, Operator> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** A plain decimal number as the parts hold it (optionally signed). */
export const PART_NUMBER = /^-?\d+(?:\.\d+)?$/;
const PART_RANGE = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/;

/** The parts of one-cell text. Never throws; text the parts cannot hold is kept whole in `number`. */
export function splitValue(text: string): ValueParts {
  const p = parseValue(text);
  const whole: ValueParts = { operator: '', number: text, unit: '' };
  switch (p.kind) {
    case 'empty': return text === '' ? { ...EMPTY_PARTS } : whole;
    case 'unparsed': return whole;
    case 'qualitative': return { operator: '定性', number: text, unit: '' };
    case 'numeric': {
      if (p.label !== '' || p.groups.length !== 1 || p.groups[0].length !== 1) return whole;
      const a = p.groups[0][0];
      if (a.kind === 'range') return { operator: '区间', number: `${a.lo.number}-${a.hi.number}`, unit: a.unit };
      return { operator: a.opForm === 'none' ? '' : OP_SYMBOL[a.op], number: a.number, unit: a.unit };
    }
  }
}

/** The one-cell text of parts: `≥` `95` `%` → `≥95%`; 定性 and text kept whole give their text. */
export function joinValue(parts: ValueParts): string {
  const { operator, number, unit } = parts;
  if (operator === '定性') return number + unit;
  if (number === '' && unit === '') return operator === '区间' ? '' : operator;
  if (operator === '区间') return `${number}${unit}`;
  return `${operator}${number}${unit}`;
}

/** Whether two parts are the same (field by field). */
export function sameParts(a: ValueParts, b: ValueParts): boolean {
  return a.operator === b.operator && a.number === b.number && a.unit === b.unit;
}

/** Whether the parts hold a structured value (as opposed to empty or text kept whole). */
export function isStructured(parts: ValueParts): boolean {
  if (parts.operator === '定性') return parts.number !== '';
  if (parts.operator === '区间') return PART_RANGE.test(parts.number);
  return PART_NUMBER.test(parts.number);
}
