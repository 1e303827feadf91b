// Security proven on what ships: the BUILT main bundle run against a recording stand-in for
// `electron` (every window's options, every IPC handler's sender and payload checks, navigation and
// window.open), and `npm run check:security` (electronegativity) passing on the build and failing
// on a temp copy with `nodeIntegration: true` planted in it.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { INVOKE_CHANNELS } from '../../src-main/electron/channels';
import { CSP } from '../../src-main/electron/csp';
// @ts-expect-error -- a plain .mjs script without types
import { inspectMain } from '../../scripts/security/check.mjs';

const root = join(import.meta.dirname, '..', '..');
const SHIPPED = ['dist-main', 'dist/renderer'];

interface Inspection {
  windows: { webPreferences: Record<string, unknown>; loaded: string[] }[];
  channels: string[];
  ipc: Record<string, { foreign: { ok: boolean; code?: string }[]; malformed: { ok: boolean; code?: string }[] }>;
  printed: { ok: boolean } | null;
  navigation: Record<string, string>[];
  permission: boolean | string;
}
const inspect = (appRoot: string) => inspectMain(appRoot) as Inspection;

/** A temp copy of the shipped build (plus package.json, and a link to node_modules for its imports). */
function copyOfBuild(plant?: (mainJs: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-build-copy-'));
  for (const p of SHIPPED) cpSync(join(root, p), join(dir, p), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (plant) {
    const main = join(dir, 'dist-main/electron/main.js');
    writeFileSync(main, plant(readFileSync(main, 'utf8')));
  }
  return dir;
}

const checkSecurity = (appRoot: string) =>
  spawnSync(process.execPath, [join(root, 'scripts/security/check.mjs'), '--root', appRoot, '--json'], { encoding: 'utf8', timeout: 180_000 });

/** Every BrowserWindow the bundle creates must have these. */
function assertHardened(prefs: Record<string, unknown>): void {
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  for (const k of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures']) expect(prefs[k] ?? false, k).toBe(false);
}

beforeAll(() => {
  // The tests look at the build; build main/preload if this checkout has not yet (npm test builds the renderer).
  if (!existsSync(join(root, 'dist-main/electron/main.js'))) execFileSync('npm', ['run', '--silent', 'build:electron'], { cwd: root });
  if (!existsSync(join(root, 'dist/renderer/index.html'))) execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: root });
}, 180_000);

describe('built main bundle against a recording electron stand-in', () => {
  let r: Inspection;
  beforeAll(() => { r = inspect(root); }, 60_000);

  it('every BrowserWindow (document window, hidden print window) is isolated, sandboxed, without Node', () => {
    expect(r.printed).toMatchObject({ ok: true }); // the print request created the second window
    expect(r.windows).toHaveLength(2);
    for (const w of r.windows) assertHardened(w.webPreferences);
    expect(r.windows[0].loaded).toEqual(['app://jixiao/index.html']);
    expect(String(r.windows[0].webPreferences.preload)).toMatch(/dist-main[\\/]preload\.cjs$/);
    expect(r.windows[1].webPreferences).toMatchObject({ javascript: false });
    expect(r.windows[1].webPreferences.preload).toBeUndefined();
  });

  it('registers exactly the contract channels; each refuses foreign frames and malformed payloads', () => {
    expect([...r.channels].sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const ch of r.channels) {
      for (const res of r.ipc[ch].foreign) expect(res, ch).toMatchObject({ ok: false, code: 'ipc.forbidden' });
      for (const res of r.ipc[ch].malformed) expect(res, ch).toMatchObject({ ok: false, code: 'ipc.bad-request' });
    }
  });

  it('refuses navigation away from the app, redirects, <webview> and window.open in every window; denies permissions', () => {
    for (const n of r.navigation) {
      expect(n).toEqual({
        willNavigateExternal: 'refused', willNavigateFile: 'refused', willNavigateApp: 'allowed',
        willRedirectExternal: 'refused', willAttachWebview: 'refused', windowOpen: 'deny',
      });
    }
    expect(r.permission).toBe(false);
  });

  it('a planted nodeIntegration: true in a copy of the bundle is seen', () => {
    const copy = copyOfBuild((js) => js.replace(/nodeIntegration: false/, 'nodeIntegration: true'));
    const planted = inspect(copy);
    expect(planted.windows[0].webPreferences.nodeIntegration).toBe(true);
    expect(() => assertHardened(planted.windows[0].webPreferences)).toThrow();
  }, 120_000);
});

describe('the CSP <meta> of the built index.html', () => {
  it('is the app policy with script-src narrowed to the sha384 of each script, which the tags carry as integrity', () => {
    const html = readFileSync(join(root, 'dist/renderer/index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    const scripts = [...html.matchAll(/<script[^>]*src="\.\/([^"]+)"[^>]*integrity="([^"]+)"/g)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(html.match(/<script\b/g)).toHaveLength(scripts.length); // no script without integrity, no inline script
    for (const [, file, integrity] of scripts) {
      expect(integrity).toBe(`sha384-${createHash('sha384').update(readFileSync(join(root, 'dist/renderer', file))).digest('base64')}`);
    }
    expect(csp).toContain(`script-src ${scripts.map((m) => `'${m[2]}'`).join(' ')};`);
    expect(csp).toBe(CSP.replace("script-src 'self'", `script-src ${scripts.map((m) => `'${m[2]}'`).join(' ')}`));
  });
});

describe('npm run check:security (electronegativity)', () => {
  it('passes on the build: nothing above INFORMATIONAL, every file parsed', () => {
    const res = checkSecurity(root);
    expect(res.status, res.stderr).toBe(0);
    const { findings, unreadable, problems } = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { findings: { severity: string; id: string }[]; unreadable: unknown[]; problems: string[] };
    expect(findings.filter((f) => f.severity !== 'INFORMATIONAL')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0); // it did run: the Electron version check always reports
    expect(unreadable).toEqual([]);
    expect(problems).toEqual([]);
    expect(res.stderr).toContain('AvailableSecurityFixesGlobalCheck'); // the one check excluded (it needs the network)
  }, 180_000);

  it('fails on a temp copy with nodeIntegration: true planted in the main bundle', () => {
    const copy = copyOfBuild((js) => {
      expect(js).toMatch(/nodeIntegration: false/);
      return js.replace(/nodeIntegration: false/g, 'nodeIntegration: true');
    });
    const res = checkSecurity(copy);
    expect(res.status).toBe(1);
    const { problems } = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { problems: string[] };
    expect(problems).toContain('窗口 1：webPreferences.nodeIntegration 应为 false，实际为 true');
    expect(res.stderr).toContain('安全检查未通过');
  }, 180_000);

  it('fails on a temp copy whose index.html lost its CSP <meta>', () => {
    const copy = copyOfBuild();
    const html = join(copy, 'dist/renderer/index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    const res = checkSecurity(copy);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('CSP_GLOBAL_CHECK');
  }, 180_000);
});
