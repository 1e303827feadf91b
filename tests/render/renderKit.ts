// What the render checks share: printing an HTML file to PDF with Debian's Chromium, and reading
// `pdftotext -bbox` pages (page size, words with their right edge) beside the layout text.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface Page { width: number; height: number; text: string; words: { text: string; xMax: number }[] }

/** `html` → `pdf` with headless Chromium (its profile under `work`); throws when Chromium cannot run. */
export function printHtmlToPdf(html: string, pdf: string, work: string): void {
  const r = spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-pdf-header-footer', `--user-data-dir=${join(work, 'chromium-profile')}`,
    `--print-to-pdf=${pdf}`, `file://${html}`], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
}

/** Pages of `pdftotext -bbox` output, each with its `pdftotext -layout` text. */
export function parseBbox(html: string, layoutText: string[]): Page[] {
  const pages: Page[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({ text: w[2], xMax: Number(w[1]) }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words, text: layoutText[pages.length] ?? '' });
  }
  return pages;
}
