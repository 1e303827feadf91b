// E2E harness: the host engineer's web host in-process (temp user data, fake OS hooks) and Debian's
// Chromium driven by playwright-core with a fresh profile.
import { existsSync, mkdtempSync, rmSync, copyFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { startWebHost, type WebHost } from '../../src-main/webhost';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = join(ROOT, 'tests/fixtures/seeds');
export const SCREENSHOTS = join(ROOT, 'tests/artifacts/screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  host: WebHost;
  context: BrowserContext;
  browser: Browser | null;
  page: Page;
  dir: string;
  opened: string[];
  shownInFolder: string[];
  /** Page errors and console errors (with `warnings`: console warnings too) of every window seen so far; harnessHooks fails a test that leaves any. */
  problems: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  viewport?: { width: number; height: number };
  /** Count console warnings as problems too (AG Grid reports a missing module, an API call that silently does nothing, as one). */
  warnings?: boolean;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('先运行 npm run build:web（npm test 会自动构建）');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const userData = join(dir, 'user-data');
  const docs = join(dir, 'docs');
  mkdirSync(docs, { recursive: true });
  const opened: string[] = [];
  const shownInFolder: string[] = [];
  const host = await startWebHost({
    rendererDir: join(ROOT, 'dist/renderer'), userDataDir: userData, documentsDir: docs,
    platform: { openPath: async (p) => { opened.push(p); }, showInFolder: async (p) => { shownInFolder.push(p); } },
  });
  const context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
    viewport: opts.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN',
  });
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => { problems.push(String(e)); });
    p.on('console', (m) => { if (m.type() === 'error' || (opts.warnings && m.type() === 'warning')) problems.push(m.text()); });
  };
  for (const p of context.pages()) watch(p);
  context.on('page', watch); // and every window a test opens
  const page = context.pages()[0] ?? await context.newPage();
  return {
    host, context, browser: null, page, dir, opened, shownInFolder, problems,
    async close() {
      await context.close().catch(() => {});
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The hooks of an e2e file around its harness (`get` returns it once beforeAll has started it):
 * after each test, no page error or console error in any of its windows — else that test fails,
 * naming them; after all, the harness closes.
 */
export function harnessHooks(get: () => Harness | undefined): void {
  afterEach(() => {
    const h = get();
    if (h) expect(h.problems.splice(0), 'page errors / console errors during this test').toEqual([]);
  });
  afterAll(async () => { await get()?.close(); });
}

/** Every text of a document (or a part of one), for counting what a search should find. */
export function textsOf(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(textsOf);
  if (x && typeof x === 'object') return Object.values(x).flatMap(textsOf);
  return [];
}

/** Copy the seed fixtures into the harness's temp dir; returns their paths there. */
export function copySeeds(h: Harness): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.jixiao')).map((f) => {
    const to = join(h.dir, 'docs', f);
    copyFileSync(join(SEEDS_DIR, f), to);
    return to;
  });
}

/** Open a file through the UI (browser mode: the path dialog). */
export async function openThroughUi(page: Page, path: string): Promise<void> {
  await page.getByTestId('tb-open').click();
  const dlg = page.getByTestId('path-dialog');
  await dlg.locator('input').fill(path);
  await dlg.getByRole('button', { name: '确定' }).click();
  await page.getByTestId('statusbar').getByText(path, { exact: true }).waitFor();
}

/**
 * A screenshot of the page (or of one element) in tests/artifacts/screenshots/<name>.png; with
 * UPDATE_DOC_SCREENSHOTS=1 also copied to docs/screenshots/. Transient toasts are waited out first:
 * they do not belong in the documentation pictures.
 */
export async function docScreenshot(page: Page, name: string, locator?: ReturnType<Page['locator']>): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.getByTestId('toast').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  if (locator) await locator.screenshot({ path }); else await page.screenshot({ path });
  if (process.env.UPDATE_DOC_SCREENSHOTS) {
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    copyFileSync(path, join(ROOT, 'docs/screenshots', `${name}.png`));
  }
}

/** 导出 of a document with 错误 asks first (查看问题 / 仍然导出 / 取消): answers 仍然导出 when asked. */
export async function exportAnyway(page: Page): Promise<void> {
  const next = page.locator('[data-testid="choice-dialog"], [data-testid="export-done"]').first();
  await next.waitFor({ timeout: 60_000 });
  if ((await next.getAttribute('data-testid')) !== 'choice-dialog') return;
  expect(await next.textContent()).toMatch(/文档中有 \d+ 个错误/);
  await next.getByRole('button', { name: '仍然导出' }).click();
}
