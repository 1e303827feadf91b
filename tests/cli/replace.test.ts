// `jixiao replace`, the real bin as a child process on copies of the seed fixtures.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDocumentFile } from '../../src-main/services/storage';
import { countMatches, findAll } from '../../src-shared/find';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, 'tests', 'fixtures', 'seeds');
const ALL = { wholeCell: false, matchCase: false, matchWidth: false, scope: { table: 'all' as const } };

function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function copyOf(seed: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jixiao-replace-')), seed);
  copyFileSync(join(seeds, seed), file);
  return file;
}

describe('jixiao replace', () => {
  it('refuses a replacement Word/Excel files cannot hold (U+FFFE): exit 2, the file untouched', () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const original = readFileSync(file, 'utf8');
    const r = jixiao('replace', file, '【2019】', '【2020\uFFFE】');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('替换为的内容含有无法保存到 Word/Excel 的字符 U+FFFE，已拒绝；文件未改动。');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('replaces in every project, lists each cell, saves atomically with .bak', async () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const original = readFileSync(file, 'utf8');
    const before = findAll((await openDocumentFile(file)).document, '【2019】', ALL);
    expect(before.length).toBeGreaterThan(30);
    const r = jixiao('replace', file, '【2019】', '【2020】');
    expect(r.code, r.stderr).toBe(0);
    const n = countMatches(before);
    expect(r.stdout).toContain(`已替换 ${n} 处（${before.length} 个单元格），已保存：${file}`);
    expect(r.stdout).toContain('项目 5 › 项目名称：“2020年省级城乡居民养老保险补助资金（冀财社【2019】88号）” → “2020年省级城乡居民养老保险补助资金（冀财社【2020】88号）”');
    for (const h of before) expect(r.stdout).toContain(`${h.where}：“${h.text}”`);
    const after = (await openDocumentFile(file)).document;
    expect(findAll(after, '【2019】', ALL)).toEqual([]);
    expect(countMatches(findAll(after, '【2020】', ALL))).toBe(n);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
  });

  it('--dry-run lists the hits and leaves the file untouched', () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const original = readFileSync(file, 'utf8');
    const r = jixiao('replace', file, '政府批示', '计划标准', '--dry-run', '--whole-cell');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('将替换 56 处（56 个单元格）；未修改文件（--dry-run）');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('an amount that would stop being a number is not replaced and is listed with the reason', async () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const r = jixiao('replace', file, '1673', '一千六');
    expect(r.code).toBe(0); // 项目 5 的 目标 text cells still change
    expect(r.stdout).toContain('未替换 2 个单元格：');
    expect(r.stdout).toMatch(/项目 5 › 预算数：“1673\.00”——替换后为“一千六\.00”，不是有效的金额，未替换/);
    const p5 = (await openDocumentFile(file)).document.projects[4];
    expect([p5.budget, p5.fiscal]).toEqual(['1673', '1673']);
  });

  it('an amount typed with another unit is converted into the document’s unit, and the conversion is said', async () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const r = jixiao('replace', file, '1673.00', '16800000元', '--whole-cell');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已按万元换算：16800000元 = 1680万元');
    expect(r.stdout).not.toContain('未替换');
    const p5 = (await openDocumentFile(file)).document.projects[4];
    expect([p5.budget, p5.fiscal]).toEqual(['1680', '1680']);
  });

  it('nothing to replace: exit 1, file untouched; unreadable file or bad arguments: exit 2', () => {
    const file = copyOf('linxi-2019.jixiao');
    const original = readFileSync(file, 'utf8');
    const none = jixiao('replace', file, '没有这段文字', 'x');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('没有找到“没有这段文字”，文件未改动');
    expect(readFileSync(file, 'utf8')).toBe(original);

    const missing = jixiao('replace', join(tmpdir(), '不存在的文件.jixiao'), 'a', 'b');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取');

    const bad = join(mkdtempSync(join(tmpdir(), 'jixiao-replace-')), 'bad.jixiao');
    writeFileSync(bad, '{"format":"jixiao"');
    expect(jixiao('replace', bad, 'a', 'b').code).toBe(2);

    const tooFew = jixiao('replace', file, '2019');
    expect(tooFew.code).toBe(2);
    expect(tooFew.stderr).toContain('请指定替换为的内容');
    expect(tooFew.stderr).toContain('用法：jixiao replace');
    expect(jixiao('replace', file, '', 'x').code).toBe(2);
    expect(jixiao('replace', file, 'a', 'b', '--frob').stderr).toContain('不认识的选项：--frob');
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});
