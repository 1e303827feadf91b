// `jixiao templates`, `jixiao new --template <any profile>`, `jixiao convert` through the real bin.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PROFILES } from '../../src-shared/profile';
import { loadDocumentText } from '../../src-shared/model/load';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, 'tests', 'fixtures', 'seeds');
const tmp = () => mkdtempSync(join(tmpdir(), 'jixiao-formats-'));
function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const load = (file: string) => {
  const r = loadDocumentText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.document;
};

describe('jixiao templates', () => {
  it('lists every profile with its family; --json gives id, name, family', () => {
    const r = jixiao('templates');
    expect(r.code).toBe(0);
    for (const p of PROFILES) expect(r.stdout).toMatch(new RegExp(`^${p.id}\\s+\\S+\\s+${p.name.replace(/[()（）[\]|]/g, '.')}$`, 'm'));
    const j = jixiao('templates', '--json');
    expect(j.code).toBe(0);
    const list = JSON.parse(j.stdout);
    expect(list.map((x: { id: string }) => x.id)).toEqual(PROFILES.map((p) => p.id));
    expect(list.find((x: { id: string }) => x.id === 'national-88-dept')).toMatchObject({ family: 'department-wide', tables: ['department-wide', 'project'] });
    expect(jixiao('templates', 'extra').code).toBe(2);
  });
});

describe('jixiao new --template', () => {
  it('takes every profile', () => {
    const dir = tmp();
    for (const p of PROFILES) {
      const file = join(dir, `${p.id}.jixiao`);
      const r = jixiao('new', file, '--template', p.id, '--dept', '101 某县农业农村局', '--year', '2025');
      expect(r.code, `${p.id}: ${r.stderr}`).toBe(0);
      const doc = load(file);
      if (p.family === 'self-evaluation') expect(doc.meta.selfevalTemplateId).toBe(p.id);
      else expect(doc.meta.templateId).toBe(p.id);
      expect(doc.deptWide !== undefined).toBe(p.family === 'department-wide');
    }
    expect(jixiao('new', join(dir, 'x.jixiao'), '--template', 'nosuch', '--dept', '1 局', '--year', '2025').stderr).toContain('没有名为“nosuch”的模板');
  });
});

describe('jixiao convert', () => {
  it('--dry-run lists the changes and writes nothing', () => {
    const out = join(tmp(), 'out.jixiao');
    const r = jixiao('convert', join(seeds, 'laishui-2020-a.jixiao'), '--template', 'structured-project', '-o', out, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ 处变化：/);
    expect(r.stdout).toContain('表格格式：hebei-2020 → structured-project');
    expect(r.stdout).toMatch(/“≥90%” → 指标性质 ≥ \| 指标值 90 \| 度量单位 %/);
    expect(r.stdout).toContain('新表格不打印“指标值确定依据”列');
    expect(existsSync(out)).toBe(false);
  });

  it('writes the converted document; converting back restores every typed text', () => {
    const dir = tmp();
    const a = join(dir, 'a.jixiao'), b = join(dir, 'b.jixiao');
    expect(jixiao('convert', join(seeds, 'laishui-2020-a.jixiao'), '--template', 'structured-project', '-o', a).code).toBe(0);
    expect(jixiao('convert', a, '--template', 'hebei-2020', '-o', b).code).toBe(0);
    const seed = load(join(seeds, 'laishui-2020-a.jixiao'));
    const back = load(b);
    expect(back.meta.templateId).toBe('hebei-2020');
    const texts = (d: typeof seed) => d.projects.map((p) => p.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value, i.basis]));
    expect(texts(back)).toEqual(texts(seed));
    expect(back.dutyTable).toEqual(seed.dutyTable);
    expect(load(a).projects[0].indicators[0]).toMatchObject({ operator: '≥', number: '90', unit: '%' });
  });

  it('refuses an unknown template (2) and an existing output without --force (1)', () => {
    const dir = tmp();
    const seed = join(seeds, 'linxi-2019.jixiao');
    expect(jixiao('convert', seed, '--template', 'nosuch', '-o', join(dir, 'x.jixiao')).code).toBe(2);
    const r = jixiao('convert', seed, '--template', 'national-2021', '-o', seed);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
  });
});

describe('jixiao export --exchange / jixiao import', () => {
  it('writes the exchange sheet and reads it back exactly', async () => {
    const { exchangeRows } = await import('../../src-shared/export');
    const dir = tmp();
    const structured = join(dir, 'structured.jixiao');
    expect(jixiao('convert', join(root, 'tests/fixtures/frozen/v3-structured-deptwide.jixiao'), '--template', 'national-88-dept', '-o', structured).code).toBe(0);
    const sheet = join(dir, '指标导入表.xlsx');
    const e = jixiao('export', structured, '--exchange', sheet);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain('已导出指标导入表（5 条指标）');
    expect(existsSync(join(dir, 'structured.xlsx'))).toBe(false); // only the exchange sheet was asked for
    const back = join(dir, 'back.jixiao');
    const i = jixiao('import', sheet, '-o', back);
    expect(i.code, i.stderr).toBe(0);
    expect(exchangeRows(load(back))).toEqual(exchangeRows(load(structured)));
    expect(load(back).meta.templateId).toBe('national-88-dept');
    expect(jixiao('export', structured, '--exchange', join(dir, 'x.csv')).code).toBe(2);
  });
});
