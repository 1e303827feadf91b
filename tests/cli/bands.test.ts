// `jixiao bands`, the real bin as a child process on copies of the Linxi seed with bands removed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDocumentFile } from '../../src-main/services/storage';
import { validateDocument } from '../../src-shared/validate';
import type { JixiaoDocument } from '../../src-shared/model';

const root = join(import.meta.dirname, '..', '..');
const seed = join(root, 'tests', 'fixtures', 'seeds', 'linxi-2019.jixiao');

function jixiao(userData: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], {
    encoding: 'utf8', cwd: root, timeout: 60_000, env: { ...process.env, JIXIAO_USER_DATA: userData },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the seed with each indicator's bands changed by `cut`, and an empty user-data folder. */
function copyWith(cut: (bands: string[]) => string[]): { file: string; userData: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bands-'));
  const doc = JSON.parse(readFileSync(seed, 'utf8')) as JixiaoDocument;
  for (const d of doc.dutyTable.duties) for (const a of [d, ...d.activities]) for (const i of a.indicators) i.bands = cut(i.bands) as typeof i.bands;
  const file = join(dir, '临西2019.jixiao');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return { file, userData: join(dir, 'userdata') };
}

const bandFindings = (doc: JixiaoDocument) => validateDocument(doc).filter((f) => f.code.startsWith('band.'));

describe('jixiao bands', () => {
  it('lists drafts without touching the file', () => {
    const { file, userData } = copyWith((b) => [b[0], '', '', '']);
    const before = readFileSync(file, 'utf8');
    const r = jixiao(userData, 'bands', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('就业服务到位率：100% / （空） / （空） / （空） → 建议 100% / ≥90% / ≥80% / <80%');
    expect(r.stdout).toContain('共 36 个指标的评价标准为空或有问题，其中 36 个已拟出建议。');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--fill writes the empty bands, keeps a .bak, and leaves zero band findings; a second run has nothing to do', async () => {
    const { file, userData } = copyWith((b) => [b[0], '', '', '']);
    const before = readFileSync(file, 'utf8');
    const r = jixiao(userData, 'bands', file, '--fill');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已写入 108 个单元格，已保存：${file}`);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
    const after = (await openDocumentFile(file)).document;
    expect(bandFindings(after)).toEqual([]);
    const again = jixiao(userData, 'bands', file, '--fill');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('没有可写入的建议，文件未改动。');
  });

  it('--json lists each indicator; faulty tables are rewritten only with --replace-faulty', async () => {
    const { file, userData } = copyWith((b) => b);
    const r = jixiao(userData, 'bands', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string; status: string; proposal: { ok: boolean; bands?: string[] } }[];
    expect(rows.map((x) => [x.name, x.status])).toEqual([['开展就业服务指导培训次数', 'faulty']]);
    expect(jixiao(userData, 'bands', file, '--fill').code).toBe(1);
    expect(jixiao(userData, 'bands', file, '--fill', '--replace-faulty').code).toBe(0);
    expect(bandFindings((await openDocumentFile(file)).document)).toEqual([]);
  });

  it('--scoring drafts 评（扣）分标准 for the project indicators (Laishui 2020) and fills them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-scoring-'));
    const file = join(dir, '涞水2020.jixiao');
    writeFileSync(file, readFileSync(join(root, 'tests', 'fixtures', 'seeds', 'laishui-2020-a.jixiao')));
    const userData = join(dir, 'userdata');
    const listed = jixiao(userData, 'bands', file, '--scoring', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { indicatorId: string; value: string; proposal: { ok: boolean; text?: string } }[];
    const drafted = rows.filter((r) => r.proposal.ok);
    expect(drafted.length).toBeGreaterThan(20);
    const rate = drafted.find((r) => /^≥\d+%$/.test(r.value))!;
    expect(rate.proposal.text).toBe(`完成值达到指标值（${rate.value}）的得权重分；未达到的，得分=完成值÷指标值×权重，最高不超过权重分。`);
    const r = jixiao(userData, 'bands', file, '--scoring', '--fill');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已写入 ${drafted.length} 个单元格`);
    const after = (await openDocumentFile(file)).document;
    const byId = new Map(after.projects.flatMap((p) => p.indicators).map((i) => [i.id, i]));
    for (const d of drafted) expect(byId.get(d.indicatorId)!.scoring).toBe(d.proposal.text);
  });

  it('refuses bad arguments and unreadable files with a reason', () => {
    const { file, userData } = copyWith((b) => b);
    expect(jixiao(userData, 'bands').code).toBe(2);
    const r = jixiao(userData, 'bands', file, '--replace-faulty');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--replace-faulty 需要与 --fill 一起使用');
    writeFileSync(file, '{ not json');
    expect(jixiao(userData, 'bands', file).code).toBe(2);
  });
});
