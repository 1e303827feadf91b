// Every typed field of the document has its Chinese name in labels.ts (a new field without one would
// show as its key in a finding, a search hit or a comparison), and the fund table's rows and columns
// are what the self-evaluation templates list.
import { describe, expect, it } from 'vitest';
import {
  DUTY_FIELD_LABEL, FUND_COLUMN_LABEL, FUND_COLUMN_LABEL_BY_LAYOUT, FUND_ROW_LABEL, FUND_ROW_LABEL_BY_LAYOUT, PROJECT_FIELD_LABEL,
  PROJECT_INDICATOR_LABEL, SELFEVAL_FIELD_LABEL, SELFEVAL_INDICATOR_LABEL,
} from './labels';
import { ActivitySchema, FundSplitSchema, ProjectIndicatorSchema, ProjectSchema, SelfEvalIndicatorSchema, SelfEvalSchema } from './schema';
import { SELFEVAL_TEMPLATES } from './templates';

/** Keys of a schema a clerk types into (ids, links, lists and nested parts are not cells). */
const cells = (shape: Record<string, unknown>, not: string[]) => Object.keys(shape).filter((k) => !['id', 'from', ...not].includes(k));

describe('field labels', () => {
  it('name every typed field of duties, projects, indicators and self-evaluations', () => {
    expect(cells(ActivitySchema.shape, ['indicators']).filter((k) => !(k in DUTY_FIELD_LABEL))).toEqual([]);
    expect(cells(ProjectIndicatorSchema.shape, []).filter((k) => !(k in PROJECT_INDICATOR_LABEL))).toEqual([]);
    expect(cells(ProjectSchema.shape, ['indicators', 'schedule', 'selfeval']).filter((k) => !(k in PROJECT_FIELD_LABEL))).toEqual([]);
    expect(cells(SelfEvalIndicatorSchema.shape, []).filter((k) => !(k in SELFEVAL_INDICATOR_LABEL))).toEqual([]);
    expect(cells(SelfEvalSchema.shape, ['funds', 'progressByRow', 'level1Weights', 'indicators', 'budgetRateRow']).filter((k) => !(k in SELFEVAL_FIELD_LABEL))).toEqual([]);
  });

  it('the fund table: rows are sources of money, columns budget stages (one meaning per name)', () => {
    expect(Object.keys(FUND_ROW_LABEL).sort()).toEqual(Object.keys(FundSplitSchema.shape).sort());
    for (const t of SELFEVAL_TEMPLATES) {
      for (const c of t.fundColumns) expect(FUND_COLUMN_LABEL[c] && FUND_COLUMN_LABEL_BY_LAYOUT[t.layout][c], `${t.id} ${c}`).toBeTruthy();
      for (const r of t.fundRows) expect(FUND_ROW_LABEL[r] && FUND_ROW_LABEL_BY_LAYOUT[t.layout][r], `${t.id} ${r}`).toBeTruthy();
    }
  });
});
