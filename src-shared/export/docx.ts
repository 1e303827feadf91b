// Layout model → .docx, written directly as WordprocessingML (strings + fflate zip).
// Why not the `docx` library: measured on this machine, the library alone needs 1.9 s and 357 MB
// peak RSS for 6,000 bare rows × 8 cells (the large document's size) before any styling, merges or
// fonts — the 2 s / 500 MB target is out of reach with it. This writer produces the same structure
// (fixed-layout tables whose grid sums to the text width, tblHeader, cantSplit, gridSpan, vMerge,
// East Asian fonts, footer page numbers) in a fraction of that; see docs/export.md for the figures.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { withoutUnsavable, type JixiaoDocument } from '../model';
import { buildLayout, NothingToExportError, type FontSpec, type Layout, type LayoutCell, type LayoutOptions, type LayoutPart, type LayoutTable } from '../layout';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** A4 in twips (portrait width × height); landscape swaps them and sets orient. */
const A4_W = 11906, A4_H = 16838;
const CELL_MARGIN = twips(1); // matches CELL_PADDING_MM in layout/measure.ts

export async function exportDocx(doc: JixiaoDocument, options: LayoutOptions = {}): Promise<Uint8Array> {
  return layoutToDocx(buildLayout(doc, options));
}

export function layoutToDocx(layout: Layout): Uint8Array {
  if (layout.parts.length === 0) throw new NothingToExportError();
  const m = layout.page.margins;
  const portrait = layout.page.orientation === 'portrait';
  const pageW = portrait ? A4_W : A4_H, pageH = portrait ? A4_H : A4_W;
  const left = twips(m.left), right = twips(m.right);
  const textWidth = pageW - left - right;

  const body: string[] = [];
  for (const part of layout.parts) writePart(body, part, layout, textWidth);
  body.push(
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>',
    `<w:pgSz w:w="${pageW}" w:h="${pageH}"${portrait ? '' : ' w:orient="landscape"'}/>`,
    `<w:pgMar w:top="${twips(m.top)}" w:right="${right}" w:bottom="${twips(m.bottom)}" w:left="${left}" w:header="${twips(m.header)}" w:footer="${twips(m.footer)}" w:gutter="0"/>`,
    '<w:cols w:space="425"/></w:sectPr>',
  );
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body.join('')}</w:body></w:document>`;

  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'docProps/core.xml': strToU8(coreXml(layout)),
    'docProps/app.xml': strToU8(APP),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    'word/styles.xml': strToU8(stylesXml(layout.fonts.body)),
    'word/settings.xml': strToU8(SETTINGS),
    'word/fontTable.xml': strToU8(FONT_TABLE),
    'word/footer1.xml': strToU8(footerXml(layout)),
  };
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}

function writePart(out: string[], part: LayoutPart, layout: Layout, textWidth: number): void {
  const titleFont = part.titleStyle === 'title' ? layout.fonts.title : layout.fonts.heading;
  out.push(
    // pPr children in the schema's order (keepNext before pageBreakBefore): Word refuses others
    `<w:p><w:pPr><w:keepNext/>${part.pageBreakBefore ? '<w:pageBreakBefore/>' : ''}<w:spacing w:before="0" w:after="120"/><w:jc w:val="center"/></w:pPr>`,
    run(part.title, titleFont, titleFont.sizePt, true), '</w:p>',
    part.subtitle === undefined ? ''
      : `<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="60"/><w:jc w:val="center"/></w:pPr>${run(part.subtitle, layout.fonts.org, layout.fonts.org.sizePt, false)}</w:p>`,
    // org line: code+name at the left, 单位 at a right tab stop on the text width
    `<w:p><w:pPr><w:keepNext/><w:tabs><w:tab w:val="right" w:pos="${textWidth}"/></w:tabs><w:spacing w:before="0" w:after="60"/></w:pPr>`,
    run(part.orgLeft, layout.fonts.org, layout.fonts.org.sizePt, false), '<w:r><w:tab/></w:r>',
    run(part.orgRight, layout.fonts.org, layout.fonts.org.sizePt, false), '</w:p>',
  );
  const grid = gridTwips(part.columnsMm, textWidth);
  part.tables.forEach((t, i) => {
    // Word joins adjacent tables (and the indicator table's header could no longer repeat on the
    // next page), so a paragraph stays between them, 0.1 pt high: on paper the two read as one
    // table, as on the official form (a taller spacer showed as a gap under 绩效目标).
    if (i > 0) out.push(JOIN);
    writeTable(out, t, grid, layout.fonts.body);
  });
  if (part.foot) {
    out.push(`<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="${textWidth}"/></w:tabs><w:spacing w:before="60" w:after="0"/></w:pPr>`,
      run(part.foot.left, layout.fonts.org, layout.fonts.org.sizePt, false), '<w:r><w:tab/></w:r>',
      run(part.foot.right, layout.fonts.org, layout.fonts.org.sizePt, false), '</w:p>');
  }
  out.push(part.note
    ? `<w:p><w:pPr><w:spacing w:before="60" w:after="0"/></w:pPr>${run(part.note, layout.fonts.org, layout.fonts.org.sizePt, false)}</w:p>`
    : SPACER);
}

const JOIN = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="2" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>';
const SPACER = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>';

/** Column widths in twips, summing exactly to the text width (the last column takes the rounding). */
export function gridTwips(columnsMm: number[], textWidth: number): number[] {
  const total = columnsMm.reduce((a, b) => a + b, 0);
  const g = columnsMm.map((mm) => Math.round((mm / total) * textWidth));
  g[g.length - 1] += textWidth - g.reduce((a, b) => a + b, 0);
  return g;
}

function writeTable(out: string[], table: LayoutTable, grid: number[], font: FontSpec): void {
  const width = grid.reduce((a, b) => a + b, 0);
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/>`,
    '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>',
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>',
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>',
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>`,
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>',
    `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  );
  const ncols = grid.length;
  // vertical spans still open: col → the anchor cell and its last row index
  const open: ({ cell: LayoutCell; until: number } | undefined)[] = new Array(ncols);
  // rows inside a vertical merge keep with the next row, so an activity or a 二级 run is not torn
  // across pages (Word and LibreOffice honour keepNext on the rows' paragraphs)
  // (一级 runs are excluded: a dozen chained rows would push whole tables to the next page)
  let spanEnd = -1;
  table.rows.forEach((row, r) => {
    for (const c of row.cells) if (c.kind !== 'level1') spanEnd = Math.max(spanEnd, r + c.rowSpan - 1);
    const keep = row.header ? r === table.headerRows - 1 : spanEnd > r;
    const minHeight = row.minHeightPt ? `<w:trHeight w:val="${Math.round(row.minHeightPt * 20)}" w:hRule="atLeast"/>` : '';
    out.push(`<w:tr><w:trPr><w:cantSplit/>${minHeight}${row.header ? '<w:tblHeader/>' : ''}</w:trPr>`);
    const byCol = new Map(row.cells.map((c) => [c.col, c]));
    for (let col = 0; col < ncols;) {
      const c = byCol.get(col);
      if (c) {
        out.push(cellXml(c, grid, table.fontPt, font, c.rowSpan > 1 ? 'restart' : '', keep));
        if (c.rowSpan > 1) open[col] = { cell: c, until: r + c.rowSpan - 1 };
        col += c.colSpan;
        continue;
      }
      const o = open[col];
      if (o && o.until >= r) {
        out.push(cellXml({ ...o.cell, text: '' }, grid, table.fontPt, font, 'continue', keep));
        col += o.cell.colSpan;
        continue;
      }
      out.push(cellXml({ col, text: '', colSpan: 1, rowSpan: 1, align: 'left', indent: 0, bold: false, kind: 'text' }, grid, table.fontPt, font, '', keep));
      col++;
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
}

function cellXml(c: LayoutCell, grid: number[], fontPt: number, font: FontSpec, vMerge: '' | 'restart' | 'continue', keepNext: boolean): string {
  const w = grid.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const jc = c.align === 'center' ? 'center' : c.align === 'right' ? 'right' : 'left';
  return `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${c.colSpan > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : ''}`
    + `${vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'continue' ? '<w:vMerge/>' : ''}<w:vAlign w:val="center"/></w:tcPr>`
    + `<w:p><w:pPr>${keepNext ? '<w:keepNext/>' : ''}<w:spacing w:before="0" w:after="0"/>${c.indent && !c.text.startsWith('\u3000') ? `<w:ind w:firstLineChars="${c.indent * 100}"/>` : ''}<w:jc w:val="${jc}"/></w:pPr>`
    + (c.text === '' ? '' : run(c.text, font, fontPt, c.bold)) + '</w:p></w:tc>';
}

function run(text: string, font: FontSpec, sizePt: number, bold: boolean): string {
  const f = esc(font.family);
  const sz = Math.round(sizePt * 2);
  const rPr = `<w:rPr><w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:cs="${f}" w:hint="eastAsia"/>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`;
  return text.split('\n').map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`).join('');
}

// Characters XML 1.0 cannot hold are refused at input (model/text.ts); one still here (a document
// written before that) is dropped rather than writing a file Word refuses.
function esc(s: string): string {
  return withoutUnsavable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function field(instr: string, font: FontSpec, sz: number): string {
  const rPr = `<w:rPr><w:rFonts w:ascii="${esc(font.family)}" w:eastAsia="${esc(font.family)}" w:hAnsi="${esc(font.family)}"/><w:sz w:val="${sz}"/></w:rPr>`;
  return `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>`
    + `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:t>1</w:t></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
}

function footerXml(layout: Layout): string {
  const f = layout.fonts.org, sz = 18;
  const [a, rest] = layout.page.footer.split('{page}');
  const [b, c] = rest.split('{pages}');
  const t = (s: string) => `<w:r><w:rPr><w:rFonts w:ascii="${esc(f.family)}" w:eastAsia="${esc(f.family)}" w:hAnsi="${esc(f.family)}"/><w:sz w:val="${sz}"/></w:rPr><w:t xml:space="preserve">${esc(s)}</w:t></w:r>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>`
    + `${t(a)}${field('PAGE', f, sz)}${t(b)}${field('NUMPAGES', f, sz)}${t(c)}</w:p></w:ftr>`;
}

function stylesXml(body: FontSpec): string {
  const f = esc(body.family), sz = Math.round(body.sizePt * 2);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}>`
    + `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:cs="${f}"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`
    + '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    + '</w:styles>';
}

function coreXml(layout: Layout): string {
  const title = esc(layout.title);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${title}</dc:title><dc:creator>jixiao</dc:creator></cp:coreProperties>`;
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  + '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
  + '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
  + '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
  + '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
  + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
  + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';

const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
  + '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';

const DOC_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
  + '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
  + '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
  + '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>';

const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${NS}><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${NS}>`
  + '<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
  + '<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
  + '</w:fonts>';

const APP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>jixiao</Application></Properties>';
