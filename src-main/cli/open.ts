// Opening the .jixiao file a command works on. When it cannot be read, the reason (and the first
// located issues) go to stderr in Chinese and the command exits 2.
import { isJixiaoError } from '../services/errors';
import { openDocumentFile, type OpenedFile } from '../services/storage';
import type { Print } from './command';

export async function openForCommand(file: string, err: Print): Promise<OpenedFile | null> {
  try {
    return await openDocumentFile(file);
  } catch (e) {
    err(isJixiaoError(e) ? `无法读取：${e.message}` : `无法读取：${String(e)}`);
    if (isJixiaoError(e)) for (const i of e.issues.slice(0, 10)) err(`  ${i.path}：${i.message}`);
    return null;
  }
}
