// Layout model → a standalone print HTML document (no external resources): the print preview shows
// it and Electron prints it to PDF. Same model as xlsx/docx, so the three agree.
import type { JixiaoDocument } from '../model';
import { buildLayout, LINE_HEIGHT_EM, paginateTable, PT_PER_MM, type FontSpec, type Layout, type LayoutOptions, type LayoutPart, type LayoutTable } from '../layout';

export function renderPrintHtml(doc: JixiaoDocument, options: LayoutOptions = {}): string {
  return layoutToHtml(buildLayout(doc, options));
}

const family = (f: FontSpec) => [f.family, ...f.fallbacks, 'serif'].map((n) => (n === 'serif' ? n : `"${n}"`)).join(', ');

export function layoutToHtml(layout: Layout): string {
  const p = layout.page, m = p.margins;
  const [a, rest] = p.footer.split('{page}');
  const [b, c] = rest.split('{pages}');
  const css = `
@page { size: A4 ${p.orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "${a}" counter(page) "${b}" counter(pages) "${c}"; font: ${layout.fonts.org.sizePt - 1.5}pt ${family(layout.fonts.body)}; } }
html, body { margin: 0; padding: 0; }
body { font-family: ${family(layout.fonts.body)}; font-size: ${layout.fonts.body.sizePt}pt; color: #000; background: #fff; }
.part { width: ${layout.printableWidthMm}mm; margin: 0 auto; }
.part.break, table.break { break-before: page; page-break-before: always; }
h1, h2 { text-align: center; margin: 0 0 2mm; font-family: ${family(layout.fonts.title)}; }
h1 { font-size: ${layout.fonts.title.sizePt}pt; } h2 { font-size: ${layout.fonts.heading.sizePt}pt; }
h1, h2, .org { break-after: avoid; page-break-after: avoid; }
.sub { text-align: center; font-size: ${layout.fonts.org.sizePt}pt; margin: 0 0 1mm; }
.foot { display: flex; justify-content: space-between; font-size: ${layout.fonts.org.sizePt}pt; margin-top: 1.5mm; }
.org { display: flex; justify-content: space-between; font-size: ${layout.fonts.org.sizePt}pt; margin-bottom: 1mm; }
table { width: ${layout.printableWidthMm}mm; border-collapse: collapse; table-layout: fixed; }
table + table:not(.break) { border-top: none; margin-top: -0.5pt; } /* a page-break table keeps its own top edge (a negative margin left a line on the page before) */
td, th { border: 0.5pt solid #000; padding: 0.5mm 1mm; vertical-align: middle; white-space: pre-wrap; word-break: break-all; line-height: 1.3; }
th { font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.l { text-align: left; } .c { text-align: center; } .r { text-align: right; } .b { font-weight: bold; }
.note { margin-top: 1.5mm; font-size: ${layout.fonts.org.sizePt}pt; white-space: pre-wrap; }
@media screen { body { background: #eee; } .part { background: #fff; padding: 10mm; margin: 5mm auto; box-shadow: 0 0 3px #999; } }
`;
  const pagePt = layout.printableHeightMm * PT_PER_MM * PAGE_FILL;
  const parts = layout.parts.map((part) => partHtml(part, layout, pagePt)).join('\n');
  const title = esc(layout.title);
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>\n${parts}\n</body></html>\n`;
}

/** Share of the page height our own page cuts may fill (heights are estimates; see xlsx.ts). */
const PAGE_FILL = 0.93;

function partHtml(part: LayoutPart, layout: Layout, pagePt: number): string {
  const h = part.titleStyle === 'title' ? 'h1' : 'h2';
  const total = part.columnsMm.reduce((x, y) => x + y, 0);
  const colgroup = `<colgroup>${part.columnsMm.map((w) => `<col style="width:${((w / total) * 100).toFixed(3)}%">`).join('')}</colgroup>`;
  // Chromium will not break a table inside a tall rowspan (a 一级 run of a dozen rows): it moves the
  // whole run to the next page. Project indicator tables are therefore cut into pages here, with the
  // same computed row heights and the same rules as the xlsx sheet (header repeated, runs split).
  const titleFont = part.titleStyle === 'title' ? layout.fonts.title : layout.fonts.heading;
  let usedPt = titleFont.sizePt * 2 + layout.fonts.org.sizePt * 1.9 * (part.subtitle !== undefined ? 2 : 1);
  const tables = part.tables.map((t) => {
    // (a self-evaluation table is one tall table whose section labels span many rows: same problem)
    if (t.kind !== 'project-indicators' && t.kind !== 'dept-indicators' && t.kind !== 'selfeval') {
      usedPt += t.rows.reduce((a, r) => a + r.heightPt, 0);
      return tableHtml(t, colgroup);
    }
    // Self-evaluation rows have 0.5 mm padding and line-height 1.3 here, not measure.ts's LibreOffice
    // 1.45 + 4 pt: cut by what Chromium draws (still an over-estimate, so the whole page may be
    // used), so that a one-page form stays on one page.
    const se = t.kind === 'selfeval';
    const cut = se ? { ...t, rows: t.rows.map((r) => ({ ...r, heightPt: r.heightPt * (1.3 / LINE_HEIGHT_EM) })) } : t;
    const page = se ? pagePt / PAGE_FILL : pagePt;
    return paginateTable(cut, page - usedPt, page)
      .map((rows, i) => tableHtml({ ...t, rows }, colgroup, i > 0)).join('');
  });
  return `<section class="part${part.pageBreakBefore ? ' break' : ''}"><${h}>${esc(part.title)}</${h}>`
    + (part.subtitle !== undefined ? `<div class="sub">${esc(part.subtitle)}</div>` : '')
    + `<div class="org"><span>${esc(part.orgLeft)}</span><span>${esc(part.orgRight)}</span></div>`
    + tables.join('')
    + (part.foot ? `<div class="foot"><span>${esc(part.foot.left)}</span><span>${esc(part.foot.right)}</span></div>` : '')
    + (part.note ? `<div class="note">${esc(part.note)}</div>` : '') + '</section>';
}

function tableHtml(t: LayoutTable, colgroup: string, pageBreak = false): string {
  const rowHtml = (cells: LayoutTable['rows'][number]['cells'], tag: 'td' | 'th', minPt?: number) => (minPt ? `<tr style="height:${minPt}pt">` : '<tr>') + cells.map((c) => {
    const attrs = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
    const cls = [c.align[0], c.bold && tag === 'td' ? 'b' : ''].filter(Boolean).join(' ');
    return `<${tag}${attrs} class="${cls}">${esc(c.text)}</${tag}>`;
  }).join('') + '</tr>';
  const head = t.rows.slice(0, t.headerRows).map((r) => rowHtml(r.cells, 'th')).join('');
  const body = t.rows.slice(t.headerRows).map((r) => rowHtml(r.cells, 'td', r.minHeightPt)).join('');
  return `<table class="${t.kind}${pageBreak ? ' break' : ''}" style="font-size:${t.fontPt}pt">${colgroup}${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
