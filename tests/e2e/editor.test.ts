// End-to-end: the real renderer (dist/renderer, built by `npm test` before vitest) in Debian's
// Chromium against the in-process web host, driven like a clerk would.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, exportAnyway, openThroughUi, startHarness, type Harness, docScreenshot, harnessHooks } from './harness';
import { fixturePath } from '../fixtures/paths';

let h: Harness;
let page: Page;
let seeds: string[];
const seed = (name: string) => seeds.find((s) => s.includes(name))!;
const grid = () => page.getByTestId('duty-grid');
const cell = (col: string, text: string) => grid().locator(`[role=gridcell][col-id="${col}"]`, { hasText: text }).first();
// The grid is virtualised: count rows from its aria-rowcount (data rows + 1 header row).
const rowCount = async () => Number(await grid().locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;
// The selected cell of the grid that has the keyboard (its input proxy is focused), with its text.
const focusedCell = () => page.evaluate(() => {
  const host = document.activeElement?.classList.contains('cell-proxy') ? document.activeElement.closest<HTMLElement>('[data-active]') : null;
  const [row, col] = (host?.dataset.active ?? '').split(',');
  const el = host?.querySelector(`.ag-row[row-index="${row}"] [col-id="${col}"], .ag-spanned-row[row-index="${row}"] [col-id="${col}"]`);
  return el ? { col, text: el.textContent } : null;
});
const pasteText = (text: string) => page.evaluate((t) => {
  const dt = new DataTransfer();
  dt.setData('text/plain', t);
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}, text);

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 }, warnings: true });
  page = h.page;
  seeds = copySeeds(h);
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('editor e2e', () => {
  it('opens each seed fixture', async () => {
    for (const path of seeds) {
      await openThroughUi(page, path);
      const name = path.split('/').pop()!;
      await expect.poll(() => page.title()).toBe(`${name} — 绩效目标表编辑器`);
      const doc = JSON.parse(readFileSync(path, 'utf8'));
      await expect(page.getByTestId('tab-projects').textContent()).resolves.toContain(`（${doc.projects.length}）`);
    }
  });

  it('shows every line of every wrapped cell (row heights follow the text)', async () => {
    // Cells whose text overflows their box, in the rendered part of a grid.
    const clipped = (testId: string) => page.evaluate((id) => Array.from(document.querySelectorAll(`[data-testid=${id}] .ag-cell-wrap-text`))
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.textContent), testId);
    await openThroughUi(page, seed('linxi'));
    await cell('description', '负责高校毕业生就业工作').waitFor();
    expect(await page.locator('[data-testid=duty-grid] .ag-cell-wrap-text').count()).toBeGreaterThan(20);
    expect(await clipped('duty-grid')).toEqual([]);
    await openThroughUi(page, seed('laishui'));
    await page.getByTestId('tab-projects').click();
    await page.getByTestId('project-indicator-grid').locator('[col-id="description"]', { hasText: '比率' }).first().waitFor();
    expect(await clipped('project-indicator-grid')).toEqual([]);
    await page.getByTestId('tab-duty').click();
  });

  it('edits a cell, undo and redo', async () => {
    await openThroughUi(page, seed('linxi'));
    const c = cell('bands.1', '≥90%');
    await c.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('≥95%');
    await page.keyboard.press('Enter');
    await expect.poll(() => grid().locator('.ag-row[row-index="1"] [col-id="bands.1"]').textContent()).toBe('≥95%');
    await expect.poll(() => page.title()).toMatch(/^● linxi-2019\.jixiao/);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => grid().locator('.ag-row[row-index="1"] [col-id="bands.1"]').textContent()).toBe('≥90%');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => grid().locator('.ag-row[row-index="1"] [col-id="bands.1"]').textContent()).toBe('≥95%');
  });

  it('clears a block with Delete as one undo step', async () => {
    const band = (row: number, col: string) => grid().locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`);
    const before = await Promise.all(['bands.0', 'bands.1', 'bands.2'].map((c) => band(1, c).textContent()));
    expect(before[1]).not.toBe('');
    // Shift+→ and Shift+click both extend the block from the clicked cell.
    await band(1, 'bands.1').click();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => grid().getAttribute('data-block')).toBe('1,1,6,7');
    await band(1, 'bands.1').click();
    await expect.poll(() => grid().getAttribute('data-block')).toBe('1,1,6,6');
    await band(1, 'bands.2').click({ modifiers: ['Shift'] });
    await expect.poll(() => grid().getAttribute('data-block')).toBe('1,1,6,7');
    await page.keyboard.press('Delete');
    await expect.poll(() => band(1, 'bands.1').textContent()).toBe('');
    expect(await band(1, 'bands.2').textContent()).toBe('');
    expect(await band(1, 'bands.0').textContent()).toBe(before[0]);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => band(1, 'bands.1').textContent()).toBe(before[1]);
    expect(await band(1, 'bands.2').textContent()).toBe(before[2]);
  });

  it('adds an activity and an indicator; numbering and spans follow', async () => {
    await cell('title', '1、就业创业扶持政策').click();
    await page.getByTestId('tb-insert-activity').click();
    await expect.poll(() => cell('title', '3、就业服务体系建设').count()).toBe(1);
    await expect.poll(() => focusedCell()).toEqual({ col: 'title', text: '2、' });
    // Typing goes straight into the selected new cell (keyboard.type inserts Chinese as text, as an IME commit does).
    await page.keyboard.type('新的工作活动');
    await page.keyboard.press('Enter');
    await cell('name', '').first().waitFor();
    await cell('title', '2、新的工作活动').click();
    await page.getByTestId('tb-insert-indicator').click();
    await page.getByTestId('tb-insert-indicator').click();
    // Two indicators now: the activity's first four cells span two rows.
    await expect.poll(async () => (await cell('title', '2、新的工作活动').boundingBox())!.height).toBeGreaterThan(70);
    await docScreenshot(page, 'duty-table');
  });

  it('pastes a 3×4 TSV block with a quoted multi-line cell as one undo step', async () => {
    const before = await rowCount();
    // The last row of the table: rows beyond it are grown as new indicator rows.
    await grid().hover();
    await page.mouse.wheel(0, 20000);
    await cell('name', '综合业务管理工作完成率').click();
    await pasteText('培训人数\t≥1000\t≥900\t≥800\r\n"多行\n指标"\t100%\t≥90%\t≥80%\r\n第三个指标\t≥3\t≥2\t≥1\r\n');
    await expect.poll(() => rowCount()).toBe(before + 2);
    await expect.poll(() => cell('name', '多行').textContent()).toBe('多行\n指标');
    await expect.poll(() => cell('bands.0', '≥3').count()).toBe(1);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rowCount()).toBe(before);
    await expect.poll(() => cell('name', '多行').count()).toBe(0);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => rowCount()).toBe(before + 2);
  });

  it('shows a validation finding, jumps to it, and the fix clears it', async () => {
    const panel = page.getByTestId('findings-panel');
    const target = () => panel.locator('[data-code="band.unreachable"]', { hasText: '开展就业服务指导培训次数' });
    const finding = target().first();
    await finding.waitFor();
    await expect.poll(() => grid().locator('.cell-error[col-id="bands.3"]').count()).toBeGreaterThan(0);
    await docScreenshot(page, 'findings-panel', page.locator('.main'));
    await finding.click();
    await expect.poll(() => focusedCell()).toEqual({ col: 'bands.3', text: '＜2' });
    // ≥10 / ≥5 / ＜5 / ＜2: 中 must leave room for 差.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedCell()).toEqual({ col: 'bands.2', text: '＜5' });
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('≥2');
    await page.keyboard.press('Enter');
    await expect.poll(() => target().count()).toBe(0);
  });

  it('saves, reloads and shows the same document', async () => {
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('status-modified').textContent()).toBe('已保存');
    const saved = JSON.parse(readFileSync(seed('linxi'), 'utf8'));
    expect(JSON.stringify(saved)).toContain('新的工作活动');
    await page.reload();
    await openThroughUi(page, seed('linxi'));
    await expect.poll(() => cell('title', '2、新的工作活动').count()).toBe(1);
    // Save As writes the same document again.
    const copy = join(h.dir, 'docs', 'copy.jixiao');
    await page.getByTestId('tb-saveas').click();
    await page.getByTestId('path-dialog').locator('input').fill(copy);
    await page.getByTestId('path-dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => existsSync(copy)).toBe(true);
    expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(saved);
  });

  it('switches 万元→元 and back exactly, as single undo steps', async () => {
    const path = seed('laishui');
    const original = JSON.parse(readFileSync(path, 'utf8'));
    await openThroughUi(page, path);
    await page.getByTestId('tab-projects').click();
    const budget = page.getByTestId('project-form').locator('[data-field="budget"]');
    const shown = await budget.inputValue();
    for (const unit of ['元', '万元']) {
      await page.getByTestId('tb-settings').click();
      await page.getByTestId(`settings-unit-${unit}`).check();
      await page.getByTestId('settings-ok').click();
      await expect.poll(() => page.getByTestId('status-unit').textContent()).toBe(unit);
      if (unit === '元') await expect.poll(() => budget.inputValue()).toBe(String(Number(shown) * 10000));
    }
    await expect.poll(() => budget.inputValue()).toBe(shown);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByTestId('status-unit').textContent()).toBe('元');
    await page.keyboard.press('Control+Y');
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('status-modified').textContent()).toBe('已保存');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(original);
    await docScreenshot(page, 'project-form', page.getByTestId('project-form'));
  });

  it('applies a suggestion with one click, undoable', async () => {
    const panel = page.getByTestId('findings-panel');
    const button = panel.getByTestId('apply-suggestion').first();
    await button.waitFor();
    const before = await panel.getByTestId('finding').count();
    await button.click();
    await expect.poll(() => panel.getByTestId('finding').count()).toBe(before - 1);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => panel.getByTestId('finding').count()).toBe(before);
  });

  for (const format of ['xlsx', 'docx'] as const) {
    it(`exports ${format} through the UI and offers to open it`, async () => {
      await page.getByTestId(`tb-export-${format}`).click();
      await exportAnyway(page);
      const done = page.getByTestId('export-done');
      await done.waitFor({ timeout: 60_000 });
      const path = (await done.getByTestId('export-path').textContent())!;
      expect(path.endsWith(`.${format}`)).toBe(true);
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      await done.getByRole('button', { name: '打开文件' }).click();
      await expect.poll(() => h.opened).toContain(path);
    });
  }

  it('opens the print preview', async () => {
    await page.getByTestId('tb-preview').click();
    const frame = page.frameLocator('iframe.print-frame');
    await expect.poll(() => frame.locator('body').textContent()).toContain('绩效目标表');
    await docScreenshot(page, 'print-preview');
    await page.getByTestId('print-preview').getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.getByTestId('print-preview').count()).toBe(0);
  });

  it('imports last year\'s Word file and shows the report', async () => {
    const source = join(h.dir, 'docs', 'laishui-2020-a.docx');
    copyFileSync(fixturePath('laishui-2020-a.docx'), source);
    await page.getByTestId('tb-import').click();
    // Unsaved changes from the tests above: the clerk is asked first.
    const discard = page.getByRole('button', { name: '不保存' });
    const dlg = page.getByTestId('path-dialog');
    await expect.poll(async () => (await discard.isVisible()) || (await dlg.isVisible())).toBe(true);
    if (await discard.isVisible()) await discard.click();
    await dlg.locator('input').fill(source);
    await dlg.getByRole('button', { name: '确定' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => report.locator('li').count()).toBe(12);
    await expect(report.textContent()).resolves.toContain('未能放入表格的内容（0）');
    await report.getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('tab-projects').textContent()).resolves.toContain('（12）');
  });

  it('logged no errors or warnings in the page console', () => {
    expect(h.problems).toEqual([]);
  });
});
