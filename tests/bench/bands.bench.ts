// Drafting 评价标准 (issue 19) for every indicator of the large synthetic document (40 duties × 8
// activities × 5 indicators) with 良/中/差 cleared: what `jixiao bands` and 填写评价标准 do at once.
// Each run drafts afresh (a new source of known bands has an empty memo). Target ≤ 50 ms.
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import type { JixiaoDocument } from '../../src-shared/model/schema';
import { readFileSync } from 'node:fs';
import { bandRows } from '../../src-shared/commands';
import { canonicalText } from '../../src-shared/expr/parse';
import { loadDocumentText } from '../../src-shared/model/load';

/**
 * Measured against clerks: the published Linxi 2019 duty table (36 indicators, the only seed table
 * with bands), each indicator drafted from its typed 优 alone; the share whose published 良/中/差
 * equal the draft exactly (after width/space normalisation).
 */
function agreement(): { equal: number; total: number } {
  const r = loadDocumentText(readFileSync(new URL('../fixtures/seeds/linxi-2019.jixiao', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('linxi-2019.jixiao does not load');
  const published = new Map<string, string[]>();
  for (const d of r.document.dutyTable.duties) for (const a of [d, ...d.activities]) for (const i of a.indicators) {
    published.set(i.id, i.bands);
    i.bands = [i.bands[0], '', '', ''];
  }
  const rows = bandRows(r.document, () => []);
  const equal = rows.filter((x) => x.proposal.ok && x.proposal.bands.every((b, k) => canonicalText(b) === canonicalText(published.get(x.indicatorId)![k]))).length;
  return { equal, total: published.size };
}

export const benches: Bench[] = [
  {
    name: 'bands_propose_large',
    iterations: 15,
    setup: (): JixiaoDocument => {
      const doc = makeSyntheticDocument();
      for (const d of doc.dutyTable.duties) for (const a of [d, ...d.activities]) for (const i of a.indicators) i.bands = [i.bands[0], '', '', ''];
      return doc;
    },
    run: (doc: JixiaoDocument) => {
      const rows = bandRows(doc, () => []);
      if (rows.length < 1000 || rows.some((r) => !r.proposal.ok)) throw new Error('bands_propose_large: not every indicator was drafted');
      return rows.length;
    },
  },
  {
    name: 'bands_agreement_linxi',
    measure: async () => {
      const { equal, total } = agreement();
      return { bands_agreement_linxi: { value: Math.round((equal / total) * 1000) / 10, unit: `% (${equal}/${total})` } };
    },
  },
];
