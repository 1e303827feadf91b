// Drafted 评价标准 (issue 19) in the duty grid, as a clerk meets them: grey text in the empty 良/中/差
// cells of an indicator whose 优 is typed; Tab or a click on the selected cell takes the draft (one
// undo step); 填写评价标准 fills the whole table (one undo step).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docScreenshot, openThroughUi, SEEDS_DIR, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let g: GridDriver;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  // The Linxi table with only 优 kept: what a clerk has after typing the targets.
  const doc = JSON.parse(readFileSync(join(SEEDS_DIR, 'linxi-2019.jixiao'), 'utf8'));
  for (const d of doc.dutyTable.duties) for (const a of [d, ...d.activities]) for (const i of a.indicators) i.bands = [i.bands[0], '', '', ''];
  const path = join(h.dir, 'docs', '临西2019-待填评价标准.jixiao');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  await page.goto(h.host.url);
  await openThroughUi(page, path);
  g = await gridDriver(page, 'duty-grid');
});
harnessHooks(() => h);

/** The grid row index of the indicator with this name. */
async function rowOf(name: string): Promise<number> {
  const cell = g.host.locator('[col-id="name"]', { hasText: name }).first();
  await cell.waitFor();
  return Number(await cell.evaluate((el) => el.closest('[row-index]')!.getAttribute('row-index')));
}
/** The grey draft a cell shows (drawn from data-draft; the cell's own text stays empty), or null. */
const draftIn = (row: number, col: string) => g.cell(row, col).evaluate((el) => el.querySelector('[data-draft]')?.getAttribute('data-draft') ?? null);
const isDraft = async (row: number, col: string) => (await draftIn(row, col)) !== null;
const drafts = () => g.host.locator('.ag-cell.band-draft [data-draft]').count();

describe('drafted 评价标准 in the duty grid', () => {
  it('shows the draft grey in empty band cells; Tab takes it as one undo step', async () => {
    const r = await rowOf('就业服务到位率');
    await expect.poll(() => draftIn(r, 'bands.1')).toBe('≥90%');
    expect(await g.text(r, 'bands.1')).toBe('');
    expect(await draftIn(r, 'bands.3')).toBe('<80%');
    await docScreenshot(page, 'band-drafts');

    await g.cell(r, 'bands.1').click();
    await expect.poll(() => g.active()).toBe(`${r},bands.1`); // selected, not taken
    expect(await isDraft(r, 'bands.1')).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => isDraft(r, 'bands.1')).toBe(false);
    expect(await g.text(r, 'bands.1')).toBe('≥90%');
    expect(await isDraft(r, 'bands.3')).toBe(false);
    expect(await g.text(r, 'bands.3')).toBe('<80%');

    await page.keyboard.press('Control+z');
    await expect.poll(() => isDraft(r, 'bands.1')).toBe(true);
    expect(await isDraft(r, 'bands.2')).toBe(true);
  });

  it('a click on the selected draft takes it; typing over a draft keeps what is typed', async () => {
    const r = await rowOf('人事档案公共管理服务工作完成率');
    await g.cell(r, 'bands.2').click();
    expect(await isDraft(r, 'bands.2')).toBe(true);
    await g.cell(r, 'bands.2').click();
    await expect.poll(() => isDraft(r, 'bands.2')).toBe(false);
    expect(await g.text(r, 'bands.1')).toBe('≥90%');

    const s = await rowOf('职业培训人数');
    await g.cell(s, 'bands.1').click();
    await g.imeCompose('da');
    await g.imeCommit('≥980');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(s, 'bands.1')).toBe('≥980');
    expect(await isDraft(s, 'bands.1')).toBe(false);
  });

  it('填写评价标准 fills every empty band of the table in one undo step', async () => {
    const before = await drafts();
    expect(before).toBeGreaterThan(10);
    await page.getByTestId('tb-fill-bands').click();
    await page.getByTestId('toast').filter({ hasText: /已填写 \d+ 个建议评价标准/ }).waitFor();
    await expect.poll(drafts).toBe(0);
    const r = await rowOf('新增就业人员数量');
    expect(await g.text(r, 'bands.1')).toBe('≥480');
    await page.keyboard.press('Control+z');
    await expect.poll(drafts).toBe(before);
    expect(h.problems).toEqual([]);
  });
});
