// Render check of the forms drawn from the profile (88号 project, structured project, 88号
// department-wide set) and of blank forms: LibreOffice converts the xlsx and docx to PDF, Chromium
// prints the print HTML; poppler then shows what a reader sees: A4 landscape, the indicator header
// (its last column included) on every page, the page number, every cell's text, nothing beyond the
// right margin. PNGs of the first pages go to tests/artifacts/render/ for a human look.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx, exportXlsx, renderPrintHtml } from '../../src-shared/export';
import { buildLayout } from '../../src-shared/layout';
import type { JixiaoDocument } from '../../src-shared/model';
import { profileOf } from '../../src-shared/model';
import { columnsOf } from '../../src-shared/profile';
import { blankDocument, loadProfileFixture } from '../export/profile-forms.helpers';
import { FONTCONFIG_CJK } from '../fixtures/paths';
import { parseBbox, printHtmlToPdf, type Page } from './renderKit';

const REPO = resolve(import.meta.dirname, '..', '..');
const FONTCONFIG = FONTCONFIG_CJK;
const ARTIFACTS = join(REPO, 'tests', 'artifacts', 'render');
const MM = 72 / 25.4;

/** A form long enough to run over pages: every indicator row copied `times` times (ids made unique). */
function longer(doc: JixiaoDocument, times: number): JixiaoDocument {
  const grow = <T extends { id: string }>(rows: T[]) => Array.from({ length: times }, (_, k) => rows.map((r) => ({ ...r, id: `${r.id}-${k}` }))).flat()
    .sort((a, b) => rows.findIndex((r) => a.id.startsWith(`${r.id}-`)) - rows.findIndex((r) => b.id.startsWith(`${r.id}-`)));
  for (const p of doc.projects) p.indicators = grow(p.indicators);
  if (doc.deptWide) doc.deptWide.indicators = grow(doc.deptWide.indicators);
  return doc;
}

const DOCS: Record<string, () => JixiaoDocument> = {
  'national-88-project': () => loadProfileFixture('national-88-project'),
  'structured-project-long': () => longer(loadProfileFixture('structured-project'), 4),
  'national-88-dept-long': () => longer(loadProfileFixture('national-88-dept'), 6),
  'blank-hebei-2020': () => blankDocument('hebei-2020'),
  'blank-national-88-project': () => blankDocument('national-88-project'),
  'blank-structured-project': () => blankDocument('structured-project'),
  'blank-national-88-dept': () => blankDocument('national-88-dept'),
};
type Format = 'xlsx' | 'docx' | 'html';
interface Case { key: string; doc: string; format: Format }
const CASES: Case[] = Object.keys(DOCS).flatMap((doc) => (['xlsx', 'docx'] as const).map((format): Case => ({ key: `${doc}-${format}`, doc, format })))
  .concat(['structured-project-long', 'national-88-dept-long', 'blank-national-88-dept'].map((doc) => ({ key: `${doc}-html`, doc, format: 'html' as const })));

const rendered = new Map<string, { pages: Page[]; raw: string }>();
const docs = new Map<string, JixiaoDocument>();

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-profile-render-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const inputs: string[] = [];
  return (async () => {
    for (const [name, make] of Object.entries(DOCS)) docs.set(name, make());
    for (const c of CASES) {
      const file = join(work, `${c.key}.${c.format}`);
      const doc = docs.get(c.doc)!;
      if (c.format === 'html') {
        writeFileSync(file, renderPrintHtml(doc));
        printHtmlToPdf(file, join(work, `${c.key}.pdf`), work);
        continue;
      }
      writeFileSync(file, c.format === 'xlsx' ? await exportXlsx(doc) : await exportDocx(doc));
      inputs.push(file);
    }
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...inputs], {
      env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG }, encoding: 'utf8', timeout: 230_000,
    });
    if (r.error) throw r.error;
    for (const c of CASES) {
      const pdf = join(work, `${c.key}.pdf`);
      if (!existsSync(pdf)) throw new Error(`no PDF for ${c.key}: ${r.stderr}`);
      const layoutText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\f');
      const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      rendered.set(c.key, { pages: parseBbox(bbox, layoutText), raw });
      rmSync(join(ARTIFACTS, c.key), { recursive: true, force: true });
      execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '2', pdf, join(ARTIFACTS, c.key)]);
    }
    rmSync(work, { recursive: true, force: true });
  })();
}, 280_000);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CASES)('$key rendered', ({ key, doc: name }) => {
  const get = () => rendered.get(key)!;
  /** The last indicator column's label of the document's profile (备注, 评（扣）分标准 …). */
  const lastLabel = () => columnsOf(profileOf(docs.get(name)!.meta.templateId)).at(-1)!.label;

  it('has landscape A4 pages', () => {
    const { pages } = get();
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(297 * MM, 0);
      expect(p.height).toBeCloseTo(210 * MM, 0);
    }
  });

  it('shows the indicator header with its last column on every page, and the page number', () => {
    const { pages } = get();
    const last = squash(lastLabel());
    pages.forEach((p, i) => {
      const t = squash(p.text);
      const indicators = t.includes('一级指标') && t.includes(last);
      const duty = /职责活动/.test(t) && /优良中差/.test(t); // the Hebei blank form's duty table
      expect(indicators || duty, `page ${i + 1} of ${pages.length} lacks the header:\n${p.text.slice(0, 400)}`).toBe(true);
      expect(p.text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
    });
    if (name.endsWith('-long')) expect(pages.length).toBeGreaterThan(1);
  });

  it('keeps every word inside the page and spans the printable width', () => {
    for (const p of get().pages) {
      expect(Math.max(...p.words.map((w) => w.xMax))).toBeLessThanOrEqual(p.width - 7 * MM);
      expect(Math.max(...p.words.map((w) => w.xMax))).toBeGreaterThan(p.width * 0.8);
    }
  });

  it('shows the full text of every cell and every title', () => {
    const layout = buildLayout(docs.get(name)!);
    const all = squash(get().raw);
    const cells = [...new Set(layout.parts.flatMap((p) => p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).map((c) => squash(c.text)).filter((t) => t.length > 0))];
    const present = (t: string) => all.includes(t) || [...t].some((_, k) => k >= 2 && t.length - k >= 2 && all.includes(t.slice(0, k)) && all.includes(t.slice(k)));
    expect(cells.filter((t) => !present(t)).slice(0, 10)).toEqual([]);
    for (const p of layout.parts) expect(all).toContain(squash(p.title));
  });
});
