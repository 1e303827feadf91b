// 新年度 and 对比 on the large synthetic document (40 duties × 8 activities × 5 indicators, 300
// projects × 12 indicators). The editor recomputes the comparison after each edit while the panel
// is open, so diff_large_* should stay well under the 100 ms panel-update budget.
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { applyYearProposals, diffDocuments, rollover } from '../../src-shared/cycle';
import type { JixiaoDocument } from '../../src-shared/model/schema';

/** Next year's document as if retyped from Word: no `from` links, so rows are matched by name. */
function withoutLinks(doc: JixiaoDocument): JixiaoDocument {
  return JSON.parse(JSON.stringify(doc, (k, v: unknown) => (k === 'from' ? undefined : v))) as JixiaoDocument;
}

export const benches: Bench[] = [
  {
    name: 'rollover_large',
    setup: () => makeSyntheticDocument(),
    run: (doc: JixiaoDocument) => { const r = rollover(doc); return applyYearProposals(r.document, r.proposals); },
  },
  {
    name: 'diff_large_rollover',
    setup: () => { const doc = makeSyntheticDocument(); return { doc, next: rollover(doc).document }; },
    run: ({ doc, next }: { doc: JixiaoDocument; next: JixiaoDocument }) => diffDocuments(doc, next),
  },
  {
    name: 'diff_large_by_name',
    setup: () => {
      const doc = makeSyntheticDocument();
      const next = withoutLinks(rollover(doc, { keepAmounts: true }).document);
      // a few renamed and reordered rows, as a hand-edited file would have
      next.projects.reverse();
      for (let i = 0; i < next.projects.length; i += 10) next.projects[i].name += '（调整）';
      return { doc, next };
    },
    run: ({ doc, next }: { doc: JixiaoDocument; next: JixiaoDocument }) => diffDocuments(doc, next),
  },
];
