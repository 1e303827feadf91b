// The selfeval.* rules: each with a failing and a passing case, on a clean self-evaluation part that
// a mutation breaks in one way; then the fixture table (selfeval.md lists its defects).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, newDocument, newFundSplit, newProject, newSelfEval, newSelfEvalIndicator, type JixiaoDocument, type SelfEval } from '../../src-shared/model';
import { CODES, findingCells, RULES, validateDocument, type Finding } from '../../src-shared/validate';
import { fixturePath } from '../fixtures/paths';

function clean(selfevalTemplateId = 'selfeval-national-2020'): JixiaoDocument {
  const doc = newDocument({ deptName: '人社局', year: 2019, templateId: 'hebei-2020', selfevalTemplateId });
  doc.projects.push(newProject('hebei-2020', {
    id: 'p1', code: '323-0501-JBN-0001', name: '就业补助资金',
    selfeval: newSelfEval({
      implementer: '人社局', goal: '完成培训任务', achieved: '共支出3万元，完成培训任务。', progress: '100%', completionRate: '100%',
      funds: { initial: newFundSplit(), planned: newFundSplit({ total: '3', fiscal: '3' }), received: newFundSplit({ total: '3', fiscal: '3' }), spent: newFundSplit({ total: '3', fiscal: '3' }) },
      level1Weights: [{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '30' }, { level1: '满意度指标', weight: '10' }],
      indicators: [
        newSelfEvalIndicator({ id: 'a', level1: '产出指标', level2: '数量指标', name: '培训人数', target: '≥200人', actual: '200人', weight: '30', score: '30' }),
        newSelfEvalIndicator({ id: 'b', level1: '产出指标', level2: '质量指标', name: '培训效果', target: '效果明显', actual: '效果明显', achievement: '达成', weight: '20', score: '18' }),
        newSelfEvalIndicator({ id: 'c', level1: '效益指标', level2: '社会效益指标', name: '就业率', target: '≥90%', actual: '95%', weight: '30', score: '30' }),
        newSelfEvalIndicator({ id: 'd', level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%', actual: '92%', weight: '10', score: '10' }),
      ],
      budgetRateWeight: '10', budgetRateScore: '10', total: '98', grade: '优', problems: '培训后跟踪不足，下一步建立回访制度。', preparer: '张三', phone: '5776425',
    }),
  }));
  return DocumentSchema.parse(doc);
}

const SELFEVAL_IDS = new Set(['a', 'b', 'c', 'd']);
/** Findings on the self-evaluation part only (the project's empty target table has its own). */
function partFindings(doc: JixiaoDocument): Finding[] {
  const ids = new Set([...SELFEVAL_IDS, ...(doc.projects[0].selfeval?.indicators.map((i) => i.id) ?? [])]);
  return validateDocument(doc).filter((f) => ids.has(f.path.rowId) || f.path.field.startsWith('selfeval.'));
}
function mutate(fn: (se: SelfEval) => void, template?: string): Finding[] {
  const doc = clean(template);
  fn(doc.projects[0].selfeval!);
  return partFindings(DocumentSchema.parse(doc));
}
const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe('selfeval rules', () => {
  it('are registered: every selfeval.* code is in the registry', () => {
    for (const c of ['selfeval.weight-sum', 'selfeval.score-over-weight', 'selfeval.total-mismatch', 'selfeval.grade-mismatch', 'selfeval.progress-mismatch',
      'selfeval.spent-split-mismatch', 'selfeval.score-vs-actual', 'selfeval.budget-rate-score', 'selfeval.actual-missing', 'selfeval.template-text']) expect(CODES).toContain(c);
    expect(RULES.filter((r) => r.id.startsWith('selfeval.')).length).toBeGreaterThanOrEqual(9);
  });

  it('the clean part passes every rule', () => {
    expect(partFindings(clean())).toEqual([]);
    expect(partFindings(clean('selfeval-hebei-2019'))).toEqual([]);
  });

  it('selfeval.weight-sum: weights not adding to 100; a level-1 weight unlike its 分值 sum', () => {
    expect(codes(mutate((se) => { se.budgetRateWeight = '20'; }))).toContain('selfeval.weight-sum');
    const f = mutate((se) => { se.indicators[0].weight = '25'; se.indicators[0].score = '25'; se.total = '93'; });
    expect(codes(f)).toEqual(['selfeval.weight-sum']);
    expect(f[0]).toMatchObject({ path: { rowId: 'p1', field: 'selfeval.level1Weights.0.weight' } });
    expect(f[0].message).toContain('45');
  });

  it('selfeval.score-over-weight: an indicator above its 分值, a level above its weight, 预算执行率 above its weight', () => {
    const one = mutate((se) => { se.indicators[3].score = '80'; se.total = '168'; });
    expect(codes(one)).toEqual(['selfeval.score-over-weight']);
    expect(one[0]).toMatchObject({ path: { rowId: 'd', field: 'score' }, text: '80' });
    // Hebei 2019: implicit 分值; four 产出 scores of 20 add up to 80 under a weight of 50 (no single one above 50).
    const level = mutate((se) => {
      for (const i of se.indicators) i.weight = '';
      Object.assign(se.indicators[1], { target: '≥95%', actual: '96%', achievement: '' });
      se.indicators[0].score = '40'; se.indicators[1].score = '40'; se.total = '130';
    }, 'selfeval-hebei-2019');
    expect(codes(level)).toEqual(['selfeval.score-over-weight']);
    expect(level[0].message).toContain('合计 80');
    expect(codes(mutate((se) => { se.budgetRateScore = '12'; se.total = '100'; }))).toEqual(['selfeval.score-over-weight']);
  });

  it('selfeval.total-mismatch and selfeval.grade-mismatch (总分 90 graded 良)', () => {
    const t = mutate((se) => { se.total = '95'; });
    expect(codes(t)).toEqual(['selfeval.total-mismatch']);
    expect(t[0]).toMatchObject({ path: { field: 'selfeval.total' }, suggestion: '98' });
    const g = mutate((se) => { se.indicators[0].score = '22'; se.total = '90'; se.grade = '良'; });
    expect(codes(g)).toContain('selfeval.grade-mismatch');
    expect(g.find((x) => x.code === 'selfeval.grade-mismatch')).toMatchObject({ path: { field: 'selfeval.grade' }, suggestion: '优' });
  });

  it('selfeval.progress-mismatch: beyond rounding only', () => {
    expect(codes(mutate((se) => { se.funds.spent = newFundSplit({ total: '2.9648', fiscal: '2.9648' }); se.progress = '99%'; se.achieved = '完成'; se.budgetRateScore = '9.88'; se.total = '97.88'; }))).toEqual([]);
    const f = mutate((se) => { se.funds.spent = newFundSplit({ total: '2.9648', fiscal: '2.9648' }); se.progress = '98%'; se.achieved = '完成'; se.budgetRateScore = '9.88'; se.total = '97.88'; });
    expect(codes(f)).toEqual(['selfeval.progress-mismatch']);
    expect(f[0].suggestion).toBe('98.83%');
  });

  it('selfeval.achieved-spent-mismatch: 具体完成情况 names another spent amount than 执行数', () => {
    expect(codes(mutate((se) => { se.achieved = '共支出2.96478万元'; }))).toEqual(['selfeval.achieved-spent-mismatch']);
    expect(codes(mutate((se) => { se.achieved = '共支出30000元'; }))).toEqual([]);
  });

  it('selfeval.spent-split-mismatch: 执行数 550 while 财政资金 196.07 + 其他 0; also 预算数 and 到位数', () => {
    const f = mutate((se) => { se.funds.spent = newFundSplit({ total: '550', fiscal: '196.07', other: '0' }); se.funds.planned = newFundSplit({ total: '550', fiscal: '550' }); se.achieved = '完成'; });
    expect(f.filter((x) => x.code === 'selfeval.spent-split-mismatch').map((x) => x.path.field)).toEqual(['selfeval.funds.spent.total']);
    expect(f.find((x) => x.code === 'selfeval.spent-split-mismatch')!.suggestion).toBe('196.07');
    expect(codes(mutate((se) => { se.funds.planned.other = '1'; }))).toContain('selfeval.spent-split-mismatch');
    expect(mutate((se) => { se.funds.received.fiscal = '2'; }, 'selfeval-hebei-2019').map((x) => x.path.field)).toEqual(['selfeval.funds.received.total']);
    expect(mutate((se) => { se.funds.received.fiscal = '2'; }, 'selfeval-national-2020')).toEqual([]); // the national form has no 到位数
  });

  it('selfeval.score-vs-actual: full marks for a missed target; a qualitative score outside its range', () => {
    const f = mutate((se) => { se.indicators[0].actual = '150人'; });
    expect(codes(f)).toEqual(['selfeval.score-vs-actual']);
    expect(f[0]).toMatchObject({ path: { rowId: 'a', field: 'score' }, suggestion: '22.5' });
    expect(codes(mutate((se) => { se.indicators[0].actual = '150人'; se.indicators[0].score = '22.5'; se.total = '90.5'; }))).toEqual([]);
    expect(codes(mutate((se) => { se.indicators[1].achievement = '部分达成'; }))).toEqual(['selfeval.score-vs-actual']);
    expect(codes(mutate((se) => { se.indicators[1].achievement = '部分达成'; se.indicators[1].score = '15'; se.total = '95'; }))).toEqual([]);
  });

  it('selfeval.budget-rate-score: 预算执行率 scored 10 at 35.6 % execution', () => {
    const f = mutate((se) => { se.funds.spent = newFundSplit({ total: '1.068', fiscal: '1.068' }); se.progress = '35.6%'; se.achieved = '完成'; });
    expect(codes(f)).toEqual(['selfeval.budget-rate-score']);
    expect(f[0]).toMatchObject({ path: { field: 'selfeval.budgetRateScore' }, suggestion: '3.56' });
  });

  it('selfeval.actual-missing and selfeval.actual-unit', () => {
    const f = mutate((se) => { se.indicators[2].actual = ''; se.indicators[2].score = ''; se.total = '68'; se.grade = '中'; });
    expect(codes(f)).toEqual(['selfeval.actual-missing']);
    expect(f[0]).toMatchObject({ path: { rowId: 'c', field: 'actual' } });
    const u = mutate((se) => { se.indicators[2].actual = '95.00'; });
    expect(codes(u)).toEqual(['selfeval.actual-unit']);
    expect(u[0].suggestion).toBe('95.00%');
    expect(codes(mutate((se) => { se.indicators[0].actual = '90%'; se.indicators[0].score = ''; se.total = ''; se.grade = ''; }))).toEqual(['selfeval.actual-unit']);
  });

  it('selfeval.template-text: the printed form\'s instruction left in a cell', () => {
    const f = mutate((se) => { se.problems = '(主要填写项目绩效存在问题及原因分析,下一步拟采取的纠偏措施及对策建议)'; });
    expect(codes(f)).toEqual(['selfeval.template-text']);
    expect(codes(mutate((se) => { se.problems = '（存在问题、原因及整改措施）'; }))).toEqual(['selfeval.template-text']);
    expect(codes(mutate((se) => { se.problems = '存在问题：培训（含线上）跟踪不足。'; }))).toEqual([]);
  });

  it('value rules on targets and actuals; text rules on long cells (one cause, one finding)', () => {
    const f = mutate((se) => { se.indicators[0].target = '≥100%'; se.indicators[0].actual = '200'; se.indicators[0].score = ''; se.total = ''; });
    expect(codes(f)).toEqual(['value.unit-mismatch']); // not also value.rate-over-100, not selfeval.actual-unit
    expect(f[0]).toMatchObject({ path: { rowId: 'a', field: 'target' } });
    expect(codes(mutate((se) => { se.indicators[2].actual = '9595%'; se.indicators[2].score = ''; se.total = ''; }))).toContain('value.duplicated-digits');
    const t = mutate((se) => { se.achieved = '资金按规定用于用于办案，共支出3万元。'; });
    expect(codes(t)).toEqual(['text.merged-cells-suspect']);
    expect(t[0].suggestion).toBe('资金按规定用于办案，共支出3万元。');
  });
});

describe('the fixture table selfeval-2019-a (selfeval.md lists its defects)', () => {
  const doc = DocumentSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/seeds/selfeval-2019-a.jixiao', import.meta.url), 'utf8')));
  const findings = validateDocument(doc);
  const se = doc.projects[0].selfeval!;
  const id = (name: string) => se.indicators.find((i) => i.name === name)!.id;
  // A grouped finding (one cause on many cells) counts at each of its cells.
  const at = (rowId: string, field: string) => findings.filter((f) => findingCells(f).some((c) => c.path.rowId === rowId && c.path.field === field)).map((f) => f.code);

  it('every target is ≥100%, also on counts: a count needs a count target', () => {
    for (const n of ['日常检查企业数（家）', '办结业务数(件)', '宣传活动']) expect(at(id(n), 'target'), n).toEqual(['value.unit-mismatch']);
  });
  it('日常检查企业数 has actual 72 against that target and still scores 9', () => {
    expect(at(id('日常检查企业数（家）'), 'score')).toEqual(['selfeval.score-vs-actual']);
  });
  it('percent actuals are written without %', () => {
    expect(at(id('规模以上企业劳动合同签订率（%）'), 'actual')).toEqual(['selfeval.actual-unit']);
    // One habit of the filler: one 提示 for the six cells, each fixable (100.00 → 100.00%).
    const unit = findings.filter((f) => f.code === 'selfeval.actual-unit');
    expect(unit).toHaveLength(1);
    expect(unit[0].severity).toBe('info');
    expect(findingCells(unit[0]).map((c) => c.suggestion)).toEqual(Array(6).fill('100.00%'));
  });
  it('执行数 2.9648 while 具体完成情况 says 2.96478万元; the doubled 用于用于', () => {
    expect(at(doc.projects[0].id, 'selfeval.achieved').sort()).toEqual(['selfeval.achieved-spent-mismatch', 'text.merged-cells-suspect']);
  });
  it('五、存在问题 still holds the form\'s instruction', () => {
    expect(at(doc.projects[0].id, 'selfeval.problems')).toEqual(['selfeval.template-text']);
  });
  it('总分 95 is the sum of its scores and 优 its grade: no total or grade finding', () => {
    expect(findings.filter((f) => f.code === 'selfeval.total-mismatch' || f.code === 'selfeval.grade-mismatch')).toEqual([]);
  });
});

describe('carried-over cells are reported once, in the target table', () => {
  it('a target or a name copied unchanged from the target table gives no second finding; an edited one does', () => {
    const doc = clean();
    doc.projects[0].indicators = [{ id: 'pi1', level1: '产出指标', level2: '数量指标', name: '养老金养老金人数', description: '', value: '≥100%', basis: '计划标准' }];
    Object.assign(doc.projects[0].selfeval!.indicators[0], { from: 'pi1', name: '养老金养老金人数', target: '≥100%', actual: '200', score: '', weight: '30' });
    doc.projects[0].selfeval!.total = '';
    const all = validateDocument(doc);
    const inTarget = all.filter((f) => f.path.rowId === 'pi1').map((f) => f.code);
    expect(inTarget).toContain('text.merged-cells-suspect');
    expect(inTarget).toContain('value.unit-mismatch');
    expect(all.filter((f) => f.path.rowId === 'a')).toEqual([]);
    doc.projects[0].selfeval!.indicators[0].target = '≥99%';
    expect(validateDocument(doc).filter((f) => f.path.rowId === 'a').map((f) => f.code)).toEqual(['value.unit-mismatch']);
  });
});

describe('a self-evaluation imported without its target table', () => {
  it('reports the self-evaluation, not the empty target table that was never sent', async () => {
    const { importOffice } = await import('../../src-shared/import');
    const bytes = readFileSync(fixturePath('selfeval-2019-a.docx'));
    const r = importOffice(new Uint8Array(bytes), 'selfeval-2019-a.docx');
    if (!r.ok) throw new Error(r.message);
    const p = r.document.projects[0];
    expect(p.selfeval).toBeDefined();
    expect(p.indicators).toEqual([]);
    const codes = validateDocument(r.document).map((f) => f.code);
    expect(codes.some((c) => c.startsWith('selfeval.'))).toBe(true);
    for (const c of ['structure.missing-level1', 'schedule.incomplete', 'text.empty-required']) expect(codes, c).not.toContain(c);
    // the same project with a target table gets the target-table rules again
    const withTargets = structuredClone(r.document);
    withTargets.projects[0].indicators = [{ id: 'x1', level1: '产出指标', level2: '数量指标', name: '甲', description: '', value: '≥1家', basis: '计划标准' }];
    expect(validateDocument(withTargets).map((f) => f.code)).toContain('structure.missing-level1');
  });
});
