// The host API on real temp files, through dispatch() as both hosts call it.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResult, LibrarySnapshotResponse, OpenedDocument, RecoveryEntry } from '../../src-shared/ipc';
import { entryKey } from '../../src-shared/library';
import type { JixiaoDocument } from '../../src-shared/model';
import { createHostApi, freePath, safeFileName, type HostPlatform } from '../../src-main/host-api';

const seeds = join(__dirname, '..', 'fixtures', 'seeds');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function setup(platform: Partial<HostPlatform> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-hostapi-'));
  roots.push(root);
  const docs = join(root, 'docs');
  const user = join(root, 'user');
  writeFileSync(join(root, '.keep'), '');
  const results: string[] = [];
  const api = createHostApi({ userDataDir: user, documentsDir: root, platform, onResult: (e) => results.push(`${e.channel}:${e.result.ok}`) });
  copyFileSync(join(seeds, 'linxi-2019.jixiao'), join(root, 'linxi.jixiao'));
  copyFileSync(join(seeds, 'laishui-2020-a.jixiao'), join(root, 'laishui.jixiao'));
  return { root, docs, user, api, results };
}

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as T;
}

function fail(r: ApiResult<unknown>): { code: string; message: string } {
  expect(r.ok).toBe(false);
  return r as { ok: false; code: string; message: string };
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('host api: documents', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => { t = setup(); });

  it('opens a seed, remembers it as recent, and tells the observer', async () => {
    const opened = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path: join(t.root, 'linxi.jixiao') }));
    expect(opened.path).toBe(join(t.root, 'linxi.jixiao'));
    expect(opened.document.meta.deptName).toBe('临西县人力资源和社会保障局');
    expect(opened.stamp).toBeTruthy();
    expect(ok<string[]>(await t.api.dispatch('recent:list', {}))).toEqual([join(t.root, 'linxi.jixiao')]);
    expect(t.results).toContain('doc:open:true');
  });

  it('saves, reloads the same document, refuses to overwrite a file changed on disk, forces when asked', async () => {
    const path = join(t.root, 'linxi.jixiao');
    const opened = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path }));
    const doc = structuredClone(opened.document) as JixiaoDocument;
    doc.dutyTable.note = '已修改';
    const saved = ok<{ stamp: string }>(await t.api.dispatch('doc:save', { path, document: doc, expectedStamp: opened.stamp }));
    expect(saved.stamp).not.toBe(opened.stamp);
    expect(existsSync(`${path}.bak`)).toBe(true);
    const again = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path }));
    expect(again.document).toEqual(doc);

    // Someone else edits the file.
    const other = JSON.parse(readFileSync(path, 'utf8'));
    other.dutyTable.note = '别人改的';
    writeFileSync(path, JSON.stringify(other));
    const conflict = fail(await t.api.dispatch('doc:save', { path, document: doc, expectedStamp: saved.stamp }));
    expect(conflict.code).toBe('file.conflict');
    expect(hasChinese(conflict.message)).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).dutyTable.note).toBe('别人改的');
    ok(await t.api.dispatch('doc:save', { path, document: doc, expectedStamp: saved.stamp, force: true }));
    expect(JSON.parse(readFileSync(path, 'utf8')).dutyTable.note).toBe('已修改');
  });

  it('answers file errors with codes and Chinese messages, never throws', async () => {
    const missing = fail(await t.api.dispatch('doc:open', { path: join(t.root, 'nope.jixiao') }));
    expect(missing.code).toBe('file.not-found');
    expect(hasChinese(missing.message)).toBe(true);
    writeFileSync(join(t.root, 'bad.jixiao'), 'not json at all');
    const bad = fail(await t.api.dispatch('doc:open', { path: join(t.root, 'bad.jixiao') }));
    expect(bad.code).toMatch(/^file\./);
    const dir = fail(await t.api.dispatch('doc:open', { path: t.root }));
    expect(dir.code).toBe('file.is-directory');
  });

  it('refuses unknown channels and malformed payloads', async () => {
    expect(fail(await t.api.dispatch('fs:rm', {})).code).toBe('ipc.unknown-channel');
    expect(fail(await t.api.dispatch('__proto__', {})).code).toBe('ipc.unknown-channel');
    const bad = fail(await t.api.dispatch('doc:open', { path: '' }));
    expect(bad.code).toBe('ipc.bad-request');
    expect(hasChinese(bad.message)).toBe(true);
    expect(fail(await t.api.dispatch('doc:open', null)).code).toBe('ipc.bad-request');
    expect(t.results).toContain('doc:open:false');
  });
});

