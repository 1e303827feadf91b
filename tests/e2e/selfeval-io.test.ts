// End-to-end: 导入自评表到当前文档 and 导出自评表 (the 文件 menu's commands, sent by the host as the
// Electron menu does) in the real renderer: a clerk opens the department's document, imports the
// published self-evaluation Word file into it, exports the 绩效自评表, and undoes the import.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importOffice } from '../../src-shared/import';
import { newDocument, newProject } from '../../src-shared/model';
import { serializeDocument } from '../../src-shared/model/load';
import { exportAnyway, openThroughUi, SCREENSHOTS, startHarness, type Harness, harnessHooks } from './harness';
import { fixturePath } from '../fixtures/paths';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } });
  page = h.page;
  await page.goto(h.host.url);
});
harnessHooks(() => h);

/** Answer the browser-mode path dialog. */
async function answerPath(path: string) {
  const dlg = page.getByTestId('path-dialog');
  await dlg.waitFor();
  await dlg.locator('input').fill(path);
  await dlg.getByRole('button', { name: '确定' }).click();
}

/** The 已导出 dialog's file: default name next to the document, read back with nothing unplaced. */
async function exportedDocument(ext: 'xlsx' | 'docx') {
  await exportAnyway(page);
  const done = page.getByTestId('export-done');
  await done.waitFor({ timeout: 60_000 });
  const path = (await done.getByTestId('export-path').textContent())!;
  expect(path).toBe(join(h.dir, 'docs', `唐山高新区人社局2019年绩效自评表.${ext}`));
  const back = importOffice(new Uint8Array(readFileSync(path)), `back.${ext}`);
  if (!back.ok) throw new Error(back.message);
  expect(back.report.unplaced).toEqual([]);
  await done.getByRole('button', { name: '关闭' }).click();
  return back.document;
}

describe('self-evaluation import into the open document, export, undo', () => {
  const docPath = () => join(h.dir, 'docs', '监察大队.jixiao');

  it('imports the published self-evaluation into the project of the same name', async () => {
    const doc = newDocument({ deptCode: '323', deptName: '唐山高新区人社局', year: 2019, unit: '万元', templateId: 'hebei-2020' });
    doc.projects.push(newProject('hebei-2020', { code: '323-0501-X', name: '劳动监察专项资金', budget: '3' }), newProject('hebei-2020', { name: '其他项目' }));
    writeFileSync(docPath(), serializeDocument(doc));
    await openThroughUi(page, docPath());
    const source = join(h.dir, 'docs', '自评表.docx');
    copyFileSync(fixturePath('selfeval-2019-a.docx'), source);

    h.host.send({ command: 'import-selfeval' });
    await answerPath(source);
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await expect(report.textContent()).resolves.toContain('绩效自评表“劳动监察专项资金”');
    await expect(report.textContent()).resolves.toContain('未能放入表格的内容（0）');
    await report.getByRole('button', { name: '确定' }).click();
    // Still the same document, two projects, now modified (one undo step away).
    await expect(page.getByTestId('tab-projects').textContent()).resolves.toContain('（2）');
    await expect.poll(() => page.title()).toMatch(/^● 监察大队\.jixiao/);
  });

  it('exports the 绩效自评表 to Excel with its default name next to the document', async () => {
    h.host.send({ command: 'export-selfeval-xlsx' });
    const back = await exportedDocument('xlsx');
    expect(back.projects.map((p) => [p.name, p.selfeval?.total, p.selfeval?.grade])).toEqual([['劳动监察专项资金', '95', '优']]);
  });

  it('the 绩效自评 tab exports the 绩效自评表 to Word', async () => {
    await page.getByTestId('tab-selfeval').click();
    await page.getByTestId('se-export-docx').waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'selfeval-io-tab.png') });
    await page.getByTestId('se-export-docx').click();
    expect((await exportedDocument('docx')).projects[0].selfeval?.indicators).toHaveLength(9);
  });

  it('Ctrl+Z takes the import back: exporting the 绩效自评表 then says there is none', async () => {
    await page.getByTestId('tab-projects').click();
    await page.keyboard.press('Control+Z');
    h.host.send({ command: 'export-selfeval-docx' });
    await expect.poll(() => page.getByText('没有可导出的绩效自评表').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(h.problems).toEqual([]);
  });
});
