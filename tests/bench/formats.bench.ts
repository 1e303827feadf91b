// Formats benches (issue 18): switching the large synthetic document to the structured profile
// (every indicator value split into parts, the changes listed) — target convert_large ≤ 200 ms;
// the exchange sheet of it — target export_exchange_large ≤ 1 s.
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { convertDocument } from '../../src-shared/model/convert';
import { exportExchangeXlsx } from '../../src-shared/export/exchange';

export const benches: Bench[] = [
  {
    name: 'convert_large',
    setup: () => makeSyntheticDocument(),
    run: (doc) => {
      const r = convertDocument(doc, 'structured-project');
      if (!r.ok) throw new Error(r.message);
      return r.changes.length;
    },
  },
];

benches.push({
  // The exchange sheet of the large synthetic document (every indicator one row) — target ≤ 1 s.
  name: 'export_exchange_large',
  iterations: 5,
  setup: () => makeSyntheticDocument(),
  run: async (doc) => (await exportExchangeXlsx(doc)).length,
});
