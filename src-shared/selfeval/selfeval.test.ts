import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareAmounts, sumAmounts } from '../model/amount';
import { newDocument, newProject, newProjectIndicator, newSelfEval, newSelfEvalIndicator } from '../model/factory';
import { getSelfevalTemplate, getTemplate } from '../model/templates';
import type { SelfEval } from '../model/schema';
import { roundAmount, splitEvenly } from './decimal';
import { effectiveWeights } from './weights';
import { gradeOf, scoreIndicator, scoreSelfEval } from './score';
import { initSelfEval } from './init';

const hebei = getSelfevalTemplate('selfeval-hebei-2019')!;
const national = getSelfevalTemplate('selfeval-national-2020')!;
const target = getTemplate('hebei-2020')!;
const score = (name: string, tgt: string, actual: string, weight = '10', achievement: '' | '达成' | '部分达成' | '未达成' = '') =>
  scoreIndicator(newSelfEvalIndicator({ id: 'x', name, target: tgt, actual, weight, achievement }), { weight, implicit: false }, target);

describe('splitEvenly', () => {
  it('spreads exactly, the remainder to the first rows', () => {
    expect(splitEvenly('50', 3)).toEqual(['16.67', '16.67', '16.66']);
    expect(splitEvenly('50', 4)).toEqual(['12.5', '12.5', '12.5', '12.5']);
    expect(splitEvenly('30', 7)).toEqual(['4.29', '4.29', '4.29', '4.29', '4.28', '4.28', '4.28']);
    expect(splitEvenly('10', 1)).toEqual(['10']);
    expect(splitEvenly('10', 0)).toEqual([]);
  });

  it('property: the parts add up to the total exactly and differ by at most one cent', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 60 }), (cents, n) => {
      const total = roundAmount({ n: BigInt(cents), d: 100n });
      const parts = splitEvenly(total, n);
      expect(parts).toHaveLength(n);
      expect(compareAmounts(sumAmounts(parts) || '0', total)).toBe(0);
      const hundredths = parts.map((p) => Math.round(Number(p) * 100));
      expect(Math.max(...hundredths) - Math.min(...hundredths)).toBeLessThanOrEqual(1);
    }));
  });
});

describe('roundAmount', () => {
  it('rounds half up to 2 decimals, exactly', () => {
    expect(roundAmount({ n: 1005n, d: 100000n })).toBe('0.01'); // 0.01005
    expect(roundAmount({ n: 1n, d: 200n })).toBe('0.01'); // 0.005
    expect(roundAmount({ n: 1n, d: 300n })).toBe('0');
    expect(roundAmount({ n: 29648n, d: 30000n })).toBe('0.99');
    expect(roundAmount({ n: -1n, d: 200n })).toBe('-0.01');
  });
});

