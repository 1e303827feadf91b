// Progress of `jixiao audit` on a terminal: run as a whole process on a pseudo-terminal (`script`
// from util-linux), it draws files done / total, the current file and the elapsed time on stderr;
// with stderr not a terminal (a pipe, a log) it prints no progress at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAuditFolder, repo } from './folder';

const work = mkdtempSync(join(tmpdir(), 'jixiao-progress-'));
const folder = join(work, 'in');
const bin = join(repo, 'bin', 'jixiao.mjs');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

beforeAll(async () => { await makeAuditFolder(folder); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('jixiao audit progress', () => {
  it('on a pseudo-terminal: a bar with done/total, the current file and the elapsed time', () => {
    const cmd = `${quote(process.execPath)} ${quote(bin)} audit ${quote(folder)} -o ${quote(join(work, 'a.xlsx'))}`;
    // -e: script exits with the command's exit code; -f: flush as written
    const r = spawnSync('script', ['-qefc', cmd, '/dev/null'], { encoding: 'utf8', cwd: work, env: { ...process.env, COLUMNS: '160', LINES: '40' }, timeout: 120_000 });
    expect(r.status).toBe(2); // the hostile files
    const screen = r.stdout;
    expect(screen).toMatch(/审核 \S+ 0\/12 个文件 \| 用时 \d+ 秒 \| \S+/);
    expect(screen).toMatch(/审核 \S+ 12\/12 个文件 \| 用时 \d+ 秒/);
    expect(screen).toContain('\x1b[?25l'); // drawn in place (cursor hidden while drawing), not line by line
    expect(screen).toMatch(/\| (good|bad|hostile)\//); // names the file being read
    expect(screen).toContain('共 12 个文件');
  }, 120_000);

  it('without a terminal: no progress on stderr, the result on stdout', () => {
    const r = spawnSync(process.execPath, [bin, 'audit', folder, '-o', join(work, 'b.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('共 12 个文件');
    expect(r.stdout).not.toContain('\x1b[');
  }, 120_000);
});
