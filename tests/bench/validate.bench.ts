// Validation benches on the large synthetic document (40 duties × 8 activities × 5 indicators,
// 300 projects × 12 indicators). Targets: revalidate_one_edit ≤ 5 ms; full validation well under the
// 150 ms load+validate budget.
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import type { JixiaoDocument } from '../../src-shared/model/schema';
import { createIncrementalValidator, validateDocument, type IncrementalValidator } from '../../src-shared/validate';

interface EditCtx { doc: JixiaoDocument; validator: IncrementalValidator; n: number }

/** One cell edit the way the editor makes it: new objects along the path, everything else shared. */
function oneEdit(doc: JixiaoDocument, n: number): JixiaoDocument {
  if (n % 2 === 0) {
    const p = (n * 37) % doc.projects.length;
    const project = doc.projects[p];
    const indicators = project.indicators.map((x, k) => (k === n % project.indicators.length ? { ...x, value: `≥${80 + (n % 20)}%` } : x));
    return { ...doc, projects: doc.projects.map((x, k) => (k === p ? { ...project, indicators } : x)) };
  }
  const d = (n * 13) % doc.dutyTable.duties.length;
  const duty = doc.dutyTable.duties[d];
  const activities = duty.activities.map((act, a) => (a !== n % duty.activities.length ? act : {
    ...act, indicators: act.indicators.map((x, k) => (k !== 0 ? x : { ...x, bands: [x.bands[0], `≥${80 + (n % 15)}%`, x.bands[2], x.bands[3]] as typeof x.bands })),
  }));
  return { ...doc, dutyTable: { ...doc.dutyTable, duties: doc.dutyTable.duties.map((x, k) => (k === d ? { ...duty, activities } : x)) } };
}

export const benches: Bench[] = [
  {
    name: 'revalidate_one_edit',
    iterations: 50,
    setup: (): EditCtx => {
      const doc = makeSyntheticDocument();
      const validator = createIncrementalValidator();
      validator.validate(doc);
      return { doc, validator, n: 0 };
    },
    run: (ctx: EditCtx) => {
      ctx.doc = oneEdit(ctx.doc, ++ctx.n);
      return ctx.validator.validate(ctx.doc).length;
    },
  },
  {
    name: 'validate_full_large',
    iterations: 15,
    setup: () => makeSyntheticDocument(),
    run: (doc: JixiaoDocument) => validateDocument(doc).length,
  },
  {
    // The very first full validation in a fresh process (cold JIT, empty memo tables): what a user
    // waits for when opening a large file right after starting the app.
    name: 'validate_full_large_first',
    measure: async () => {
      const doc = makeSyntheticDocument();
      const t0 = performance.now();
      validateDocument(doc);
      return { validate_full_large_first: { value: Math.round((performance.now() - t0) * 100) / 100, unit: 'ms' } };
    },
  },
];
