// 指标库 end to end: the host learns from the opened document, the panel finds entries by pinyin
// initials, inserts the ticked ones into the current project as one undo step, and deletes entries.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, openThroughUi, startHarness, type Harness, docScreenshot, harnessHooks } from './harness';
import { gridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let seeds: string[];
const indicatorRows = async () => Number(await page.getByTestId('project-indicator-grid').locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;


beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 800 } });
  page = h.page;
  seeds = copySeeds(h);
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('指标库 e2e', () => {
  it('learns from the opened document; search by pinyin initials; insert ticked entries as one undo step', async () => {
    const path = seeds.find((s) => s.includes('laishui'))!;
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    await openThroughUi(page, path);
    await page.getByTestId('tab-projects').click();
    await page.getByTestId('project-item').nth(1).click();
    const before = doc.projects[1].indicators.length;
    await expect.poll(indicatorRows).toBe(before);

    await page.getByTestId('tb-library').click();
    const panel = page.getByTestId('library-panel');
    await panel.waitFor();
    // a name only the opened document has: learned by the host on open
    const learnedName = doc.projects[4].indicators[0].name as string;
    await panel.getByTestId('library-search').fill(learnedName);
    await panel.getByTestId('library-entry').filter({ hasText: learnedName }).first().waitFor();

    await panel.getByTestId('library-search').fill('myd');
    await expect.poll(async () => panel.getByTestId('library-entry').count()).toBeGreaterThan(1);
    const names = await panel.locator('.entry-name').allTextContents();
    expect(names.every((n) => n.includes('满意度'))).toBe(true);
    await panel.getByTestId('library-entry').nth(0).click();
    await panel.getByTestId('library-entry').nth(1).click();
    await panel.getByTestId('library-insert').filter({ hasText: '插入所选（2）' }).waitFor();
    await panel.getByTestId('library-insert').click();
    await expect.poll(indicatorRows).toBe(before + 2);
    await page.getByTestId('toast').filter({ hasText: '已插入 2 个指标' }).waitFor();
    const grid = page.getByTestId('project-indicator-grid');
    await grid.locator('[col-id="name"]', { hasText: names[0].replace('内置', '') }).first().waitFor();
    await docScreenshot(page, 'library-panel');

    await page.keyboard.press('Control+z');
    await expect.poll(indicatorRows).toBe(before);
  });

  it('deletes a ticked entry from the library (after confirming)', async () => {
    const panel = page.getByTestId('library-panel');
    await panel.getByTestId('library-search').fill('fwdxmyd');
    const entry = panel.getByTestId('library-entry').filter({ hasText: '服务对象满意度' }).first();
    await entry.waitFor();
    const n = await panel.getByTestId('library-entry').count();
    await entry.click();
    await panel.getByTestId('library-delete').click();
    await page.getByRole('button', { name: '删除', exact: true }).last().click();
    await page.getByTestId('toast').filter({ hasText: '已从指标库删除 1 个指标' }).waitFor();
    await expect.poll(async () => panel.getByTestId('library-entry').count()).toBe(n - 1);
    expect(h.problems).toEqual([]);
  });

  it('typing a 三级指标 through the IME offers library entries; ↓ Enter fills the name and only blank cells, one undo step', async () => {
    await page.getByTestId('library-panel').locator('button[title="关闭"]').click();
    const g = await gridDriver(page, 'project-indicator-grid');
    const rowsBefore = await indicatorRows();
    const activeBefore = await g.active();
    await page.getByTestId('pi-insert-below').click();
    // the new row exists and is the selected one (not the cell selected before the click)
    await expect.poll(indicatorRows).toBe(rowsBefore + 1);
    // A new row starts with blank 一级/二级 (selected first); Tab Tab goes on to 三级指标.
    await expect.poll(async () => { const a = await g.active(); return a !== activeBefore && a.endsWith(',level1'); }).toBe(true);
    const row = Number((await g.active()).split(',')[0]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => g.active()).toBe(`${row},name`);
    await expect.poll(() => g.text(row, 'name')).toBe('');
    expect(await g.text(row, 'value')).toBe('');
    await g.imeCompose('manyi');
    await g.imeCommit('满意');
    const list = page.getByTestId('name-suggest');
    await list.waitFor();
    const first = (await list.getByTestId('name-suggest-item').first().textContent()) ?? '';
    expect(first).toContain('满意');
    await page.keyboard.press('ArrowDown');
    await list.locator('[aria-selected="true"]').waitFor();
    await docScreenshot(page, 'library-suggest');
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await expect.poll(async () => (await g.text(row, 'name')).trim().length).toBeGreaterThan(2);
    const chosenName = (await g.text(row, 'name')).trim();
    expect(first.startsWith(chosenName)).toBe(true);
    await expect.poll(() => g.text(row, 'value')).toMatch(/^≥\d+%$/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => g.text(row, 'name')).toBe('');
    expect(await g.text(row, 'value')).toBe('');
  });

  it('in the duty table, pinyin initials find a built-in indicator and fill its four bands', async () => {
    await page.getByTestId('tab-duty').click();
    const g = await gridDriver(page, 'duty-grid');
    const dutyRows = async () => Number(await g.host.locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;
    await page.getByTestId('tb-insert-duty').click();
    await expect.poll(dutyRows).toBe(1);
    await g.cell(0, 'title').click(); // the toolbar inserts relative to the selected row
    await expect.poll(() => g.active()).toBe('0,title');
    await page.getByTestId('tb-insert-activity').click();
    await expect.poll(dutyRows).toBe(2);
    await expect.poll(() => g.active()).toBe('1,title');
    const activityRow = Number((await g.active()).split(',')[0]);
    await g.cell(activityRow, 'name').click();
    await expect.poll(() => g.active()).toBe(`${activityRow},name`);
    await page.keyboard.type('yszxl');
    const list = page.getByTestId('name-suggest');
    await list.getByTestId('name-suggest-item').filter({ hasText: '预算执行率' }).first().waitFor();
    await list.getByTestId('name-suggest-item').filter({ hasText: '预算执行率' }).first().click();
    await expect.poll(() => g.text(activityRow, 'name')).toBe('预算执行率');
    expect([await g.text(activityRow, 'bands.0'), await g.text(activityRow, 'bands.3')]).toEqual(['≥95%', '<80%']);
    expect(h.problems).toEqual([]);
  });
});
