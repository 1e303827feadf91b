// Hostile and broken inputs, built in the test: zip bombs (declared and undeclared), billion laughs,
// XXE, truncated zip, a 100k-character cell, legacy OLE files, encrypted OOXML, a PNG renamed .xlsx.
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { docxBody, docxBytes, dutyTableRows, is, row, xlsxBytes } from './build';
import { fixturePath } from '../fixtures/paths';

const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

/** Rewrite the uncompressed size the central directory declares for one entry. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  for (let p = 0; p + 46 < out.length; p++) {
    if (u32(out, p) !== 0x02014b50) continue;
    const nameLen = out[p + 28] | (out[p + 29] << 8);
    if (strFromU8(out.subarray(p + 46, p + 46 + nameLen)) !== name) continue;
    new DataView(out.buffer, out.byteOffset).setUint32(p + 24, size, true);
    return out;
  }
  throw new Error('entry not found');
}

function zerosDocx(bytes: number): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(bytes) }, { level: 9 });
}

describe('zip bombs', () => {
  it('refuses an entry declaring 1 GB uncompressed before inflating', () => {
    const r = importOffice(patchDeclaredSize(zerosDocx(1024 * 1024), 'word/document.xml', 1024 * 1024 * 1024 - 1), 'bomb.docx');
    expect(r).toMatchObject({ ok: false, code: 'import.too-large' });
  });
  it('refuses a truthfully declared entry with a bomb-like compression ratio', () => {
    const bomb = zerosDocx(16 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100_000);
    const r = importOffice(bomb, 'ratio.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.code).toBe('import.too-large'); expect(r.message).toContain('压缩比'); }
  });
  it('stops inflating an entry that lies about its size (undeclared bomb)', () => {
    const r = importOffice(patchDeclaredSize(zerosDocx(16 * 1024 * 1024), 'word/document.xml', 4096), 'liar.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.code).toBe('import.too-large'); expect(r.message).toContain('声明'); }
  });
  it('refuses too many entries', () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8('<w:document/>') };
    for (let i = 0; i < 10_001; i++) files[`x/${i}`] = new Uint8Array(0);
    expect(importOffice(zipSync(files), 'many.docx')).toMatchObject({ ok: false, code: 'import.too-large' });
  });
  it('enforces a caller-given total cap on what is really inflated', () => {
    const doc = docxBytes(docxBody([dutyTableRows()]));
    const r = importOffice(doc, 'small.docx', { limits: { maxEntries: 100, maxEntryBytes: 1 << 20, maxTotalBytes: 200, maxRatio: 400 } });
    expect(r).toMatchObject({ ok: false, code: 'import.too-large' });
  });
});

describe('XML attacks', () => {
  const LOL = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') + ']>';
  it('billion laughs inside a docx comes back unexpanded', () => {
    const rows = dutyTableRows();
    const body = docxBody([rows]).replace('负责高校毕业生就业工作', '&lol9;');
    const r = importOffice(docxBytes(body, `<?xml version="1.0"?>${LOL}`), 'lol.docx');
    if (!r.ok) throw new Error(r.message);
    const activity = r.document.dutyTable.duties[0].activities[0];
    expect(activity.description).toBe('&lol9;');
    expect(JSON.stringify(r.document)).not.toContain('lollol');
  });
  it('XXE: an external entity is never fetched', () => {
    const xxe = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const body = docxBody([dutyTableRows()]).replace('负责高校毕业生就业工作', '&xxe;');
    const r = importOffice(docxBytes(body, `<?xml version="1.0"?>${xxe}`), 'xxe.docx');
    if (!r.ok) throw new Error(r.message);
    const all = JSON.stringify(r);
    expect(all).not.toContain('root:');
    expect(r.document.dutyTable.duties[0].activities[0].description).toBe('&xxe;');
  });
  it('absurdly deep nesting is refused as corrupt, not a stack overflow', () => {
    const deep = '<w:hyperlink>'.repeat(1000) + '</w:hyperlink>'.repeat(1000);
    const r = importOffice(docxBytes(`<w:p>${deep}</w:p>`), 'deep.docx');
    expect(r).toMatchObject({ ok: false, code: 'import.corrupt' });
    if (!r.ok) expect(r.message).toContain('嵌套');
  });
  it('decodes the predefined entities and character references only', () => {
    const body = docxBody([dutyTableRows()]).replace('负责高校毕业生就业工作', 'a &lt;b&gt; &amp; &#x4E00;&#20108; &quot;');
    const r = importOffice(docxBytes(body), 'ent.docx');
    if (!r.ok) throw new Error(r.message);
    expect(r.document.dutyTable.duties[0].activities[0].description).toBe('a <b> & 一二 "');
  });
});

describe('broken and foreign files', () => {
  const fixture = new Uint8Array(readFileSync(fixturePath('linxi-2019.docx')));
  it('a truncated zip is import.corrupt', () => {
    for (const cut of [0.3, 0.9, 0.999]) {
      expect(importOffice(fixture.subarray(0, Math.floor(fixture.length * cut)), 'cut.docx')).toMatchObject({ ok: false, code: 'import.corrupt' });
    }
  });
  it('a corrupted deflate stream is import.corrupt, not a crash', () => {
    const good = docxBytes(docxBody([dutyTableRows()]));
    const bad = good.slice();
    let lo = 0;
    while (!(u32(bad, lo) === 0x04034b50 && strFromU8(bad.subarray(lo + 30, lo + 30 + (bad[lo + 26] | (bad[lo + 27] << 8)))) === 'word/document.xml')) lo++;
    const start = lo + 30 + (bad[lo + 26] | (bad[lo + 27] << 8)) + (bad[lo + 28] | (bad[lo + 29] << 8));
    for (let i = start + 20; i < start + 60; i++) bad[i] ^= 0xa5;
    expect(importOffice(bad, 'bad.docx')).toMatchObject({ ok: false, code: 'import.corrupt' });
  });
  it('legacy .doc / .xls: says to save as .docx / .xlsx', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const doc = importOffice(ole, '旧文件.doc');
    expect(doc).toMatchObject({ ok: false, code: 'import.legacy-format' });
    if (!doc.ok) expect(doc.message).toContain('.docx');
    const xls = importOffice(ole, '旧表格.xls');
    if (!xls.ok) expect(xls.message).toContain('.xlsx');
    expect(xls.ok).toBe(false);
  });
  it('password-protected OOXML (OLE with EncryptionInfo) is import.encrypted', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    expect(importOffice(ole, '加密.xlsx')).toMatchObject({ ok: false, code: 'import.encrypted' });
  });
  it('a zip entry with the encryption flag is import.encrypted', () => {
    const z = docxBytes(docxBody([dutyTableRows()])).slice();
    for (let p = 0; p + 46 < z.length; p++) if (u32(z, p) === 0x02014b50) z[p + 8] |= 1;
    expect(importOffice(z, 'locked.docx')).toMatchObject({ ok: false, code: 'import.encrypted' });
  });
  it('a PNG renamed .xlsx is import.not-office', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(importOffice(png, 'photo.xlsx')).toMatchObject({ ok: false, code: 'import.not-office' });
    expect(importOffice(new Uint8Array(0), 'empty.xlsx')).toMatchObject({ ok: false, code: 'import.not-office' });
  });
  it('a zip that is not a docx/xlsx is import.not-office', () => {
    expect(importOffice(zipSync({ 'readme.txt': strToU8('hi') }), 'a.docx')).toMatchObject({ ok: false, code: 'import.not-office' });
  });
  it('a docx without any recognisable table is import.no-table', () => {
    expect(importOffice(docxBytes(docxBody(['只是一段文字'])), 'text.docx')).toMatchObject({ ok: false, code: 'import.no-table' });
  });
  it('malformed XML is import.corrupt', () => {
    const z = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
    const r = importOffice(z, 'x.docx');
    expect(r.ok).toBe(false);
  });
});

describe('a 100k-character cell', () => {
  const long = '长'.repeat(50_000) + 'x'.repeat(49_999) + '尾';
  it('imports from docx, kept exactly', () => {
    const r = importOffice(docxBytes(docxBody([dutyTableRows(long)])), 'long.docx');
    if (!r.ok) throw new Error(r.message);
    expect(r.document.dutyTable.duties[0].activities[0].description).toBe(long);
  });
  it('imports from xlsx, kept exactly', () => {
    const sheet = row(1, is('A1', '职责活动') + is('B1', '年度预算数') + is('C1', '内容描述') + is('D1', '绩效目标') + is('E1', '绩效指标') + is('F1', '评价标准'))
      + row(2, is('F2', '优') + is('G2', '良') + is('H2', '中') + is('I2', '差'))
      + row(3, is('A3', '一、职责') + is('C3', long));
    const r = importOffice(xlsxBytes([{ name: 'S', xml: `<sheetData>${sheet}</sheetData><mergeCells><mergeCell ref="F1:I1"/></mergeCells>` }]), 'long.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.document.dutyTable.duties[0].description).toBe(long);
    expect(r.report.unplaced).toEqual([]);
  });
});
