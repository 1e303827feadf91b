// Files named on the command line (first start or second instance) and the window title.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { documentPathsFromArgv } from '../../src-main/electron/argv';
import { formatWindowTitle } from '../../src-shared/ipc';

describe('documentPathsFromArgv', () => {
  it('takes .jixiao paths, resolves them against the cwd, skips switches and the executable', () => {
    const argv = ['/opt/jixiao/jixiao', '--allow-file-access-from-files', '.', '甲.jixiao', '/abs/乙.JIXIAO', 'notes.txt', '甲.jixiao'];
    expect(documentPathsFromArgv(argv, '/home/u')).toEqual([join('/home/u', '甲.jixiao'), '/abs/乙.JIXIAO']);
    expect(documentPathsFromArgv(['electron', '.'], '/x')).toEqual([]);
  });
});

describe('formatWindowTitle', () => {
  it('is 文件名 — 绩效目标表编辑器, with ● while modified', () => {
    expect(formatWindowTitle('甲.jixiao', false)).toBe('甲.jixiao — 绩效目标表编辑器');
    expect(formatWindowTitle('甲.jixiao', true)).toBe('● 甲.jixiao — 绩效目标表编辑器');
    expect(formatWindowTitle('', true)).toBe('● 未命名 — 绩效目标表编辑器');
    // A full title passed back in is not doubled.
    expect(formatWindowTitle('● 甲.jixiao — 绩效目标表编辑器', false)).toBe('甲.jixiao — 绩效目标表编辑器');
  });
});
