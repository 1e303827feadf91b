// electron.builder.yml, checked with electron-builder's own loader and JSON schema (app-builder-lib),
// the settings clerks depend on, the icons (re-rendered from build/icon.svg), and the `files` globs
// against the build output: the packaged app holds what it runs and nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { minimatch } from 'minimatch';
// @ts-expect-error -- a plain .mjs script without types
import { ICO_SIZES, renderIcons } from '../../scripts/icons.mjs';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// electron-builder's own configuration loader and schema validation (the schema is app-builder-lib/scheme.json).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's configuration is large and loosely typed here
type Config = Record<string, any>;
const load = (file = join(root, 'electron.builder.yml')) => getConfig(dirname(file), file, null);
const validate = (c: Config) => validateConfiguration(c, { isEnabled: false, add() {} });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

describe('electron.builder.yml', () => {
  let config: Config;
  beforeAll(async () => { config = await load(); });

  it('is valid against electron-builder\'s configuration schema', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('the schema check is real: a misspelt option and a wrong value are rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-builder-'));
    const text = readFileSync(join(root, 'electron.builder.yml'), 'utf8');
    for (const [from, to] of [['  oneClick: false', '  oneClik: false'], ['  perMachine: false', '  perMachine: nein']]) {
      expect(text).toContain(from);
      const file = join(dir, `${to.trim().split(':')[0]}.yml`);
      writeFileSync(file, text.replace(from, to));
      await expect(validate(await load(file))).rejects.toThrow(/configuration\.nsis/);
    }
  });

  it('names the product, associates .jixiao with its MIME type, and targets what offices run', () => {
    expect(config.productName).toBe('绩效目标表编辑器');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'jixiao', mimeType: 'application/x-jixiao', role: 'Editor' })]);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }, { target: 'portable', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }, { target: 'AppImage', arch: ['x64', 'arm64'] }]);
  });

  it('NSIS: per user (no administrator rights), folder choice, shortcuts, Chinese wizard', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true,
      createStartMenuShortcut: true, language: '2052', installerLanguages: ['zh_CN'], multiLanguageInstaller: false,
    });
    expect(config.nsis.createDesktopShortcut).toBeTruthy();
    expect(config.portable.requestExecutionLevel).toBe('user');
  });

  it('Linux: desktop entry with the MIME type, executable name, icon', () => {
    expect(config.linux.executableName).toBe('jixiao');
    expect(config.linux.mimeTypes).toContain('application/x-jixiao');
    expect(config.linux.desktop.entry).toMatchObject({ Name: '绩效目标表编辑器', MimeType: 'application/x-jixiao;', Categories: 'Office;' });
    expect(config.linux.maintainer).toBeTruthy(); // deb refuses to build without one
  });

  it('npm run dist:win / dist:linux build first, then run electron-builder with this file', () => {
    for (const [script, flag] of [['dist:win', '--win'], ['dist:linux', '--linux']]) {
      expect(pkg.scripts[script]).toMatch(/build:web.*build:electron.*electron-builder --config electron\.builder\.yml/);
      expect(pkg.scripts[script]).toContain(flag);
    }
  });
});

describe('icons', () => {
  it('build/icon.png is 512 px, build/icon.ico holds 16–256 px; both are what build/icon.svg renders to', () => {
    const png = readFileSync(join(root, 'build', 'icon.png'));
    expect(png.readUInt32BE(16)).toBe(512); // IHDR width
    expect(png.readUInt32BE(20)).toBe(512);
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(ICO_SIZES);
    const fresh = renderIcons(readFileSync(join(root, 'build', 'icon.svg'), 'utf8')) as { png: Buffer; ico: Buffer };
    expect(fresh.png.equals(png), 'build/icon.png is stale: run npm run icons').toBe(true);
    expect(fresh.ico.equals(ico), 'build/icon.ico is stale: run npm run icons').toBe(true);
  });
});

// ── the `files` globs against the build output ──────────────────────────────────────────────────

