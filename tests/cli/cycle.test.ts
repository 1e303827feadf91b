// `jixiao rollover` and `jixiao diff` through the real command table, on the seed documents and the
// fixtures' Word/Excel files; the --xlsx report read back with openpyxl.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli';
import { openDocumentFile } from '../../src-main/services/storage';
import type { DiffReport } from '../../src-shared/cycle';
import { FIXTURE_DIR } from '../fixtures/paths';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, 'tests', 'fixtures', 'seeds');
const FIX = FIXTURE_DIR;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-cycle-'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function run(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jixiao rollover', () => {
  it('--dry-run lists the proposals (where, old, new) and writes nothing', async () => {
    const target = join(dir, 'dry.jixiao');
    const r = await run('rollover', join(seeds, 'laishui-2020-a.jixiao'), '-o', target, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('2020 年 → 2021 年：21 处年份替换建议');
    expect(r.out).toContain('  项目 1 › 项目名称\n    原文：2020年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）\n    新文：2021年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）');
    expect(r.out).not.toContain('冀财社【2020】');
    expect(existsSync(target)).toBe(false);
  });

  it('from a .docx: writes next year with every proposal applied, amounts cleared, source untouched; refuses to overwrite without --force', async () => {
    const src = join(FIX, 'laishui-2020-a.docx');
    const before = sha(src);
    const target = join(dir, 'laishui-2021.jixiao');
    const r = await run('rollover', src, '-o', target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已全部采用');
    expect(sha(src)).toBe(before);
    const doc = (await openDocumentFile(target)).document;
    expect(doc.meta.year).toBe(2021);
    expect(doc.projects[0].name).toBe('2021年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）');
    expect(doc.projects.every((p) => p.budget === '' && p.schedule.every((s) => s === '') && p.from)).toBe(true);
    expect(JSON.stringify(doc)).not.toMatch(/2020年/);

    writeFileSync(target, 'keep me');
    const again = await run('rollover', src, '-o', target);
    expect(again.code).toBe(1);
    expect(again.err).toContain('文件已存在');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect((await run('rollover', src, '-o', target, '--force')).code).toBe(0);
  });

  it('--year and --keep-amounts from an .xlsx', async () => {
    const target = join(dir, 'linxi-2022.jixiao');
    const r = await run('rollover', join(FIX, 'linxi-2019.xlsx'), '-o', target, '--year', '2022', '--keep-amounts');
    expect(r.code, r.err).toBe(0);
    const doc = (await openDocumentFile(target)).document;
    expect(doc.meta.year).toBe(2022);
    expect(doc.dutyTable.duties[0].budget).toBe('1235');
  });

  it('bad arguments and unreadable input: exit 2 with a Chinese message', async () => {
    expect((await run('rollover', join(seeds, 'linxi-2019.jixiao'))).err).toContain('请用 -o 指定新文档');
    expect((await run('rollover', join(seeds, 'linxi-2019.jixiao'), '-o', join(dir, 'x.jixiao'), '--year', '21')).code).toBe(2);
    const bad = join(dir, 'bad.docx');
    writeFileSync(bad, 'not a zip');
    const r = await run('rollover', bad, '-o', join(dir, 'y.jixiao'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('import.not-office');
    expect(existsSync(join(dir, 'y.jixiao'))).toBe(false);
  });
});

describe('jixiao diff', () => {
  it('identical documents: no differences, exit 0', async () => {
    const r = await run('diff', join(seeds, 'linxi-2019.jixiao'), join(seeds, 'linxi-2019.jixiao'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('两份文档没有差异。');
  });

  it('last year against its rollover: --json lists only the year replacements and the cleared amounts', async () => {
    const next = join(dir, 'laishui-next.jixiao');
    expect((await run('rollover', join(seeds, 'laishui-2020-a.jixiao'), '-o', next)).code).toBe(0);
    const r = await run('diff', join(seeds, 'laishui-2020-a.jixiao'), next, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as DiffReport;
    expect(report.summary.map((s) => s.line)).toEqual(['文档信息：修改 1 个单元格', expect.stringMatching(/^项目绩效目标表：改名 9 处，修改 \d+ 个单元格$/)]);
    for (const e of report.entries) {
      const cleared = e.new === '' && (['budget', 'fiscal', 'other'].includes(e.field!) || e.field!.startsWith('schedule.'));
      const yearText = e.old.replaceAll('2020年', '2021年') === e.new || (e.field === 'year' && e.new === '2021');
      expect(cleared || yearText, JSON.stringify(e)).toBe(true);
    }
  });

  it('the Word file against the edited document, with an --xlsx report read back by openpyxl', async () => {
    const edited = (await openDocumentFile(join(seeds, 'laishui-2020-a.jixiao'))).document;
    edited.projects[1].budget = '200';
    edited.projects[0].indicators[1].value = '≥95%';
    edited.projects.splice(2, 1);
    const file = join(dir, 'edited.jixiao');
    writeFileSync(file, JSON.stringify(edited));
    const xlsx = join(dir, 'report.xlsx');
    const r = await run('diff', join(FIX, 'laishui-2020-a.docx'), file, '--xlsx', xlsx);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain('修改：项目 2 › 2020年城乡居民养老保险个人缴费补贴 › 预算数：“169.94” → “200”（+17.7%）');
    expect(r.out).toContain('删除项目：项目 3 › 2020年机关事业退休人员统筹外项目');
    const py = spawnSync('/usr/bin/python3', ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {
        'rows': [[c.value for c in row] for row in ws.iter_rows()],
        'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
        'font': ws.cell(3, 1).font.name, 'border': ws.cell(3, 2).border.left.style,
    }
print(json.dumps(out, ensure_ascii=False))
`, xlsx], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const book = JSON.parse(py.stdout) as Record<string, { rows: (string | number | null)[][]; freeze: string; filter: string; font: string; border: string }>;
    expect(Object.keys(book)).toEqual(['对比明细', '汇总']);
    const changes = book['对比明细'];
    expect(changes.rows[1]).toEqual(['序号', '表格', '位置', '类型', '原内容', '新内容', '变化']);
    expect(changes.rows).toContainEqual([expect.any(Number), '项目 2：2020年城乡居民养老保险个人缴费补贴', '项目 2 › 2020年城乡居民养老保险个人缴费补贴 › 预算数', '修改项目', '169.94', '200', '+17.7%']);
    expect(changes.rows).toContainEqual([expect.any(Number), expect.any(String), expect.stringContaining('参保率（%）'), '修改指标', '≥90%', '≥95%', null]);
    expect(changes.rows).toContainEqual([expect.any(Number), expect.stringContaining('项目（上年 3）'), '项目 3 › 2020年机关事业退休人员统筹外项目', '删除项目', '2020年机关事业退休人员统筹外项目', null, null]);
    expect(changes).toMatchObject({ freeze: 'B3', filter: `A2:G${changes.rows.length}`, font: '宋体', border: 'thin' });
    const summary = book['汇总'];
    expect(summary.rows[1]).toEqual(['表格', '新增', '删除', '改名', '移动', '修改', '说明']);
    expect(summary.rows[2]).toEqual(['项目绩效目标表', 0, 1, 0, 0, 2, '项目绩效目标表：删除 1 行，修改 2 个单元格']);
    expect(summary).toMatchObject({ freeze: 'B3', font: '宋体', border: 'thin' });
  });
});
