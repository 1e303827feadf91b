import { describe, expect, it } from 'vitest';
import { newDocument, newProject, newProjectIndicator, type JixiaoDocument } from '../model';
import { applyPatches } from './patch';
import { CommandError } from './commands';
import { indicatorCellText, pasteIndicatorCells, setIndicatorCellsEdit } from './indicatorCells';

function docWith(ind: Partial<Parameters<typeof newProjectIndicator>[0]> = {}): JixiaoDocument {
  const doc = newDocument({ templateId: 'structured-project' });
  return { ...doc, projects: [newProject('structured-project', { id: 'p1', indicators: [newProjectIndicator({ id: 'i1', ...ind })] })] };
}
const apply = (doc: JixiaoDocument, edit: ReturnType<typeof setIndicatorCellsEdit>) => applyPatches(doc, edit!.redo);
const ind = (doc: JixiaoDocument) => doc.projects[0].indicators[0];

describe('indicator cells of a parts profile', () => {
  it('a whole value typed into 指标值 fills 指标性质, 指标值 and 度量单位 in one edit, keeping the typed text', () => {
    const doc = docWith();
    const edit = setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'value', text: '≥95%' }], true);
    const after = ind(apply(doc, edit));
    expect(after).toMatchObject({ value: '≥95%', operator: '≥', number: '95', unit: '%' });
    expect(['operator', 'value', 'unit'].map((c) => indicatorCellText(after, c as 'value', true))).toEqual(['≥', '95', '%']);
  });

  it('a bare number keeps the operator and unit; editing a part rewrites the one-cell text', () => {
    let doc = docWith({ value: '≥95%' });
    doc = apply(doc, setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'value', text: '98' }], true));
    expect(ind(doc)).toMatchObject({ value: '≥98%', operator: '≥', number: '98', unit: '%' });
    doc = apply(doc, setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'operator', text: '≤' }], true));
    expect(ind(doc).value).toBe('≤98%');
    doc = apply(doc, setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'unit', text: '个' }], true));
    expect(ind(doc).value).toBe('≤98个');
  });

  it('text the parts cannot hold is kept whole', () => {
    const doc = docWith();
    const after = ind(apply(doc, setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'value', text: '完成率≥90%' }], true)));
    expect(after).toMatchObject({ value: '完成率≥90%', operator: '', number: '完成率≥90%', unit: '' });
  });

  it('refuses an unknown 指标性质 or 指标方向 and a weight that is not a number, with a reason', () => {
    const doc = docWith();
    expect(() => setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'operator', text: '大约' }], true)).toThrow(CommandError);
    expect(() => setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'direction', text: '向上' }], true)).toThrow(/指标方向/);
    expect(() => setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'weight', text: 'abc' }], true)).toThrow(/权重/);
    expect(ind(apply(doc, setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'weight', text: '10' }, { rowId: 'i1', column: 'direction', text: '反向' }], true)))).toMatchObject({ weight: '10', direction: '反向' });
  });

  it('a one-cell profile writes 指标值 as typed, as before', () => {
    const doc = docWith();
    expect(ind(apply(doc, setIndicatorCellsEdit(doc, [{ rowId: 'i1', column: 'value', text: '≥95%' }], false))).value).toBe('≥95%');
  });

  it('paste maps the block to the grid columns and reports refused cells', () => {
    const doc = docWith();
    const res = pasteIndicatorCells(doc, 'p1', 0, 2, [['覆盖率', '≥', '95', '%', '10'], ['满意度', '定性', '好', '', 'x']], ['level1', 'level2', 'level3', 'operator', 'value', 'unit', 'weight'], true);
    const after = apply(doc, res.edit);
    expect(after.projects[0].indicators.map((i) => [i.name, i.value, i.weight ?? ''])).toEqual([['覆盖率', '≥95%', '10'], ['满意度', '好', '']]);
    expect(res.problems).toEqual([expect.objectContaining({ row: 1, col: 4, text: 'x' })]);
  });
});
