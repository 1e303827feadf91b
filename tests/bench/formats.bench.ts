// Formats benches (issue 18): switching the large synthetic document to the structured profile
// (every indicator value split into parts, the changes listed) — target convert_large ≤ 200 ms.
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { convertDocument } from '../../src-shared/model/convert';

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
