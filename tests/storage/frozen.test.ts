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

  it('keeps the unknown fields of the extra-fields fixture', () => {
    const r = loadDocumentText(readFileSync(join(dir, 'v1-laishui-2020-a-extra-fields.jixiao'), 'utf8'));
    expect(r.ok && (r.document as Record<string, unknown>).writtenBy).toEqual({ app: 'jixiao', version: '0.0.1' });
    expect(r.ok && (r.document.projects[0] as Record<string, unknown>).reviewNote).toBe('已复核');
  });
});
