// Render check of the structured (一体化) self-evaluation drawn from its profile, filled and blank, and
// of the blank table of every self-evaluation form: LibreOffice converts the xlsx and docx to PDF,
// Chromium prints the print HTML; poppler then shows what a reader sees: A4 portrait (the profiles'
// orientation), one table per page, the form's columns (指标性质 … 未完成原因分析) and sections, the page
// number, every cell's text, nothing beyond the right margin. PNGs go to tests/artifacts/render/.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { exportSelfevalDocx, exportSelfevalXlsx, renderSelfevalPrintHtml } from '../../src-shared/export';
import { buildSelfevalLayout } from '../../src-shared/layout';
import type { JixiaoDocument } from '../../src-shared/model';
import { getSelfevalProfile } from '../../src-shared/profile';
import { blankSelfevalDocument, loadSelfevalFixture, SELFEVAL_PROFILE_IDS } from '../export/profile-forms.helpers';
import { MM, renderDocuments } from './renderKit';

const REPO = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(REPO, 'tests', 'artifacts', 'render');

const DOCS: Record<string, () => JixiaoDocument> = {
  'selfeval-structured': loadSelfevalFixture,
  ...Object.fromEntries(SELFEVAL_PROFILE_IDS.map((id) => [`blank-${id}`, () => blankSelfevalDocument(id)])),
};
type Format = 'xlsx' | 'docx' | 'html';
interface Case { key: string; doc: string; format: Format }
const CASES: Case[] = Object.keys(DOCS).flatMap((doc) => (['xlsx', 'docx'] as const).map((format): Case => ({ key: `${doc}-${format}`, doc, format })))
  .concat(['selfeval-structured', 'blank-selfeval-structured'].map((doc) => ({ key: `${doc}-html`, doc, format: 'html' as const })));

const { rendered, doc: docOf } = renderDocuments(DOCS, CASES, async (doc, c) =>
  (c.format === 'html' ? renderSelfevalPrintHtml(doc) : c.format === 'xlsx' ? exportSelfevalXlsx(doc) : exportSelfevalDocx(doc)), ARTIFACTS, { dpi: 70, pages: 'all' });

const squash = (s: string) => s.replace(/\s+/g, '');
/** Text in `all`, whole or broken once over two lines (a cell's text may come back with the halves apart). */
const present = (all: string, t: string) => all.includes(t) || [...t].some((_, k) => k >= 2 && t.length - k >= 2 && all.includes(t.slice(0, k)) && all.includes(t.slice(k)));

describe.each(CASES)('$key rendered', ({ key, doc: name }) => {
  const get = () => rendered(key);
  const doc = () => docOf(name);
  const form = () => getSelfevalProfile(doc().meta.selfevalTemplateId!)!;

  it('has A4 pages in the orientation of the profile, numbered, one table per page', () => {
    const { pages } = get();
    const portrait = form().print.orientation === 'portrait';
    const tables = buildSelfevalLayout(doc()).parts.length;
    expect(pages).toHaveLength(tables);
    pages.forEach((p, i) => {
      expect(p.width).toBeCloseTo((portrait ? 210 : 297) * MM, 0);
      expect(p.height).toBeCloseTo((portrait ? 297 : 210) * MM, 0);
      expect(squash(p.text)).toContain(squash(form().title));
      expect(p.text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
    });
  });

  it('shows the structured form\'s columns and sections on each page', () => {
    if (form().id !== 'selfeval-structured') return;
    // the -raw text: a cell's lines in drawing order, so a header broken over two lines reads whole
    for (const page of get().raw.split('\f').slice(0, get().pages.length)) {
      const t = squash(page);
      for (const w of ['年初预算', '调整后预算数', '预算执行数', '预算执行率', '原因', '总额', '财政专户管理资金', '单位资金', '其他资金',
        '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析',
        '合计', '评价结论', '存在问题', '改进措施', '项目负责人', '财务负责人']) expect(t, key).toContain(w);
    }
  });

  it('keeps every word inside the page and spans the printable width', () => {
    for (const p of get().pages) {
      expect(Math.max(...p.words.map((w) => w.xMax))).toBeLessThanOrEqual(p.width - 10 * MM);
      expect(Math.max(...p.words.map((w) => w.xMax))).toBeGreaterThan(p.width * 0.8);
    }
  });

  it('shows the full text of every cell, the foot lines and the title', () => {
    const layout = buildSelfevalLayout(doc());
    const all = squash(get().raw);
    const cells = [...new Set(layout.parts.flatMap((p) => [...p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))), p.foot?.left ?? '', p.foot?.right ?? '']).map(squash).filter((t) => t.length > 0))];
    expect(cells.filter((t) => !present(all, t)).slice(0, 10)).toEqual([]);
    expect(all).toContain(squash(layout.parts[0].title));
  });
});
