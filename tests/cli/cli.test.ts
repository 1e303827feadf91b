// The real `jixiao` bin, run as a child process (node bin/jixiao.mjs …) on the seed fixtures.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDocumentFile } from '../../src-main/services/storage';
import { validateDocument } from '../../src-shared/validate';
import { COMMANDS } from '../../src-main/cli/commands';
import { defaultBudgetYear } from '../../src-shared/model';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, 'tests', 'fixtures', 'seeds');
const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-cli-'));

function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('jixiao --help', () => {
  it('lists every registered command and exits 0', () => {
    const r = jixiao('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout).toContain('用法：jixiao <命令>');
  });

  it('per-command help, through --help and through `help <command>`', () => {
    for (const c of COMMANDS) {
      const a = jixiao(c.name, '--help');
      expect(a.code, c.name).toBe(0);
      expect(a.stdout.startsWith(`用法：jixiao ${c.name}`), c.name).toBe(true);
    }
    expect(jixiao('help', 'validate').stdout).toContain('--json');
  });

  it('an unknown command or no command exits 2 with the overview on stderr', () => {
    const r = jixiao('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“frobnicate”的命令');
    expect(jixiao().code).toBe(2);
  });
});

describe('jixiao validate', () => {
  for (const seed of ['linxi-2019.jixiao', 'laishui-2020-a.jixiao']) {
    it(`${seed}: the report and the exit code agree with validateDocument`, async () => {
      const file = join(seeds, seed);
      const findings = validateDocument((await openDocumentFile(file)).document);
      const errors = findings.filter((f) => f.severity === 'error');
      const counted = findings.filter((f) => f.severity !== 'info');
      const human = jixiao('validate', file);
      expect(human.code).toBe(errors.length ? 1 : 0);
      expect(human.stdout).toContain(`${errors.length} 个错误，${counted.length - errors.length} 个警告`);
      for (const f of findings) expect(human.stdout.includes(f.message)).toBe(f.severity !== 'info'); // 提示 only with --all
      if (findings.some((f) => f.where.startsWith('部门职责-工作活动'))) expect(human.stdout).toContain('【部门职责-工作活动】');
      if (findings.some((f) => f.where.startsWith('项目'))) expect(human.stdout).toMatch(/【项目绩效目标表 › 项目 \d+/);

      const json = jixiao('validate', file, '--json');
      expect(json.code).toBe(human.code);
      expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(counted)));

      const all = jixiao('validate', file, '--json', '--all');
      expect(all.code).toBe(human.code);
      expect(JSON.parse(all.stdout)).toEqual(JSON.parse(JSON.stringify(findings)));
    });
  }

  it('--all lists the 提示 with their cells; --level 错误 only the errors; a bad level is a usage error', async () => {
    const file = join(seeds, 'laishui-2020-a.jixiao');
    const findings = validateDocument((await openDocumentFile(file)).document);
    const infos = findings.filter((f) => f.severity === 'info');
    expect(infos.length).toBeGreaterThan(0);
    const hidden = jixiao('validate', file);
    expect(hidden.stdout).toContain(`，${infos.length} 条提示（未列出 ${infos.length} 条，加 --all 列出）`);
    const all = jixiao('validate', file, '--all');
    for (const f of infos) expect(all.stdout).toContain(f.message);
    const group = infos.find((f) => f.code === 'basis.nonstandard' && f.cells)!;
    expect(all.stdout).toContain(`· ${group.cells![1].where.split(' › ').slice(1).join(' › ')}：“${group.cells![1].text}”`);
    expect(jixiao('validate', file, '--level', 'info').stdout).toBe(all.stdout);
    const errorsOnly = JSON.parse(jixiao('validate', file, '--json', '--level', '错误').stdout) as { severity: string }[];
    expect(errorsOnly.length).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(errorsOnly.every((f) => f.severity === 'error')).toBe(true);
    const bad = jixiao('validate', file, '--level', 'loud');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--level 的值应为 错误、警告 或 提示');
  });

  it('the seeds have errors to report (domain.md lists their defects)', () => {
    expect(jixiao('validate', join(seeds, 'linxi-2019.jixiao')).code).toBe(1);
  });

  it('exits 2 when the file cannot be read, with the reason in Chinese', () => {
    const dir = tmp();
    const missing = jixiao('validate', join(dir, '没有这个文件.jixiao'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('找不到“没有这个文件.jixiao”');

    writeFileSync(join(dir, 'x.jixiao'), '<html></html>');
    const notJixiao = jixiao('validate', join(dir, 'x.jixiao'));
    expect(notJixiao.code).toBe(2);
    expect(notJixiao.stderr).toContain('不是绩效目标表文件');

    const seed = JSON.parse(readFileSync(join(seeds, 'linxi-2019.jixiao'), 'utf8'));
    writeFileSync(join(dir, 'new.jixiao'), JSON.stringify({ ...seed, schemaVersion: 999 }));
    const newer = jixiao('validate', join(dir, 'new.jixiao'));
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain('更新版本');
  });

  it('bad arguments exit 2 with the usage', () => {
    const r = jixiao('validate', '--jsn', 'a.jixiao');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识的选项：--jsn');
    expect(r.stderr).toContain('用法：jixiao validate');
    expect(jixiao('validate').code).toBe(2);
  });
});

describe('jixiao new', () => {
  it('creates a document that opens and validates; refuses to overwrite without --force', async () => {
    const file = join(tmp(), '临西县人社局2019.jixiao');
    const r = jixiao('new', file, '--template', 'hebei-2020', '--dept', '323 临西县人力资源和社会保障局', '--year', '2019');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已新建');
    const { document, repairs } = await openDocumentFile(file);
    expect(repairs).toEqual([]);
    expect(document.meta).toEqual({ deptCode: '323', deptName: '临西县人力资源和社会保障局', year: 2019, unit: '万元', templateId: 'hebei-2020' });
    expect(document.dutyTable.duties).toEqual([]);
    const v = jixiao('validate', file);
    expect(v.code).toBe(validateDocument(document).some((f) => f.severity === 'error') ? 1 : 0);

    const before = readFileSync(file, 'utf8');
    const again = jixiao('new', file, '--template', 'national-2021', '--dept', '1 某局', '--year', '2021');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('文件已存在');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const forced = jixiao('new', file, '--template', 'national-2021', '--dept', '1 某局', '--year', '2021', '--unit', '元', '--force');
    expect(forced.code).toBe(0);
    expect((await openDocumentFile(file)).document.meta).toMatchObject({ deptName: '某局', year: 2021, unit: '元', templateId: 'national-2021' });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
  });

  it('without --year the document is for the default budget year (next year from September on)', async () => {
    const file = join(tmp(), 'a.jixiao');
    const r = jixiao('new', file, '--template', 'hebei-2020', '--dept', '1 某局');
    expect(r.code).toBe(0);
    const year = defaultBudgetYear();
    expect(r.stdout).toContain(`${year} 年`);
    expect((await openDocumentFile(file)).document.meta.year).toBe(year);
  });

  it('refuses bad arguments with exit 2 and creates nothing', () => {
    const dir = tmp();
    const file = join(dir, 'a.jixiao');
    const cases: [string[], string][] = [
      [['--template', 'shanxi', '--dept', '1 局', '--year', '2019'], '没有名为“shanxi”的模板'],
      [['--template', 'hebei-2020', '--dept', '1 局', '--year', '19'], '四位数'],
      [['--template', 'hebei-2020', '--year', '2019'], '--dept'],
      [['--template', 'hebei-2020', '--dept', '1 局', '--year', '2019', '--unit', '千元'], '--unit'],
    ];
    for (const [args, msg] of cases) {
      const r = jixiao('new', file, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(msg);
    }
    expect(existsSync(file)).toBe(false);
  });
});
