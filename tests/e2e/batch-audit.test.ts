// 文件 › 批量审核… in the real renderer (Chromium, web host): choose the folder a reviewer received,
// watch it run, sort the table, open a file by clicking its row, save the summary workbook.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startHarness, type Harness, harnessHooks } from './harness';
import { EXPECTED, makeAuditFolder } from '../audit/folder';

let h: Harness;
let page: Page;
let folder: string;
const rows = () => page.getByTestId('audit-row');
const firstCells = () => rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 }, warnings: true });
  page = h.page;
  folder = await makeAuditFolder(join(h.dir, '收文'));
  await page.goto(h.host.url);
});

harnessHooks(() => h);

async function openWindow(): Promise<void> {
  await page.getByTestId('tb-batch-audit').click();
  await page.getByTestId('batch-audit').waitFor();
}

describe('批量审核 window', () => {
  it('audits the folder chosen, with progress, and lists every file with its status', async () => {
    await openWindow();
    await page.getByTestId('audit-folder').fill(folder);
    await page.getByTestId('audit-start').click();
    await page.getByTestId('audit-table').waitFor({ timeout: 60_000 });
    const listed = [...EXPECTED.read, ...Object.keys(EXPECTED.unreadable)];
    await expect.poll(() => rows().count()).toBe(listed.length);
    expect((await firstCells()).sort()).toEqual([...listed].sort());
    await expect(page.getByTestId('audit-totals').textContent()).resolves.toContain('共 12 个文件：通过 3，有错误 2，无法读取 7');
    const encrypted = rows().filter({ hasText: 'hostile/加密.xlsx' });
    await expect(encrypted.textContent()).resolves.toContain('无法读取：已加密（有打开密码）');
  });

  it('sorts by a column on a click, descending on the second', async () => {
    const errorsHeader = page.getByTestId('audit-sort-errors');
    await errorsHeader.click();
    await expect(errorsHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    const asc = await firstCells();
    expect(asc.slice(0, 3).sort()).toEqual(['good/clean.jixiao', 'good/clean.xlsx', 'hostile/xxe.docx']);
    await errorsHeader.click();
    await expect(errorsHeader.getAttribute('aria-sort')).resolves.toBe('descending');
    const desc = await firstCells();
    expect(desc[0]).toBe('bad/laishui-2020-a.docx'); // the most errors
    expect(desc.slice(-7).sort()).toEqual(Object.keys(EXPECTED.unreadable).sort()); // no counts: last
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'batch-audit.png') });
    if (process.env.UPDATE_DOC_SCREENSHOTS) {
      mkdirSync(join(import.meta.dirname, '../../docs/screenshots'), { recursive: true });
      copyFileSync(join(SCREENSHOTS, 'batch-audit.png'), join(import.meta.dirname, '../../docs/screenshots/batch-audit.png'));
    }
  });

  it('saves the summary workbook', async () => {
    await page.getByTestId('audit-save').click();
    const dlg = page.getByTestId('path-dialog');
    const target = join(h.dir, '审核汇总.xlsx');
    await dlg.locator('input').fill(target);
    await dlg.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('audit-totals').textContent()).toContain(`已保存：${target}`);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('a click on a .jixiao row opens it; on a .docx/.xlsx row imports it', async () => {
    await rows().filter({ hasText: 'good/clean.jixiao' }).click();
    await page.getByTestId('statusbar').getByText(join(folder, 'good/clean.jixiao'), { exact: true }).waitFor();
    await openWindow(); // the last batch is shown again
    await expect.poll(() => rows().count()).toBe(12);
    await rows().filter({ hasText: 'bad/laishui-2020-a.docx' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('tab-projects').textContent()).resolves.toContain('（12）');
  });

  it('a folder that does not exist: a Chinese message, no table', async () => {
    const discard = page.getByRole('button', { name: '不保存' });
    await openWindow();
    if (await discard.isVisible()) await discard.click();
    await page.getByTestId('audit-folder').fill(join(h.dir, '没有这个文件夹'));
    await page.getByTestId('audit-start').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('没有这个文件夹');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('logged no errors or warnings in the page console', () => {
    expect(h.problems).toEqual([]);
  });
});
