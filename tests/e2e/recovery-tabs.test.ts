// End-to-end: recovery knows a document is still open in another tab. Several tabs share one web
// host (as several Electron windows share one main process): tab A edits and autosaves, tab B gets
// no recovery offer for A's work and cannot open A's file a second time; once A is gone without a
// clean shutdown (its renderer crashed), the next tab is offered A's work. Waits on states only.
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver } from './gridDriver';

let h: Harness;
let linxi: string;

beforeAll(async () => {
  h = await startHarness();
  linxi = copySeeds(h).find((s) => s.endsWith('linxi-2019.jixiao'))!;
});
harnessHooks(() => h);

const recoveryDir = () => join(h.dir, 'user-data', 'recovery');
const recoveryFiles = () => (existsSync(recoveryDir()) ? readdirSync(recoveryDir()).filter((f) => f.endsWith('.jixiao-recovery')) : []);

/** The host's answer to recovery:list as the page asked it at start. */
async function startTab(page?: Page): Promise<{ page: Page; offered: { key: string; path: string | null }[] }> {
  page ??= await h.context.newPage();
  const listed = page.waitForResponse((r) => r.url().includes('/api/recovery%3Alist'));
  await page.goto(h.host.url);
  const body = await (await listed).json() as { ok: boolean; value: { key: string; path: string | null }[] };
  expect(body.ok).toBe(true);
  return { page, offered: body.value };
}

/** recovery:list as another tab would see it, straight from the host. */
function hostList(): Promise<{ path: string | null }[]> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: h.host.port, method: 'POST', path: '/api/recovery%3Alist', agent: false,
      headers: { Host: `127.0.0.1:${h.host.port}`, 'Content-Type': 'application/json', 'X-Jixiao-Token': h.host.token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { value: { path: string | null }[] }).value));
    });
    req.on('error', fail);
    req.end('{}');
  });
}

describe('recovery with two tabs on one host', () => {
  it('no offer for work open in another tab, no second tab on the same file; offered after that tab crashed', async () => {
    expect(linxi).toBeTruthy();
    const a = h.page;
    await a.goto(h.host.url);
    await openThroughUi(a, linxi);
    // Tab A edits a cell; the autosave writes a recovery copy.
    const grid = await gridDriver(a, 'duty-grid');
    await grid.cell(0, 'title').click();
    await a.keyboard.type('改过的职责');
    await a.keyboard.press('Enter');
    await expect.poll(() => grid.text(0, 'title')).toContain('改过的职责');
    await expect.poll(() => a.getByTestId('status-modified').textContent()).toBe('● 已修改');
    await expect.poll(recoveryFiles, { timeout: 15_000 }).toHaveLength(1);

    // Tab B starts: A's work is not offered.
    const { page: b, offered } = await startTab();
    expect(offered).toEqual([]);
    await expect.poll(() => b.getByTestId('welcome-open').isVisible()).toBe(true);
    expect(await b.getByTestId('recovery-dialog').count()).toBe(0);
    // …and opening A's file there says it is open elsewhere instead of making a second copy.
    await b.getByTestId('tb-open').click();
    const dlg = b.getByTestId('path-dialog');
    await dlg.locator('input').fill(linxi);
    await dlg.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => b.getByRole('dialog').filter({ hasText: '已在另一个窗口中打开' }).count()).toBe(1);
    expect(await b.getByTestId('statusbar').textContent()).not.toContain(linxi);
    await b.close();

    // Tab A's renderer crashes (no clean shutdown): its work is now offered. (The next tab is made
    // first: playwright does not make new pages in a context that has a crashed one.)
    const next = await h.context.newPage();
    const cdp = await h.context.newCDPSession(a);
    void cdp.send('Page.crash').catch(() => {}); // no answer comes: the page dies with it
    await expect.poll(async () => (await hostList()).map((e) => e.path), { timeout: 15_000 }).toEqual([linxi]);
    const { page: c, offered: now } = await startTab(next);
    expect(now.map((e) => e.path)).toEqual([linxi]);
    const offer = c.getByTestId('recovery-dialog');
    await offer.waitFor();
    await offer.getByRole('button', { name: /临西/ }).click();
    const cg = await gridDriver(c, 'duty-grid');
    await expect.poll(() => cg.text(0, 'title')).toContain('改过的职责');
  });
});
