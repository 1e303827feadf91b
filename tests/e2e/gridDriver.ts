// Driving a grid the way a clerk does — keys, mouse, and Chinese through an input method (CDP
// Input.imeSetComposition / Input.insertText after a keyCode-229 "Process" key, as real IMEs do) —
// and reading its state: the selected cell and block (data-active / data-block on the grid host),
// the edit mode (data-edit) and cell texts. Every wait is on one of these states.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { openThroughUi } from './harness';

export interface GridDriver {
  page: Page;
  host: Locator;
  cell(row: number, col: string): Locator;
  text(row: number, col: string): Promise<string>;
  active(): Promise<string>;
  block(): Promise<string>;
  mode(): Promise<string>;
  /** the proxy has the browser focus (typing goes into the grid) */
  hasFocus(): Promise<boolean>;
  /** start composing `pinyin` as an IME does */
  imeCompose(pinyin: string): Promise<void>;
  /** commit `text` from the IME */
  imeCommit(text: string): Promise<void>;
  /** Esc pressed while composing: the IME takes the key and drops the composition */
  imeCancel(): Promise<void>;
}

export async function gridDriver(page: Page, testId: string): Promise<GridDriver> {
  const host = page.getByTestId(testId);
  let cdp: CDPSession | null = null;
  const session = async () => (cdp ??= await page.context().newCDPSession(page));
  const imeKey = async (code: string) => {
    const s = await session();
    await s.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, key: 'Process', code });
    await s.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, key: 'Process', code });
  };
  const attr = async (name: string) => (await host.getAttribute(name)) ?? '';
  // A cell in row `row`, merged cells included (they are drawn outside their rows' elements).
  const cell = (row: number, col: string) => host.locator(`.ag-row[row-index="${row}"] [col-id="${col}"], .ag-spanned-row[row-index="${row}"] [col-id="${col}"]`)
    .filter({ visible: true }).first();
  return {
    page, host, cell,
    text: async (row, col) => (await cell(row, col).textContent()) ?? '',
    active: () => attr('data-active'),
    block: () => attr('data-block'),
    mode: () => attr('data-edit'),
    hasFocus: () => page.evaluate((id) => !!document.activeElement?.matches(`[data-testid="${id}"] .cell-proxy`), testId),
    async imeCompose(pinyin) {
      await imeKey(`Key${pinyin[0].toUpperCase()}`);
      await (await session()).send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    },
    async imeCommit(text) {
      await imeKey('Space');
      await (await session()).send('Input.insertText', { text });
    },
    async imeCancel() {
      await imeKey('Escape');
      await (await session()).send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    },
  };
}

/** The text the focused proxy holds (the editor's content while editing). */
export const proxyText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value ?? null);

/** Chinese typed the way a clerk's IME delivers it into whatever has the focus: a composition, then the committed text. */
export async function typeThroughIme(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

/**
 * Writes `doc` to `<h.dir>/docs/<fileName>`, opens it through the UI and shows the 部门整体 tab; the
 * task and indicator grids' drivers. Waits on the task grid's row `waitRow` showing `waitText`.
 */
export async function openDeptWide(h: { dir: string; host: { url: string }; page: Page }, doc: unknown, fileName: string, waitRow: number, waitText: string): Promise<{ path: string; tasks: GridDriver; inds: GridDriver }> {
  const path = join(h.dir, 'docs', fileName);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  await h.page.goto(h.host.url);
  await openThroughUi(h.page, path);
  const tasks = await gridDriver(h.page, 'dept-task-grid');
  const inds = await gridDriver(h.page, 'dept-indicator-grid');
  await h.page.getByTestId('tab-deptWide').click();
  await tasks.cell(waitRow, 'name').filter({ hasText: waitText }).waitFor();
  return { path, tasks, inds };
}
