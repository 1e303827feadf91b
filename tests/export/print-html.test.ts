import { describe, expect, it } from 'vitest';
import { renderPrintHtml } from '../../src-shared/export';
import { buildLayout } from '../../src-shared/layout';
import { loadSeed, SEEDS } from './helpers';

describe.each(SEEDS)('print HTML of %s', (seed) => {
  const doc = loadSeed(seed);
  const html = renderPrintHtml(doc);

  it('is a standalone document with A4 landscape pages and page numbers', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('size: A4 landscape');
    expect(html).toMatch(/@bottom-center \{ content: "第 " counter\(page\) " 页 共 " counter\(pages\) " 页"/);
    expect(html).not.toMatch(/<link|<script|src=|url\(|https?:/);
    expect(html).toContain('"Noto Serif CJK SC"');
    expect(html).toContain('"WenQuanYi Micro Hei"');
    expect(html).toMatch(/font-family: "宋体", "SimSun"/);
    expect(html).toContain('break-inside: avoid');
  });

  it('renders the same layout model: headers in thead, spans, headings', () => {
    const layout = buildLayout(doc);
    const theads = html.match(/<thead>/g) ?? [];
    const headed = layout.parts.reduce((n, p) => n + p.tables.filter((t) => t.headerRows > 0).length, 0);
    // project indicator tables may be cut into pages, each piece with its own header
    const pieces = html.match(/<table class="project-indicators break"/g)?.length ?? 0;
    expect(theads.length).toBe(headed + pieces);
    const spans = layout.parts.flatMap((p) => p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).filter((c) => c.rowSpan > 1).length;
    expect((html.match(/rowspan="/g) ?? []).length).toBeGreaterThanOrEqual(pieces === 0 ? spans : 1);
    if (pieces === 0) expect((html.match(/rowspan="/g) ?? []).length).toBe(spans);
    for (const p of layout.parts) expect(html).toContain(p.title);
    if (doc.dutyTable.duties.length) expect(html).toContain('<th colspan="4" class="c">评价标准</th>');
    if (doc.projects.length) expect(html.match(/class="part break"/g)?.length).toBe(doc.projects.length - (doc.dutyTable.duties.length ? 0 : 1));
  });
});

it('cuts a long project indicator table into pages with the header repeated', () => {
  const doc = loadSeed('laishui-2020-a');
  const long = doc.projects.findIndex((p) => p.indicators.length >= 14);
  const html = renderPrintHtml(doc, { projects: [long] });
  const tables = html.split('<table class="project-indicators').slice(1);
  expect(tables.length).toBeGreaterThan(1);
  for (const t of tables) expect(t).toContain('<thead><tr><th class="c">一级指标</th>');
  expect(tables[1].startsWith(' break"')).toBe(true);
});

it('escapes HTML in cell text', () => {
  const doc = loadSeed('laishui-2020-a');
  doc.projects[0].purpose = '<script>alert(1)</script> & "x"';
  const html = renderPrintHtml(doc, { projects: [0] });
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  expect(html).not.toContain('<script>');
});
