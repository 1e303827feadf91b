// The 绩效自评 indicator grid's columns per self-evaluation form, and its cells written as the target
// grid writes them (issue 18): a structured (一体化) form shows its profile's columns, `≥95%` typed into
// 指标值 fills 指标性质 | 指标值 | 度量单位, 权重/得分 go through the amount input rules.
import { describe, expect, it } from 'vitest';
import { newDocument, newProject, newSelfEval, newSelfEvalIndicator } from '../model/factory';
import { getSelfevalTemplate } from '../model/templates';
import type { JixiaoDocument, SelfEvalIndicator } from '../model/schema';
import { indicatorWeightTargets } from '../selfeval';
import { applyPatches } from './patch';
import { CommandError, setCellEdit } from './commands';
import { indicatorCellText, pasteIndicatorCells, selfevalOwnerId, setIndicatorCellsEdit } from './indicatorCells';
import { selfevalGridColumns, setSelfEvalCellsEdit, type SelfEvalGridColumn } from './selfeval';

const template = (id: string) => getSelfevalTemplate(id)!;
const structured = selfevalGridColumns(template('selfeval-structured'));
const col = (colId: string): SelfEvalGridColumn => structured.columns.find((c) => c.colId === colId)!;

function docWith(init: Partial<SelfEvalIndicator> = {}): JixiaoDocument {
  const d = newDocument({ templateId: 'structured-project' });
  d.meta.selfevalTemplateId = 'selfeval-structured';
  d.projects.push(newProject('structured-project', { id: 'p1', selfeval: newSelfEval({ indicators: [newSelfEvalIndicator({ id: 's1', ...init })] }) }));
  return d;
}
const write = (d: JixiaoDocument, colId: string, text: string, notes?: string[]) =>
  applyPatches(d, setSelfEvalCellsEdit(d, [{ rowId: 's1', col: col(colId), text }], true, '编辑单元格', notes)!.redo);
const row = (d: JixiaoDocument) => d.projects[0].selfeval!.indicators[0];
const shown = (d: JixiaoDocument, ...ids: string[]) => ids.map((id) => indicatorCellText(row(d), col(id).column!, true));

describe('selfevalGridColumns: the grid columns per self-evaluation form', () => {
  it('Hebei 2019 and national 2020 keep their long-standing columns', () => {
    const hebei = selfevalGridColumns(template('selfeval-hebei-2019'));
    expect(hebei.parts).toBe(false);
    expect(hebei.columns.map((c) => c.colId)).toEqual(['level1', 'level2', 'name', 'description', 'target', 'actual', 'achievement', 'weight', 'score', 'computed', 'deviation']);
    const national = selfevalGridColumns(template('selfeval-national-2020'));
    expect(national.parts).toBe(false);
    expect(national.columns.map((c) => c.colId)).toEqual(['level1', 'level2', 'name', 'target', 'actual', 'achievement', 'weight', 'score', 'computed', 'deviation']);
    expect(national.columns.map((c) => c.label)).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '完成情况', '分值', '得分', '计算得分', '偏差原因分析及改进措施']);
    expect([...hebei.columns, ...national.columns].every((c) => c.column === undefined)).toBe(true);
  });

  it('the structured form shows its profile columns in order, then the editor aids', () => {
    expect(structured.parts).toBe(true);
    const form = structured.columns.filter((c) => !c.aid);
    expect(form.map((c) => c.label)).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']);
    expect(form.map((c) => c.colId)).toEqual(['level1', 'level2', 'name', 'operator', 'target', 'unit', 'actual', 'weight', 'score', 'deviation']);
    expect(form.map((c) => c.column)).toEqual(['level1', 'level2', 'level3', 'operator', 'value', 'unit', 'actual', 'weight', 'score', 'deviation']);
    expect(structured.columns.slice(form.length).map((c) => [c.colId, c.label, c.aid, c.column])).toEqual([['achievement', '完成情况', true, undefined], ['computed', '计算得分', true, undefined]]);
  });
});

