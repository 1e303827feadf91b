// Every file in tests/fixtures/shared (made by python-docx / openpyxl) imports to exactly the content of
// its .json ground truth, with nothing left unplaced.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { asTruth, type Truth } from './truth';
import { FIXTURE_DIR } from '../fixtures/paths';

const DIR = FIXTURE_DIR;
const files = readdirSync(DIR).filter((f) => /\.(docx|xlsx)$/.test(f) && !f.startsWith('selfeval-')).sort();

describe('shared fixtures import exactly', () => {
  it('finds fixture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const f of files) {
    it(f, () => {
      const truth = JSON.parse(readFileSync(join(DIR, f.replace(/\.(docx|xlsx)$/, '.json')), 'utf8')) as Truth;
      const result = importOffice(new Uint8Array(readFileSync(join(DIR, f))), f);
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      expect(result.report.unplaced).toEqual([]);
      expect(asTruth(result.document)).toEqual(truth);
      expect(result.report.tables.length).toBe(truth.duty_tables.length + truth.project_tables.length);
    });
  }
});
