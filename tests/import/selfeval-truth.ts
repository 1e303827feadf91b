// The self-evaluation fixture's ground truth (tests/fixtures/shared/selfeval-*.json) and an imported
// document written back in that shape: level-1 labels rebuilt with their weights (产出指标（50）).
// Left out: `year_text` (the files print （2019年度）; the JSON keeps the source's odd spacing),
// `narrative` (the 自评综述 prose of the disclosure, not part of the table) and `notes`.
import type { JixiaoDocument, Project } from '../../src-shared/model';

export interface SelfevalTruth {
  year: string; dept: string; unit: string; name: string; implementer: string;
  budget: Record<'planned' | 'planned_fiscal' | 'planned_other' | 'arrived' | 'arrived_fiscal' | 'arrived_other' | 'spent' | 'spent_fiscal' | 'spent_other' | 'progress', string>;
  goal_planned: string; goal_actual: string; goal_rate: string;
  indicators: { level1: string; level1_weight: string; level1_text: string; level2: string; name: string; description: string; target: string; actual: string; score: string }[];
  budget_rate_weight: string; budget_rate_score: string;
  budget_rate_row: { level1_text: string; level2: string; name: string; description: string; target: string; actual: string };
  total: string; grade: string; problems: string; preparer: string; phone: string;
}

export function stripUnpublished(truth: SelfevalTruth & { year_text?: string; narrative?: unknown; notes?: unknown }): SelfevalTruth {
  const { year_text: _y, narrative: _n, notes: _o, ...rest } = truth;
  return rest;
}

export function asSelfevalTruth(doc: JixiaoDocument, p: Project): SelfevalTruth {
  const se = p.selfeval!;
  const weightOf = (level1: string) => se.level1Weights.find((w) => w.level1 === level1)?.weight ?? '';
  return {
    year: String(doc.meta.year), dept: se.authority || doc.meta.deptName, unit: doc.meta.unit, name: p.name, implementer: se.implementer,
    budget: {
      planned: se.funds.planned.total, planned_fiscal: se.funds.planned.fiscal, planned_other: se.funds.planned.other,
      arrived: se.funds.received.total, arrived_fiscal: se.funds.received.fiscal, arrived_other: se.funds.received.other,
      spent: se.funds.spent.total, spent_fiscal: se.funds.spent.fiscal, spent_other: se.funds.spent.other, progress: se.progress,
    },
    goal_planned: se.goal, goal_actual: se.achieved, goal_rate: se.completionRate,
    indicators: se.indicators.map((i) => ({
      level1: i.level1, level1_weight: weightOf(i.level1), level1_text: `${i.level1}（${weightOf(i.level1)}）`, level2: i.level2,
      name: i.name, description: i.description, target: i.target, actual: i.actual, score: i.score,
    })),
    budget_rate_weight: se.budgetRateWeight, budget_rate_score: se.budgetRateScore,
    budget_rate_row: { level1_text: `预算执行率（${se.budgetRateWeight}）`, level2: '预算执行率', name: '', description: '', target: '', actual: '' },
    total: se.total, grade: se.grade, problems: se.problems, preparer: se.preparer, phone: se.phone,
  };
}
