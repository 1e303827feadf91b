#!/usr/bin/env node
// `jixiao` command line. Runs the bundle dist-cli/cli.js that `npm install` builds (the `prepare`
// script, `npm run build:cli`), so a start costs one file, not a TypeScript compile. In a checkout
// whose bundle is missing or older than the sources, it runs the sources through tsx instead and
// says so in one line on stderr.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'cli.js');

/**
 * Newest modification time of what the bundle is built from. A walk of our own: node 20's
 * `readdirSync(dir, { recursive: true })` takes 10–17 ms here, this 2 ms, on every start.
 */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['src-main', 'src-shared', 'templates']) if (existsSync(join(root, dir))) walk(join(root, dir));
  return newest;
}

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  process.stderr.write(`jixiao：命令行打包文件${existsSync(bundle) ? '早于源码' : '不存在'}，改用 tsx 直接运行源码（较慢；npm run build:cli 可重新打包）。\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src-main/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
