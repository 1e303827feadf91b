// value.spelling (提示): a value that differs from its normal form only in characters (`≥ 95 %`,
// `>=3000`) gets the one-click fix, in project 指标值, duty bands and self-evaluation targets; one
// finding per table, applied to every cell as one undo step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit, fixFindingEdit, initSelfEvalEdit } from '../../src-shared/commands';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { parseValue, type NumericValue } from '../../src-shared/expr/parse';
import { spellingIssue } from '../../src-shared/validate/value-checks';
import { findingCells, validateDocument } from '../../src-shared/validate';

const load = (name: string): JixiaoDocument => DocumentSchema.parse(JSON.parse(readFileSync(new URL(`../fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8')));
const spelling = (text: string) => spellingIssue(parseValue(text) as NumericValue)?.suggestion ?? null;

describe('spellingIssue', () => {
  it('offers the normal form when only characters differ', () => {
    expect(spelling('≥ 95 %')).toBe('≥95%');
    expect(spelling('>=3000')).toBe('≥3000');
    expect(spelling('≧90%')).toBe('≥90%');
    expect(spelling('＞５')).toBe('>5');
    expect(spelling('≥ 95 ％')).toBe('≥95%');
    expect(spelling('<= 2 次')).toBe('≤2次');
    expect(spelling('≥1,000人')).toBe('≥1000人');
  });

  it('says nothing for the normal form, or when more than spelling would change', () => {
    expect(spelling('≥95%')).toBeNull();
    expect(spelling('完成率>90%')).toBeNull(); // a label would be dropped
    expect(spelling('不低于95%')).toBeNull(); // words are the clerk's choice
    expect(spelling('下降5%')).toBeNull();
    expect(spelling('350以上')).toBeNull();
  });
});

describe('value.spelling in the document', () => {
  it('project 指标值: ≥ 95 % and >=3000 get one 提示 with every cell’s fix; the fix is one undo step', () => {
    const doc = structuredClone(load('laishui-2020-a'));
    const inds = doc.projects[0].indicators;
    inds[0].value = '≥ 95 %';
    inds[1].value = '>=3000';
    const f = validateDocument(doc).filter((x) => x.code === 'value.spelling' && x.where.startsWith('项目 1 '));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    expect(findingCells(f[0]).map((c) => [c.text, c.suggestion])).toEqual([['≥ 95 %', '≥95%'], ['>=3000', '≥3000']]);
    const edit = fixFindingEdit(doc, f[0])!;
    const fixed = applyEdit(doc, edit);
    expect(fixed.projects[0].indicators.slice(0, 2).map((i) => i.value)).toEqual(['≥95%', '≥3000']);
    expect(validateDocument(fixed).filter((x) => x.code === 'value.spelling' && x.where.startsWith('项目 1 '))).toEqual([]);
    expect(applyEdit(fixed, edit, 'undo')).toEqual(doc);
  });

  it('duty bands: >=3000 in a band', () => {
    const doc = structuredClone(load('linxi-2019'));
    const ind = doc.dutyTable.duties[0].activities[0].indicators[0];
    ind.bands = ['>=3000', '≥2000', '≥1000', '<1000'];
    ind.name = '培训人数';
    const f = validateDocument(doc).filter((x) => x.code === 'value.spelling');
    expect(f.flatMap((x) => findingCells(x)).filter((c) => c.path.rowId === ind.id).map((c) => [c.path.field, c.suggestion])).toEqual([['bands.0', '≥3000']]);
  });

  it('self-evaluation targets', () => {
    const base = load('laishui-2020-a');
    const doc = applyEdit(base, initSelfEvalEdit(base).edit!);
    const se = doc.projects[0].selfeval!;
    se.indicators[0].target = '≥ 95 %';
    const f = validateDocument(doc).filter((x) => x.code === 'value.spelling').flatMap((x) => findingCells(x));
    expect(f.filter((c) => c.path.rowId === se.indicators[0].id)).toMatchObject([{ path: { field: 'target' }, suggestion: '≥95%' }]);
  });
});
