// Frozen old-version fixtures: files written by earlier schema versions must load forever.
// tests/fixtures/frozen/v{N}-*.jixiao never change (their hashes are pinned here); when the schema
// moves on, add `<name>.expected.json` holding what the file must load as at the current version.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocumentText } from '../../src-shared/model/load';
import { SCHEMA_VERSION } from '../../src-shared/model/schema';

const dir = join(import.meta.dirname, '..', 'fixtures', 'frozen');
const PINNED: Record<string, string> = {
  'v1-linxi-2019.jixiao': '3fd25d84777d9cec2f84ee01b998d4825a9e142b21214ed805a160f7bf2397cc',
  'v1-laishui-2020-a-extra-fields.jixiao': '8410a933ae2d1a4946d9e56cba24563cc121cb36bc37ec4b404484661250e070',
  'v2-selfeval-from-links.jixiao': '10ea5a670335e2174ba07a66a6eb53b1eddf70ecf19feb25e951dc9e63c68a16',
  'v3-structured-deptwide.jixiao': 'e14d6bebcc9e8eb546c8976fe6b787e6df958438992550d8b4bf0d3f0325b053',
};

describe('frozen fixtures', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jixiao')).sort();

  it('every frozen file is pinned and unchanged', () => {
    expect(files).toEqual(Object.keys(PINNED).sort());
    for (const f of files) {
      expect(createHash('sha256').update(readFileSync(join(dir, f))).digest('hex'), f).toBe(PINNED[f]);
    }
  });

  it('there is a frozen file for every schema version', () => {
    for (let v = 1; v <= SCHEMA_VERSION; v++) expect(files.some((f) => f.startsWith(`v${v}-`)), `v${v}`).toBe(true);
  });

  for (const f of files) {
    it(`${f} loads without repairs as the expected document`, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const r = loadDocumentText(text);
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      expect(r.repairs).toEqual([]);
      expect(r.document.schemaVersion).toBe(SCHEMA_VERSION);
      const expectedPath = join(dir, f.replace(/\.jixiao$/, '.expected.json'));
      const raw = JSON.parse(text);
      if (!existsSync(expectedPath)) {
        // Only a file already at the current version may stand for its own expectation.
        expect(raw.schemaVersion, `${f} needs ${expectedPath}`).toBe(SCHEMA_VERSION);
      }
      const expected = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : raw;
      expect(r.document).toEqual(expected);
    });
  }

  it('v2 keeps the self-evaluation part and the from links', () => {
    const r = loadDocumentText(readFileSync(join(dir, 'v2-selfeval-from-links.jixiao'), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    const p = r.document.projects[0];
    expect(p.from).toBe('p2018-1');
    expect(p.indicators[0].from).toBe('pi2018-1');
    expect(p.selfeval?.funds.spent.total).toBe('2.9648');
    expect(p.selfeval?.indicators[0]).toMatchObject({ from: 'pi1', actual: '72.00', score: '9', weight: '' });
  });

  it('v2 → v3 splits every indicator value into parts and keeps the typed text', () => {
    const raw = JSON.parse(readFileSync(join(dir, 'v2-selfeval-from-links.jixiao'), 'utf8'));
    const r = loadDocumentText(JSON.stringify(raw));
    if (!r.ok) throw new Error(r.message);
    expect(r.migrated).toEqual(['v2-to-v3-split-indicator-values']);
    const p = r.document.projects[0];
    expect(p.indicators[0]).toMatchObject({ value: raw.projects[0].indicators[0].value, operator: '≥', number: '100', unit: '%' });
    expect(p.selfeval?.indicators[0]).toMatchObject({ target: '≥100%', operator: '≥', number: '100', unit: '%' });
    // Nothing else in the file changes: dropping the parts gives the v2 content back.
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ operator: _o, number: _n, unit: _u, ...rest }) => rest);
    expect(strip(p.indicators)).toEqual(raw.projects[0].indicators);
    expect(strip(p.selfeval!.indicators)).toEqual(raw.projects[0].selfeval.indicators);
  });

  it('v3 keeps the structured fields, header fields and the department-wide table', () => {
    const r = loadDocumentText(readFileSync(join(dir, 'v3-structured-deptwide.jixiao'), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    const p = r.document.projects[0];
    expect(p).toMatchObject({ authority: '某县农业农村局', manager: '张三 0311-1234567', midTermTotal: '360', carryOver: '5.5', overallGoal: '三年新建高标准农田3万亩。' });
    expect(p.indicators.map((i) => i.operator)).toEqual(['≥', '区间', '定性', '']);
    expect(p.indicators[0]).toMatchObject({ core: true, scope: '年度', weight: '20', direction: '正向' });
    expect(p.selfeval).toMatchObject({ budgetRateRow: { name: '资金执行情况', target: '≥100%', actual: '85%' }, budgetRateScoreText: '8.5分', fundsReason: '部分工程款未到结算期' });
    expect(p.selfeval?.indicators[0].scoreText).toBe('良');
    expect(r.document.deptWide?.tasks.map((t) => t.total)).toEqual(['300', '200']);
    expect(r.document.deptWide?.indicators[0]).toMatchObject({ number: '2000', unit: '人次' });
  });

  it('keeps the unknown fields of the extra-fields fixture', () => {
    const r = loadDocumentText(readFileSync(join(dir, 'v1-laishui-2020-a-extra-fields.jixiao'), 'utf8'));
    expect(r.ok && (r.document as Record<string, unknown>).writtenBy).toEqual({ app: 'jixiao', version: '0.0.1' });
    expect(r.ok && (r.document.projects[0] as Record<string, unknown>).reviewNote).toBe('已复核');
  });
});
