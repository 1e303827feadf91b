// Self-evaluation commands with inverses: 生成自评表 (carry-over) and 采用计算得分.
import { compareAmounts, type JixiaoDocument } from '../model';
import { selfevalTemplateFor, templateOrDefault } from '../model/templates';
import { gradeOf, initSelfEval, scoreSelfEval } from '../selfeval';
import { Draft, CommandError } from './commands';
import { locateRow } from './locate';
import type { Edit } from './patch';

/** 生成自评表: one undo step creating the part of every project that has none. */
export function initSelfEvalEdit(doc: JixiaoDocument): { edit: Edit | null; created: number[]; kept: number[] } {
  const r = initSelfEval(doc, selfevalTemplateFor(doc.meta));
  const d = new Draft(doc);
  for (const i of r.created) d.set(['projects', i, 'selfeval'], r.document.projects[i].selfeval);
  return { edit: d.finish('生成自评表'), created: r.created, kept: r.kept };
}

/**
 * 采用计算得分 for one indicator (`indicatorId`) or for the whole part (every indicator and 预算执行率).
 * A qualitative score already inside its range is the clerk's pick and stays. A typed 总分 / 评价等级
 * (always, when applying all) is brought in line, so the printed form agrees with itself. One undo step.
 */
export function applyComputedScoresEdit(doc: JixiaoDocument, projectId: string, indicatorId?: string): Edit | null {
  const loc = locateRow(doc, projectId);
  if (!loc || loc.kind !== 'project') throw new CommandError('请先选择一个项目');
  const se = doc.projects[loc.index].selfeval;
  if (!se) throw new CommandError('该项目还没有绩效自评表，请先生成自评表');
  const t = selfevalTemplateFor(doc.meta);
  const target = templateOrDefault(doc.meta.templateId);
  const scores = scoreSelfEval(se, t, target);
  const d = new Draft(doc);
  const base = [...loc.path, 'selfeval'];
  se.indicators.forEach((ind, k) => {
    if (indicatorId !== undefined && ind.id !== indicatorId) return;
    const s = scores.rows.get(ind.id)!;
    if (s.computed === '') return;
    if (s.kind === 'qualitative' && ind.score !== '' && inRange(ind.score, s.range)) return;
    d.set([...base, 'indicators', k, 'score'], s.computed);
  });
  if (indicatorId === undefined && scores.budgetRateComputed !== '') d.set([...base, 'budgetRateScore'], scores.budgetRateComputed);
  if (d.patches.length === 0) return null;
  const after = scoreSelfEval(d.doc.projects[loc.index].selfeval!, t, target);
  if (indicatorId === undefined || se.total !== '') d.set([...base, 'total'], after.total);
  if (indicatorId === undefined || se.grade !== '') d.set([...base, 'grade'], gradeOf(after.total, t));
  return d.finish(indicatorId === undefined ? '采用全部计算得分' : '采用计算得分');
}

function inRange(score: string, [lo, hi]: [string, string]): boolean {
  return compareAmounts(score, lo) >= 0 && compareAmounts(score, hi) <= 0;
}