describe('host api: recovery', () => {
  it('writes, lists (without live keys), reads and removes recovery copies', async () => {
    const live = new Set<string>();
    const t = setup({ liveRecoveryKeys: () => live });
    const doc = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path: join(t.root, 'linxi.jixiao') })).document;
    ok(await t.api.dispatch('recovery:write', { key: 'win-1', path: join(t.root, 'linxi.jixiao'), document: doc }));
    ok(await t.api.dispatch('recovery:write', { key: 'win-2', path: null, document: doc }));
    let list = ok<RecoveryEntry[]>(await t.api.dispatch('recovery:list', {}));
    expect(list.map((e) => e.key).sort()).toEqual(['win-1', 'win-2']);
    live.add('win-2'); // open right now in a window: not "recovered"
    list = ok<RecoveryEntry[]>(await t.api.dispatch('recovery:list', {}));
    expect(list.map((e) => e.key)).toEqual(['win-1']);
    const read = ok<{ document: JixiaoDocument; path: string | null }>(await t.api.dispatch('recovery:read', { id: list[0].id }));
    expect(read.document).toEqual(doc);
    expect(read.path).toBe(join(t.root, 'linxi.jixiao'));
    ok(await t.api.dispatch('recovery:remove', { key: 'win-1' }));
    live.clear();
    expect(ok<RecoveryEntry[]>(await t.api.dispatch('recovery:list', {})).map((e) => e.key)).toEqual(['win-2']);
    expect(fail(await t.api.dispatch('recovery:read', { id: '../../etc/passwd' })).code).toMatch(/^file\./);
  });
});

