// Printing and PDF of the official layout: the print HTML is loaded into a hidden window without
// JavaScript, then printed with the system dialog or rendered by printToPDF (A4 landscape).
import { BrowserWindow } from 'electron';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hardenWebContents, printWindowOptions } from './window';

async function withHiddenPage<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  // A temp file, not a data: URL: a large document's HTML runs to megabytes.
  const dir = await fsp.mkdtemp(join(tmpdir(), 'jixiao-print-'));
  const file = join(dir, 'print.html');
  await fsp.writeFile(file, html, 'utf8');
  const win = new BrowserWindow(printWindowOptions());
  hardenWebContents(win.webContents);
  try {
    await win.loadFile(file);
    return await use(win);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export function printHtml(html: string): Promise<void> {
  return withHiddenPage(html, (win) => new Promise<void>((ok, fail) => {
    win.webContents.print({ silent: false, printBackground: true, landscape: true, pageSize: 'A4' }, (success, reason) => {
      // 'cancelled' is the user's choice, not an error.
      if (success || reason === 'cancelled' || reason === 'Print job canceled') ok();
      else fail(Object.assign(new Error(reason), { code: 'print.failed', message: `打印失败：${reason}` }));
    });
  }));
}

export function htmlToPdf(html: string): Promise<Uint8Array> {
  return withHiddenPage(html, async (win) => {
    const buf = await win.webContents.printToPDF({ landscape: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(buf);
  });
}
