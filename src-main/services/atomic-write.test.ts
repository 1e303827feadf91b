import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { nodeFs, removeStaleTemps, writeFileAtomic } from './atomic-write';

const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-aw-'));

describe('writeFileAtomic', () => {
  it('creates a new file and leaves no temp files', async () => {
    const dir = tmp();
    const p = join(dir, 'a.jixiao');
    await writeFileAtomic(p, '你好');
    expect(readFileSync(p, 'utf8')).toBe('你好');
    expect(readdirSync(dir)).toEqual(['a.jixiao']);
  });

  it('replaces the file and keeps the previous version as .bak', async () => {
    const dir = tmp();
    const p = join(dir, 'a.jixiao');
    await writeFileAtomic(p, 'v1', { backup: true });
    expect(existsSync(`${p}.bak`)).toBe(false);
    await writeFileAtomic(p, 'v2', { backup: true });
    expect(readFileSync(p, 'utf8')).toBe('v2');
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('v1');
    await writeFileAtomic(p, new TextEncoder().encode('v3'), { backup: true });
    expect(readFileSync(p, 'utf8')).toBe('v3');
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('v2');
    expect(readdirSync(dir).sort()).toEqual(['a.jixiao', 'a.jixiao.bak']);
  });

  it('falls back to copying when hard links are not supported', async () => {
    const dir = tmp();
    const p = join(dir, 'a.jixiao');
    writeFileSync(p, 'old');
    const fs = { ...nodeFs, link: async () => { throw Object.assign(new Error('EPERM'), { code: 'EPERM' }); } };
    await writeFileAtomic(p, 'new', { backup: true, fs });
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('old');
    expect(readFileSync(p, 'utf8')).toBe('new');
  });

  it('on a failed write (disk full) leaves the old file intact and removes the temp file', async () => {
    const dir = tmp();
    const p = join(dir, 'a.jixiao');
    writeFileSync(p, 'old');
    const fs = {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const h = await nodeFs.open(...args);
        if (String(args[0]).endsWith('.tmp')) {
          h.writeFile = async () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); };
        }
        return h;
      }) as typeof nodeFs.open,
    };
    await expect(writeFileAtomic(p, 'new', { backup: true, fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.jixiao']);
  });

  it('fails with ENOENT when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(tmp(), 'no', 'a.jixiao'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('removeStaleTemps', () => {
  it('removes old temp files of this document only, keeps young ones and other files', async () => {
    const dir = tmp();
    const p = join(dir, '表(1).jixiao');
    const old = new Date(Date.now() - 2 * 3600_000);
    const names = ['.表(1).jixiao.123.0a1b2c3d.tmp', '表(1).jixiao.bak.0a1b2c3d.tmp', '.表(1).jixiao.9.ffffffff.tmp', '.other.jixiao.1.0a1b2c3d.tmp', '表(1).jixiao', 'notes.tmp'];
    for (const n of names) writeFileSync(join(dir, n), 'x');
    for (const n of names.filter((n) => n !== '.表(1).jixiao.9.ffffffff.tmp')) utimesSync(join(dir, n), old, old);
    expect(await removeStaleTemps(p)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['.other.jixiao.1.0a1b2c3d.tmp', '.表(1).jixiao.9.ffffffff.tmp', 'notes.tmp', '表(1).jixiao'].sort());
  });
});
