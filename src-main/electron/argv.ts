// Which documents a command line asks to open: `jixiao 甲.jixiao 乙.xlsx`, from the first start or
// from a second instance (which hands its argv and cwd to the first one, then quits).
import { isAbsolute, resolve } from 'node:path';

export const OPENABLE_ON_LAUNCH = /\.(jixiao)$/i;

export function documentPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  // argv[0] is the executable; in development argv[1] is the app folder ("." or a path).
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue; // Chromium/Electron switches
    if (!OPENABLE_ON_LAUNCH.test(arg)) continue;
    const full = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!out.includes(full)) out.push(full);
  }
  return out;
}
