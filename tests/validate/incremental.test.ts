// The incremental validator gives exactly what a full validation gives, and re-checks only the
// duty/project objects an immutable edit replaced.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { createIncrementalValidator, validateDocument } from '../../src-shared/validate';

const laishui: JixiaoDocument = DocumentSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/seeds/laishui-2020-a.jixiao', import.meta.url), 'utf8')));
const linxi: JixiaoDocument = DocumentSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/seeds/linxi-2019.jixiao', import.meta.url), 'utf8')));
const both: JixiaoDocument = { ...laishui, dutyTable: linxi.dutyTable };

function editValue(doc: JixiaoDocument, p: number, i: number, value: string): JixiaoDocument {
  const project = doc.projects[p];
  const indicators = project.indicators.map((x, k) => (k === i ? { ...x, value } : x));
  return { ...doc, projects: doc.projects.map((x, k) => (k === p ? { ...project, indicators } : x)) };
}

function editBand(doc: JixiaoDocument, d: number, a: number, i: number, band: number, text: string): JixiaoDocument {
  const duty = doc.dutyTable.duties[d];
  const act = duty.activities[a];
  const indicators = act.indicators.map((x, k) => (k === i ? { ...x, bands: x.bands.map((b, j) => (j === band ? text : b)) as typeof x.bands } : x));
  const activities = duty.activities.map((x, k) => (k === a ? { ...act, indicators } : x));
  return { ...doc, dutyTable: { ...doc.dutyTable, duties: doc.dutyTable.duties.map((x, k) => (k === d ? { ...duty, activities } : x)) } };
}

describe('createIncrementalValidator', () => {
  it('reuses the findings of untouched projects (same objects) and recomputes the edited one', () => {
    const v = createIncrementalValidator();
    const before = v.validate(both);
    const after = v.validate(editValue(both, 0, 0, '≥9090%'));
    const untouched = (fs: typeof before) => fs.filter((f) => f.where.startsWith('项目 5 '));
    expect(untouched(after).length).toBeGreaterThan(0);
    untouched(after).forEach((f, k) => expect(f).toBe(untouched(before)[k]));
    expect(after.filter((f) => f.where.startsWith('项目 1 ') && f.code === 'value.duplicated-digits')).toHaveLength(1);
    expect(before.filter((f) => f.where.startsWith('项目 1 ') && f.code === 'value.duplicated-digits')).toHaveLength(0);
  });

  it('agrees with a full validation after any sequence of edits', () => {
    const cells = ['≥90%', '≥9595%', '100%', '', '完成', '≥0人', '8434668元', '<80%', '≥10', '≥5', '＜5', '＜2', '介于80—75%之间'];
    const edit = fc.oneof(
      fc.tuple(fc.constant('value' as const), fc.nat(11), fc.nat(16), fc.constantFrom(...cells)),
      fc.tuple(fc.constant('band' as const), fc.nat(6), fc.nat(4), fc.nat(3), fc.constantFrom(...cells)),
      fc.tuple(fc.constant('code' as const), fc.nat(11), fc.constantFrom('323-0501-JZN-DU0F', '', 'abc')),
      fc.tuple(fc.constant('move' as const), fc.nat(11)),
    );
    fc.assert(fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
      const v = createIncrementalValidator();
      let doc = both;
      v.validate(doc);
      for (const e of edits) {
        if (e[0] === 'value') {
          const p = e[1] % doc.projects.length;
          doc = editValue(doc, p, e[2] % doc.projects[p].indicators.length, e[3]);
        } else if (e[0] === 'band') {
          const d = e[1] % doc.dutyTable.duties.length;
          const acts = doc.dutyTable.duties[d].activities;
          const a = e[2] % acts.length;
          doc = editBand(doc, d, a, 0, e[3], e[4]);
        } else if (e[0] === 'code') {
          const p = e[1] % doc.projects.length;
          doc = { ...doc, projects: doc.projects.map((x, k) => (k === p ? { ...x, code: e[2] } : x)) };
        } else {
          // Move a project to the front: every numbered location after it changes.
          const p = e[1] % doc.projects.length;
          doc = { ...doc, projects: [doc.projects[p], ...doc.projects.filter((_, k) => k !== p)] };
        }
        expect(v.validate(doc)).toEqual(validateDocument(doc));
      }
    }), { numRuns: 60 });
  });

  it('re-checks everything when the document unit or template changes', () => {
    const v = createIncrementalValidator();
    v.validate(both);
    const yuan = { ...both, meta: { ...both.meta, unit: '元' as const } };
    expect(v.validate(yuan)).toEqual(validateDocument(yuan));
    const national = { ...both, meta: { ...both.meta, templateId: 'national-2021' } };
    expect(v.validate(national)).toEqual(validateDocument(national));
    expect(validateDocument(national).some((f) => f.code === 'structure.missing-level1')).toBe(true);
  });
});