describe('host api: export and import', () => {
  it('exports xlsx and docx next to the document with the default name, never clobbering', async () => {
    const t = setup();
    const path = join(t.root, 'laishui.jixiao');
    const doc = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path })).document;
    const x1 = ok<{ path: string }>(await t.api.dispatch('export:write', { document: doc, format: 'xlsx', path: null, nearPath: path, options: {} }));
    expect(x1.path).toBe(join(t.root, '涞水县人力资源和社会保障局2020年绩效目标表.xlsx'));
    expect(readFileSync(x1.path).subarray(0, 2).toString()).toBe('PK');
    const x2 = ok<{ path: string }>(await t.api.dispatch('export:write', { document: doc, format: 'xlsx', path: null, nearPath: path, options: {} }));
    expect(x2.path).toBe(join(t.root, '涞水县人力资源和社会保障局2020年绩效目标表 (2).xlsx'));
    const target = join(t.root, 'out', '..', 'chosen.docx');
    const d = ok<{ path: string }>(await t.api.dispatch('export:write', { document: doc, format: 'docx', path: target, nearPath: null, options: { projects: [0, 1] } }));
    expect(d.path).toBe(join(t.root, 'chosen.docx'));

    // …and the Word file imports back with its projects.
    const imported = ok<{ document: JixiaoDocument; report: { tables: unknown[] }; sourcePath: string }>(await t.api.dispatch('import:read', { path: d.path }));
    expect(imported.sourcePath).toBe(d.path);
    expect(imported.document.projects.map((p) => p.name)).toEqual(doc.projects.slice(0, 2).map((p) => p.name));
    expect(imported.report.tables.length).toBeGreaterThan(0);
  }, 60_000);

  it('without a default folder document, exports into the documents folder', async () => {
    const t = setup();
    const doc = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path: join(t.root, 'linxi.jixiao') })).document;
    const r = ok<{ path: string }>(await t.api.dispatch('export:write', { document: doc, format: 'docx', path: null, nearPath: null, options: {} }));
    expect(r.path).toBe(join(t.root, '临西县人力资源和社会保障局2019年绩效目标表.docx'));
  });

  it('PDF: clear error without a renderer, the platform renders it when there is one', async () => {
    const t = setup();
    const doc = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path: join(t.root, 'linxi.jixiao') })).document;
    const r = fail(await t.api.dispatch('export:write', { document: doc, format: 'pdf', path: join(t.root, 'a.pdf'), nearPath: null, options: {} }));
    expect(r.code).toBe('pdf.unavailable');
    expect(hasChinese(r.message)).toBe(true);

    const htmlToPdf = vi.fn(async (html: string) => new TextEncoder().encode(`%PDF-fake ${html.length}`));
    const t2 = setup({ htmlToPdf });
    const p = ok<{ path: string }>(await t2.api.dispatch('export:write', { document: doc, format: 'pdf', path: join(t2.root, 'a.pdf'), nearPath: null, options: {} }));
    expect(readFileSync(p.path, 'utf8')).toMatch(/^%PDF-fake \d+/);
    expect(htmlToPdf.mock.calls[0][0]).toContain('临西县人力资源和社会保障局');
  });

  it('import of something that is not an Office file is an error with a code', async () => {
    const t = setup();
    writeFileSync(join(t.root, 'x.xlsx'), 'hello');
    const r = fail(await t.api.dispatch('import:read', { path: join(t.root, 'x.xlsx') }));
    expect(r.code).toMatch(/^import\./);
    expect(hasChinese(r.message)).toBe(true);
  });
});

describe('host api: dialogs, shell, print, window', () => {
  it('dialogs answer null without a platform (browser mode), use it when there is one', async () => {
    const t = setup();
    expect(ok(await t.api.dispatch('dialog:pickOpen', { kind: 'jixiao' }))).toBeNull();
    expect(ok(await t.api.dispatch('dialog:pickSave', { kind: 'xlsx', defaultName: 'a.xlsx' }))).toBeNull();
    const pickSave = vi.fn(async (_k: string, p: string) => p);
    const t2 = setup({ pickSave, pickOpen: async () => '/x.jixiao' });
    expect(ok(await t2.api.dispatch('dialog:pickOpen', { kind: 'import' }))).toBe('/x.jixiao');
    const chosen = ok<string>(await t2.api.dispatch('dialog:pickSave', { kind: 'pdf', defaultName: '../局/表?.pdf' }));
    expect(chosen).toBe(join(t2.root, '.._局_表_.pdf'));
  });

  it('hands only documents to the OS', async () => {
    const openPath = vi.fn(async () => {});
    const showInFolder = vi.fn(async () => {});
    const t = setup({ openPath, showInFolder });
    writeFileSync(join(t.root, 'run.sh'), '#!/bin/sh\n');
    writeFileSync(join(t.root, 'a.xlsx'), 'x');
    expect(fail(await t.api.dispatch('shell:openPath', { path: join(t.root, 'run.sh') })).code).toBe('shell.refused');
    expect(fail(await t.api.dispatch('shell:openPath', { path: join(t.root, 'gone.pdf') })).code).toBe('file.not-found');
    ok(await t.api.dispatch('shell:openPath', { path: join(t.root, 'a.xlsx') }));
    expect(openPath).toHaveBeenCalledExactlyOnceWith(join(t.root, 'a.xlsx'));
    ok(await t.api.dispatch('shell:showInFolder', { path: join(t.root, 'run.sh') }));
    expect(showInFolder).toHaveBeenCalledOnce();
  });

  it('print and window state go to the platform; print without one says to use the browser', async () => {
    const t = setup();
    const r = fail(await t.api.dispatch('print:html', { html: '<p>x</p>' }));
    expect(r.code).toBe('print.unsupported');
    expect(ok(await t.api.dispatch('window:setState', { title: 'a', dirty: true }))).toBeNull();
    const printHtml = vi.fn(async () => {});
    const setWindowState = vi.fn();
    const t2 = setup({ printHtml, setWindowState });
    ok(await t2.api.dispatch('print:html', { html: '<p>x</p>' }, { windowId: 3 }));
    expect(printHtml).toHaveBeenCalledWith('<p>x</p>', { windowId: 3 });
    ok(await t2.api.dispatch('window:setState', { title: '甲.jixiao', dirty: true }, { windowId: 3 }));
    expect(setWindowState).toHaveBeenCalledWith({ title: '甲.jixiao', dirty: true }, { windowId: 3 });
  });

  it('a platform hook that throws becomes {ok:false}', async () => {
    const t = setup({ printHtml: async () => { throw new Error('printer on fire'); } });
    const r = fail(await t.api.dispatch('print:html', { html: 'x' }));
    expect(r.code).toBe('host.internal');
    expect(r.message).toContain('printer on fire');
  });
});

