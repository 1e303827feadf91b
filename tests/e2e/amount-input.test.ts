// End-to-end: what happens to an amount the clerk types, in the duty grid's 年度预算数 and the
// project form's 预算数 (Linxi 2019 and Laishui 2020, both 万元). `abc` gets ONE message at the cell
// (重试 / 取消; Esc, Enter and a click close it) and the document stays as it was; `50000元` is
// stored as 5 万元 with a note saying so.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, proxyText, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let seeds: string[];
const seed = (name: string) => seeds.find((s) => s.includes(name))!;
const messages = () => page.getByTestId('cell-message');
const dialogs = () => page.locator('.modal-backdrop');
const modified = () => page.getByTestId('status-modified').textContent();
// Wait on a state, with room for a loaded 2-core machine (8 parallel sessions, full test run).
const settles = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } });
  page = h.page;
  seeds = copySeeds(h);
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('年度预算数 in the duty grid', () => {
  let g: GridDriver;
  const budget = () => g.text(0, 'budget');
  const select = async (row: number, col: string) => {
    await g.cell(row, col).click();
    await settles(async () => {
      if ((await g.active()) !== `${row},${col}`) await g.cell(row, col).click();
      return `${await g.active()} ${await g.hasFocus()}`;
    }).toBe(`${row},${col} true`);
  };

  beforeAll(async () => {
    await openThroughUi(page, seed('linxi'));
    g = await gridDriver(page, 'duty-grid');
    await g.cell(0, 'budget').waitFor();
  });

  it('abc + Enter: exactly one message at the cell, no dialog; Enter (重试) offers the text back; Esc restores', async () => {
    const saved = await modified();
    expect(await budget()).toBe('1235.00');
    await select(0, 'budget');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await settles(() => messages().count()).toBe(1);
    expect(await messages().textContent()).toContain('“abc”不是有效的金额');
    expect(await dialogs().count()).toBe(0);
    // The message sits at the cell.
    const [box, at] = [await messages().boundingBox(), await g.cell(0, 'budget').boundingBox()];
    expect(Math.abs(box!.x - at!.x)).toBeLessThan(8);
    expect(box!.y).toBeGreaterThanOrEqual(at!.y);
    expect(box!.y - (at!.y + at!.height)).toBeLessThan(40);
    await docScreenshot(page, 'amount-cell-message');
    // Enter = 重试: back in 编辑 mode with the typed text, the message gone.
    await page.keyboard.press('Enter');
    await settles(() => messages().count()).toBe(0);
    await settles(() => g.mode()).toBe('edit');
    expect(await proxyText(page)).toBe('abc');
    // Enter again: again one message, never a second one.
    await page.keyboard.press('Enter');
    await settles(() => messages().count()).toBe(1);
    // Esc = 取消: the old value, the document untouched.
    await page.keyboard.press('Escape');
    await settles(() => messages().count()).toBe(0);
    await settles(() => g.mode()).toBe('ready');
    expect(await budget()).toBe('1235.00');
    expect(await modified()).toBe(saved);
    expect(await g.active()).toBe('0,budget');
    expect(await g.hasFocus()).toBe(true);
  });

  it('重试 and 取消 are buttons too; a click elsewhere closes the message and selects what was clicked', async () => {
    await select(0, 'budget');
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    await settles(() => messages().count()).toBe(1);
    expect(await g.active()).toBe('0,budget'); // Tab did not move on
    await messages().getByRole('button', { name: '重试' }).click();
    await settles(() => g.mode()).toBe('edit');
    expect(await proxyText(page)).toBe('abc');
    await page.keyboard.press('Enter');
    await settles(() => messages().count()).toBe(1);
    await messages().getByRole('button', { name: '取消' }).click();
    await settles(() => messages().count()).toBe(0);
    expect(await budget()).toBe('1235.00');
    // A click on another cell while the message shows: closed, old value, the other cell selected.
    await page.keyboard.type('xyz');
    await page.keyboard.press('Enter');
    await settles(() => messages().count()).toBe(1);
    await g.cell(0, 'description').click();
    await settles(() => messages().count()).toBe(0);
    await settles(() => g.active()).toBe('0,description');
    expect(await budget()).toBe('1235.00');
    // A toolbar click while `abc` is being typed: the message comes first, the button does nothing.
    const rows = await g.host.locator('[aria-rowcount]').first().getAttribute('aria-rowcount');
    await select(0, 'budget');
    await page.keyboard.type('abc');
    await page.getByTestId('tb-insert-duty').click();
    await settles(() => messages().count()).toBe(1);
    expect(await g.host.locator('[aria-rowcount]').first().getAttribute('aria-rowcount')).toBe(rows);
    await settles(() => page.evaluate(() => document.activeElement?.textContent)).toBe('重试');
    await page.keyboard.press('Escape');
    await settles(() => messages().count()).toBe(0);
    expect(await budget()).toBe('1235.00');
    expect(await g.host.locator('[aria-rowcount]').first().getAttribute('aria-rowcount')).toBe(rows);
  });

  it('50000元 (元 through the input method) is stored as 5 万元, with a note; one Ctrl+Z undoes it', async () => {
    await select(0, 'budget');
    await page.keyboard.type('50000');
    await g.imeCompose('yuan');
    await g.imeCommit('元');
    await settles(() => proxyText(page)).toBe('50000元');
    await page.keyboard.press('Enter');
    await settles(() => budget()).toBe('5.00');
    await settles(() => page.getByTestId('toast').textContent()).toBe('已按万元换算：50000元 = 5万元');
    expect(await messages().count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await settles(() => budget()).toBe('1235.00');
    // Pasted (as copied from WPS: CRLF after the cell), the same rule and the same note.
    await select(0, 'budget');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '50000元\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await settles(() => budget()).toBe('5.00');
    await settles(() => page.getByTestId('toast').textContent()).toBe('已粘贴 1 行 × 1 列；已按万元换算 1 个金额：50000元 = 5万元');
    await page.keyboard.press('Control+Z');
    await settles(() => budget()).toBe('1235.00');
    await page.keyboard.press('Control+S');
    await settles(() => modified()).toBe('已保存');
  });
});

describe('预算数 in the project form', () => {
  const field = () => page.getByTestId('project-form').locator('[data-field="budget"]');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? document.activeElement?.textContent ?? null);
  let path: string;
  let before: string;

  beforeAll(async () => {
    path = seed('laishui');
    await openThroughUi(page, path);
    await page.getByTestId('tab-projects').click();
    await field().waitFor();
    before = await field().inputValue();
  });

  it('abc + Enter: one message at the field; Esc restores the value; Enter (重试) gives the text back', async () => {
    const saved = await modified();
    await field().click();
    await field().fill('abc');
    await field().press('Enter');
    await settles(() => messages().count()).toBe(1);
    expect(await messages().textContent()).toContain('“abc”不是有效的金额');
    expect(await dialogs().count()).toBe(0);
    const [box, at] = [await messages().boundingBox(), await field().boundingBox()];
    expect(Math.abs(box!.x - at!.x)).toBeLessThan(8);
    expect(box!.y - (at!.y + at!.height)).toBeLessThan(40);
    await settles(() => focused()).toBe('重试');
    await docScreenshot(page, 'amount-field-message', page.getByTestId('project-form'));
    await page.keyboard.press('Escape');
    await settles(() => messages().count()).toBe(0);
    await settles(() => field().inputValue()).toBe(before);
    expect(await modified()).toBe(saved);
    // Again, then Enter = 重试: the typed text is back in the field, focused, for correction.
    await field().click();
    await field().fill('abc');
    await field().press('Enter');
    await settles(() => messages().count()).toBe(1);
    await settles(() => focused()).toBe('重试');
    await page.keyboard.press('Enter');
    await settles(() => messages().count()).toBe(0);
    await settles(() => focused()).toBe('budget');
    expect(await field().inputValue()).toBe('abc');
    // A click elsewhere closes it too, restoring the value.
    await field().press('Enter');
    await settles(() => messages().count()).toBe(1);
    await page.getByTestId('project-form').locator('[data-field="name"]').click();
    await settles(() => messages().count()).toBe(0);
    await settles(() => field().inputValue()).toBe(before);
    expect(await modified()).toBe(saved);
  });

  it('a schedule percent is not money: 50000元 is refused there, 25% is 25', async () => {
    const pct = page.getByTestId('project-form').locator('[data-field="schedule.0"]');
    const was = await pct.inputValue();
    await pct.click();
    await pct.fill('50000元');
    await pct.press('Enter');
    await settles(() => messages().count()).toBe(1);
    expect(await messages().textContent()).toContain('“50000元”是金额，这里应填百分比');
    await page.keyboard.press('Escape');
    await settles(() => messages().count()).toBe(0);
    await settles(() => pct.inputValue()).toBe(was);
    await pct.click();
    await pct.fill('25%');
    await pct.press('Enter');
    await settles(() => pct.inputValue()).toBe('25.00');
    expect(await messages().count()).toBe(0);
  });

  it('50000元 is stored as 5 万元, with a note', async () => {
    await field().click();
    await field().fill('50000元');
    await field().press('Enter');
    await settles(() => field().inputValue()).toBe('5.00');
    await settles(() => page.getByTestId('toast').textContent()).toBe('已按万元换算：50000元 = 5万元');
    await page.keyboard.press('Control+S');
    await settles(() => modified()).toBe('已保存');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { projects: { budget: string }[] };
    expect(doc.projects[0].budget).toBe('5');
  });
});
