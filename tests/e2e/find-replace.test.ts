// End-to-end: 查找和替换 in the real renderer (dist/renderer) in Debian's Chromium, on a document with
// both tables (linxi's duty table, laishui's projects): Ctrl+H, type, the list of hits, a click
// jumps to the cell, Enter walks the hits, 全部替换 changes both grids, one Ctrl+Z restores them all.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openThroughUi, ROOT, SCREENSHOTS, SEEDS_DIR, startHarness, type Harness, harnessHooks, textsOf } from './harness';

let h: Harness;
let page: Page;
let file: string;
let original: unknown;

const FROM = '【2019】';
const TO = '【2020】';
/** Cells holding FROM in the document: counted from the JSON, independently of src-shared/find. */
let cellsWithFrom = 0;
let matchesOfFrom = 0;

const panel = () => page.getByTestId('find-panel');
const hitItems = () => panel().getByTestId('find-hit');
const status = () => panel().getByTestId('find-status').textContent();
const dutyGrid = () => page.getByTestId('duty-grid');
const indicatorGrid = () => page.getByTestId('project-indicator-grid');
const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
// The selected cell of the grid that has the keyboard (its input proxy is focused).
const focusedCell = () => page.evaluate(() => {
  const host = document.activeElement?.classList.contains('cell-proxy') ? document.activeElement.closest<HTMLElement>('[data-active]') : null;
  const [row, col] = (host?.dataset.active ?? '').split(',');
  const el = Array.from(host?.querySelectorAll(`[row-index="${row}"] [col-id="${col}"]`) ?? []).find((e) => (e as HTMLElement).offsetParent);
  return el ? { grid: host!.getAttribute('data-testid'), col, text: el.textContent } : null;
});
/** The selected cell of the grid on screen (kept while the typing stays in the search box). */
const markedCell = () => page.evaluate(() => {
  const host = Array.from(document.querySelectorAll<HTMLElement>('[data-active]')).find((e) => e.offsetParent && e.dataset.active);
  const [row, col] = (host?.dataset.active ?? '').split(',');
  const el = Array.from(host?.querySelectorAll(`[row-index="${row}"] [col-id="${col}"]`) ?? []).find((e) => (e as HTMLElement).offsetParent);
  return el ? { col, text: el.textContent } : null;
});
const typeChinese = async (text: string) => {
  // What an IME delivers: committed text, no key events per character.
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
};

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 760 }, warnings: true });
  page = h.page;
  const linxi = JSON.parse(readFileSync(join(SEEDS_DIR, 'linxi-2019.jixiao'), 'utf8'));
  const laishui = JSON.parse(readFileSync(join(SEEDS_DIR, 'laishui-2020-a.jixiao'), 'utf8'));
  // Last year's document number in the duty table too (the first activity's description and a band).
  const act = linxi.dutyTable.duties[0].activities[0];
  act.description = `依据冀财社${FROM}74号，${act.description}`;
  act.indicators[0].name = `${act.indicators[0].name}（冀财社${FROM}74号）`;
  original = { ...laishui, dutyTable: linxi.dutyTable };
  file = join(h.dir, 'docs', '两张表.jixiao');
  writeFileSync(file, JSON.stringify(original, null, 2));
  const texts = textsOf(original);
  cellsWithFrom = texts.filter((t) => t.includes(FROM)).length;
  matchesOfFrom = texts.reduce((n, t) => n + t.split(FROM).length - 1, 0);
  await page.goto(h.host.url);
  await openThroughUi(page, file);
  await dutyGrid().locator('[role=gridcell][col-id="description"]', { hasText: `依据冀财社${FROM}74号` }).first().waitFor();
});
harnessHooks(() => h);

