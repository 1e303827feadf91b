// `jixiao selfeval init`, run as a child process on a copy of a seed file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDocumentFile } from '../../src-main/services/storage';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, 'tests', 'fixtures', 'seeds');

function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function copyOf(seed: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jixiao-selfeval-')), '涞水2020.jixiao');
  copyFileSync(join(seeds, seed), file);
  return file;
}

describe('jixiao selfeval init', () => {
  it('creates every project\'s part from its target table, saves with .bak, prints what it created', async () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const before = (await openDocumentFile(file)).document;
    const r = jixiao('selfeval', 'init', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已为 ${before.projects.length} 个项目生成绩效自评表（模板：河北省 2019 年部门预算项目绩效自评表）`);
    const after = (await openDocumentFile(file)).document;
    before.projects.forEach((p, i) => {
      const se = after.projects[i].selfeval!;
      expect(se.indicators.map((x) => [x.from, x.name, x.target])).toEqual(p.indicators.map((x) => [x.id, x.name, x.value]));
      expect(se.funds.planned.total).toBe(p.budget);
      expect(se.goal).toBe(p.goal);
      expect(r.stdout).toContain(`项目 ${i + 1} ${p.name.trim()}：${p.indicators.length} 个指标`);
    });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(readFileSync(join(seeds, 'laishui-2020-a.jixiao'), 'utf8'));
  });

  it('never overwrites existing self-evaluation content; a second run changes nothing', async () => {
    const file = copyOf('laishui-2020-a.jixiao');
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    jixiao('selfeval', 'init', file);
    const once = JSON.parse(readFileSync(file, 'utf8'));
    once.projects[0].selfeval.indicators[0].actual = '手工填写的实际值';
    once.projects[1].selfeval = undefined;
    writeFileSync(file, JSON.stringify(once));
    const r = jixiao('selfeval', 'init', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已为 1 个项目生成绩效自评表');
    expect(r.stdout).toContain(`已有绩效自评表、未改动：项目 1 ${raw.projects[0].name.trim()}`);
    const doc = (await openDocumentFile(file)).document;
    expect(doc.projects[0].selfeval!.indicators[0].actual).toBe('手工填写的实际值');
    expect(doc.projects[1].selfeval!.indicators).toHaveLength(raw.projects[1].indicators.length);
    const bytes = readFileSync(file, 'utf8');
    const again = jixiao('selfeval', 'init', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('都已有绩效自评表，文件未改动');
    expect(readFileSync(file, 'utf8')).toBe(bytes);
  });

  it('--template chooses the national 2020 form: indicator 分值 carried over', async () => {
    const file = copyOf('laishui-2020-a.jixiao');
    expect(jixiao('selfeval', 'init', file, '--template', 'selfeval-national-2020').code).toBe(0);
    const doc = (await openDocumentFile(file)).document;
    expect(doc.meta.selfevalTemplateId).toBe('selfeval-national-2020');
    expect(doc.projects[0].selfeval!.indicators.every((i) => i.weight !== '')).toBe(true);
  });

  it('bad arguments exit 2 with the usage; an unreadable file exits 2 and is not touched', () => {
    const noSub = jixiao('selfeval', 'x.jixiao');
    expect(noSub.code).toBe(2);
    expect(noSub.stderr).toContain('没有名为“x.jixiao”的子命令');
    expect(noSub.stderr).toContain('用法：jixiao selfeval init');
    const badTemplate = jixiao('selfeval', 'init', 'x.jixiao', '--template', 'nope');
    expect(badTemplate.code).toBe(2);
    expect(badTemplate.stderr).toContain('没有名为“nope”的自评表模板');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-selfeval-'));
    const bad = join(dir, '坏.jixiao');
    writeFileSync(bad, '{"format":"jixiao","schemaVersion":2,');
    const r = jixiao('selfeval', 'init', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法读取');
    expect(readFileSync(bad, 'utf8')).toBe('{"format":"jixiao","schemaVersion":2,');
    expect(existsSync(`${bad}.bak`)).toBe(false);
  });
});
