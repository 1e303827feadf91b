// The clerk's indicator order, end to end in Chromium: the Laishui seed has 时效 typed before 质量.
// The editor and the print preview show that order; 按模板顺序排列指标 reorders the document
// (质量 before 时效, as the template has it) in both, and one Ctrl+Z puts it back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, openThroughUi, SCREENSHOTS, startHarness, type Harness, harnessHooks } from './harness';

let h: Harness;
let page: Page;

const TYPED = ['资金发放到位率（%）', '参保率（%）', '享受保险基金补助覆盖面（%）', '参保面（%）', '群众满意度'];
const TEMPLATE = ['参保率（%）', '资金发放到位率（%）', '享受保险基金补助覆盖面（%）', '参保面（%）', '群众满意度'];

/** 三级指标 names of the selected project as the grid shows them, in row order. */
const gridNames = () => page.getByTestId('project-indicator-grid').evaluate((el) =>
  Array.from(el.querySelectorAll('[role=gridcell][col-id="name"]'))
    .map((c) => ({ i: Number(c.closest('[row-index]')?.getAttribute('row-index')), text: c.textContent ?? '' }))
    .sort((a, b) => a.i - b.i)
    .map((c) => c.text));

/** The same names in the print preview's first project table. */
async function previewNames(): Promise<string[]> {
  await page.getByTestId('tb-preview').click();
  const frame = page.frameLocator('iframe.print-frame');
  await frame.locator('table.project-indicators').first().waitFor();
  const names = await frame.locator('table.project-indicators').first().evaluate((t) =>
    Array.from(t.querySelectorAll('tbody tr')).map((tr) => {
      const cells = Array.from(tr.querySelectorAll('td'));
      return cells[cells.length - 4]?.textContent ?? ''; // 三级指标, 描述, 指标值, 依据 end every row
    }));
  await page.getByTestId('print-preview').getByRole('button', { name: '关闭' }).click();
  await expect.poll(() => page.getByTestId('print-preview').count()).toBe(0);
  return names.slice(0, 5);
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 800 } });
  page = h.page;
  await page.goto(h.host.url);
  await openThroughUi(page, copySeeds(h).find((s) => s.includes('laishui'))!);
  await page.getByTestId('tab-projects').click();
  await page.getByTestId('project-indicator-grid').locator('[col-id="name"]', { hasText: '群众满意度' }).first().waitFor();
});
harnessHooks(() => h);

describe('indicator order', () => {
  it('editor and print preview show the typed order', async () => {
    await expect.poll(gridNames).toEqual(TYPED);
    expect(await previewNames()).toEqual(TYPED);
  });

  it('按模板顺序排列指标 reorders editor and preview alike; one Ctrl+Z restores', async () => {
    await page.getByTestId('pi-sort-template').click();
    await expect.poll(gridNames).toEqual(TEMPLATE);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('project-indicator-grid').locator('..').screenshot({ path: join(SCREENSHOTS, 'indicator-sort-template.png') });
    expect(await previewNames()).toEqual(TEMPLATE);
    await page.getByTestId('project-indicator-grid').locator('[col-id="name"]', { hasText: '群众满意度' }).first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
    await expect.poll(gridNames).toEqual(TYPED);
  });
});