describe('scoreIndicator: quantitative', () => {
  it('higher is better: full at or above the target, else 分值 × actual / target', () => {
    expect(score('培训人数', '≥200人', '250人')).toMatchObject({ kind: 'quantitative', direction: 'higher', met: true, computed: '10' });
    expect(score('培训人数', '≥200人', '150人')).toMatchObject({ met: false, computed: '7.5' });
    expect(score('培训人数', '≥300人', '100')).toMatchObject({ computed: '3.33', actualRead: '100人', unitAssumed: true });
  });

  it('reads an actual without unit with the target\'s unit (100.00 against ≥100% is a percent)', () => {
    expect(score('签订率（%）', '≥100%', '100.00')).toMatchObject({ computed: '10', actualRead: '100.00%', unitAssumed: true, met: true });
    expect(score('日常检查企业数（家）', '≥100%', '72.00', '12.5')).toMatchObject({ computed: '9', met: false });
  });

  it('an actual in another unit is not compared', () => {
    expect(score('培训人数', '≥200人', '90%')).toMatchObject({ kind: 'none', reason: 'unit-differs' });
  });

  it('lower is better: by the operator, and by the template\'s words for a bare target', () => {
    expect(score('投诉次数', '≤5次', '4次')).toMatchObject({ direction: 'lower', computed: '10' });
    expect(score('投诉次数', '≤5次', '8次')).toMatchObject({ direction: 'lower', met: false, computed: '6.25' });
    const words = target.lowerIsBetterWords;
    expect(words.length).toBeGreaterThan(0);
    const name = `安全${words[0]}`;
    expect(score(name, '2%', '4%')).toMatchObject({ direction: 'lower', computed: '5' });
    expect(score(name, '≥2%', '1%')).toMatchObject({ direction: 'lower', computed: '10' }); // written ≥, read as a ceiling
    expect(score('完成率', '90%', '45%')).toMatchObject({ direction: 'higher', computed: '5' });
  });

  it('a range is full inside, scaled outside', () => {
    expect(score('完成率', '85%-100%', '90%')).toMatchObject({ direction: 'range', computed: '10' });
    expect(score('完成率', '≥85%和≤95%', '42.5%')).toMatchObject({ computed: '5' });
  });

  it('gives no score without a weight, an actual or a readable target', () => {
    expect(score('完成率', '≥90%', '', '10')).toMatchObject({ kind: 'none', reason: 'no-actual' });
    expect(score('完成率', '≥90%', '好', '10')).toMatchObject({ kind: 'none', reason: 'actual-unreadable' });
    expect(score('完成率', '≥90%', '95%', '')).toMatchObject({ kind: 'none', reason: 'no-weight' });
    expect(score('完成率', '≥90%或≤10%', '95%')).toMatchObject({ kind: 'none', reason: 'target-unreadable' });
  });

  const num = fc.tuple(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`);
  const weight = fc.integer({ min: 0, max: 10000 }).map((c) => roundAmount({ n: BigInt(c), d: 100n }));
  const op = fc.constantFrom('≥', '≤', '', '>', '<');

  it('property: a computed score is never above its 分值 and never negative', () => {
    fc.assert(fc.property(num, num, weight, op, fc.constantFrom('完成率', '投诉次数', '安全事故发生率'), (t, a, w, o, name) => {
      const s = score(name, `${o}${t}%`, a, w);
      if (s.kind !== 'quantitative') return;
      expect(compareAmounts(s.computed, w)).toBeLessThanOrEqual(0);
      expect(compareAmounts(s.computed, '0')).toBeGreaterThanOrEqual(0);
      if (s.met) expect(s.computed).toBe(w);
    }));
  });

  it('property: reverse indicators — lower actuals never score less, higher ones never more', () => {
    fc.assert(fc.property(num, num, num, weight, (t, a, b, w) => {
      const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
      const sLo = score('投诉次数', `≤${t}次`, `${lo}次`, w), sHi = score('投诉次数', `≤${t}次`, `${hi}次`, w);
      if (sLo.kind !== 'quantitative' || sHi.kind !== 'quantitative') return;
      expect(compareAmounts(sLo.computed, sHi.computed)).toBeGreaterThanOrEqual(0);
      const up = score('培训人数', `≥${t}人`, `${lo}人`, w), up2 = score('培训人数', `≥${t}人`, `${hi}人`, w);
      if (up.kind !== 'quantitative' || up2.kind !== 'quantitative') return;
      expect(compareAmounts(up.computed, up2.computed)).toBeLessThanOrEqual(0);
    }));
  });
});

describe('scoreIndicator: qualitative', () => {
  it('達成 / 部分达成 / 未达成 give 80–100 %, 60–80 %, 0–60 % of 分值', () => {
    expect(score('社会效益', '效果明显', '', '15', '达成')).toMatchObject({ kind: 'qualitative', range: ['12', '15'], computed: '15' });
    expect(score('社会效益', '效果明显', '', '15', '部分达成')).toMatchObject({ range: ['9', '12'] });
    expect(score('社会效益', '达成预期指标', '', '15', '未达成')).toMatchObject({ range: ['0', '9'] });
    expect(score('社会效益', '效果明显', '', '15')).toMatchObject({ kind: 'none', reason: 'no-achievement', qualitative: true });
  });

  it('property: ranges lie inside [0, 分值], ordered, adjacent', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10000 }), (c) => {
      const w = roundAmount({ n: BigInt(c), d: 100n });
      const r = (a: '达成' | '部分达成' | '未达成') => { const s = score('效果', '效果明显', '', w, a); if (s.kind !== 'qualitative') throw new Error(); return s.range; };
      const [a, b, c2] = [r('达成'), r('部分达成'), r('未达成')];
      expect(a[1]).toBe(w);
      expect(c2[0]).toBe('0');
      expect(b[1]).toBe(a[0]);
      expect(c2[1]).toBe(b[0]);
      for (const [lo, hi] of [a, b, c2]) expect(compareAmounts(lo, hi)).toBeLessThanOrEqual(0);
    }));
  });
});

function part(init: Partial<SelfEval> = {}): SelfEval {
  return newSelfEval({
    level1Weights: [{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '30' }, { level1: '满意度指标', weight: '10' }],
    funds: { initial: fund(), planned: fund('3'), received: fund(), spent: fund('2.9648') },
    budgetRateWeight: '10',
    ...init,
  });
}
function fund(total = '') { return { total, fiscal: '', carryOver: '', other: '' }; }

describe('effectiveWeights', () => {
  it('implicit 分值: the share of what the level-1 weight leaves after typed 分值', () => {
    const se = part({ indicators: [
      newSelfEvalIndicator({ id: 'a', level1: '产出指标', weight: '20' }),
      newSelfEvalIndicator({ id: 'b', level1: '产出指标' }),
      newSelfEvalIndicator({ id: 'c', level1: '产出指标' }),
      newSelfEvalIndicator({ id: 'd', level1: '效果指标' }), // synonym of 效益指标 in the Hebei template
    ] });
    const w = effectiveWeights(se, hebei);
    expect(w.get('a')).toEqual({ weight: '20', implicit: false });
    expect(w.get('b')).toEqual({ weight: '15', implicit: true });
    expect(w.get('c')).toEqual({ weight: '15', implicit: true });
    expect(w.get('d')).toEqual({ weight: '30', implicit: true });
  });
});

describe('scoreSelfEval', () => {
  it('预算执行率 = 执行数 / 预算数, score = weight × rate, at most the weight', () => {
    const s = scoreSelfEval(part(), hebei, target);
    expect(s.budgetRatePercent).toBe('98.83');
    expect(s.budgetRateComputed).toBe('9.88');
    const over = scoreSelfEval(part({ funds: { initial: fund(), planned: fund('3'), received: fund(), spent: fund('4') } }), hebei, target);
    expect(over.budgetRateComputed).toBe('10');
    expect(scoreSelfEval(part({ funds: { initial: fund(), planned: fund('0'), received: fund(), spent: fund('4') } }), hebei, target).budgetRateComputed).toBe('');
  });

  it('总分 adds typed scores, else computed ones; the computed total beside it; grades by the template', () => {
    const se = part({ indicators: [
      newSelfEvalIndicator({ id: 'a', level1: '产出指标', name: '完成率', target: '≥90%', actual: '90%', weight: '50', score: '45' }),
      newSelfEvalIndicator({ id: 'b', level1: '效益指标', name: '覆盖率', target: '≥80%', actual: '40%', weight: '30' }),
      newSelfEvalIndicator({ id: 'c', level1: '满意度指标', name: '满意度', target: '≥90%', actual: '', weight: '10', score: '9' }),
    ] });
    const s = scoreSelfEval(se, hebei, target);
    expect(s.total).toBe('78.88'); // 45 + 15 + 9 + 9.88
    expect(s.computedTotal).toBe('83.88'); // 50 + 15 + 9 (typed, nothing to compute) + 9.88
    expect(s.grade).toBe('中');
    expect(s.computedGrade).toBe('良');
  });

  it('property: the total equals the sum of the rows it counts (rounding happens per row only)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 12 }), (rows) => {
      const se = part({ indicators: rows.map(([t, a], k) => newSelfEvalIndicator({ id: `r${k}`, level1: '产出指标', name: '完成数', target: `≥${t}`, actual: String(a) })) });
      const s = scoreSelfEval(se, hebei, target);
      const parts = [...s.rows.values()].map((r) => r.computed);
      expect(s.computedTotal).toBe(sumAmounts([...parts, s.budgetRateComputed]));
      for (const p of parts) expect(p).toMatch(/^\d+(\.\d{1,2})?$/);
    }));
  });

  it('grade bounds: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 below', () => {
    expect([gradeOf('90', hebei), gradeOf('89.99', hebei), gradeOf('80', hebei), gradeOf('60', hebei), gradeOf('59.99', hebei), gradeOf('', hebei)]).toEqual(['优', '良', '良', '中', '差', '']);
  });
});

describe('initSelfEval', () => {
  function doc() {
    const d = newDocument({ templateId: 'hebei-2020' });
    d.projects.push(newProject('hebei-2020', {
      id: 'p1', name: '劳动监察', budget: '3', fiscal: '3', other: '', goal: '做好劳动监察',
      indicators: [
        newProjectIndicator({ id: 'i1', level1: '产出指标', level2: '数量指标', name: '检查企业数（家）', description: '检查数', value: '≥100家' }),
        newProjectIndicator({ id: 'i2', level1: '产出指标', level2: '质量指标', name: '结案率', value: '≥95%' }),
        newProjectIndicator({ id: 'i3', level1: '产出指标', level2: '时效指标', name: '办结及时率', value: '100%' }),
        newProjectIndicator({ id: 'i4', level1: '效果指标', level2: '社会效益指标', name: '维权效果', value: '效果明显' }),
        newProjectIndicator({ id: 'i5', level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', value: '≥90%' }),
      ],
    }));
    d.projects.push(newProject('hebei-2020', { id: 'p2', name: '已有自评', selfeval: newSelfEval({ goal: '手写的内容' }) }));
    return d;
  }

  it('carries indicators, targets, goal and 预算数 over; never touches an existing part', () => {
    const d = doc();
    const r = initSelfEval(d, national);
    expect(r.created).toEqual([0]);
    expect(r.kept).toEqual([1]);
    const se = r.document.projects[0].selfeval!;
    expect(se.goal).toBe('做好劳动监察');
    expect(se.funds.planned).toEqual({ total: '3', fiscal: '3', carryOver: '', other: '' });
    expect(se.indicators.map((i) => [i.from, i.level1, i.level2, i.name, i.target, i.weight])).toEqual([
      ['i1', '产出指标', '数量指标', '检查企业数（家）', '≥100家', '16.67'],
      ['i2', '产出指标', '质量指标', '结案率', '≥95%', '16.67'],
      ['i3', '产出指标', '时效指标', '办结及时率', '100%', '16.66'],
      ['i4', '效果指标', '社会效益指标', '维权效果', '效果明显', '30'],
      ['i5', '满意度指标', '服务对象满意度指标', '满意度', '≥90%', '10'],
    ]);
    expect(se.indicators[0].description).toBe('检查数');
    expect(se.level1Weights).toEqual([{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '30' }, { level1: '满意度指标', weight: '10' }]);
    expect(se.budgetRateWeight).toBe('10');
    expect(r.document.projects[1]).toBe(d.projects[1]);
    expect(d.projects[0].selfeval).toBeUndefined(); // the input is not mutated
    // A second run creates nothing and returns the same document.
    const again = initSelfEval(r.document, national);
    expect(again.created).toEqual([]);
    expect(again.document).toBe(r.document);
  });

  it('Hebei 2019 prints only level-1 weights: indicator 分值 stay implicit, the same even share', () => {
    const se = initSelfEval(doc(), hebei).document.projects[0].selfeval!;
    expect(se.indicators.every((i) => i.weight === '')).toBe(true);
    expect([...effectiveWeights(se, hebei).values()].map((w) => w.weight)).toEqual(['16.67', '16.67', '16.66', '30', '10']);
  });
});
