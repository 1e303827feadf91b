// bin/jixiao.mjs runs the bundle built at install time, and falls back to the TypeScript sources
// (tsx) with a one-line note when the bundle is missing or older than the sources. Each case runs
// the real bin from a temporary root that links to this checkout's sources and node_modules.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');

function fakeRoot(bundle: 'none' | 'fresh-stub' | 'stale-stub'): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bin-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(root, 'bin', 'jixiao.mjs'), join(dir, 'bin', 'jixiao.mjs'));
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const d of ['src-main', 'src-shared', 'templates', 'node_modules']) symlinkSync(join(root, d), join(dir, d));
  if (bundle !== 'none') {
    mkdirSync(join(dir, 'dist-cli'));
    const file = join(dir, 'dist-cli', 'cli.js');
    writeFileSync(file, "export async function main(argv) { console.log('bundle:' + argv.join(' ')); return 0; }\n");
    if (bundle === 'stale-stub') utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
  }
  return dir;
}

/** dist-cli files that `file` imports statically, itself included (what loading it loads). */
function staticClosure(file: string, seen: string[] = []): string[] {
  if (seen.includes(file)) return seen;
  seen.push(file);
  const js = readFileSync(join(root, 'dist-cli', file), 'utf8');
  for (const m of js.matchAll(/^import\s*(?:[^'"]*?from\s*)?["']\.\/([^"']+)["']/gm)) staticClosure(m[1], seen);
  return seen;
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(dir, 'bin', 'jixiao.mjs'), ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });

describe('bin/jixiao.mjs', () => {
  it('runs the bundle when it is newer than the sources, with nothing on stderr', () => {
    const r = run(fakeRoot('fresh-stub'), 'validate', 'x.jixiao');
    expect(r.stdout.trim()).toBe('bundle:validate x.jixiao');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('looks into every folder of the sources: a nested file newer than the bundle makes it stale, a newer test file does not', () => {
    const dir = fakeRoot('fresh-stub');
    const bundleTime = statSync(join(dir, 'dist-cli', 'cli.js')).mtime;
    const [earlier, later] = [-60_000, 60_000].map((ms) => new Date(bundleTime.getTime() + ms));
    for (const d of ['src-main', 'src-shared', 'templates']) rmSync(join(dir, d));
    for (const d of ['src-main', 'src-shared/model/deep', 'templates']) mkdirSync(join(dir, d), { recursive: true });
    const nested = join(dir, 'src-shared', 'model', 'deep', 'rule.ts');
    const test = join(dir, 'src-shared', 'model', 'deep', 'rule.test.ts');
    for (const f of [nested, test]) writeFileSync(f, 'export {};\n');
    utimesSync(nested, earlier, earlier);
    utimesSync(test, later, later);
    expect(run(dir, 'x').stdout.trim()).toBe('bundle:x');
    utimesSync(nested, later, later);
    expect(run(dir, '--version').stderr).toContain('早于源码');
  });

  it.each(['none', 'stale-stub'] as const)('bundle %s: runs the sources through tsx, one line on stderr', (kind) => {
    const r = run(fakeRoot(kind), '--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.stdout).not.toContain('bundle:');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(kind === 'none' ? '不存在' : '早于源码');
    expect(lines[0]).toContain('tsx');
  });

  it('the bundle that npm install built (prepare → build:cli) lists every registered command', async () => {
    const bundle = join(root, 'dist-cli', 'cli.js');
    expect(existsSync(bundle)).toBe(true);
    const { COMMANDS } = await import('../../src-main/cli/commands');
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.exitCode = await main(['--help']);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
  });

  it('`jixiao --help` and `--version` load only the entry and the table: each command is its own chunk, loaded when it runs', () => {
    // Copy cli.js with only what it imports statically; every command chunk stays behind.
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lazy-'));
    mkdirSync(join(dir, 'dist-cli'));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    const copied = staticClosure('cli.js');
    for (const f of copied) copyFileSync(join(root, 'dist-cli', f), join(dir, 'dist-cli', f));
    const all = readdirSync(join(root, 'dist-cli')).filter((f) => f.endsWith('.js'));
    expect(all.length - copied.length).toBeGreaterThanOrEqual(10); // the ten commands' code is elsewhere
    expect(copied.reduce((n, f) => n + statSync(join(root, 'dist-cli', f)).size, 0)).toBeLessThan(32 * 1024);
    const main = pathToFileURL(join(dir, 'dist-cli', 'cli.js')).href;
    const runMain = (...args: string[]) => spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(${JSON.stringify(args)});`], { encoding: 'utf8', timeout: 60_000 });
    const help = runMain('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('  validate');
    expect(runMain('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // A command needs its chunk: without it the error names the missing file (so the chunk is really separate).
    const v = runMain('validate', join(root, 'tests', 'fixtures', 'seeds', 'linxi-2019.jixiao'));
    expect(v.status).toBe(1);
    expect(v.stderr).toMatch(/出错了：.*chunk-/);
  });

  it('`jixiao validate` reads the shipped profiles without building their zod schema (the tests check the files)', () => {
    const entry = /name: "validate".*?import\("\.\/([^"]+)"\)/.exec(readFileSync(join(root, 'dist-cli', 'cli.js'), 'utf8'));
    expect(entry).not.toBeNull();
    // esbuild marks each module it bundles with a `// <path>` line
    const modules = staticClosure(entry![1]).flatMap((f) => [...readFileSync(join(root, 'dist-cli', f), 'utf8').matchAll(/^\/\/ (src-\S+\.ts)$/gm)].map((m) => m[1]));
    expect(modules).toContain('src-shared/profile/index.ts');
    expect(modules).toContain('src-shared/validate/index.ts');
    expect(modules).not.toContain('src-shared/profile/schema.ts');
  });

  it('the bundled CLI runs `jixiao audit` on its bundled worker (dist-cli/audit-worker.js), not through tsx', () => {
    expect(existsSync(join(root, 'dist-cli', 'audit-worker.js'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-audit-'));
    for (const f of ['linxi-2019.jixiao', 'laishui-2020-a.jixiao']) copyFileSync(join(root, 'tests', 'fixtures', 'seeds', f), join(dir, f));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), 'audit', dir, '-o', join(tmpdir(), `jixiao-audit-${process.pid}.xlsx`), '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toContain('tsx');
    const report = JSON.parse(r.stdout) as { totals: { files: number; unreadable: number }; files: { status: string }[] };
    expect(report.totals).toMatchObject({ files: 2, unreadable: 0 });
    expect(report.files.map((f) => f.status)).toEqual(['read', 'read']);
  });
});
