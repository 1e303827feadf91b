// Drafted 评（扣）分标准 in the project indicator grid of a structured form (issue 19): grey text in
// an empty cell, taken with Tab or a click on the selected cell — one undo step, as the duty grid's
// drafted 评价标准 (bandDrafts.ts).
import { fillScoringEdit, scoringRows } from '../../src-shared/commands';
import type { JixiaoDocument } from '../../src-shared/model';
import { editor } from './store';

/** indicator id → drafted 评（扣）分标准, for indicators whose cell is empty and a draft exists. */
export type ScoringDrafts = ReadonlyMap<string, string>;

const memo = new WeakMap<JixiaoDocument, ScoringDrafts>();
export function scoringDraftsOf(doc: JixiaoDocument): ScoringDrafts {
  let hit = memo.get(doc);
  if (!hit) {
    hit = new Map(scoringRows(doc).flatMap((r) => (r.proposal.ok ? [[r.indicatorId, r.proposal.text] as const] : [])));
    memo.set(doc, hit);
  }
  return hit;
}

/** Fill the drafted 评（扣）分标准 of these indicators (all when absent) as one undo step; says how many. */
export function takeScoringDrafts(ids?: ReadonlySet<string>): number {
  const doc = editor.get().doc;
  if (!doc) return 0;
  const { edit, cells, rows } = fillScoringEdit(doc, ids);
  if (edit) {
    editor.dispatch(edit);
    if (!ids || ids.size > 1) editor.toast(`已填写 ${cells} 个建议评（扣）分标准`);
  } else {
    const asked = rows.filter((r) => !r.proposal.ok).length;
    editor.toast(asked ? `${asked} 个指标无法自动拟定评（扣）分标准（缺指标值、方向或权重），请手工填写` : '没有空白的评（扣）分标准', asked ? 'error' : 'info');
  }
  return cells;
}
