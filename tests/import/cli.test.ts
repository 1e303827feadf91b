// `jixiao import` through the real command table, and the file service's size cap.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli';
import { importFile } from '../../src-main/services/import-files';
import { loadDocumentText } from '../../src-shared/model/load';
import { docxBody, docxBytes } from './build';
import { FIXTURE_DIR, FORMS_DIR } from '../fixtures/paths';

const FIX = FIXTURE_DIR;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function run(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(['import', ...argv], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jixiao import', () => {
  it('imports a docx, writes a loadable .jixiao, prints the Chinese report, leaves the source untouched', async () => {
    const src = join(FIX, 'laishui-2020-a.docx');
    const before = sha(src), mtime = statSync(src).mtimeMs;
    const outPath = join(dir, 'laishui.jixiao');
    const r = await run(src, '-o', outPath);
    expect(r.code).toBe(0);
    expect(r.out).toContain('识别到 12 张表');
    expect(r.out).toContain('所有非空单元格均已放入文档');
    const loaded = loadDocumentText(readFileSync(outPath, 'utf8'));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.document.projects).toHaveLength(12);
    expect(sha(src)).toBe(before);
    expect(statSync(src).mtimeMs).toBe(mtime);
  });
  it('--report prints the report as JSON', async () => {
    const r = await run(join(FIX, 'linxi-2019.xlsx'), '-o', join(dir, 'linxi.jixiao'), '--report');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.report.tables[0]).toMatchObject({ kind: 'duty', duties: 7, activities: 22, indicators: 36 });
    expect(json.report.unplaced).toEqual([]);
  });
  it('a department-wide table: named in the report, the document is the 88号 department set', async () => {
    const outPath = join(dir, 'anhui-dept.jixiao');
    const r = await run(join(FORMS_DIR, 'anhui-dept-2023.docx'), '-o', outPath);
    expect(r.code).toBe(0);
    expect(r.out).toContain('部门整体支出绩效目标表「歙县医疗保障局」：表格 1 第 1 行起，3 项年度主要任务、7 条绩效指标');
    expect(r.out).toContain('所有非空单元格均已放入文档');
    const loaded = loadDocumentText(readFileSync(outPath, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.document.meta.templateId).toBe('national-88-dept');
    expect(loaded.document.deptWide?.tasks).toHaveLength(3);
    const json = JSON.parse((await run(join(FORMS_DIR, 'anhui-dept-2023.xlsx'), '-o', join(dir, 'anhui-dept-x.jixiao'), '--report')).out);
    expect(json.report.tables.map((t: { kind: string }) => t.kind)).toEqual(['dept-wide', 'project']);
  });
  it('exit 1 when no table is recognised', async () => {
    const p = join(dir, 'plain.docx');
    writeFileSync(p, docxBytes(docxBody(['只有一段文字，没有表格'])));
    const r = await run(p, '-o', join(dir, 'plain.jixiao'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('import.no-table');
    expect(existsSync(join(dir, 'plain.jixiao'))).toBe(false);
  });
  it('exit 2 on unreadable input: missing file, not Office, legacy', async () => {
    expect((await run(join(dir, 'nope.xlsx'))).code).toBe(2);
    const png = join(dir, 'photo.xlsx');
    writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const r = await run(png, '--report');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, code: 'import.not-office' });
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const legacy = await run(doc);
    expect(legacy.code).toBe(2);
    expect(legacy.err).toContain('另存为');
  });
  it('refuses to write over its own input', async () => {
    const copy = join(dir, 'same.xlsx');
    writeFileSync(copy, readFileSync(join(FIX, 'linxi-2019.xlsx')));
    const before = sha(copy);
    expect((await run(copy, '-o', copy)).code).toBe(2);
    expect(sha(copy)).toBe(before);
  });
  it('bad arguments: exit 2 with usage', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法：jixiao import');
  });
});

describe('importFile', () => {
  it('checks the size before reading', async () => {
    const r = await importFile(join(FIX, 'linxi-2019.xlsx'), { maxBytes: 1000 });
    expect(r).toMatchObject({ ok: false, code: 'import.too-large' });
  });
  it('a folder is unreadable, not a crash', async () => {
    expect(await importFile(dir)).toMatchObject({ ok: false, code: 'import.unreadable' });
  });
});
