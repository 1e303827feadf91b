// Render check: LibreOffice (headless) converts every export of both seed fixtures and of the large
// synthetic document to PDF (and Chromium prints the print HTML of the fixtures); then poppler
// tells us what a reader would see: the header on every page, the last column on every page, landscape pages, every cell's text present (nothing clipped
// by a too-short row or a too-narrow page), and no text beyond the right margin. PNGs of the first
// pages go to tests/artifacts/render/ for a human look.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { exportDocx, exportXlsx, renderPrintHtml } from '../../src-shared/export';
import { buildLayout, type LayoutOptions } from '../../src-shared/layout';
import type { JixiaoDocument } from '../../src-shared/model';
import { makeSyntheticDocument } from '../bench/synthetic';
import { loadSeed } from '../export/helpers';
import { expectLandscapeA4, MM, renderDocuments } from './renderKit';

const REPO = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(REPO, 'tests', 'artifacts', 'render');

const DOCS: Record<string, () => JixiaoDocument> = {
  'linxi-2019': () => loadSeed('linxi-2019'),
  'laishui-2020-a': () => loadSeed('laishui-2020-a'),
  large: () => makeSyntheticDocument(),
};
const FORMATS = ['xlsx', 'docx'] as const;
type Format = (typeof FORMATS)[number] | 'html';
interface Case { key: string; doc: string; format: Format; options: LayoutOptions }
/**
 * One case per export. The large workbook is rendered as its two sheets exported separately:
 * LibreOffice headless needs minutes for the combined 2-sheet, 650-page workbook on this 2-core
 * machine (each sheet alone takes seconds), which would not fit the ~4 min budget of this check.
 */
const CASES: Case[] = Object.keys(DOCS).flatMap((doc) => FORMATS.flatMap((format): Case[] => doc === 'large' && format === 'xlsx'
  ? [{ key: 'large-xlsx-duty', doc, format, options: { projects: 'none' } }, { key: 'large-xlsx-projects', doc, format, options: { dutyTable: false } }]
  : [{ key: `${doc}-${format}`, doc, format, options: {} }]))
  // the print HTML (what the editor prints) through Chromium, for the two fixtures
  .concat(['linxi-2019', 'laishui-2020-a'].map((doc) => ({ key: `${doc}-html`, doc, format: 'html' as const, options: {} })));

const { rendered, doc: docOf } = renderDocuments(DOCS, CASES, async (doc, c) =>
  (c.format === 'html' ? renderPrintHtml(doc, c.options) : c.format === 'xlsx' ? exportXlsx(doc, c.options) : exportDocx(doc, c.options)), ARTIFACTS);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CASES)('$key rendered by LibreOffice', ({ key, doc: name, options }) => {
  {
    const get = () => rendered(key);

    it('has landscape A4 pages', () => expectLandscapeA4(get().pages));

    it('shows the table header and its last column on every page, and the page number', () => {
      const { pages } = get();
      pages.forEach((p, i) => {
        const duty = /职责活动/.test(p.text) && /优\s+良\s+中\s+差/.test(p.text);
        const project = /一级指标/.test(p.text) && /指标值确定依据/.test(p.text);
        // the upper block of a project (编码, 预算, 计划, 目标) has no header row by design; when it fills
        // a page on its own, the indicator table (with its header) starts on the next one
        const upperBlockOnly = /\d+、.*绩效目标表/.test(p.text) && /项目编码/.test(p.text) && !/一级指标/.test(p.text);
        expect(duty || project || upperBlockOnly, `page ${i + 1} of ${pages.length} lacks the header:\n${p.text.slice(0, 400)}`).toBe(true);
        expect(p.text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
      });
    });

    it('keeps every word inside the page and spans the printable width', () => {
      const { pages } = get();
      for (const p of pages) {
        const right = Math.max(...p.words.map((w) => w.xMax));
        expect(right).toBeLessThanOrEqual(p.width - 7 * MM); // margin 15 mm; nothing runs off
        // the table is not squeezed: the last column (or the org line's 单位) reaches the right side
        const last = p.words.find((w) => w.text === '差' || w.text.endsWith('依据')) ?? p.words.find((w) => w.text.startsWith('单位'));
        expect(last, 'last column header').toBeDefined();
        expect(last!.xMax).toBeGreaterThan(p.width * 0.8);
      }
    });

    it('shows the full text of every cell (no row too short, nothing clipped)', () => {
      const doc = docOf(name);
      const layout = buildLayout(doc, options);
      const all = squash(get().raw);
      let cells = layout.parts.flatMap((p) => p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).map((c) => squash(c.text)).filter((t) => t.length > 0);
      if (name === 'large') cells = [...new Set(cells)]; // the synthetic text repeats
      // a merged cell that crosses a page break is drawn in two pieces, with the repeated header between
      const present = (t: string) => all.includes(t) || [...t].some((_, k) => k > 0 && all.includes(t.slice(0, k)) && all.includes(t.slice(k)) && k >= 2 && t.length - k >= 2);
      const missing = cells.filter((t) => !present(t));
      expect(missing.slice(0, 10)).toEqual([]);
      for (const p of layout.parts) expect(all).toContain(squash(p.title));
    });
  }
});
