import { describe, expect, it } from 'vitest';
import { newDocument, newProject, newProjectIndicator, newSelfEval, newSelfEvalIndicator } from '../model/factory';
import type { JixiaoDocument } from '../model/schema';
import { applyEdit } from './patch';
import { applyComputedScoresEdit, initSelfEvalEdit, insertSelfEvalIndicator, pasteSelfEvalBlock } from './selfeval';
import { setCellEdit, switchUnitEdit } from './commands';

function doc(): JixiaoDocument {
  const d = newDocument({ templateId: 'national-2021' });
  d.projects.push(newProject('national-2021', {
    id: 'p1', name: '甲', budget: '3', fiscal: '3',
    indicators: [newProjectIndicator({ id: 'i1', level1: '产出指标', level2: '数量指标', name: '培训人数', value: '≥200人' })],
  }));
  d.projects.push(newProject('national-2021', { id: 'p2', name: '乙', selfeval: newSelfEval({ goal: '已填' }) }));
  return d;
}

describe('initSelfEvalEdit', () => {
  it('creates the missing parts as one undoable step', () => {
    const d = doc();
    const { edit, created, kept } = initSelfEvalEdit(d);
    expect(created).toEqual([0]);
    expect(kept).toEqual([1]);
    const after = applyEdit(d, edit!);
    expect(after.projects[0].selfeval?.indicators[0]).toMatchObject({ from: 'i1', target: '≥200人', weight: '50' });
    expect(after.projects[1].selfeval).toBe(d.projects[1].selfeval);
    expect(applyEdit(after, edit!, 'undo')).toEqual(d);
    expect(initSelfEvalEdit(after).edit).toBeNull();
  });
});

function scored(): JixiaoDocument {
  const d = doc();
  d.projects[0].selfeval = newSelfEval({
    level1Weights: [{ level1: '产出指标', weight: '50' }],
    funds: { initial: f(), planned: f('3'), received: f(), spent: f('2.9648') },
    indicators: [
      newSelfEvalIndicator({ id: 's1', level1: '产出指标', name: '培训人数', target: '≥200人', actual: '150人', weight: '40', score: '40' }),
      newSelfEvalIndicator({ id: 's2', level1: '产出指标', name: '宣传效果', target: '效果明显', achievement: '部分达成', weight: '10', score: '7' }),
    ],
    budgetRateWeight: '10', budgetRateScore: '10', total: '57', grade: '差',
  });
  return d;
}
function f(total = '') { return { total, fiscal: '', carryOver: '', other: '' }; }

describe('applyComputedScoresEdit', () => {
  it('one indicator: its score, and a typed 总分 / 评价等级 follow', () => {
    const d = scored();
    const edit = applyComputedScoresEdit(d, 'p1', 's1')!;
    const se = applyEdit(d, edit).projects[0].selfeval!;
    expect(se.indicators[0].score).toBe('30');
    expect(se.budgetRateScore).toBe('10');
    expect(se.total).toBe('47');
    expect(se.grade).toBe('差');
    expect(applyEdit(applyEdit(d, edit), edit, 'undo')).toEqual(d);
  });

  it('all: every indicator and 预算执行率; a qualitative score inside its range stays', () => {
    const d = scored();
    const edit = applyComputedScoresEdit(d, 'p1')!;
    expect(edit.label).toBe('采用全部计算得分');
    const se = applyEdit(d, edit).projects[0].selfeval!;
    expect(se.indicators.map((i) => i.score)).toEqual(['30', '7']);
    expect(se.budgetRateScore).toBe('9.88');
    expect(se.total).toBe('46.88');
    expect(se.grade).toBe('差');
    expect(applyComputedScoresEdit(applyEdit(d, edit), 'p1')).toBeNull();
  });

  it('a qualitative score outside its range takes the top of the range', () => {
    const d = scored();
    d.projects[0].selfeval!.indicators[1].score = '10';
    const se = applyEdit(d, applyComputedScoresEdit(d, 'p1', 's2')!).projects[0].selfeval!;
    expect(se.indicators[1].score).toBe('8');
  });

  it('refuses a project without a part, with a Chinese message', () => {
    const d = doc();
    d.projects[1].selfeval = undefined;
    expect(() => applyComputedScoresEdit(d, 'p2')).toThrow('请先生成自评表');
  });
});

