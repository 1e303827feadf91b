// End-to-end: `>= 95 %` typed as a 指标值 gets a 提示 (value.spelling) that shows only with 显示提示;
// its one-click fix writes the normal spelling in every cell of the group, and one Ctrl+Z undoes it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

const settles = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

let h: Harness;
let page: Page;
let g: GridDriver;
const panel = () => page.getByTestId('findings-panel');
const spelling = () => panel().locator('[data-code="value.spelling"]');

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  await page.goto(h.host.url);
  await openThroughUi(page, copySeeds(h).find((p) => p.includes('laishui'))!);
  await page.getByTestId('tab-projects').click();
  g = await gridDriver(page, 'project-indicator-grid');
  await g.cell(0, 'value').waitFor();
});
harnessHooks(() => h);

describe('提示 for a value spelled otherwise (≥ 95 % → ≥95%)', () => {
  const type = async (row: number, text: string) => {
    await g.cell(row, 'value').click();
    await settles(async () => {
      if ((await g.active()) !== `${row},value`) await g.cell(row, 'value').click();
      return g.active();
    }).toBe(`${row},value`);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await settles(() => g.text(row, 'value')).toBe(text);
  };

  it('is hidden until 显示提示; then one finding for the table; its fix is one undo step', async () => {
    await type(0, '>= 95 %');
    await type(1, '≥ 90 %');
    const toggle = panel().getByTestId('toggle-info');
    await settles(() => toggle.isChecked()).toBe(false);
    expect(await spelling().count()).toBe(0);
    await toggle.check();
    await settles(() => spelling().count()).toBe(1);
    const f = spelling().first();
    expect(await f.textContent()).toContain('2 个单元格的写法可以统一');
    const fix = f.getByTestId('apply-group-fix');
    await settles(() => fix.textContent()).toBe('全部采用建议（2 处）');
    await fix.click();
    await settles(() => Promise.all([g.text(0, 'value'), g.text(1, 'value')])).toEqual(['≥95%', '≥90%']);
    await settles(() => spelling().count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await settles(() => Promise.all([g.text(0, 'value'), g.text(1, 'value')])).toEqual(['>= 95 %', '≥ 90 %']);
    await settles(() => spelling().count()).toBe(1);
  });
});
