// 替换 in an amount cell reads the result as typing would (parseAmountInput): a unit converts
// exactly into the document's unit; a percent in a money cell or money in a percent cell is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../commands';
import { DocumentSchema, type JixiaoDocument } from '../model';
import { replaceAll, type FindOptions } from './index';

const laishui: JixiaoDocument = DocumentSchema.parse(JSON.parse(readFileSync(new URL('../../tests/fixtures/seeds/laishui-2020-a.jixiao', import.meta.url), 'utf8')));
const WHOLE: FindOptions = { wholeCell: true, matchCase: false, matchWidth: false, scope: { table: 'all' } };

describe('replace in amount cells', () => {
  it('50000元 into a 万元 budget is 5; 25% into a budget is refused with the reason', () => {
    const doc = structuredClone(laishui);
    doc.projects[0].budget = '1673';
    const r = replaceAll(doc, '1673.00', '50000元', { ...WHOLE, scope: { table: 'project', projectId: doc.projects[0].id } });
    expect(applyEdit(doc, r.edit!).projects[0].budget).toBe('5');
    const pct = replaceAll(doc, '1673.00', '25%', { ...WHOLE, scope: { table: 'project', projectId: doc.projects[0].id } });
    expect(pct.edit).toBeNull();
    expect(pct.skipped[0]).toMatchObject({ where: '项目 1 › 预算数', result: '25%' });
  });

  it('a schedule percent takes 80% but not 80万元', () => {
    const doc = structuredClone(laishui);
    const p = doc.projects[4];
    const scope = { table: 'project' as const, projectId: p.id };
    const shown = `${Number(p.schedule[0]).toFixed(2)}`;
    const ok = replaceAll(doc, shown, '８０％', { ...WHOLE, scope });
    expect(applyEdit(doc, ok.edit!).projects[4].schedule[0]).toBe('80');
    const money = replaceAll(doc, shown, '80万元', { ...WHOLE, scope });
    expect(money.edit).toBeNull();
    expect(money.skipped[0].reason).toContain('不是有效的百分比');
  });
});
