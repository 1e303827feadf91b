// What an indicator measures, read from its name: a rate (…率, （%）), a count (…人数, …次数,
// …数量), money, or unknown. Used to check units and directions; unknown never produces a finding.
import type { Template } from '../model/templates';

export type IndicatorKind = 'percent' | 'count' | 'money' | 'unknown';

export interface IndicatorNature {
  kind: IndicatorKind;
  /** 发生率, 事故率 …: the template's lower-is-better words. */
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
  const lowerIsBetter = template.lowerIsBetterWords.some((w) => name.includes(w));
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