const SKIP_DIRS = new Set(['node_modules', '.git', 'release']);

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, base, out); else out.push(relative(base, abs).split('\\').join('/'));
  }
  return out;
}

/** electron-builder's reading of `files`: in order, a pattern includes, a `!pattern` excludes. */
function packaged(appDir: string, patterns: string[]): string[] {
  return walk(appDir).filter((f) => patterns.reduce((inc, p) => (p.startsWith('!') ? (minimatch(f, p.slice(1), { dot: true }) ? false : inc) : (minimatch(f, p, { dot: true }) ? true : inc)), false));
}

/** What must never ship: TypeScript sources, source maps, tests, sources and tooling folders. */
function strays(files: string[]): string[] {
  return files.filter((f) =>
    /\.(ts|tsx|mts|cts|map)$/.test(f) || /(^|\/)(tests?|__tests__|fixtures)\//.test(f) || /\.(test|spec|bench)\.[a-z]+$/.test(f)
    || /^(src-[a-z]+|scripts|docs|bin|build|\.ci)\//.test(f) || /^(vite|vitest|eslint)\.config\./.test(f) || /^tsconfig/.test(f));
}

describe('packaged files', () => {
  let patterns: string[];
  beforeAll(async () => {
    // The loader normalises `files` to [{ filter: [...] }] (no from/to: relative to the app folder).
    const files = (await load()).files as { from?: string; filter: string[] }[];
    expect(files).toHaveLength(1);
    expect(files[0].from).toBeUndefined();
    patterns = files[0].filter;
    if (!existsSync(join(root, 'dist-main/electron/main.js'))) execFileSync('npm', ['run', '--silent', 'build:electron'], { cwd: root });
    if (!existsSync(join(root, 'dist/renderer/index.html'))) execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: root });
  }, 180_000);

  it('hold the bundled main/preload, the built renderer and the templates, and no strays', () => {
    const files = packaged(root, patterns);
    for (const f of ['package.json', 'dist-main/electron/main.js', 'dist-main/preload.cjs', 'dist-main/office-worker.js', 'dist-main/audit-worker.js', 'dist/renderer/index.html', 'templates/hebei-2020.json']) expect(files, f).toContain(f);
    expect(files.some((f) => /^dist\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
    expect(strays(files)).toEqual([]);
  });

  it('a stray in the build output is caught (planted in a temp copy)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-files-'));
    for (const f of ['package.json', 'dist-main/electron/main.js', 'dist/renderer/tests/fixture.js', 'dist-main/electron/main.test.js', 'dist/renderer/index.html', 'dist/renderer/main.tsx', 'src-main/cli.ts']) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    expect(strays(packaged(dir, patterns)).sort()).toEqual(['dist-main/electron/main.test.js', 'dist/renderer/tests/fixture.js']);
  });

  it('the bundles import only Node built-ins, electron and production dependencies; no devDependency ships', () => {
    const imports = new Set<string>();
    for (const f of walk(join(root, 'dist-main')).map((x) => `dist-main/${x}`)) {
      const js = readFileSync(join(root, f), 'utf8');
      for (const m of js.matchAll(/(?:^|[\n;])\s*import\s[^;]*?from\s*["']([^"'.][^"']*)["']|import\(\s*["']([^"'.][^"']*)["']\s*\)|require\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
        imports.add(m[1] ?? m[2] ?? m[3]);
      }
    }
    expect(imports.size).toBeGreaterThan(3);
    const pkgName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
    const outside = [...imports].filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && s !== 'electron' && !(pkgName(s) in pkg.dependencies));
    expect(outside).toEqual([]);
    expect(Object.keys(pkg.dependencies).filter((d) => d in pkg.devDependencies)).toEqual([]);
    for (const tool of ['electron', 'electron-builder', 'tsx', 'vite', 'vitest', 'typescript', 'esbuild']) expect(pkg.dependencies[tool], tool).toBeUndefined();
  });
});
