// Self-evaluation benches on the large synthetic document (300 projects × 12 indicators).
// Target on a 2-core machine: selfeval_init_large (生成自评表 as the editor runs it: the carry-over
// command with its inverse) ≤ 100 ms. validate_selfeval_large: full validation once every project
// has a self-evaluation part with actuals and scores typed (no target; watched for regressions).
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { applyEdit, initSelfEvalEdit } from '../../src-shared/commands';
import { validateDocument } from '../../src-shared/validate';
import type { JixiaoDocument } from '../../src-shared/model';

function filled(): JixiaoDocument {
  const doc = makeSyntheticDocument();
  const { edit } = initSelfEvalEdit(doc);
  const out = applyEdit(doc, edit!);
  out.projects.forEach((p) => p.selfeval!.indicators.forEach((ind, k) => {
    ind.actual = ind.target.includes('人') ? `${4000 + k}人` : '96%';
    ind.score = '3';
  }));
  return out;
}

export const benches: Bench[] = [
  {
    name: 'selfeval_init_large',
    setup: () => makeSyntheticDocument(),
    run: (doc: JixiaoDocument) => {
      const { edit, created } = initSelfEvalEdit(doc);
      if (!edit || created.length !== doc.projects.length) throw new Error('生成自评表未覆盖全部项目');
      return applyEdit(doc, edit).projects.length;
    },
  },
  {
    name: 'validate_selfeval_large',
    setup: filled,
    run: (doc: JixiaoDocument) => validateDocument(doc).length,
  },
];
