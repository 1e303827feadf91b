// Rules over structured indicator rows (issue 18): forms whose 指标值 is parts (指标性质 | 指标值 |
// 度量单位) with 权重 and 指标方向 — a project's rows and the department-wide table's alike — and the
// department-wide table's own cells. Each cause is one finding: a weight total that is off is one
// finding per table (or per 一级 the form fixes), not one per row. Required 一级 per form are checked
// by indicators.vocabulary (structure.missing-level1) from the form's own 一级 list, so there is no
// second rule for them here.
import { PART_NUMBER, type ValueParts } from '../expr/parts';
import { compareAmounts, sumAmounts } from '../model/amount';
import { indicatorParts } from '../model/parts';
import type { ProjectIndicator } from '../model/schema';
import { findLevel1, profileOf } from '../model/templates';
import { columnsOf, hasColumn, valueMode, type TargetProfile } from '../profile';
import { DEPT_WIDE_ID } from '../model/factory';
import { DEPT_WIDE_TABLE, finding, indicatorCellWhere, SEP, type DeptWideRule, type IndicatorRule, type RuleContext } from './registry';
import type { Finding } from './types';

const COMPARISONS = new Set(['≥', '≤', '=', '>', '<']);
const RANGE = /^-?\d+(?:\.\d+)?--?\d+(?:\.\d+)?$/;
/** A unit written into the name (参保率（%）, 培训人数(人)) makes the 度量单位 column optional. */
const UNIT_IN_NAME = /[（(][^（）()]{1,6}[）)]\s*$/;

const structuredProfile = (ctx: RuleContext): TargetProfile | null => {
  const p = profileOf(ctx.template.id);
  return valueMode(p) === 'parts' ? p : null;
};

type Where = (ind: ProjectIndicator, field: string) => string;

/** The checks of one row's parts, direction and scoring rule. */
function checkRow(ind: ProjectIndicator, parts: ValueParts, profile: TargetProfile, where: Where, out: Finding[]): void {
  const at = (field: string, text: string, severity: 'error' | 'warning', code: string, message: string) =>
    out.push(finding(ind.id, field, where(ind, field), text, { severity, code, message }));
  const { operator, number, unit } = parts;
  const numeric = PART_NUMBER.test(number.trim());
  if (number.trim() === '' && ind.value.trim() === '') {
    // No value at all: text.empty-required says 指标值未填写 (one cause, one finding).
  } else if (COMPARISONS.has(operator) && !numeric) {
    at('number', number, 'error', 'structured.operator-no-number', number.trim() === ''
      ? `指标性质为“${operator}”，但指标值未填写，请填写数值`
      : `指标性质为“${operator}”，但指标值“${number}”不是数值，请只填数值（单位填在度量单位中），或把指标性质改为“定性”`);
  } else if (operator === '区间' && !RANGE.test(number.trim())) {
    at('number', number, 'error', 'structured.operator-no-number', `指标性质为“区间”，指标值应写作“下限-上限”（如 85-100），目前为“${number}”`);
  } else if (operator === '定性' && numeric) {
    at('number', number, 'error', 'structured.qualitative-number', `指标性质为“定性”，但指标值“${number}”是数值：数值指标请选择 ≥、≤ 等，定性指标请填写文字（如“明显改善”）`);
  }
  if ((COMPARISONS.has(operator) || operator === '区间') && (numeric || RANGE.test(number.trim())) && unit.trim() === '' && hasColumn(profile, 'unit') && !UNIT_IN_NAME.test(ind.name)) {
    at('unit', unit, 'warning', 'structured.unit-missing', `数值指标“${number}”缺少度量单位（如 %、人、万元），请填写`);
  }
  const direction = ind.direction ?? '';
  if ((direction === '反向' && (operator === '≥' || operator === '>')) || (direction === '正向' && (operator === '≤' || operator === '<'))) {
    at('direction', direction, 'warning', 'structured.direction-operator', direction === '反向'
      ? `指标方向为“反向”（越小越好），指标性质却是“${operator}”，二者矛盾，请核对其一`
      : `指标方向为“正向”（越大越好），指标性质却是“${operator}”，二者矛盾，请核对其一`);
  }
  const scoring = columnsOf(profile).find((c) => c.id === 'scoring');
  if (scoring?.required && (ind.scoring ?? '').trim() === '') {
    at('scoring', ind.scoring ?? '', 'error', 'structured.scoring-empty', `${scoring.label}未填写，请填写（如：完成值÷指标值×权重，最高不超过权重）`);
  }
}

