// Where the app keeps its own files. The same folder in the desktop app (Electron's userData is set
// to <appData>/jixiao in electron/main.ts), browser mode and the command line, so recovery copies
// and the 指标库 are shared by all three.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JIXIAO_USER_DATA) return resolve(env.JIXIAO_USER_DATA);
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'jixiao');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'jixiao');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'jixiao');
}

export function defaultDocumentsDir(): string {
  for (const name of ['Documents', '文档']) {
    const dir = join(homedir(), name);
    if (existsSync(dir)) return dir;
  }
  return homedir();
}
