// The self-evaluation fixtures (tests/fixtures/shared/selfeval-*.docx|xlsx, made by python-docx /
// openpyxl in the published table's layout) import to exactly their .json ground truth — every cell
// text as published — with nothing left unplaced.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { asSelfevalTruth, stripUnpublished, type SelfevalTruth } from './selfeval-truth';
import { FIXTURE_DIR } from '../fixtures/paths';

const DIR = FIXTURE_DIR;
const files = readdirSync(DIR).filter((f) => /^selfeval-.*\.(docx|xlsx)$/.test(f)).sort();

describe('self-evaluation fixtures import exactly', () => {
  it('finds the fixture files', () => {
    expect(files).toEqual(expect.arrayContaining(['selfeval-2019-a.docx', 'selfeval-2019-a.xlsx']));
  });
  for (const f of files) {
    it(f, () => {
      const truth = (JSON.parse(readFileSync(join(DIR, f.replace(/\.(docx|xlsx)$/, '.json')), 'utf8')) as SelfevalTruth[]).map(stripUnpublished);
      const result = importOffice(new Uint8Array(readFileSync(join(DIR, f))), f);
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      expect(result.report.unplaced).toEqual([]);
      const doc = result.document;
      expect(doc.projects.map((p) => asSelfevalTruth(doc, p))).toEqual(truth);
      expect(result.report.tables.map((t) => [t.kind, t.name])).toEqual(truth.map((t) => ['selfeval', t.name]));
      expect(doc.meta.selfevalTemplateId).toBe('selfeval-hebei-2019');
    });
  }
});
