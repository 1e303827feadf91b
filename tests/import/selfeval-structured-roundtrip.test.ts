// The structured (一体化) self-evaluation reads back its own export exactly: the Sichuan 2023 form
// (tests/fixtures/forms/sichuan-structured-selfeval-2023) and a fuller document — level-1 weights in
// the labels, a 区间 target, a 定性 target, a word score, 上年结转资金 the form does not list, the
// 预算执行率 row filled like an indicator, 评价等级, 填报人 — exported as .xlsx and .docx under
// selfeval-structured, imported again: same self-evaluation, same form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSelfevalDocx, exportSelfevalXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { newSelfEvalIndicator, type JixiaoDocument, type SelfEval } from '../../src-shared/model';
import { FORMS_DIR } from '../fixtures/paths';

function importOk(bytes: Uint8Array, name: string): JixiaoDocument {
  const r = importOffice(bytes, name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  expect(r.report.unplaced).toEqual([]);
  return r.document;
}
const fixture = (ext: 'xlsx' | 'docx') => importOk(new Uint8Array(readFileSync(join(FORMS_DIR, `sichuan-structured-selfeval-2023.${ext}`))), `sichuan.${ext}`);

/**
 * What the structured form prints, ids left out. Fields absent and fields blank are both blank on
 * paper (an optional field comes back as '' once the form prints its cell). Not printed by this
 * form, so left out: 到位数 (received), 总体完成率, 指标说明.
 */
function printed(doc: JixiaoDocument): unknown {
  const b = (s: string | undefined) => s ?? '';
  return {
    year: doc.meta.year, unit: doc.meta.unit, form: doc.meta.selfevalTemplateId,
    projects: doc.projects.filter((p) => p.selfeval).map((p) => {
      const se = p.selfeval as SelfEval;
      const split = (s: SelfEval['funds']['planned']) => ({ total: s.total, fiscal: s.fiscal, carryOver: s.carryOver, fiscalSpecial: b(s.fiscalSpecial), unitOwn: b(s.unitOwn), other: s.other });
      const rates = Object.fromEntries(Object.entries(se.progressByRow ?? {}).filter(([, v]) => v !== ''));
      return {
        name: p.name, implementer: se.implementer, authority: se.authority,
        funds: { initial: split(se.funds.initial), planned: split(se.funds.planned), spent: split(se.funds.spent) },
        progress: se.progress, rates, fundsReason: b(se.fundsReason), goal: se.goal, achieved: se.achieved, level1Weights: se.level1Weights,
        indicators: se.indicators.map((i) => ({
          level1: i.level1, level2: i.level2, name: i.name, target: i.target, operator: i.operator, number: i.number, unit: i.unit,
          actual: i.actual, weight: i.weight, score: i.score, scoreText: i.scoreText, deviation: i.deviation,
        })),
        budgetRateRow: se.budgetRateRow, budgetRateWeight: se.budgetRateWeight, budgetRateScore: se.budgetRateScore, budgetRateScoreText: se.budgetRateScoreText,
        total: se.total, grade: se.grade, conclusion: b(se.conclusion), problems: se.problems, measures: b(se.measures),
        manager: b(se.manager), financeManager: b(se.financeManager), preparer: se.preparer, phone: se.phone, date: se.date,
      };
    }),
  };
}

/** The fixture with what the plain table lacks filled in. */
function fuller(doc: JixiaoDocument): JixiaoDocument {
  const d = structuredClone(doc);
  const se = d.projects[0].selfeval!;
  se.level1Weights = [{ level1: '产出指标', weight: '60' }, { level1: '效益指标', weight: '25' }, { level1: '满意度指标', weight: '5' }];
  se.funds.planned.carryOver = '12.5';
  se.funds.spent.carryOver = '10';
  se.progressByRow = { ...se.progressByRow, carryOver: '80%' };
  se.indicators.push(
    newSelfEvalIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '投诉处理时长', operator: '区间', number: '3-5', unit: '天', target: '3-5天', actual: '4', weight: '2', score: '2' }),
    newSelfEvalIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众评价', operator: '定性', number: '较好', unit: '', target: '较好', actual: '好', weight: '1', score: '', scoreText: '良', deviation: '个别村评价一般。' }),
  );
  se.budgetRateRow = { name: '资金执行情况', target: '≥100%', actual: '90%' };
  se.grade = '优';
  se.preparer = '李明';
  se.phone = '0839-5221234';
  se.date = '2024年3月1日';
  return d;
}

describe('structured self-evaluation: its own export reads back exactly', () => {
  for (const src of ['xlsx', 'docx'] as const) {
    for (const [ext, exporter] of [['xlsx', exportSelfevalXlsx], ['docx', exportSelfevalDocx]] as const) {
      it(`Sichuan .${src} → structured .${ext} → same content, same form`, async () => {
        const doc = fixture(src);
        expect(doc.meta.selfevalTemplateId).toBe('selfeval-structured');
        const back = importOk(await exporter(doc), `back.${ext}`);
        expect(printed(back)).toEqual(printed(doc));
      });
      it(`a fuller document from .${src} → structured .${ext} → same content`, async () => {
        const doc = fuller(fixture(src));
        const back = importOk(await exporter(doc), `back.${ext}`);
        expect(back.meta.selfevalTemplateId).toBe('selfeval-structured');
        expect(printed(back)).toEqual(printed(doc));
      });
    }
  }
});

describe('a structured self-evaluation imported on its own', () => {
  it.each(['xlsx', 'docx'] as const)('takes the target form it belongs to (structured-project), not the Hebei default (%s)', (ext) => {
    const doc = fixture(ext);
    expect(doc.meta.selfevalTemplateId).toBe('selfeval-structured');
    expect(doc.meta.templateId).toBe('structured-project');
    // Its projects are made in that form: no Hebei 资金支出计划 checkpoints to fill.
    for (const p of doc.projects) expect(p.schedule).toEqual([]);
  });
});
