// `jixiao` command line. bin/jixiao.mjs runs the bundle dist-cli/cli.js that `npm install` builds
// (build:cli; through tsx only when that bundle is missing or stale). Commands are in
// src-main/cli/commands.ts; a command's code is imported only when it runs, so `--help` and
// `--version` load this file and the table only.
import { readFileSync } from 'node:fs';
import { COMMANDS } from './cli/commands';
import type { Print } from './cli/command';

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function overview(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    '绩效目标表编辑器（jixiao）命令行',
    '',
    '用法：jixiao <命令> [参数]',
    '',
    '命令：',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    `  ${'help'.padEnd(w)}  显示某个命令的说明：jixiao help <命令>`,
    '',
    '选项：--help 显示帮助，--version 显示版本',
    '每个命令的详细说明：jixiao <命令> --help',
  ].join('\n');
}

/** Returns the exit code. */
export async function main(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    (first ? out : err)(overview());
    return first ? 0 : 2;
  }
  if (first === '--version' || first === '-v') { out(version()); return 0; }
  if (first === 'help') {
    if (!rest[0]) { out(overview()); return 0; }
    const c = COMMANDS.find((x) => x.name === rest[0]);
    if (!c) { err(`没有名为“${rest[0]}”的命令。`); err(overview()); return 2; }
    out((await c.load()).usage);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    err(`没有名为“${first}”的命令。`);
    err(overview());
    return 2;
  }
  try {
    const code = await cmd.load();
    if (rest.includes('--help') || rest.includes('-h')) { out(code.usage); return 0; }
    return await code.run(rest, out, err);
  } catch (e) {
    err(`出错了：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