describe('file names', () => {
  it('safeFileName removes separators and reserved characters', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('  ')).toBe('未命名');
  });
  it('freePath numbers taken names', async () => {
    const t = setup();
    expect(await freePath(join(t.root, 'new.pdf'))).toBe(join(t.root, 'new.pdf'));
    expect(await freePath(join(t.root, 'linxi.jixiao'))).toBe(join(t.root, 'linxi (2).jixiao'));
  });
});

describe('host api: the 指标库', () => {
  it('learns from documents opened and saved, answers snapshots by version, deletes entries', async () => {
    const t = setup();
    const first = ok<LibrarySnapshotResponse>(await t.api.dispatch('library:snapshot', { knownVersion: null }));
    const builtins = first.entries!.length;
    const opened = ok<OpenedDocument>(await t.api.dispatch('doc:open', { path: join(t.root, 'laishui.jixiao') }));
    // learning runs behind the open; the next snapshot waits for it (operations are queued)
    const learned = ok<LibrarySnapshotResponse>(await t.api.dispatch('library:snapshot', { knownVersion: first.version }));
    expect(learned.version).toBeGreaterThan(first.version);
    expect(learned.entries!.length).toBeGreaterThan(builtins);
    expect(learned.entries!.some((e) => e.seen.some((s) => s.document === 'laishui.jixiao'))).toBe(true);
    expect(ok<LibrarySnapshotResponse>(await t.api.dispatch('library:snapshot', { knownVersion: learned.version })).entries).toBeNull();

    const doc = structuredClone(opened.document) as JixiaoDocument;
    doc.projects[0].indicators[0].name = '新的测试指标名';
    ok(await t.api.dispatch('doc:save', { path: join(t.root, 'saved.jixiao'), document: doc, expectedStamp: null }));
    const afterSave = ok<LibrarySnapshotResponse>(await t.api.dispatch('library:snapshot', { knownVersion: learned.version }));
    const mine = afterSave.entries!.find((e) => e.name === '新的测试指标名');
    expect(mine?.seen[0].document).toBe('saved.jixiao');

    const removed = ok<{ removed: number }>(await t.api.dispatch('library:delete', { keys: [entryKey(mine!)] }));
    expect(removed.removed).toBe(1);
    const afterDelete = ok<LibrarySnapshotResponse>(await t.api.dispatch('library:snapshot', { knownVersion: null }));
    expect(afterDelete.entries!.some((e) => e.name === '新的测试指标名')).toBe(false);
  });
});
