// End-to-end: the 绩效自评 tab in Debian's Chromium against the web host — carry-over (生成自评表),
// typing an actual through the IME, the computed score beside the typed one, 采用计算得分 (one
// undo step), a finding that jumps into the tab, the template switch; and the documentation picture.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, openThroughUi, SCREENSHOTS, startHarness, type Harness, docScreenshot, harnessHooks } from './harness';
import { typeThroughIme } from './gridDriver';

let h: Harness;
let page: Page;
let seeds: string[];
const seed = (name: string) => seeds.find((s) => s.includes(name))!;
const grid = () => page.getByTestId('selfeval-indicator-grid');
const at = (row: number, col: string) => grid().locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`);
const rowCount = async () => Number(await grid().locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;
// The selected cell of the grid that has the keyboard (its input proxy is focused).
const focusedCell = () => page.evaluate(() => {
  const host = document.activeElement?.classList.contains('cell-proxy') ? document.activeElement.closest<HTMLElement>('[data-active]') : null;
  const [row, col] = (host?.dataset.active ?? '').split(',');
  return host ? { col, row } : null;
});
const fieldValue = (field: string) => page.locator(`[data-testid="selfeval-form"] [data-field="${field}"]`).inputValue();

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1600, height: 1000 }, warnings: true });
  page = h.page;
  seeds = copySeeds(h);
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('绩效自评 tab', () => {
  it('生成自评表 carries every project\'s targets over as one undo step', async () => {
    await openThroughUi(page, seed('laishui'));
    await page.getByTestId('tab-selfeval').click();
    await page.getByText('还没有绩效自评表').waitFor();
    await page.getByTestId('se-generate').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('已为 12 个项目生成绩效自评表');
    await grid().waitFor();
    await expect.poll(() => rowCount()).toBe(5);
    expect(await at(0, 'name').textContent()).toBe('资金发放到位率（%）');
    expect(await at(0, 'target').textContent()).toBe('≥90%');
    // Hebei 2019 prints only level-1 weights: 产出 50 over its two indicators, shown as implicit shares.
    expect(await at(0, 'weight').textContent()).toBe('25');
    await expect.poll(() => at(0, 'weight').getAttribute('class')).toContain('implicit');
    expect(await fieldValue('selfeval.funds.planned.total')).toBe('6123.00');
    expect(await page.getByTestId('project-item').first().textContent()).toContain('分');
    await page.keyboard.press('Control+Z');
    await page.getByText('还没有绩效自评表').waitFor();
    await page.keyboard.press('Control+Y');
    await expect.poll(() => rowCount()).toBe(5);
  });

  it('an actual typed through the IME gets its computed score beside the (blank) typed one', async () => {
    expect(await at(0, 'computed').textContent()).toBe('待填实际值');
    await at(0, 'actual').dblclick();
    await grid().locator('.cell-proxy.editing').waitFor();
    await typeThroughIme(page, '81%');
    await page.keyboard.press('Enter');
    await expect.poll(() => at(0, 'actual').textContent()).toBe('81%');
    // 25 × 81 / 90
    await expect.poll(() => at(0, 'computed').textContent()).toBe('22.5');
    expect(await at(0, 'score').textContent()).toBe('');
    await expect.poll(() => page.getByTestId('se-total').textContent()).toContain('22.5');
  });

  it('a typed score that differs is highlighted; 采用计算得分 applies the suggestion, one undo step', async () => {
    await at(0, 'score').dblclick();
    await grid().locator('.cell-proxy.editing').waitFor();
    await page.keyboard.type('25');
    await page.keyboard.press('Enter');
    await expect.poll(() => at(0, 'score').textContent()).toBe('25');
    await expect.poll(() => at(0, 'score').getAttribute('class')).toContain('score-diff');
    await at(0, 'score').click();
    await page.getByTestId('se-accept-row').click();
    await expect.poll(() => at(0, 'score').textContent()).toBe('22.5');
    await expect.poll(() => at(0, 'score').getAttribute('class')).not.toContain('score-diff');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => at(0, 'score').textContent()).toBe('25');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => at(0, 'score').textContent()).toBe('22.5');
  });

  it('pastes actuals from Excel/WPS into the grid as one undo step', async () => {
    await at(1, 'actual').click();
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, '95%\r\n88%\r\n');
    await expect.poll(() => at(2, 'actual').textContent()).toBe('88%');
    expect(await at(1, 'actual').textContent()).toBe('95%');
    await expect.poll(() => at(1, 'computed').textContent()).toBe('25');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => at(1, 'actual').textContent()).toBe('');
    expect(await at(2, 'actual').textContent()).toBe('');
  });

  it('a self-evaluation finding in the panel jumps to its cell in the tab', async () => {
    await page.getByTestId('tab-projects').click();
    const finding = page.getByTestId('findings-panel').locator('[data-code="selfeval.actual-missing"]').first();
    await finding.click();
    await expect.poll(() => page.getByTestId('tab-selfeval').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => focusedCell()).toEqual({ col: 'actual', row: '1' });
  });

  it('switches the template: the national 2020 form, then back', async () => {
    await page.getByTestId('se-template').selectOption('selfeval-national-2020');
    await page.getByRole('heading', { name: /项目支出绩效自评表/ }).waitFor();
    await page.getByText('全年执行数').first().waitFor();
    await page.locator('.main').screenshot({ path: join(SCREENSHOTS, 'selfeval-national.png') });
    await page.keyboard.press('Control+Z');
    await page.getByRole('heading', { name: /部门预算项目绩效自评表/ }).waitFor();
  });

  it('the fixture table: 总分 and 评价等级 in view, differences highlighted, 采用全部计算得分', async () => {
    // The edits above stay unsaved: 不保存, as a clerk trying things out would.
    await page.getByTestId('tb-open').click();
    await page.getByRole('button', { name: '不保存' }).click();
    const dlg = page.getByTestId('path-dialog');
    await dlg.locator('input').fill(seed('selfeval-2019-a'));
    await dlg.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('statusbar').getByText(seed('selfeval-2019-a'), { exact: true }).waitFor();
    await page.getByTestId('tab-selfeval').click();
    await expect.poll(() => rowCount()).toBe(9);
    expect(await fieldValue('selfeval.total')).toBe('95');
    expect(await page.getByTestId('se-grade').inputValue()).toBe('优');
    await expect.poll(() => page.getByTestId('se-budget-rate').textContent()).toContain('98.83%');
    // 宣传活动: 12.00 read against ≥100% is 12 %, far below the 17 typed.
    await expect.poll(() => at(3, 'score').getAttribute('class')).toContain('score-diff');
    // Findings follow the load (live validation after the first paint): wait for the marked cell.
    await expect.poll(() => at(3, 'score').getAttribute('class'), { timeout: 15_000 }).toContain('cell-warning');
    await page.getByTestId('findings-panel').locator('[data-code="selfeval.template-text"]').first().waitFor();
    await docScreenshot(page, 'selfeval', page.locator('.main'));
    await grid().scrollIntoViewIfNeeded();
    await page.getByTestId('se-total').scrollIntoViewIfNeeded();
    await docScreenshot(page, 'selfeval-scores', page.locator('.main'));
    await page.getByTestId('se-accept-all').click();
    await expect.poll(() => at(3, 'score').textContent()).toBe('1.5');
    await expect.poll(() => fieldValue('selfeval.budgetRateScore')).toBe('9.88');
    const total = await fieldValue('selfeval.total');
    expect(await page.getByTestId('se-total').textContent()).toContain(total);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => fieldValue('selfeval.total')).toBe('95');
    expect(await at(3, 'score').textContent()).toBe('17');
  });

  it('logged no errors or warnings in the page console', () => {
    expect(h.problems).toEqual([]);
  });
});
