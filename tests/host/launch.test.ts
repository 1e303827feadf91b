// `npm start` without the Electron binary, and `start:web -- --no-open` printing its URL first.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, defaultUserDataDir } from '../../src-main/webhost-cli';

const repo = join(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function startElectron(root: string) {
  return spawnSync(process.execPath, [join(repo, 'scripts', 'start-electron.mjs')], { env: { ...process.env, JIXIAO_ROOT: root }, encoding: 'utf8', timeout: 30_000 });
}

describe('npm start without the Electron binary', () => {
  it('prints one line (Chinese and English) pointing to start:web and exits 0', () => {
    const root = join(tmp, 'no-electron');
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    const r = startElectron(root);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm run start:web');
    expect(lines[0]).toMatch(/Electron/);
    expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr.trim()).toBe('');
  });

  it('path.txt without the downloaded binary counts as missing (no lazy download)', () => {
    const root = join(tmp, 'half-electron');
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const r = startElectron(root);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('start:web');
    expect(r.stdout).not.toMatch(/Downloading/);
  });
});

describe('webhost-cli', () => {
  it('parses its flags', () => {
    expect(parseArgs(['--no-open'])).toEqual({ open: false, port: 0 });
    expect(parseArgs(['--port', '8123', 'a.jixiao'])).toMatchObject({ open: true, port: 8123, file: join(process.cwd(), 'a.jixiao') });
    expect(defaultUserDataDir({ JIXIAO_USER_DATA: '/x/y' })).toBe('/x/y');
  });

  it('--no-open prints only the URL with its token as the first stdout line and serves until killed', async () => {
    const renderer = join(tmp, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src-main', 'webhost-cli.ts'), '--no-open'], {
      env: { ...process.env, JIXIAO_RENDERER_DIR: renderer, JIXIAO_USER_DATA: join(tmp, 'user') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const first = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('\n')) ok(out.split('\n')[0]); });
        child.on('exit', (code) => fail(new Error(`exited ${code}`)));
        setTimeout(() => fail(new Error('no URL within 30 s')), 30_000);
      });
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
      const res = await fetch(first);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>t</title>');
      const token = new URL(first).searchParams.get('token')!;
      const api = await fetch(new URL('/api/recent:list', first), { method: 'POST', headers: { 'X-Jixiao-Token': token, 'Content-Type': 'application/json' }, body: '{}' });
      expect(await api.json()).toEqual({ ok: true, value: [] });
    } finally {
      child.kill('SIGTERM');
      await new Promise((ok) => child.once('exit', ok));
    }
  }, 60_000);
});
