// 文档设置 › 格式模板: the editor's switch converts as `jixiao convert` does, in one undo step.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDocumentText } from '../model/load';
import { convertDocument } from '../model/convert';
import { applyEdit, switchProfileEdit } from '.';

const laishui = () => {
  const r = loadDocumentText(readFileSync(new URL('../../tests/fixtures/seeds/laishui-2020-a.jixiao', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.document;
};

describe('switchProfileEdit', () => {
  it('Hebei → structured stores the parts as convertDocument does, with the other settings, one undo step', () => {
    const doc = laishui();
    const edit = switchProfileEdit(doc, { ...doc.meta, templateId: 'structured-project', year: 2021 })!;
    const after = applyEdit(doc, edit);
    const expected = convertDocument(doc, 'structured-project');
    if (!expected.ok) throw new Error(expected.message);
    expect(after.projects).toEqual(expected.document.projects);
    expect(after.meta).toMatchObject({ templateId: 'structured-project', year: 2021 });
    const rate = after.projects.flatMap((p) => p.indicators).find((i) => /^≥\d+%$/.test(i.value))!;
    expect([rate.operator, rate.unit]).toEqual(['≥', '%']);
    expect(applyEdit(after, edit, 'undo')).toEqual(doc);
  });
  it('without a change of form it is the plain settings edit', () => {
    const doc = laishui();
    const after = applyEdit(doc, switchProfileEdit(doc, { ...doc.meta, year: 2022 })!);
    expect(after.meta.year).toBe(2022);
    expect(after.projects).toBe(doc.projects);
  });
  it('refuses an unknown form', () => {
    const doc = laishui();
    expect(() => switchProfileEdit(doc, { ...doc.meta, templateId: 'no-such-form' })).toThrow(/no-such-form/);
  });
});
