import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, utimesSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDocumentFile, saveDocumentFile, createRecoveryStore, createRecentFiles, nodeStorageFs, type StorageFs } from '../../src-main/services/storage';
import { JixiaoError } from '../../src-main/services/errors';
import { serializeDocument } from '../../src-shared/model/load';
import { newDocument, newProject } from '../../src-shared/model/factory';
import type { JixiaoDocument } from '../../src-shared/model/schema';

const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-st-'));
const seeds = join(import.meta.dirname, '..', 'fixtures', 'seeds');

function doc(name = '临西县人力资源和社会保障局'): JixiaoDocument {
  const d = newDocument({ deptCode: '323', deptName: name, year: 2019 });
  d.projects.push(newProject('hebei-2020', { id: 'p1', name: '养老保险', budget: '12.5' }));
  return d;
}

async function failure(p: Promise<unknown>): Promise<JixiaoError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(JixiaoError);
    return e as JixiaoError;
  }
  throw new Error('expected a JixiaoError');
}

const errnoFs = (op: keyof StorageFs, errno: string, when: (path: string) => boolean = () => true): StorageFs => ({
  ...nodeStorageFs,
  [op]: async (...args: unknown[]) => {
    if (when(String(args[0]))) throw Object.assign(new Error(`${errno}: simulated`), { code: errno });
    return (nodeStorageFs[op] as (...a: unknown[]) => unknown)(...args);
  },
});

describe('openDocumentFile', () => {
  it('opens the seed documents with a stamp and no repairs', async () => {
    for (const f of ['linxi-2019.jixiao', 'laishui-2020-a.jixiao']) {
      const r = await openDocumentFile(join(seeds, f));
      expect(r.repairs).toEqual([]);
      expect(r.stamp).toMatch(/^[\d.]+:\d+:[0-9a-f]{64}$/);
      expect(r.document.format).toBe('jixiao');
    }
  });

  it('not found', async () => {
    const e = await failure(openDocumentFile(join(tmp(), '没有.jixiao')));
    expect(e.code).toBe('file.not-found');
    expect(e.message).toContain('找不到“没有.jixiao”');
  });

  it('a path under a file (ENOTDIR) is not found', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plain'), 'x');
    expect((await failure(openDocumentFile(join(dir, 'plain', 'a.jixiao')))).code).toBe('file.not-found');
  });

  it('a directory', async () => {
    expect((await failure(openDocumentFile(tmp()))).code).toBe('file.is-directory');
  });

  it('no permission (EACCES injected: tests run as root, which bypasses chmod)', async () => {
    const dir = tmp();
    const p = join(dir, 'a.jixiao');
    writeFileSync(p, serializeDocument(doc()));
    const e = await failure(openDocumentFile(p, { fs: errnoFs('readFile', 'EACCES') }));
    expect(e.code).toBe('file.permission');
    expect(e.message).toMatch(/没有权限访问“a\.jixiao”/);
  });

  it('not a jixiao file: a spreadsheet, other JSON, binary garbage', async () => {
    const dir = tmp();
    const cases: [string, string | Buffer][] = [
      ['a.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe])],
      ['b.jixiao', '{"hello":"world"}'],
      ['c.jixiao', Buffer.from([0xff, 0xfe, 0x00, 0x41])],
    ];
    for (const [n, data] of cases) {
      writeFileSync(join(dir, n), data);
      const e = await failure(openDocumentFile(join(dir, n)));
      expect(e.code, n).toBe('file.not-jixiao');
      expect(e.message).toContain('不是绩效目标表文件');
    }
  });

  it('a truncated jixiao file is corrupt and points to the .bak', async () => {
    const p = join(tmp(), 'a.jixiao');
    const text = serializeDocument(doc());
    writeFileSync(p, text.slice(0, 200));
    const e = await failure(openDocumentFile(p));
    expect(e.code).toBe('file.corrupt');
    expect(e.message).toContain('.bak');
  });

  it('a newer schema version', async () => {
    const p = join(tmp(), 'a.jixiao');
    writeFileSync(p, JSON.stringify({ ...doc(), schemaVersion: 99 }));
    const e = await failure(openDocumentFile(p));
    expect(e.code).toBe('file.newer-version');
    expect(e.message).toMatch(/更新版本.*第 99 版/);
  });

  it('a 2 GB sparse file is refused quickly without being read', async () => {
    const p = join(tmp(), 'huge.jixiao');
    execFileSync('truncate', ['-s', '2G', p]);
    let reads = 0;
    const fs: StorageFs = { ...nodeStorageFs, readFile: (async (...a: Parameters<StorageFs['readFile']>) => { reads++; return nodeStorageFs.readFile(...a); }) as StorageFs['readFile'] };
    const t0 = performance.now();
    const e = await failure(openDocumentFile(p, { fs }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e.code).toBe('file.too-large');
    expect(e.message).toContain('过大');
    expect(reads).toBe(0);
  });
});

describe('saveDocumentFile', () => {
  it('saves, keeps the previous version as .bak, and the stamp matches the new file', async () => {
    const p = join(tmp(), 'a.jixiao');
    const s1 = await saveDocumentFile(p, doc('甲局'));
    expect(existsSync(`${p}.bak`)).toBe(false);
    const d2 = doc('乙局');
    const s2 = await saveDocumentFile(p, d2, { expectedStamp: s1.stamp });
    expect((await openDocumentFile(p)).document.meta.deptName).toBe('乙局');
    expect((await openDocumentFile(`${p}.bak`)).document.meta.deptName).toBe('甲局');
    expect((await openDocumentFile(p)).stamp).toBe(s2.stamp);
    expect(readFileSync(p, 'utf8')).toBe(serializeDocument(d2));
  });

  it('refuses to overwrite a file changed on disk since it was opened, unless forced', async () => {
    const p = join(tmp(), 'a.jixiao');
    const { stamp } = await saveDocumentFile(p, doc('甲局'));
    writeFileSync(p, serializeDocument(doc('别人改的')));
    const e = await failure(saveDocumentFile(p, doc('我的'), { expectedStamp: stamp }));
    expect(e.code).toBe('file.conflict');
    expect(e.message).toContain('已被其他程序或他人修改');
    expect((await openDocumentFile(p)).document.meta.deptName).toBe('别人改的');
    await saveDocumentFile(p, doc('我的'), { expectedStamp: stamp, force: true });
    expect((await openDocumentFile(p)).document.meta.deptName).toBe('我的');
  });

  it('a touched but identical file is not a conflict; a deleted one is recreated', async () => {
    const p = join(tmp(), 'a.jixiao');
    const { stamp } = await saveDocumentFile(p, doc('甲局'));
    utimesSync(p, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const s2 = await saveDocumentFile(p, doc('乙局'), { expectedStamp: stamp });
    execFileSync('rm', [p]);
    await saveDocumentFile(p, doc('丙局'), { expectedStamp: s2.stamp });
    expect((await openDocumentFile(p)).document.meta.deptName).toBe('丙局');
  });

  it('disk full: clear error, the old file untouched, no temp files left', async () => {
    const dir = tmp();
    const p = join(dir, 'a.jixiao');
    await saveDocumentFile(p, doc('甲局'));
    const fs: StorageFs = {
      ...nodeStorageFs,
      open: (async (...args: Parameters<StorageFs['open']>) => {
        const h = await nodeStorageFs.open(...args);
        if (String(args[0]).endsWith('.tmp')) h.writeFile = async () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); };
        return h;
      }) as StorageFs['open'],
    };
    const e = await failure(saveDocumentFile(p, doc('乙局'), { fs }));
    expect(e.code).toBe('file.disk-full');
    expect(e.message).toContain('磁盘空间不足');
    expect((await openDocumentFile(p)).document.meta.deptName).toBe('甲局');
    expect(readdirSync(dir)).toEqual(['a.jixiao']);
  });

  it('no permission to write', async () => {
    const p = join(tmp(), 'a.jixiao');
    const e = await failure(saveDocumentFile(p, doc(), { fs: errnoFs('open', 'EPERM') }));
    expect(e.code).toBe('file.permission');
  });

  it('folder missing', async () => {
    const e = await failure(saveDocumentFile(join(tmp(), 'gone', 'a.jixiao'), doc()));
    expect(e.code).toBe('file.not-found');
  });
});