describe('setSelfEvalCellsEdit: the cells of a structured self-evaluation', () => {
  it('≥95% typed into 指标值 fills the three cells in one edit and keeps the one-cell target', () => {
    const d = docWith();
    const edit = setSelfEvalCellsEdit(d, [{ rowId: 's1', col: col('target'), text: '≥95%' }], true)!;
    const after = applyPatches(d, edit.redo);
    expect(shown(after, 'operator', 'target', 'unit')).toEqual(['≥', '95', '%']);
    expect(row(after).target).toBe('≥95%');
    expect(applyPatches(after, edit.undo)).toEqual(d);
  });

  it('a bare number keeps 指标性质 and 度量单位; 指标性质 and 度量单位 rewrite the target text', () => {
    let d = write(docWith({ target: '≥90%' }), 'target', '98');
    expect([row(d).target, ...shown(d, 'operator', 'target', 'unit')]).toEqual(['≥98%', '≥', '98', '%']);
    d = write(d, 'operator', '≤');
    expect(row(d).target).toBe('≤98%');
    d = write(d, 'unit', '个');
    expect(row(d).target).toBe('≤98个');
    d = write(d, 'operator', '定性');
    expect(row(d).operator).toBe('定性');
  });

  it('refuses what a column cannot take, with the reason, and changes nothing', () => {
    const d = docWith({ target: '≥90%' });
    expect(() => write(d, 'operator', '大约')).toThrow(/不是可选的指标性质/);
    expect(() => write(d, 'weight', 'abc')).toThrow(/^权重：/);
    expect(() => write(d, 'score', '1,0')).toThrow(/^得分：.*千位分隔符/);
    expect(() => write(d, 'achievement', '很好')).toThrow(CommandError);
  });

  it('权重 and 得分 go through the amount rules (a conversion is noted); typed points replace an imported word', () => {
    const notes: string[] = [];
    let d = write(docWith({ score: '', scoreText: '优' }), 'weight', '１０', notes);
    expect(row(d).weight).toBe('10');
    expect(notes).toEqual([]);
    d = write(d, 'score', '八', notes);
    expect(row(d).score).toBe('8');
    expect(row(d).scoreText).toBe('');
    expect(notes).toEqual(['已按数字读取：八 = 8分']);
    d = write(d, 'actual', '96%');
    d = write(d, 'deviation', '无');
    d = write(d, 'achievement', '达成');
    expect(row(d)).toMatchObject({ actual: '96%', deviation: '无', achievement: '达成' });
  });

  it('a target grid still refuses the self-evaluation columns', () => {
    const d = newDocument({ templateId: 'structured-project' });
    d.projects.push(newProject('structured-project', { id: 'p1', indicators: [{ ...newSelfEvalIndicator(), id: 'x' } as never] }));
    expect(() => setIndicatorCellsEdit(d, [{ rowId: 'x', column: 'actual', text: '1' }], true)).toThrow(/属于自评表/);
  });
});

describe('paste into a structured self-evaluation', () => {
  it('fills the profile columns, adds self-evaluation rows past the end and reports refused cells', () => {
    const d = docWith();
    const cols = structured.columns.flatMap((c) => (c.column ? [c.column] : []));
    const res = pasteIndicatorCells(d, selfevalOwnerId('p1'), 0, 0, [
      ['产出指标', '数量指标', '培训人数', '≥', '200', '人', '210', '20', '20', ''],
      ['', '质量指标', '合格率', '约', '95', '%', '96', 'x', '10', ''],
    ], cols, true);
    const after = applyPatches(d, res.edit!.redo);
    const inds = after.projects[0].selfeval!.indicators;
    expect(inds).toHaveLength(2);
    expect(inds.map((i) => [i.level1, i.target, i.actual, i.weight, i.score])).toEqual([['产出指标', '≥200人', '210', '20', '20'], ['产出指标', '95%', '96', '', '10']]);
    expect(typeof inds[1].achievement).toBe('string'); // a self-evaluation row, not a target row
    expect(res.problems.map((p) => [p.row, p.col])).toEqual([[1, 3], [1, 7]]);
  });
});

describe('indicatorWeightTargets: the live 权重合计 of a self-evaluation', () => {
  it('per 一级 as typed on the part, else the form default; the total is their sum', () => {
    const t = template('selfeval-structured');
    const se = newSelfEval({ level1Weights: [{ level1: '产出指标', weight: '60' }] });
    expect(indicatorWeightTargets(se, t)).toEqual({
      total: '100', level1: [{ level1: '产出指标', synonyms: [], weight: '60' }, { level1: '效益指标', synonyms: ['效果指标'], weight: '30' }, { level1: '满意度指标', synonyms: [], weight: '10' }],
    });
  });
});

describe('the structured fund block', () => {
  it('预算执行率 of a split fund row creates the by-row record whole (one undo removes it)', () => {
    const d = docWith();
    const edit = setCellEdit(d, 'p1', 'selfeval.progressByRow.fiscal', '90%')!;
    const after = applyPatches(d, edit.redo);
    expect(after.projects[0].selfeval!.progressByRow).toEqual({ fiscal: '90%' });
    expect(applyPatches(after, edit.undo).projects[0].selfeval!.progressByRow).toBeUndefined();
  });
});
