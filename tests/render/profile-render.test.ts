// Render check of the forms drawn from the profile (88号 project, structured project, 88号
// department-wide set) and of blank forms: LibreOffice converts the xlsx and docx to PDF, Chromium
// prints the print HTML; poppler then shows what a reader sees: A4 landscape, the indicator header
// (its last column included) on every page, the page number, every cell's text, nothing beyond the
// right margin. PNGs of the first pages go to tests/artifacts/render/ for a human look.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { exportDocx, exportXlsx, renderPrintHtml } from '../../src-shared/export';
import { buildLayout } from '../../src-shared/layout';
import type { JixiaoDocument } from '../../src-shared/model';
import { profileOf } from '../../src-shared/model';
import { columnsOf } from '../../src-shared/profile';
import { blankDocument, loadProfileFixture } from '../export/profile-forms.helpers';
import { expectLandscapeA4, MM, renderDocuments } from './renderKit';

const REPO = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(REPO, 'tests', 'artifacts', 'render');

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

const { rendered, doc: docOf } = renderDocuments(DOCS, CASES, async (doc, c) =>
  (c.format === 'html' ? renderPrintHtml(doc) : c.format === 'xlsx' ? exportXlsx(doc) : exportDocx(doc)), ARTIFACTS);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CASES)('$key rendered', ({ key, doc: name }) => {
  const get = () => rendered(key);
  /** The last indicator column's label of the document's profile (备注, 评（扣）分标准 …). */
  const lastLabel = () => columnsOf(profileOf(docOf(name).meta.templateId)).at(-1)!.label;

  it('has landscape A4 pages', () => expectLandscapeA4(get().pages));

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
    const layout = buildLayout(docOf(name));
    const all = squash(get().raw);
    const cells = [...new Set(layout.parts.flatMap((p) => p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).map((c) => squash(c.text)).filter((t) => t.length > 0))];
    const present = (t: string) => all.includes(t) || [...t].some((_, k) => k >= 2 && t.length - k >= 2 && all.includes(t.slice(0, k)) && all.includes(t.slice(k)));
    expect(cells.filter((t) => !present(t)).slice(0, 10)).toEqual([]);
    for (const p of layout.parts) expect(all).toContain(squash(p.title));
  });
});
