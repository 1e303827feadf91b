// What the new forms bring into a self-evaluation — the 预算执行率 row filled like an indicator, word
// scores (优), the structured form's extra fund rows, per-row execution rates, 原因, 评价结论, 改进措施,
// 项目负责人/财务负责人 — is printed by both self-evaluation layouts and reads back the same, in .xlsx
// and .docx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSelfevalDocx, exportSelfevalXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { FORMS_DIR } from '../fixtures/paths';
import type { JixiaoDocument, SelfEval } from '../../src-shared/model';

const FORMS = FORMS_DIR;
function importOk(bytes: Uint8Array, name: string): JixiaoDocument {
  const r = importOffice(bytes, name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  expect(r.report.unplaced).toEqual([]);
  return r.document;
}
const fixture = (name: string) => importOk(new Uint8Array(readFileSync(join(FORMS, `${name}.xlsx`))), `${name}.xlsx`);

/** The fields this work added, as the layout prints them. */
function added(se: SelfEval, national: boolean) {
  const rr = se.budgetRateRow;
  return {
    budgetRateRow: rr && { name: rr.name, target: rr.target, actual: rr.actual },
    budgetRateScore: se.budgetRateScore, budgetRateScoreText: se.budgetRateScoreText,
    scores: se.indicators.map((i) => [i.name, i.target, i.score, i.scoreText]),
    ...(national ? {
      fiscalSpecial: [se.funds.initial.fiscalSpecial, se.funds.planned.fiscalSpecial, se.funds.spent.fiscalSpecial],
      unitOwn: [se.funds.initial.unitOwn, se.funds.planned.unitOwn, se.funds.spent.unitOwn], progressByRow: se.progressByRow,
    } : {}),
    fundsReason: se.fundsReason, conclusion: se.conclusion, measures: se.measures, manager: se.manager, financeManager: se.financeManager,
  };
}

describe.each([['xlsx', exportSelfevalXlsx], ['docx', exportSelfevalDocx]] as const)('new self-evaluation fields through .%s', (ext, exportSelfeval) => {
  it.each(['selfeval-hebei-2019', 'selfeval-national-2020'])('layout %s', async (layout) => {
    const national = layout === 'selfeval-national-2020';
    for (const name of ['selfeval-columns-2021', 'sichuan-structured-selfeval-2023']) {
      const doc = fixture(name);
      doc.meta.selfevalTemplateId = layout;
      const back = importOk(await exportSelfeval(doc), `back.${ext}`);
      const before = doc.projects.map((p) => added(p.selfeval!, national));
      expect(back.projects.map((p) => added(p.selfeval!, national))).toEqual(before);
    }
  });

  it('the filled 预算执行率 row and the word score are in the export', async () => {
    const doc = fixture('selfeval-columns-2021');
    const se = doc.projects[1].selfeval!;
    expect(se.budgetRateRow).toEqual({ name: '资金执行情况', target: '≥100%', actual: '98.83%' });
    expect(se.indicators[1].scoreText).toBe('良');
  });
});
