// What an indicator measures, read from its name: a rate (…率, （%）), a count (…人数, …次数,
// …数量), money, or unknown. Used to check units and directions; unknown never produces a finding.
import { DEFAULT_TEMPLATE_ID, templateOrDefault, type Template } from './templates';

export type IndicatorKind = 'percent' | 'count' | 'money' | 'unknown';

export interface IndicatorNature {
  kind: IndicatorKind;
  /** See `lowerIsBetter`. */
  lowerIsBetter: boolean;
}

const PAREN = /[（(][^（）()]*[）)]/g;
const UNIT_IN_PAREN = /[（(]\s*(%|％|人|人次|次|个|户|家|项|件|元|万元)\s*[）)]/;

const memo = new Map<Template, Map<string, IndicatorNature>>();

/** Memoized by template and name (names repeat across rows and edits). */
export function indicatorNature(name: string, template: Template): IndicatorNature {
  let byName = memo.get(template);
  if (!byName) memo.set(template, (byName = new Map()));
  let n = byName.get(name);
  if (!n) {
    n = computeNature(name, template);
    if (byName.size > 50000) byName.clear();
    byName.set(name, n);
  }
  return n;
}

function computeNature(name: string, template: Template): IndicatorNature {
  const lowerIsBetter = isLowerBetter(name, template.lowerIsBetterWords);
  const unit = UNIT_IN_PAREN.exec(name)?.[1];
  if (unit) {
    const kind = unit === '%' || unit === '％' ? 'percent' : unit.endsWith('元') ? 'money' : 'count';
    return { kind, lowerIsBetter };
  }
  const core = name.replace(PAREN, '').replace(/[\s\u3000]/g, '');
  let kind: IndicatorKind = 'unknown';
  if (/(率|满意度|覆盖面|比例|比重|占比)$/.test(core)) kind = 'percent';
  else if (/(人数|次数|个数|户数|家数|件数|项数|人次|场次|数量|数)$/.test(core)) kind = 'count';
  else if (/(金额|资金|经费|费用)$/.test(core)) kind = 'money';
  return { kind, lowerIsBetter };
}

// ---- direction: is a lower value better? ----
//
// A Chinese indicator name is head-final: what it measures is the word just before its measure
// ending (…率, …次数, …人数). 投诉处理率 measures 处理, 失业保险参保率 measures 参保, 差错率达标率
// measures 达标: only a bad event in the head makes lower better (事故发生率, 差错率, 失业率). A
// negator in front of that event turns it into its absence (无事故率, 零差错率, 未发生安全事故率:
// higher is better), and a negator right before any other head turns it into a failure
// (不合格率, 未达标率, 未结案率: lower is better). A name without a measure ending may name the
// event itself (发生违纪事故, counted in 次). The bad events are the template's
// lowerIsBetterWords without their 率, so the vocabulary stays data.

const MEASURE_END = /(率|次数|件数|起数|人数|人次|例数|数)$/;
// 不断/不同/不仅/不定… are not negations; 非 forms adjectives (非正常死亡率 is still a 死亡率).
const NEGATOR = /(无|零|未|没有|杜绝|不(?![断同仅定论]))/g;
// A negation reaches back over modifiers of the event, not over a phrase boundary.
const BOUNDARY = /[的、,，和及与或;；:：]/;
const stemsMemo = new Map<readonly string[], string[]>();

function badStems(words: readonly string[]): string[] {
  let stems = stemsMemo.get(words);
  if (!stems) {
    stems = [...new Set(words.map((w) => w.replace(MEASURE_END, '')).filter((w) => w !== ''))].sort((a, b) => b.length - a.length);
    stemsMemo.set(words, stems);
  }
  return stems;
}

/** The part of `before` (text in front of the head) that a negation may govern: back to a boundary. */
function phrase(before: string): string {
  let k = before.length - 1;
  while (k >= 0 && !BOUNDARY.test(before[k])) k--;
  return before.slice(k + 1);
}

function negated(text: string): boolean {
  NEGATOR.lastIndex = 0;
  return NEGATOR.test(text);
}

/**
 * Whether a lower value is better for an indicator with this name, read from the name's head (see
 * above). `words`: the template's lower-is-better words (发生率, 事故率, 差错率 …).
 */
export function isLowerBetter(name: string, words: readonly string[] = templateOrDefault(DEFAULT_TEMPLATE_ID).lowerIsBetterWords): boolean {
  const core = name.replace(PAREN, '').replace(/[\s\u3000]/g, '');
  // Without a measure ending the name may be the event itself (发生违纪事故, counted in 次).
  const end = MEASURE_END.exec(core);
  const before = end ? core.slice(0, end.index) : core;
  for (const stem of badStems(words)) {
    if (!before.endsWith(stem)) continue;
    // 事故发生率: the event is 事故 and 发生 only says "occurs"; the negation may precede either.
    const scope = phrase(before.slice(0, before.length - stem.length));
    return !negated(scope);
  }
  // Another head: a negator immediately before it (within two characters) makes it a failure rate.
  return end?.[1] === '率' && /(不(?![断同仅定论])|未|无)[\u4e00-\u9fff]{1,2}$/.test(before);
}
