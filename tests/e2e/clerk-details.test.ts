// End-to-end, at a clerk's 1366×768 screen: focus after 新增 (project), column widths kept across
// tab switches, the 绩效自评 grid headers readable in full, and the 导出 prompt when the document has
// 错误. In Debian's Chromium against the in-process web host; waits on states only.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';

let h: Harness;
let page: Page;
let seeds: string[];
const seed = (name: string) => seeds.find((s) => s.includes(name))!;

/** Chinese through an input method, as gridDriver does: a keyCode-229 key, the composition, the commit. */
async function imeType(p: Page, pinyin: string, text: string): Promise<void> {
  const cdp = await p.context().newCDPSession(p);
  const key = async (code: string) => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, key: 'Process', code });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, key: 'Process', code });
  };
  await key(`Key${pinyin[0].toUpperCase()}`);
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await key('Space');
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

/** Open a file, dropping the changes of the one open (不保存). */
async function openDropping(path: string): Promise<void> {
  await page.getByTestId('tb-open').click();
  const asked = page.locator('[data-testid="choice-dialog"], [data-testid="path-dialog"]').first();
  await asked.waitFor();
  if ((await asked.getAttribute('data-testid')) === 'choice-dialog') await asked.getByRole('button', { name: '不保存' }).click();
  const dlg = page.getByTestId('path-dialog');
  await dlg.locator('input').fill(path);
  await dlg.getByRole('button', { name: '确定' }).click();
  await page.getByTestId('statusbar').getByText(path, { exact: true }).waitFor();
}

const headerWidth = (grid: string, col: string) =>
  page.evaluate(([g, c]) => document.querySelector<HTMLElement>(`[data-testid="${g}"] .ag-header-cell[col-id="${c}"]`)?.getBoundingClientRect().width ?? -1, [grid, col]);

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = h.page;
  seeds = copySeeds(h);
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('clerk details', () => {
  it('新增 (project) puts the caret in 项目名称: a name typed through the IME is the new project’s name', async () => {
    await openThroughUi(page, seed('linxi'));
    await page.getByTestId('tab-projects').click();
    const items = page.getByTestId('project-item');
    const before = await items.count();
    await page.getByTestId('project-add').click();
    await expect.poll(() => items.count()).toBe(before + 1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('name');
    await imeType(page, 'xinxiangmu', '新项目甲');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('project-item').filter({ hasText: '新项目甲' }).count()).toBe(1);
  });

  it('a column width dragged by the clerk is kept when the tab changes and comes back', async () => {
    await page.getByTestId('tab-duty').click();
    const handle = page.locator('[data-testid="duty-grid"] .ag-header-cell[col-id="title"] .ag-header-cell-resize');
    await handle.waitFor();
    const w0 = await headerWidth('duty-grid', 'title');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 90, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => headerWidth('duty-grid', 'title')).toBeGreaterThan(w0 + 60);
    const dragged = await headerWidth('duty-grid', 'title');
    await page.getByTestId('tab-projects').click();
    await page.getByTestId('duty-grid').waitFor({ state: 'detached' });
    await page.getByTestId('tab-duty').click();
    await page.locator('[data-testid="duty-grid"] .ag-header-cell[col-id="title"]').waitFor();
    await expect.poll(() => headerWidth('duty-grid', 'title')).toBeCloseTo(dragged, 0);
  });

  it('at 1366 px every 绩效自评 grid header is shown in full', async () => {
    await openDropping(seed('selfeval-2019-a'));
    await page.getByTestId('tab-selfeval').click();
    const grid = page.getByTestId('selfeval-indicator-grid');
    await grid.locator('.ag-header-cell-text').first().waitFor();
    const labels = await grid.locator('.ag-header-cell-text').evaluateAll((els) => els.map((e) => ({
      text: e.textContent ?? '', sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight,
    })));
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['年度指标值', '实际完成值', '偏差原因分析及改进措施']));
    // …and every column on screen, none behind a horizontal scroll.
    const cols = await grid.locator('.ag-header-cell').evaluateAll((els) => {
      const view = els[0].closest('.ag-root')!.getBoundingClientRect();
      return els.map((e) => ({ id: e.getAttribute('col-id'), right: e.getBoundingClientRect().right, viewRight: view.right }));
    });
    expect(cols).toHaveLength(labels.length);
    for (const c of cols) expect(c.right, c.id ?? '').toBeLessThanOrEqual(c.viewRight + 1);
    for (const l of labels) {
      expect(l.sw, l.text).toBeLessThanOrEqual(l.cw);
      expect(l.sh, l.text).toBeLessThanOrEqual(l.ch);
    }
    await docScreenshot(page, 'selfeval-headers-1366', grid);
    await docScreenshot(page, 'selfeval-1366');
  });

  it('导出 with 错误 asks first: 查看问题 opens the findings, 仍然导出 exports, 取消 does nothing', async () => {
    await openDropping(seed('linxi'));
    const counts = page.getByTestId('status-counts');
    await expect.poll(() => counts.textContent()).toMatch(/错误 [1-9]/);
    const errors = /错误 (\d+)/.exec((await counts.textContent())!)![1];
    if (await page.getByTestId('findings-panel').count()) await page.getByTestId('tb-findings').click(); // panel closed
    await page.getByTestId('findings-panel').waitFor({ state: 'detached' });

    const ask = page.getByTestId('choice-dialog');
    await page.getByTestId('tb-export-xlsx').click();
    await expect.poll(() => ask.textContent()).toContain(`文档中有 ${errors} 个错误`);
    await ask.getByRole('button', { name: '查看问题' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByTestId('findings-panel').waitFor();
    expect(await page.getByTestId('export-done').count()).toBe(0);

    await page.getByTestId('tb-export-xlsx').click();
    await ask.getByRole('button', { name: '取消' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByTestId('export-done').count()).toBe(0);

    await page.getByTestId('tb-export-xlsx').click();
    await ask.getByRole('button', { name: '仍然导出' }).click();
    const done = page.getByTestId('export-done');
    await done.waitFor();
    const path = (await done.getByTestId('export-path').textContent())!;
    expect(existsSync(path)).toBe(true);
    expect(h.problems).toEqual([]);
  });
});
