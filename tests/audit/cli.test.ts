// `jixiao audit` over a folder of good, bad and hostile files, as the finance bureau receives them:
// the summary workbook read back with openpyxl, the exit codes, the 审核意见 documents (python-docx)
// and the HTML report.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli';
import { importOffice } from '../../src-shared/import';
import { validateDocument } from '../../src-shared/validate';
import { EXPECTED, FIXTURES, makeAuditFolder } from './folder';

const PY = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'jixiao-audit-'));
const folder = join(work, '收文');

type Sheet = { rows: (string | number | null)[][]; freeze: string; filter: string; header: { font: string; bold: boolean; border: boolean }; body: { font: string; border: boolean } | null };
const readWorkbook = (path: string): Record<string, Sheet> =>
  JSON.parse(execFileSync(PY, [join(__dirname, 'xlsx-read.py'), path], { encoding: 'utf8' }));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function audit(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(['audit', ...argv], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Errors the validator finds in a fixture imported on its own: the workbook must agree. */
function errorsOf(fixture: string): number {
  const r = importOffice(readFileSync(join(FIXTURES, fixture)), fixture);
  if (!r.ok) throw new Error(r.message);
  return validateDocument(r.document).filter((f) => f.severity === 'error').length;
}

beforeAll(async () => { await makeAuditFolder(folder); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('jixiao audit', () => {
  let book: Record<string, Sheet>;
  let run: Awaited<ReturnType<typeof audit>>;
  const before: Record<string, string> = {};

  beforeAll(async () => {
    for (const f of ['bad/linxi-2019.xlsx', 'hostile/bomb.docx', 'good/clean.jixiao']) before[f] = sha(join(folder, f));
    run = await audit(folder, '-o', join(work, '审核汇总.xlsx'), '--html', join(work, '报告.html'), '--per-file', join(work, '审核意见'), '--timeout', '30');
    book = readWorkbook(join(work, '审核汇总.xlsx'));
  }, 120_000);

  it('exit 2 when some file cannot be read; the totals line on stdout', () => {
    expect(run.code).toBe(2);
    expect(run.out).toContain('共 12 个文件：通过 3，有错误 2，无法读取 7，跳过 1 个其他文件');
  });

  it('汇总: one row per file with department, year, tables, counts, top codes and status', () => {
    const s = book['汇总'];
    expect(s.rows[1]).toEqual(['文件', '部门编码', '部门名称', '年度', '职责活动表', '项目表数', '自评表数', '错误', '警告', '最常见的问题', '状态']);
    const rows = new Map(s.rows.slice(2).map((r) => [r[0] as string, r]));
    expect([...rows.keys()].sort()).toEqual([...EXPECTED.read, ...Object.keys(EXPECTED.unreadable)].sort());
    expect(rows.get('good/clean.jixiao')).toEqual(['good/clean.jixiao', '323', '临西县人力资源和社会保障局', 2019, '有', 0, 0, 0, 0, null, '通过']);
    expect(rows.get('good/clean.xlsx')?.slice(1, 11)).toEqual(['323', '临西县人力资源和社会保障局', 2019, '有', 0, 0, 0, 0, null, '通过']);
    const linxi = rows.get('bad/linxi-2019.xlsx')!;
    expect(linxi[7]).toBe(errorsOf('linxi-2019.xlsx'));
    expect(linxi[7]).toBeGreaterThan(0);
    expect(linxi[9]).toContain('band.unreachable×1');
    expect(linxi[10]).toBe('有错误');
    const laishui = rows.get('bad/laishui-2020-a.docx')!;
    expect(laishui.slice(1, 7)).toEqual(['323002', '涞水县人力资源和社会保障局', 2020, '无', 12, 0]);
    expect(laishui[7]).toBe(errorsOf('laishui-2020-a.docx'));
    expect(String(laishui[9]).split('，')).toHaveLength(3);
    for (const f of Object.keys(EXPECTED.unreadable)) expect(rows.get(f)?.[10]).toBe('无法读取');
  });

  it('问题明细: every finding with file, table, where, cell text, message, code — counts agree with 汇总', () => {
    const s = book['问题明细'];
    expect(s.rows[1]).toEqual(['文件', '表', '位置', '单元格原文', '问题', '代码', '级别']);
    const details = s.rows.slice(2);
    for (const r of book['汇总'].rows.slice(2)) {
      if (r[10] === '无法读取') continue;
      expect(details.filter((d) => d[0] === r[0] && d[6] === '错误').length).toBe(r[7]);
      expect(details.filter((d) => d[0] === r[0] && d[6] === '警告').length).toBe(r[8]);
    }
    const gap = details.find((d) => d[0] === 'bad/linxi-2019.xlsx' && d[5] === 'band.unreachable')!;
    expect(gap[1]).toBe('部门职责-工作活动');
    expect(gap[2]).toContain('开展就业服务指导培训次数');
    expect(gap[3]).toBe('＜2');
    expect(gap[4]).toContain('永远不会被评到');
    const project = details.find((d) => d[0] === 'bad/laishui-2020-a.docx' && d[6] === '错误')!;
    expect(project[1]).toMatch(/^项目绩效目标表 › 项目 \d+ \S/);
    // XXE: the entity is kept as text, never resolved against the disk
    expect(JSON.stringify(book)).not.toContain('root:x:0');
  });

  it('无法读取: each unreadable file with its reason in Chinese and the code; others skipped', () => {
    const rows = book['无法读取'].rows.slice(2);
    expect(Object.fromEntries(rows.map((r) => [r[0], [r[3], r[1]]]))).toEqual(EXPECTED.unreadable);
    for (const r of rows) expect(String(r[2])).toMatch(/[\u4e00-\u9fff]/);
    expect(book['已跳过'].rows.slice(2).map((r) => r[0])).toEqual(EXPECTED.skipped);
  });

  it('official style on every sheet: 宋体, borders, frozen title+header rows, filter on the header', () => {
    for (const [name, s] of Object.entries(book)) {
      expect(s.freeze, name).toBe('B3');
      expect(s.filter, name).toMatch(/^A2:[A-Z]+\d+$/);
      expect(Number(/\d+$/.exec(s.filter)![0]), name).toBe(s.rows.length);
      expect(s.header, name).toEqual({ font: '宋体', bold: true, border: true });
      if (s.body) expect(s.body, name).toEqual({ font: '宋体', bold: false, border: true });
    }
  });

  it('one 审核意见 .docx per file read, its findings grouped by table', () => {
    const names = readdirSync(join(work, '审核意见')).sort();
    expect(names).toEqual(EXPECTED.read.map((f) => `${f.replace('/', '_').replace(/\.(\w+)$/, '（$1）')}审核意见.docx`).sort());
    const dump = (f: string) => JSON.parse(execFileSync(PY, ['-c', `
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps({'paras': [p.text for p in d.paragraphs if p.text], 'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, ensure_ascii=False))
`, join(work, '审核意见', f)], { encoding: 'utf8' })) as { paras: string[]; tables: string[][][] };
    const linxi = dump('bad_linxi-2019（xlsx）审核意见.docx');
    expect(linxi.paras[0]).toBe('2026 年度绩效目标表审核意见'.replace('2026', String(book['汇总'].rows.find((r) => r[0] === 'bad/linxi-2019.xlsx')![3])));
    expect(linxi.paras).toContain('323临西县人力资源和社会保障局\t文件：bad/linxi-2019.xlsx');
    expect(linxi.paras).toContain('部门职责-工作活动');
    expect(linxi.tables[0][0]).toEqual(['序号', '级别', '位置', '单元格原文', '问题及修改建议', '代码']);
    expect(linxi.tables[0].some((r) => r[1] === '错误' && r[3] === '＜2' && r[5] === 'band.unreachable')).toBe(true);
    const laishui = dump('bad_laishui-2020-a（docx）审核意见.docx');
    const headings = laishui.paras.filter((p) => p.startsWith('项目绩效目标表 › 项目'));
    expect(headings.length).toBe(laishui.tables.length);
    expect(new Set(headings).size).toBe(headings.length); // one group per table
    const clean = dump('good_clean（jixiao）审核意见.docx');
    expect(clean.paras).toContain('审核通过：没有发现错误或警告。');
    expect(clean.tables).toHaveLength(0);
  });

  it('the HTML report: same summary, each unreadable reason, findings by table; self-contained', () => {
    const html = readFileSync(join(work, '报告.html'), 'utf8');
    expect(html).toContain('共 12 个文件：通过 3，有错误 2，无法读取 7');
    for (const [f, [, reason]] of Object.entries(EXPECTED.unreadable)) {
      expect(html).toMatch(new RegExp(`<td>${f}</td><td>${reason.replace(/[.()（）]/g, '\\$&')}</td>`));
    }
    expect(html).toContain('<h4>部门职责-工作活动</h4>');
    expect(html).toContain('<td>＜2</td>');
    expect(html).not.toMatch(/<script|https?:\/\/|src=/i);
  });

  it('the audited files are only read', () => {
    for (const [f, h] of Object.entries(before)) expect(sha(join(folder, f))).toBe(h);
  });
});

describe('jixiao audit exit codes and arguments', () => {
  it('0 when every file is read and none has errors; 1 when some have errors', async () => {
    const good = await makeAuditFolder(join(work, 'good-only'), { withBad: false, withHostile: false });
    const a = await audit(good, '-o', join(work, 'g.xlsx'));
    expect(a.code).toBe(0);
    expect(a.out).toContain('共 2 个文件：通过 2，有错误 0，无法读取 0');
    const mixed = await makeAuditFolder(join(work, 'good-bad'), { withHostile: false });
    const b = await audit(mixed, '-o', join(work, 'gb.xlsx'));
    expect(b.code).toBe(1);
  }, 120_000);

  it('files named one by one; --json lists every file; an output inside the folder is not audited', async () => {
    const good = join(work, 'good-only');
    await audit(good, '-o', join(good, '汇总.xlsx'));
    const again = await audit(good, '-o', join(good, '汇总.xlsx'), '--json');
    expect(again.code).toBe(0); // last run's 汇总.xlsx (no performance table in it) was left out
    const json = JSON.parse(again.out) as { files: { file: string; status: string }[]; exitCode: number };
    expect(json.files.map((f) => f.file)).toEqual(['good/clean.jixiao', 'good/clean.xlsx', 'notes.txt']);
    const one = await audit(join(FIXTURES, 'linxi-2019.docx'), '--json');
    expect(JSON.parse(one.out).files).toMatchObject([{ file: 'linxi-2019.docx', status: 'read', source: 'docx' }]);
    expect(one.code).toBe(1);
  }, 120_000);

  it('bad arguments: exit 2 with a Chinese message and the usage', async () => {
    const a = await audit(work);
    expect(a.code).toBe(2);
    expect(a.err).toContain('请用 -o 指定审核汇总 .xlsx 文件');
    expect(a.err).toContain('用法：jixiao audit');
    const b = await audit(join(work, '没有这个文件夹'), '-o', join(work, 'x.xlsx'));
    expect(b.code).toBe(2);
    expect(b.err).toContain('找不到');
    const c = await audit(work, '-o', join(work, 'x.csv'));
    expect(c.err).toContain('.xlsx');
  });
});
