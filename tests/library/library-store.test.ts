// The 指标库 on disk: atomic writes, a damaged file set aside (never lost) and rebuilt, the CLI's
// export/import through a shared worksheet read back by openpyxl (an independent reader).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createLibraryStore, LIBRARY_FILE } from '../../src-main/services/library-store';
import { openDocumentFile } from '../../src-main/services/storage';
import { emptyLibrary } from '../../src-shared/library';

const root = join(import.meta.dirname, '..', '..');
const seed = (name: string) => join(root, 'tests', 'fixtures', 'seeds', name);
const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-lib-'));

describe('library store', () => {
  it('learns a document, writes the file atomically, and reads it back in a new store', async () => {
    const dir = tmp();
    const store = createLibraryStore(dir);
    const doc = (await openDocumentFile(seed('laishui-2020-a.jixiao'))).document;
    const r = await store.learn(doc, 'laishui-2020-a.jixiao');
    expect(r.added).toBeGreaterThan(20);
    expect(existsSync(join(dir, LIBRARY_FILE))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await createLibraryStore(dir).snapshot();
    expect(again.entries.length).toBe(emptyLibrary().entries.size + r.added);
    expect(again.warning).toBeUndefined();
    // learning the same document again (every save) changes nothing on disk
    const before = readFileSync(join(dir, LIBRARY_FILE), 'utf8');
    expect(await store.learn(doc, 'laishui-2020-a.jixiao')).toEqual({ added: 0, updated: 0 });
    expect(readFileSync(join(dir, LIBRARY_FILE), 'utf8')).toBe(before);
  });

  it('sets a damaged file aside, rebuilds from the built-in entries and warns once', async () => {
    const dir = tmp();
    writeFileSync(join(dir, LIBRARY_FILE), '{"format":"jixiao-library","version":1,"entries":[{"kin');
    const store = createLibraryStore(dir);
    const snap = await store.snapshot();
    expect(snap.warning?.code).toBe('library.corrupt');
    expect(snap.warning?.message).toMatch(/已另存为.*重建/);
    expect(snap.entries.length).toBe(emptyLibrary().entries.size);
    const aside = readdirSync(dir).filter((f) => f.startsWith('indicator-library.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]), 'utf8')).toContain('"entries":[{"kin');
    expect((await store.snapshot()).warning).toBeUndefined();
  });

  it('queues concurrent learns and deletes without losing either', async () => {
    const dir = tmp();
    const store = createLibraryStore(dir);
    const a = (await openDocumentFile(seed('laishui-2020-a.jixiao'))).document;
    const b = (await openDocumentFile(seed('linxi-2019.jixiao'))).document;
    const builtinKey = 'project|满意度指标|服务对象满意度';
    await Promise.all([store.learn(a, 'a'), store.remove([builtinKey]), store.learn(b, 'b')]);
    const fresh = await createLibraryStore(dir).snapshot();
    expect(fresh.entries.some((e) => e.kind === 'project' && e.name === '服务对象满意度')).toBe(false);
    expect(fresh.entries.some((e) => e.kind === 'duty')).toBe(true);
    expect(fresh.entries.some((e) => e.seen.some((s) => s.document === 'a'))).toBe(true);
  });
});

function jixiao(userData: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], {
    encoding: 'utf8', cwd: root, timeout: 60_000, env: { ...process.env, JIXIAO_USER_DATA: userData },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('jixiao library export / import', () => {
  it('exports a sheet that openpyxl reads, and another user imports it', async () => {
    const a = tmp();
    await createLibraryStore(a).learn((await openDocumentFile(seed('linxi-2019.jixiao'))).document, 'linxi-2019.jixiao');
    const out = join(a, '指标库.xlsx');
    const ex = jixiao(a, 'library', 'export', out);
    expect(ex.code, ex.stderr).toBe(0);
    const n = Number(/已导出 (\d+) 个指标/.exec(ex.stdout)?.[1]);
    expect(n).toBe((await createLibraryStore(a).snapshot()).entries.length);
    const py = spawnSync('/usr/bin/python3', ['-c', `
import openpyxl, json, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
print(json.dumps({"title": ws.title, "header": rows[0], "n": len(rows) - 1, "frozen": ws.freeze_panes, "filter": ws.auto_filter.ref}))
`, out], { encoding: 'utf8' });
    const sheet = JSON.parse(py.stdout);
    expect(sheet.title).toBe('指标库');
    expect(sheet.header.slice(0, 5)).toEqual(['类别', '一级指标', '二级指标', '工作活动', '指标名称']);
    expect(sheet.n).toBe(n);
    expect(sheet.frozen).toBe('A2');
    expect(sheet.filter).toMatch(/^A1:/);

    const b = tmp();
    const im = jixiao(b, 'library', 'import', out);
    expect(im.code, im.stderr).toBe(0);
    const learned = (await createLibraryStore(a).snapshot()).entries.filter((e) => !e.builtin);
    const got = await createLibraryStore(b).snapshot();
    for (const e of learned) expect(got.entries.some((g) => g.name === e.name && g.kind === e.kind && g.count === e.count)).toBe(true);
    expect(jixiao(b, 'library', 'export', out).code).toBe(1); // exists, no --force
  });

  it('refuses a file that is not a library sheet with a message and exit 1; bad arguments exit 2', () => {
    const d = tmp();
    const bogus = join(d, 'x.xlsx');
    writeFileSync(bogus, 'not a zip');
    const r = jixiao(d, 'library', 'import', bogus);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是 Excel');
    expect(jixiao(d, 'library', 'frob', 'x.xlsx').code).toBe(2);
    expect(jixiao(d, 'library', 'export').code).toBe(2);
  });
});
