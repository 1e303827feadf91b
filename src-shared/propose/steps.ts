// Step rules for proposing 优/良/中/差 (issue 19) are data: each template carries a `bandSteps`
// block (templates/*.json, validated by src-shared/profile); this module says which rule applies.
import { COUNT_UNITS } from '../expr/parse';

export type { BandSteps, StepRule } from '../profile';

export type UnitKind = 'percent' | 'count' | 'money' | 'days' | 'other';

const TIME_UNITS = new Set(['天', '日', '工作日', '个工作日', '个月', '月', '小时', '分钟', '周', '年']);

/** The kind of a unit as typed in a value (`%`, `人`, `万元`, `天` …). */
export function unitKind(unit: string): UnitKind {
  if (unit === '%' || unit === '‰') return 'percent';
  if (COUNT_UNITS.has(unit)) return 'count';
  if (unit.endsWith('元')) return 'money';
  if (TIME_UNITS.has(unit)) return 'days';
  return 'other';
}
