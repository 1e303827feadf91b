#!/usr/bin/env node
// `npm start`: run the desktop app with Electron when its binary is on this machine; otherwise say
// so in one line and point to browser mode. Never require('electron') here: that would start
// Electron's lazy download of the binary, which these machines cannot reach.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.JIXIAO_ROOT || join(dirname(fileURLToPath(import.meta.url)), '..');

export const MISSING_LINE =
  '本机没有 Electron 程序文件（无法下载），请改用 npm run start:web 在浏览器中运行。 / Electron binary not available on this machine — use `npm run start:web` (browser mode).';

/** The Electron executable, or null — from node_modules/electron/path.txt, as electron/index.js would, minus the download. */
export function electronBinary(rootDir = root, env = process.env) {
  const pkg = join(rootDir, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  if (!rel) return null;
  const bin = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(pkg, 'dist', rel);
  return existsSync(bin) ? bin : null;
}

function run(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function main() {
  const bin = electronBinary();
  if (!bin) {
    console.log(MISSING_LINE);
    process.exit(0);
  }
  run('build:web');
  run('build:electron');
  const child = spawn(bin, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

main();
