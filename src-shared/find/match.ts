// Matching a search text against cell texts, with the options of Excel's and WPS's 查找和替换
// (区分大小写, 单元格匹配, 区分全/半角), off by default as there. Without 区分全/半角, full-width
// letters, digits and ASCII punctuation (２０１９, ＡＢＣ, ％, ，) match their half-width forms and the
// ideographic space matches a space; CJK punctuation such as 。、【】 has no half-width twin and is
// compared as is. Folding maps one UTF-16 unit to one, so offsets in the folded text are offsets in
// the original text.
export interface MatchOptions {
  /** 单元格匹配: the whole cell must equal the search text. */
  wholeCell: boolean;
  /** 区分大小写 */
  matchCase: boolean;
  /** 区分全/半角 */
  matchWidth: boolean;
}

export const DEFAULT_MATCH: MatchOptions = { wholeCell: false, matchCase: false, matchWidth: false };

/** [start, end) in the cell text. */
export type Range = readonly [number, number];

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const UPPER = /[A-Z\uFF21-\uFF3A]/g;
/** Any character either fold may change: most cells have none, and skip the copies. */
const FOLDABLE = /[A-Z\uFF01-\uFF5E\u3000]/;

export function foldText(s: string, o: Pick<MatchOptions, 'matchCase' | 'matchWidth'>): string {
  if ((o.matchCase && o.matchWidth) || !FOLDABLE.test(s)) return s;
  let t = s;
  if (!o.matchWidth) t = t.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!o.matchCase) t = t.replace(UPPER, (c) => String.fromCharCode(c.charCodeAt(0) + 0x20));
  return t;
}

/** A compiled search: the ranges of every non-overlapping match in a text, left to right. */
export type Matcher = (text: string) => Range[];

export function compileMatcher(query: string, o: MatchOptions): Matcher {
  const q = foldText(query, o);
  if (q === '') return () => [];
  if (o.wholeCell) return (text) => (text.length === q.length && foldText(text, o) === q ? [[0, text.length]] : []);
  return (text) => {
    if (text.length < q.length) return [];
    const t = foldText(text, o);
    const out: Range[] = [];
    for (let at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + q.length)) out.push([at, at + q.length]);
    return out;
  };
}

/** The text with each range replaced by `replacement`. */
export function spliceRanges(text: string, ranges: readonly Range[], replacement: string): string {
  let out = '';
  let from = 0;
  for (const [s, e] of ranges) { out += text.slice(from, s) + replacement; from = e; }
  return out + text.slice(from);
}