/** Weight totals: per project (or table) and per 一级 the form fixes. One finding per cause. */
function checkWeights(rows: ProjectIndicator[], profile: TargetProfile, owner: { id: string; where: string }, where: Where, out: Finding[]): void {
  if (!profile.weights || !hasColumn(profile, 'weight') || rows.length === 0) return;
  const typed = rows.filter((r) => (r.weight ?? '') !== '');
  const total = sumAmounts(typed.map((r) => r.weight!)) || '0'; // none typed: 0
  const first = typed[0] ?? rows[0];
  if (compareAmounts(total, profile.weights.total) !== 0) {
    const missing = rows.length - typed.length;
    out.push(finding(first.id, 'weight', where(first, 'weight'), first.weight ?? '', {
      severity: 'error', code: 'structured.weight-sum',
      message: `${owner.where}的权重合计为 ${total}，应为 ${profile.weights.total}${missing ? `（${missing} 个指标未填权重）` : ''}，请调整`,
    }));
    return; // the per-一级 totals follow from the same cause until the total is right
  }
  for (const w of profile.weights.level1) {
    const inLevel = rows.filter((r) => findLevel1(profile, r.level1)?.name === w.level1);
    if (inLevel.length === 0) continue;
    const sum = sumAmounts(inLevel.map((r) => r.weight ?? '').filter((x) => x !== '')) || '0';
    if (compareAmounts(sum, w.weight) !== 0) {
      out.push(finding(inLevel[0].id, 'weight', where(inLevel[0], 'weight'), inLevel[0].weight ?? '', {
        severity: 'warning', code: 'structured.weight-sum',
        message: `${owner.where}中“${w.level1}”的权重合计为 ${sum}，本表格规定为 ${w.weight}，请核对`,
      }));
    }
  }
}

const CODES = ['structured.operator-no-number', 'structured.qualitative-number', 'structured.unit-missing', 'structured.direction-operator', 'structured.scoring-empty', 'structured.weight-sum'] as const;

const structuredRowsRule: IndicatorRule = {
  id: 'indicators.structured-rows', scope: 'indicators', codes: CODES,
  description: '结构化指标行（指标性质 | 指标值 | 度量单位 | 权重 | 指标方向）：性质与数值相符、数值有单位、方向与性质一致、评（扣）分标准已填、权重合计符合表格规定',
  // An empty required 评（扣）分标准 column is one omission.
  groups: { 'structured.scoring-empty': { key: () => 'scoring' } },
  check(t, ctx, out) {
    const profile = structuredProfile(ctx);
    if (!profile) return;
    const where: Where = (ind, field) => indicatorCellWhere(t.where, ind, field, ctx.labels);
    for (const ind of t.indicators) checkRow(ind, indicatorParts(ind), profile, where, out);
    checkWeights(t.indicators, profile, { id: t.id, where: t.where }, where, out);
  },
};

/** The department-wide table's own cells; its indicator rows are checked by the indicator rules above. */
const tasksSumRule: DeptWideRule = {
  id: 'deptWide.tasks-sum', scope: 'deptWide', codes: ['deptwide.tasks-sum'],
  description: '部门整体支出绩效目标表：年度主要任务的预算金额之和等于金额合计（及其财政拨款、其他资金，表上印有时）',
  check(wide, _ctx, out) {
    // 总额 against 金额合计; 财政拨款 / 其他资金 against their sums where the form printed them (imported)
    const sums = [['total', 'total', ''], ['fiscal', 'totalFiscal', '（财政拨款）'], ['other', 'totalOther', '（其他资金）']] as const;
    for (const [task, field, what] of sums) {
      const typed = wide[field];
      const totals = wide.tasks.map((t) => t[task]).filter((x) => x !== '');
      if (typed === undefined || typed === '' || totals.length === 0) continue;
      const sum = sumAmounts(totals);
      if (compareAmounts(sum, typed) === 0) continue;
      out.push(finding(DEPT_WIDE_ID, field, `${DEPT_WIDE_TABLE}${SEP}金额合计${what}`, typed, {
        severity: 'error', code: 'deptwide.tasks-sum',
        message: `年度主要任务的预算金额${what}合计为 ${sum}，与金额合计${what} ${typed} 不符，请核对`,
      }));
    }
  },
};

export const STRUCTURED_INDICATOR_RULES: IndicatorRule[] = [structuredRowsRule];
export const DEPT_WIDE_RULES: DeptWideRule[] = [tasksSumRule];
