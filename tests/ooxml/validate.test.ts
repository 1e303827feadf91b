// The validator itself: it must find what Word would refuse, and forgive only what Markup
// Compatibility lets Office ignore. Small hand-made packages, one rule each.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MC_NS, processMarkupCompatibility } from './mc';
import { validateOoxml } from './validate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function pkg(main: string, mainType: string, mainPart: string, extra: Record<string, [string, string]> = {}): Uint8Array {
  const parts: Record<string, [string, string]> = { [mainPart]: [mainType, main], ...extra };
  const types = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + Object.entries(parts).map(([name, [ct]]) => `<Override PartName="/${name}" ContentType="${ct}"/>`).join('') + '</Types>';
  const rels = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`;
  return zipSync({
    '[Content_Types].xml': strToU8(types), '_rels/.rels': strToU8(rels),
    ...Object.fromEntries(Object.entries(parts).map(([name, [, xml]]) => [name, strToU8(xml)])),
  });
}

const docx = (body: string) => pkg(`${HEAD}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml');
const sheet = (attrs: string, rows: string) => pkg(`${HEAD}<worksheet xmlns="${S}"${attrs}><sheetData>${rows}</sheetData></worksheet>`,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml', 'xl/worksheets/sheet1.xml');
const errorsOf = (bytes: Uint8Array) => validateOoxml([{ name: 'f', bytes }]).errors.map((e) => `${e.part}: ${e.message}`);

describe('OOXML validator', () => {
  it('finds pPr children out of the schema order (pageBreakBefore before keepNext) and passes the right order', () => {
    const bad = errorsOf(docx('<w:p><w:pPr><w:pageBreakBefore/><w:keepNext/></w:pPr></w:p><w:sectPr/>'));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^word\/document\.xml: .*keepNext.*This element is not expected/);
    expect(errorsOf(docx('<w:p><w:pPr><w:keepNext/><w:pageBreakBefore/></w:pPr></w:p><w:sectPr/>'))).toEqual([]);
  });

  it('drops attributes of a namespace declared mc:Ignorable, and only then (x14ac:dyDescent on a row)', () => {
    const row = '<row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c></row>';
    expect(errorsOf(sheet(` xmlns:mc="${MC_NS}" xmlns:x14ac="${X14AC}" mc:Ignorable="x14ac"`, row))).toEqual([]);
    const undeclared = errorsOf(sheet(` xmlns:x14ac="${X14AC}"`, row));
    expect(undeclared).toHaveLength(1);
    expect(undeclared[0]).toMatch(/dyDescent/);
  });

  it('takes the mc:Fallback of an mc:AlternateContent whose Choice needs an unknown namespace', () => {
    const alt = `<mc:AlternateContent xmlns:mc="${MC_NS}"><mc:Choice xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" Requires="x14"><x14:row/></mc:Choice>`
      + '<mc:Fallback><row r="1"/></mc:Fallback></mc:AlternateContent>';
    const out = processMarkupCompatibility(`<worksheet xmlns="${S}"><sheetData>${alt}</sheetData></worksheet>`, { understood: new Set([S]) });
    expect(out.xml).toBe(`<worksheet xmlns="${S}"><sheetData><row r="1"/></sheetData></worksheet>`);
    expect(out.problems).toEqual([]);
    expect(errorsOf(sheet('', alt))).toEqual([]);
    // a Fallback that is itself invalid is still reported
    expect(errorsOf(sheet('', alt.replace('<row r="1"/>', '<cell/>')))).toHaveLength(1);
  });

  it('drops xml:space on SpreadsheetML <t> only (Excel writes it there), keeps it on WordprocessingML <w:t>', () => {
    const sst = `${HEAD}<sst xmlns="${S}" count="1" uniqueCount="1"><si><t xml:space="preserve"> a </t></si></sst>`;
    expect(errorsOf(pkg(sst, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml', 'xl/sharedStrings.xml'))).toEqual([]);
    const keep = processMarkupCompatibility(`<w:t xmlns:w="${W}" xml:space="preserve"> a </w:t>`, { understood: new Set([W]), dropXmlSpaceOn: new Set([`{${S}}t`]) });
    expect(keep.xml).toContain('xml:space="preserve"');
    expect(errorsOf(docx('<w:p><w:r><w:t xml:space="preserve"> a </w:t></w:r></w:p><w:sectPr/>'))).toEqual([]);
  });

  it('checks docProps/core.xml against the OPC core properties (Dublin Core resolved locally)', () => {
    const core = (inner: string) => pkg(
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${inner}</cp:coreProperties>`,
      'application/vnd.openxmlformats-package.core-properties+xml', 'docProps/core.xml');
    expect(errorsOf(core('<dc:title>标题</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>'))).toEqual([]);
    expect(errorsOf(core('<dcterms:created xsi:type="dcterms:W3CDTF">2020年</dcterms:created>'))).toHaveLength(1);
    expect(errorsOf(core('<cp:title>x</cp:title>'))).toHaveLength(1);
  });

  it('reports a relationship whose target is not in the package', () => {
    const bytes = pkg(`${HEAD}<w:document xmlns:w="${W}"><w:body/></w:document>`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml',
      { 'word/_rels/document.xml.rels': ['application/vnd.openxmlformats-package.relationships+xml', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>'] });
    expect(errorsOf(bytes)).toEqual(['word/_rels/document.xml.rels: relationship target styles.xml is not in the package']);
  });

  it('refuses a part whose content type has no schema instead of skipping it', () => {
    const bytes = pkg(`${HEAD}<w:document xmlns:w="${W}"><w:body/></w:document>`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml',
      { 'word/people.xml': ['application/vnd.ms-word.people+xml', '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>'] });
    expect(errorsOf(bytes)).toEqual(['word/people.xml: no schema for content type application/vnd.ms-word.people+xml']);
  });
});
