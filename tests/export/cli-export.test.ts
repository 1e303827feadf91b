import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseExportArgs, parseProjectList, runExport } from '../../src-main/cli/export';
import { SEEDS_DIR } from './helpers';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  const input = join(dir, '涞水.jixiao');
  copyFileSync(join(SEEDS_DIR, 'laishui-2020-a.jixiao'), input);
  return { dir, input };
}

async function run(args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await runExport(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('jixiao export', () => {
  it('parses project lists', () => {
    expect(parseProjectList('1,3-5')).toEqual([1, 3, 4, 5]);
    expect(parseProjectList('5，2')).toEqual([2, 5]);
    expect(() => parseProjectList('a')).toThrow(/写法不正确/);
    expect(() => parseProjectList('5-2')).toThrow(/范围不正确/);
    expect(parseExportArgs(['x.jixiao', '--projects', '2-3', '--sheet-per-project', '--no-duty']).options)
      .toEqual({ projects: [1, 2], sheetPerProject: true, dutyTable: false });
  });

  it('writes both formats next to the input with the default names', async () => {
    const { dir, input } = setup();
    const r = await run([input]);
    expect(r.code).toBe(0);
    const names = readdirSync(dir).sort();
    expect(names).toContain('涞水县人力资源和社会保障局2020年绩效目标表.xlsx');
    expect(names).toContain('涞水县人力资源和社会保障局2020年绩效目标表.docx');
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(r.out).toHaveLength(2);
  });

  it('honours --xlsx, --docx and --projects', async () => {
    const { dir, input } = setup();
    const x = join(dir, 'out.xlsx'), d = join(dir, 'out.docx');
    const r = await run([input, '--xlsx', x, '--docx', d, '--projects', '2']);
    expect(r.code).toBe(0);
    const docXml = strFromU8(unzipSync(readFileSync(d))['word/document.xml']);
    expect(docXml).toContain('2、2020年城乡居民养老保险个人缴费补贴绩效目标表');
    expect(docXml).not.toContain('1、2020年城乡居民基本养老保险中央补助资金');
    expect(existsSync(x)).toBe(true);
  });

  it('reports usage errors and missing files in Chinese with exit codes', async () => {
    const { dir, input } = setup();
    expect((await run([])).code).toBe(2);
    const bad = await run([input, '--projects', '99']);
    expect(bad.code).toBe(2);
    expect(bad.err.join()).toContain('没有第 99 个');
    const unknown = await run([input, '--pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toContain('不认识的选项');
    const missing = await run([join(dir, 'nope.jixiao')]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/找不到/);
  });
});