describe('find and replace', () => {
  it('Ctrl+H opens the panel with the typing in the search box; the list shows every hit', async () => {
    expect(cellsWithFrom).toBeGreaterThan(30);
    await page.keyboard.press('Control+H');
    await panel().waitFor();
    await expect.poll(activeTestId).toBe('find-query');
    await expect.poll(() => panel().getByTestId('find-replacement').count()).toBe(1);
    await typeChinese(FROM);
    await expect.poll(status).toBe(`找到 ${cellsWithFrom} 个单元格`);
    await expect.poll(() => hitItems().count()).toBe(cellsWithFrom);
    const first = hitItems().first();
    expect(await first.locator('.where').textContent()).toMatch(/^部门职责-工作活动 › 一、.+ › 1、.+ › 内容描述$/);
    expect(await first.locator('mark').textContent()).toBe(FROM);
    expect(await hitItems().filter({ hasText: /^项目 \d+ › .+ › 指标值确定依据/ }).count()).toBeGreaterThan(20);
  });

  it('a click on a hit jumps to the cell in the duty grid and in a project\'s indicator grid', async () => {
    await hitItems().filter({ hasText: '› 绩效指标' }).first().click();
    await expect.poll(focusedCell).toMatchObject({ grid: 'duty-grid', col: 'name' });
    expect((await focusedCell())!.text).toContain(FROM);

    const basis = hitItems().filter({ hasText: /^项目 6 › .+ › 指标值确定依据/ }).first();
    const where = (await basis.locator('.where').textContent())!;
    await basis.click();
    await expect.poll(() => page.getByTestId('tab-projects').getAttribute('aria-selected')).toBe('true');
    await expect.poll(focusedCell).toMatchObject({ grid: 'project-indicator-grid', col: 'basis' });
    expect((await focusedCell())!.text).toContain(FROM);
    // the project heading names project 6
    expect(await page.locator('.project-heading').textContent()).toMatch(/^6、/);
    expect(where.startsWith('项目 6 ›')).toBe(true);
  });

  it('Enter goes to the next hit, selects its cell and keeps the typing in the search box', async () => {
    // a new search starts before the first hit
    await panel().getByTestId('find-query').fill('');
    await typeChinese(FROM);
    await expect.poll(() => panel().locator('.find-hit.current').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().locator('.find-hit.current').locator('.where').textContent()).toMatch(/内容描述$/);
    await expect.poll(() => page.getByTestId('tab-duty').getAttribute('aria-selected')).toBe('true');
    await expect.poll(markedCell).toMatchObject({ col: 'description' });
    await expect.poll(activeTestId).toBe('find-query');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().locator('.find-hit.current').locator('.where').textContent()).toMatch(/绩效指标$/);
    await expect.poll(markedCell).toMatchObject({ col: 'name' });
    await expect.poll(activeTestId).toBe('find-query');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('tab-projects').getAttribute('aria-selected')).toBe('true');
    await expect.poll(activeTestId).toBe('find-query');
  });

  it('全部替换 changes every cell in both grids as one step, says how many; Ctrl+Z restores them all', async () => {
    await panel().getByTestId('find-replacement').click();
    await typeChinese(TO);
    await panel().getByTestId('replace-all').click();
    await expect.poll(() => panel().getByTestId('find-message').textContent()).toBe(`已替换 ${matchesOfFrom} 处`);
    await expect.poll(status).toBe('没有找到');
    // the project indicator grid on screen
    const basisCells = indicatorGrid().locator('[role=gridcell][col-id="basis"]');
    await expect.poll(() => basisCells.filter({ hasText: TO }).count()).toBeGreaterThan(0);
    expect(await basisCells.filter({ hasText: FROM }).count()).toBe(0);
    // the duty grid
    await page.getByTestId('tab-duty').click();
    await expect.poll(() => dutyGrid().locator('[role=gridcell][col-id="description"]', { hasText: `依据冀财社${TO}74号` }).count()).toBe(1);
    expect(await dutyGrid().locator('[role=gridcell]', { hasText: FROM }).count()).toBe(0);
    // a search for the new text finds exactly the replaced cells
    await panel().getByTestId('find-query').fill(TO);
    await expect.poll(status).toBe(`找到 ${cellsWithFrom + textsOf(original).filter((t) => t.includes(TO) && !t.includes(FROM)).length} 个单元格`);
    await panel().getByTestId('find-query').fill(FROM);
    await expect.poll(status).toBe('没有找到');

    await page.getByTestId('tab-duty').click(); // the focus leaves the text boxes: Ctrl+Z is the document's
    await page.keyboard.press('Control+Z');
    await expect.poll(status).toBe(`找到 ${cellsWithFrom} 个单元格`);
    await expect.poll(() => dutyGrid().locator('[role=gridcell][col-id="description"]', { hasText: `依据冀财社${FROM}74号` }).count()).toBe(1);
    // every cell is back: save and compare with the file as written
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('status-modified').textContent()).toBe('已保存');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(original);
  });

  it('替换 changes the selected cell only; an amount that would stop being a number is skipped and said so', async () => {
    const search = panel().getByTestId('find-query');
    await search.fill(FROM);
    await expect.poll(status).toBe(`找到 ${cellsWithFrom} 个单元格`);
    const wheres = await panel().locator('.find-hit .where').allTextContents();
    await panel().getByTestId('replace-one').click(); // the first press selects the first hit
    await expect.poll(() => panel().locator('.find-hit.current .where').textContent()).toBe(wheres[0]);
    await expect.poll(markedCell).toMatchObject({ col: 'description' });
    await panel().getByTestId('replace-one').click();
    await expect.poll(() => panel().getByTestId('find-message').textContent()).toBe('已替换 1 处');
    await expect.poll(status).toBe(`找到 ${cellsWithFrom - 1} 个单元格`);
    // on to the next hit, its cell selected; the replaced cell shows the new text
    await expect.poll(() => panel().locator('.find-hit.current .where').textContent()).toBe(wheres[1]);
    await expect.poll(markedCell).toMatchObject({ col: 'name' });
    expect(await dutyGrid().locator('[role=gridcell][col-id="description"]', { hasText: `依据冀财社${TO}74号` }).count()).toBe(1);
    await page.getByTestId('tab-duty').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(status).toBe(`找到 ${cellsWithFrom} 个单元格`);

    // 项目 5's 预算数 1673 is shown 1673.00: “1673” → “一千” would not be a number
    await search.fill('1673');
    await panel().getByTestId('find-replacement').fill('一千');
    await expect.poll(() => hitItems().count()).toBe(3);
    expect(await panel().locator('.find-hit .tag').allTextContents()).toEqual(['金额', '金额']);
    await panel().getByTestId('replace-all').click();
    await expect.poll(() => panel().getByTestId('find-message').textContent()).toMatch(/^已替换 1 处；2 个单元格未替换：替换后不是有效的数字/);
    expect(await panel().locator('.find-skipped li').allTextContents()).toEqual(['项目 5 › 预算数：“1673.00” → “一千.00”', '项目 5 › 财政资金：“1673.00” → “一千.00”']);
    await page.getByTestId('tab-duty').click();
    await page.keyboard.press('Control+Z');
  });

  it('typing the search through an input method: Enter and Esc inside the composition stay with the IME', async () => {
    const search = panel().getByTestId('find-query');
    await search.fill('');
    await search.focus();
    const cdp = await h.context.newCDPSession(page);
    // Pinyin being composed; Enter commits it — the page sees the key with keyCode 229
    // (Chromium: key "Process"; macOS IMEs: key "Enter"): it must not go to a hit.
    await cdp.send('Input.imeSetComposition', { text: 'jicaishe', selectionStart: 8, selectionEnd: 8 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send('Input.insertText', { text: '冀财社' });
    await expect.poll(() => search.inputValue()).toBe('冀财社');
    await expect.poll(status).toMatch(/^找到 \d+ 个单元格/);
    expect(await panel().locator('.find-hit.current').count()).toBe(0);
    // Esc during a composition cancels the pinyin, not the panel
    await cdp.send('Input.imeSetComposition', { text: 'ce', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    await expect.poll(() => search.inputValue()).toBe('冀财社');
    expect(await panel().count()).toBe(1);
    await cdp.detach();
    await expect.poll(status).toMatch(/^找到 \d+ 个单元格/);
    // a plain Enter then goes to the first hit
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().locator('.find-hit.current').count()).toBe(1);
  });

  it('Ctrl+F opens 查找 only; Esc closes the panel', async () => {
    await page.keyboard.press('Control+F');
    await expect.poll(() => panel().getAttribute('aria-label')).toBe('查找');
    await expect.poll(activeTestId).toBe('find-query');
    expect(await panel().getByTestId('find-replacement').count()).toBe(0);
    await page.keyboard.press('Control+H');
    await expect.poll(() => panel().getAttribute('aria-label')).toBe('查找和替换');
    await panel().getByTestId('find-query').fill(FROM);
    await expect.poll(status).toBe(`找到 ${cellsWithFrom} 个单元格`);
    // 当前表: the duty table on screen holds two of them
    await page.getByTestId('tab-duty').click();
    await panel().getByTestId('find-scope-current').check();
    await expect.poll(status).toBe('找到 2 个单元格');
    expect(await panel().locator('.find-hit .where').allTextContents()).toEqual([expect.stringMatching(/^部门职责-工作活动 › .+ › 内容描述$/), expect.stringMatching(/^部门职责-工作活动 › .+ › 绩效指标$/)]);
    await panel().getByTestId('find-scope-all').check();
    await expect.poll(status).toBe(`找到 ${cellsWithFrom} 个单元格`);
    await page.getByTestId('find-replacement').fill(TO);
    // the picture for docs/editor.md: a hit of project 5 selected in its indicator grid
    await page.setViewportSize({ width: 1366, height: 900 });
    await hitItems().filter({ hasText: /^项目 5 › .+ › 指标值确定依据/ }).nth(2).click();
    await expect.poll(focusedCell).toMatchObject({ grid: 'project-indicator-grid', col: 'basis' });
    await page.getByTestId('toast').waitFor({ state: 'detached' }); // 已保存… is not part of the picture
    mkdirSync(SCREENSHOTS, { recursive: true });
    const picture = join(SCREENSHOTS, 'find-replace.png');
    await page.locator('.main').screenshot({ path: picture });
    if (process.env.UPDATE_DOC_SCREENSHOTS) copyFileSync(picture, join(ROOT, 'docs/screenshots/find-replace.png'));
    await page.setViewportSize({ width: 1280, height: 760 });
    await panel().getByTestId('find-query').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
  });

  it('a hit in a self-evaluation jumps into the 绩效自评 tab, to the cell', async () => {
    const se = join(h.dir, 'docs', '自评.jixiao');
    copyFileSync(join(SEEDS_DIR, 'selfeval-2019-a.jixiao'), se);
    await page.keyboard.press('Control+S'); // the undone edits left the document modified: no 保存更改 question
    await expect.poll(() => page.getByTestId('status-modified').textContent()).toBe('已保存');
    await openThroughUi(page, se);
    await page.keyboard.press('Control+F');
    await panel().getByTestId('find-query').fill('72.00');
    await expect.poll(status).toBe('找到 1 个单元格');
    expect(await panel().locator('.find-hit .where').textContent()).toBe('项目 1 › 绩效自评 › 产出指标 › 日常检查企业数（家） › 实际完成值');
    await hitItems().first().click();
    await expect.poll(() => page.getByTestId('tab-selfeval').getAttribute('aria-selected')).toBe('true');
    await expect.poll(focusedCell).toMatchObject({ grid: 'selfeval-indicator-grid', col: 'actual', text: '72.00' });
    await page.keyboard.press('Control+F');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
  });

  it('logged no errors or warnings in the page console', () => {
    expect(h.problems).toEqual([]);
  });
});
