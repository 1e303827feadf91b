// Drafted 评价标准 in the duty grid (issue 19): grey text in empty 优/良/中/差 cells, taken with Tab
// or a click on the selected cell, or filled for a selection / the whole table — each one undo step.
// Bands the 指标库 knows for the same indicator (earlier documents) come before drafted ones.
import { bandRows, fillBandsEdit, knownBandsFromLibrary, type KnownBands } from '../../src-shared/commands';
import type { JixiaoDocument } from '../../src-shared/model';
import { useLibrary } from './library';
import { editor } from './store';

let known: { version: number | null; fn: KnownBands } | null = null;
function knownBands(): KnownBands {
  const { version, entries } = useLibrary.getState();
  if (!known || known.version !== version) known = { version, fn: knownBandsFromLibrary(entries) };
  return known.fn;
}

/** What each empty band cell would get: indicator id → [优, 良, 中, 差] (null: typed, or nothing to propose). */
export type Drafts = ReadonlyMap<string, readonly (string | null)[]>;

const draftsMemo = new WeakMap<JixiaoDocument, { known: KnownBands; drafts: Drafts }>();
export function draftsOf(doc: JixiaoDocument): Drafts {
  const k = knownBands();
  const hit = draftsMemo.get(doc);
  if (hit && hit.known === k) return hit.drafts;
  const drafts = new Map<string, (string | null)[]>();
  for (const r of bandRows(doc, k, { emptyOnly: true })) if (r.proposal.ok) drafts.set(r.indicatorId, r.proposal.fill);
  draftsMemo.set(doc, { known: k, drafts });
  return drafts;
}

/** Fill the drafted bands of these indicators (all when absent) as one undo step; says how many. */
export function takeDrafts(ids?: ReadonlySet<string>): number {
  const doc = editor.get().doc;
  if (!doc) return 0;
  const { edit, cells, rows } = fillBandsEdit(doc, { ids, known: knownBands() });
  if (edit) {
    editor.dispatch(edit);
    if (!ids || ids.size > 1) editor.toast(`已填写 ${cells} 个建议评价标准`);
  } else {
    const asked = rows.filter((r) => r.status === 'empty' && !r.proposal.ok).length;
    editor.toast(asked ? `${asked} 个指标无法自动拟定评价标准（没有指标值或“优”档），请手工填写` : '没有空白的评价标准', asked ? 'error' : 'info');
  }
  return cells;
}