describe('recovery store', () => {
  it('writes, lists newest first, reads back, and removes after save', async () => {
    const dir = tmp();
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = createRecoveryStore(dir, { now: () => new Date((t += 1000)) });
    expect(await store.list()).toEqual([]);
    await store.write('doc-1', doc('甲局'), { path: '/x/甲.jixiao' });
    await store.write('../../evil', doc('乙局'));
    await store.write('doc-1', doc('甲局改'), { path: '/x/甲.jixiao' });
    const list = await store.list();
    expect(list.map((e) => [e.key, e.title, e.path])).toEqual([
      ['doc-1', '甲局改2019年绩效目标表', '/x/甲.jixiao'],
      ['../../evil', '乙局2019年绩效目标表', null],
    ]);
    expect(readdirSync(store.dir)).toHaveLength(2);
    const back = await store.read(list[0].id);
    expect(back.document.meta.deptName).toBe('甲局改');
    expect(back.path).toBe('/x/甲.jixiao');
    await store.remove('doc-1');
    expect((await store.list()).map((e) => e.key)).toEqual(['../../evil']);
    await store.remove('doc-1'); // removing twice is fine
    await expect(store.read('../secret')).rejects.toMatchObject({ code: 'file.not-found' });
  });

  it('skips a damaged recovery copy when listing', async () => {
    const dir = tmp();
    const store = createRecoveryStore(dir);
    await store.write('k', doc());
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(join(store.dir, `${'0'.repeat(24)}.jixiao-recovery`), '{"recovery":');
    expect((await store.list()).map((e) => e.key)).toEqual(['k']);
  });
});

describe('recent files', () => {
  it('keeps the most recent first, without duplicates, capped', async () => {
    const dir = tmp();
    const recent = createRecentFiles(dir, { max: 3 });
    expect(await recent.list()).toEqual([]);
    for (const p of ['/a', '/b', '/c', '/a', '/d']) await recent.add(p);
    expect(await recent.list()).toEqual(['/d', '/a', '/c']);
    expect(await createRecentFiles(dir).list()).toEqual(['/d', '/a', '/c']);
    expect(await recent.remove('/a')).toEqual(['/d', '/c']);
  });
});
