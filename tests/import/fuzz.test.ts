// importOffice never throws, whatever the bytes: random input and random damage to real files.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { fixturePath } from '../fixtures/paths';
import { applyByteEdits, byteEdits } from '../reliability/mutators';

const CODES = ['import.not-office', 'import.encrypted', 'import.legacy-format', 'import.too-large', 'import.corrupt', 'import.no-table'];

function wellFormed(r: ReturnType<typeof importOffice>): boolean {
  return r.ok ? Array.isArray(r.report.unplaced) : CODES.includes(r.code) && r.message.length > 0;
}

describe('importOffice on damaged input', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => wellFormed(importOffice(b, 'x.docx'))), { numRuns: 300 });
  });
  for (const f of ['linxi-2019.xlsx', 'laishui-2020-a.docx']) {
    const original = new Uint8Array(readFileSync(fixturePath(f)));
    it(`random byte damage to ${f}`, () => {
      fc.assert(fc.property(byteEdits(original.length), (edits) => {
        const r = importOffice(applyByteEdits(original, edits), f);
        expect(wellFormed(r)).toBe(true);
      }), { numRuns: 60 });
    });
  }
});