describe('self-evaluation cells through setCell', () => {
  it('indicator cells by row id; amounts and choices are checked', () => {
    const d = scored();
    expect(applyEdit(d, setCellEdit(d, 's1', 'actual', '210人')!).projects[0].selfeval!.indicators[0].actual).toBe('210人');
    expect(applyEdit(d, setCellEdit(d, 'p1', 'selfeval.funds.spent.total', '2.5')!).projects[0].selfeval!.funds.spent.total).toBe('2.5');
    expect(() => setCellEdit(d, 's1', 'score', '九')).toThrow('不是有效的金额');
    expect(() => setCellEdit(d, 'p1', 'selfeval.total', '1,0')).toThrow('不是有效的金额');
    expect(() => setCellEdit(d, 's2', 'achievement', '差不多')).toThrow('不是可选的值');
  });

  it('switching 万元 → 元 converts the self-evaluation funds, not scores', () => {
    const d = scored();
    const se = applyEdit(d, switchUnitEdit(d, '元')!).projects[0].selfeval!;
    expect(se.funds.spent.total).toBe('29648');
    expect(se.indicators[0].score).toBe('40');
    expect(se.total).toBe('57');
  });
});

describe('pasteSelfEvalBlock and insertSelfEvalIndicator', () => {
  it('pastes actuals and scores as one step, appends rows, reports what a column cannot take', () => {
    const d = scored();
    const fields = ['actual', 'achievement', 'weight', 'score'] as const;
    const r = pasteSelfEvalBlock(d, 'p1', 0, fields, 0, [['180人', '', '40', '36'], ['效果明显', '达成', '10', '九'], ['x', '差不多', '1,0', '1']]);
    const se = applyEdit(d, r.edit!).projects[0].selfeval!;
    expect(se.indicators.map((i) => [i.actual, i.achievement, i.weight, i.score])).toEqual([
      ['180人', '', '40', '36'], ['效果明显', '达成', '10', '9'], ['x', '', '', '1'],
    ]);
    // 九 is read exactly (with a note); 1,0 could be 10 or 1.0: refused, as is a word in 完成情况.
    expect(r.notes).toEqual(['已按数字读取：九 = 9分']);
    expect(r.problems.map((p) => [p.row, p.col, p.text])).toEqual([[2, 1, '差不多'], [2, 2, '1,0']]);
    expect(applyEdit(applyEdit(d, r.edit!), r.edit!, 'undo')).toEqual(d);
  });

  it('inserts an empty indicator where asked', () => {
    const d = scored();
    const { edit, id } = insertSelfEvalIndicator(d, 'p1', 1, { level1: '产出指标' });
    const se = applyEdit(d, edit).projects[0].selfeval!;
    expect(se.indicators.map((i) => i.id)).toEqual(['s1', id, 's2']);
    expect(se.indicators[1]).toMatchObject({ level1: '产出指标', name: '', score: '' });
  });
});

describe('a duplicated project', () => {
  it('gets self-evaluation rows with ids of their own, linked to the copy\'s indicators', async () => {
    const { duplicateProject } = await import('./commands');
    const d = applyEdit(doc(), initSelfEvalEdit(doc()).edit!);
    const { edit, id } = duplicateProject(d, 'p1');
    const after = applyEdit(d, edit);
    const copy = after.projects.find((p) => p.id === id)!;
    const orig = after.projects[0].selfeval!.indicators[0];
    expect(copy.selfeval!.indicators[0].id).not.toBe(orig.id);
    expect(copy.selfeval!.indicators[0].from).toBe(copy.indicators[0].id);
    expect(copy.selfeval!.indicators[0].target).toBe(orig.target);
  });
});

describe('the 预算执行率 row (optional part)', () => {
  it('a first cell creates the whole row; undo removes it whole, so the document stays valid', async () => {
    const { DocumentSchema } = await import('../model/schema');
    const d = doc();
    const edit = setCellEdit(d, 'p2', 'selfeval.budgetRateRow.name', '资金执行情况')!;
    const after = applyEdit(d, edit);
    expect(after.projects[1].selfeval?.budgetRateRow).toEqual({ name: '资金执行情况', target: '', actual: '' });
    expect(DocumentSchema.safeParse(JSON.parse(JSON.stringify(after))).success).toBe(true);
    const second = applyEdit(after, setCellEdit(after, 'p2', 'selfeval.budgetRateRow.target', '≥100%')!);
    expect(second.projects[1].selfeval?.budgetRateRow).toEqual({ name: '资金执行情况', target: '≥100%', actual: '' });
    const undone = applyEdit(after, edit, 'undo');
    expect(undone.projects[1].selfeval?.budgetRateRow).toBeUndefined();
    expect(DocumentSchema.safeParse(JSON.parse(JSON.stringify(undone))).success).toBe(true);
  });
});
