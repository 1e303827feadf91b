// package.json says what ships. `dependencies` is exactly what the programs import when they run —
// the Electron main process, its preload and workers, and the `jixiao` command line — found by
// esbuild resolving the real import graph from those entry points (packages left external, so each
// bare import shows up as a package name). Everything else — the renderer's libraries (React, AG
// Grid, Zustand: Vite bundles them into dist/renderer, so nothing of them is required at run time),
// bench-only (`docx`) and test-only (`fast-xml-parser`) libraries, build tools (`esbuild`, `vite`) —
// is a devDependency, and every package the tests, scripts and configs import is declared.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

/** What runs on a user's machine: the entry points of build:electron and build:cli. */
const RUNTIME_ENTRIES = ['src-main/electron/main.ts', 'src-main/preload.ts', 'src-main/office-worker.ts', 'src-main/audit-worker.ts', 'src-main/cli.ts'];

const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s) || builtinModules.includes(s.split('/')[0]);

/** Bare packages the runtime entries import, with the first source file that imports each. */
async function runtimePackages(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: RUNTIME_ENTRIES.map((e) => join(root, e)), absWorkingDir: root, bundle: true, platform: 'node', format: 'esm',
    packages: 'external', write: false, metafile: true, outdir: join(root, 'dist-deps-scan'), logLevel: 'silent',
  });
  const found = new Map<string, string>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) {
      if (!imp.external || imp.path.startsWith('.') || isBuiltin(imp.path)) continue;
      const name = packageName(imp.path);
      if (!found.has(name)) found.set(name, file);
    }
  }
  return found;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'fixtures' || e.name === 'artifacts') continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, out); else if (/\.(ts|tsx|mjs|js|cjs)$/.test(e.name)) out.push(abs);
  }
  return out;
}

/** Bare imports written in a file (static, dynamic, require, `import type`), as TypeScript's scanner reads them. */
function importsIn(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName).filter((s) => !s.startsWith('.') && !s.startsWith('/'));
}

describe('package.json dependencies', () => {
  it('every package the running programs import is a dependency, and every dependency is imported by them', async () => {
    const used = await runtimePackages();
    expect(used.size).toBeGreaterThan(3); // the scan sees the graph (exceljs, zod, fflate, …)
    const undeclared = [...used].filter(([name]) => name !== 'electron' && !(name in pkg.dependencies)).map(([n, f]) => `${n} (${f})`);
    expect(undeclared, 'imported at run time but not in "dependencies"').toEqual([]);
    const unused = Object.keys(pkg.dependencies).filter((d) => !used.has(d));
    expect(unused, 'in "dependencies" but never imported at run time: move to devDependencies').toEqual([]);
  }, 60_000);

  it('the scan is real: it finds a package that only one command imports (cli-progress, the audit progress bar)', async () => {
    const used = await runtimePackages();
    expect(used.get('cli-progress')).toMatch(/^src-main\/cli\//);
    expect(used.has('react')).toBe(false); // the renderer is not a Node entry point
  }, 60_000);

  it('libraries that only tests, benches and builds use are devDependencies', () => {
    for (const dev of ['docx', 'fast-xml-parser', 'esbuild', 'react', 'ag-grid-community', 'zustand', 'vite']) {
      expect(pkg.dependencies[dev], dev).toBeUndefined();
      expect(pkg.devDependencies[dev], dev).toBeDefined();
    }
  });

  it('every package imported anywhere in the repo (tests, scripts, configs, renderer) is declared', () => {
    const files = [...['src-main', 'src-shared', 'src-renderer', 'tests', 'scripts', 'bin'].flatMap((d) => walk(join(root, d))), ...['vite.config.ts', 'vitest.config.ts', 'eslint.config.js'].map((f) => join(root, f))];
    const undeclared = new Set<string>();
    for (const f of files) {
      for (const s of importsIn(f)) {
        const name = packageName(s);
        if (isBuiltin(s) || name === 'electron' || name in pkg.dependencies || name in pkg.devDependencies) continue;
        undeclared.add(`${name} (${relative(root, f)})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it('the tools package.json scripts call are declared', () => {
    const tools = new Set<string>();
    for (const script of Object.values(pkg.scripts)) {
      for (const part of script.replace(/"(?:[^"\\]|\\.)*"/g, '""').split(/&&|\|\||;/)) { // quoted arguments (the CLI banner) are no commands
        const bin = part.trim().split(/\s+/)[0];
        if (['npm', 'node', 'npx', ''].includes(bin)) continue;
        tools.add(bin);
      }
    }
    expect([...tools].sort()).toEqual(['electron-builder', 'esbuild', 'eslint', 'tsc', 'tsx', 'vite', 'vitest']);
    const provider: Record<string, string> = { tsc: 'typescript' };
    for (const t of tools) expect(pkg.devDependencies[provider[t] ?? t], t).toBeDefined();
  });
});
