// End-to-end: a self-evaluation imported from another province's form shows in the 绩效自评 tab
// what the table had — the 预算执行率 row filled like an indicator, a word score (良) flagged until the
// clerk types points — and the clerk can fill that row where the table had none.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importOffice } from '../../src-shared/import';
import { serializeDocument } from '../../src-shared/model/load';
import { FORMS_DIR } from '../fixtures/paths';
import { docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { typeThroughIme } from './gridDriver';

let h: Harness;
let page: Page;
const grid = () => page.getByTestId('selfeval-indicator-grid');
const at = (row: number, col: string) => grid().locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`);
const field = (name: string) => page.locator(`[data-testid="selfeval-form"] [data-field="${name}"]`);

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1600, height: 1000 } });
  page = h.page;
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('imported self-evaluation forms in the 绩效自评 tab', () => {
  it('shows the filled 预算执行率 row and the word score, flagged until points are typed', async () => {
    const src = join(FORMS_DIR, 'selfeval-columns-2021.docx');
    const r = importOffice(new Uint8Array(readFileSync(src)), 'selfeval-columns-2021.docx');
    if (!r.ok) throw new Error(r.message);
    const path = join(h.dir, 'docs', '自评.jixiao');
    writeFileSync(path, serializeDocument(r.document));
    await openThroughUi(page, path);
    await page.getByTestId('tab-selfeval').click();
    await page.getByTestId('project-item').nth(1).click();
    await expect.poll(() => field('selfeval.budgetRateRow.name').inputValue()).toBe('资金执行情况');
    expect(await field('selfeval.budgetRateRow.target').inputValue()).toBe('≥100%');
    expect(await field('selfeval.budgetRateRow.actual').inputValue()).toBe('98.83%');
    await expect.poll(() => at(1, 'score').textContent()).toBe('良');
    await expect.poll(() => at(1, 'score').getAttribute('class'), { timeout: 15_000 }).toContain('cell-error');
    await page.locator('.se-summary').scrollIntoViewIfNeeded();
    await docScreenshot(page, 'selfeval-imported-form', page.locator('.se-summary'));

    await at(1, 'score').click();
    await page.keyboard.type('26');
    await page.keyboard.press('Enter');
    await expect.poll(() => at(1, 'score').textContent()).toBe('26');
    await expect.poll(() => at(1, 'score').getAttribute('class'), { timeout: 15_000 }).not.toContain('cell-error');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => at(1, 'score').textContent()).toBe('良');
  });

  it('the clerk fills the 预算执行率 row of a table that had none', async () => {
    await page.getByTestId('project-item').nth(0).click();
    await expect.poll(() => field('selfeval.budgetRateRow.name').inputValue()).toBe('');
    await field('selfeval.budgetRateRow.name').click();
    await typeThroughIme(page, '年初预算执行情况');
    await page.keyboard.press('Enter');
    await field('selfeval.budgetRateRow.target').click();
    await typeThroughIme(page, '≥95%');
    await page.keyboard.press('Enter');
    await page.getByTestId('project-item').nth(1).click();
    await expect.poll(() => field('selfeval.budgetRateRow.name').inputValue()).toBe('资金执行情况');
    await page.getByTestId('project-item').nth(0).click();
    await expect.poll(() => field('selfeval.budgetRateRow.name').inputValue()).toBe('年初预算执行情况');
    expect(await field('selfeval.budgetRateRow.target').inputValue()).toBe('≥95%');
  });
});
