// 生成自评表: carry each project's target table over into its year-end self-evaluation part.
// Indicators keep their levels, name and description; 指标值 becomes the target (年度指标值);
// 绩效目标 becomes 年度预期目标; 预算数 (财政资金 / 其他) becomes the planned funds. Weights are the
// template's defaults: each level-1 weight on the part, and spread evenly over its indicators as
// 分值 when the form prints per-indicator 分值 (national 2020); on the Hebei 2019 form, which prints
// only level-1 weights, indicator 分值 stay blank (implicit: the same even share, see weights.ts).
// A project that already has a self-evaluation part is never touched.
import { newSelfEval, newSelfEvalIndicator, newFundSplit } from '../model/factory';
import type { JixiaoDocument, Project, SelfEval } from '../model/schema';
import type { SelfevalTemplate } from '../model/templates';
import { defaultIndicatorWeights, level1Key } from './weights';

/** A new self-evaluation part for one project, from its target table. Ids are derived from the
 * indicators' (`<indicator id>-se`), so the same project always gives the same part. */
export function selfEvalFromProject(p: Project, t: SelfevalTemplate): SelfEval {
  const weights = t.perIndicatorWeight ? defaultIndicatorWeights(p.indicators.map((i) => i.level1), t) : [];
  const present = new Set(p.indicators.map((i) => level1Key(t, i.level1)));
  return newSelfEval({
    funds: {
      initial: newFundSplit(),
      planned: newFundSplit({ total: p.budget, fiscal: p.fiscal, other: p.other }),
      received: newFundSplit(),
      spent: newFundSplit(),
    },
    goal: p.goal,
    level1Weights: t.weights.filter((w) => present.has(w.level1)).map((w) => ({ level1: w.level1, weight: w.weight })),
    indicators: p.indicators.map((ind, k) => newSelfEvalIndicator({
      id: `${ind.id}-se`, from: ind.id, level1: ind.level1, level2: ind.level2, name: ind.name, description: ind.description,
      target: ind.value, weight: t.perIndicatorWeight ? weights[k] : '',
    })),
    budgetRateWeight: t.budgetRateWeight,
  });
}

export interface InitResult {
  document: JixiaoDocument;
  /** Indexes of the projects that got a new part. */
  created: number[];
  /** Indexes of the projects left alone because they already had one. */
  kept: number[];
}

/** Every project without a self-evaluation part gets one; the document is copied only where it changes. */
export function initSelfEval(doc: JixiaoDocument, t: SelfevalTemplate): InitResult {
  const created: number[] = [], kept: number[] = [];
  const projects = doc.projects.map((p, i) => {
    if (p.selfeval) { kept.push(i); return p; }
    created.push(i);
    return { ...p, selfeval: selfEvalFromProject(p, t) };
  });
  return { document: created.length ? { ...doc, projects } : doc, created, kept };
}
