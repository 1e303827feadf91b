// What the render checks share: printing an HTML file to PDF with Debian's Chromium, converting the
// office files with LibreOffice, and reading `pdftotext -bbox` pages (page size, words with their
// right edge) beside the layout text.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import type { JixiaoDocument } from '../../src-shared/model';
import { FONTCONFIG_CJK } from '../fixtures/paths';

export interface Page { width: number; height: number; text: string; words: { text: string; xMax: number }[] }

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

/** There are pages, and every one is A4 landscape. */
export function expectLandscapeA4(pages: readonly Page[]): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    expect(p.width).toBeCloseTo(297 * MM, 0);
    expect(p.height).toBeCloseTo(210 * MM, 0);
  }
}

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

export interface RenderCase { key: string; format: 'xlsx' | 'docx' | 'html' }
export interface PngOptions { dpi: number; pages: number | 'all' }
export interface Rendered { pages: Page[]; raw: string }

/**
 * Each case's file, written by `write` (the print HTML, or an export), rendered to PDF — the HTML
 * through Chromium, the office files in ONE soffice run (start-up dominates on a 2-core machine) —
 * and read as a reader sees it: its pages with their words, and the raw text. PNGs (by default of
 * the first two pages, at 80 dpi; `pages: 'all'` for every page) go to `artifacts` for a human look.
 */
export async function renderCases<C extends RenderCase>(cases: readonly C[], write: (c: C, file: string) => Promise<void> | void, artifacts: string, png: PngOptions = { dpi: 80, pages: 2 }): Promise<Map<string, Rendered>> {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-render-'));
  mkdirSync(artifacts, { recursive: true });
  const office: string[] = [];
  for (const c of cases) {
    const file = join(work, `${c.key}.${c.format}`);
    await write(c, file);
    if (c.format === 'html') printHtmlToPdf(file, join(work, `${c.key}.pdf`), work);
    else office.push(file);
  }
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...office], {
    env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG_CJK }, encoding: 'utf8', timeout: 230_000,
  });
  if (r.error) throw r.error;
  const rendered = new Map<string, Rendered>();
  for (const c of cases) {
    const pdf = join(work, `${c.key}.pdf`);
    if (!existsSync(pdf)) throw new Error(`no PDF for ${c.key}: ${r.stderr}`);
    const layoutText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f');
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 29 });
    const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    rendered.set(c.key, { pages: parseBbox(bbox, layoutText), raw });
    rmSync(join(artifacts, c.key), { recursive: true, force: true });
    execFileSync('pdftoppm', ['-r', String(png.dpi), '-png', ...(png.pages === 'all' ? [] : ['-f', '1', '-l', String(png.pages)]), pdf, join(artifacts, c.key)]);
  }
  rmSync(work, { recursive: true, force: true });
  return rendered;
}

/**
 * A render check's set-up: before all its tests, the documents are made and each case's file — what
 * `file` returns for the case's document (the print HTML, an export's bytes) — is rendered (renderCases).
 */
export function renderDocuments<C extends RenderCase & { doc: string }>(
  documents: Record<string, () => JixiaoDocument>, cases: readonly C[], file: (doc: JixiaoDocument, c: C) => Promise<string | Uint8Array> | string, artifacts: string, png?: PngOptions,
): { rendered: (key: string) => Rendered; doc: (name: string) => JixiaoDocument } {
  let rendered = new Map<string, Rendered>();
  const docs = new Map<string, JixiaoDocument>();
  beforeAll(async () => {
    for (const [name, make] of Object.entries(documents)) docs.set(name, make());
    rendered = await renderCases(cases, async (c, path) => writeFileSync(path, await file(docs.get(c.doc)!, c)), artifacts, png);
  }, 280_000);
  return { rendered: (key) => rendered.get(key)!, doc: (name) => docs.get(name)! };
}
