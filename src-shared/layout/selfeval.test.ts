import { describe, expect, it } from 'vitest';
import { newDocument, newProject, newSelfEval, newSelfEvalIndicator, type JixiaoDocument } from '../model';
import { buildSelfevalLayout, NoSelfevalError } from './selfeval';
import { coveredOnce } from './testing';

function sample(templateId: 'selfeval-hebei-2019' | 'selfeval-national-2020'): JixiaoDocument {
  const doc = newDocument({ deptName: '某局', year: 2019, unit: '万元', templateId: 'hebei-2020', selfevalTemplateId: templateId });
  const se = newSelfEval({
    implementer: '大队', authority: '某局',
    funds: {
      initial: { total: '3', fiscal: '3', carryOver: '', other: '' }, planned: { total: '3', fiscal: '3', carryOver: '', other: '' },
      received: { total: '3', fiscal: '3', carryOver: '', other: '' }, spent: { total: '2.9648', fiscal: '2.9648', carryOver: '', other: '' },
    },
    level1Weights: [{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '30' }],
    indicators: [
      newSelfEvalIndicator({ level1: '产出指标', level2: '数量指标', name: '检查企业数（家）', description: '当年检查数', target: '≥70家', actual: '72', score: '9' }),
      newSelfEvalIndicator({ level1: '产出指标', level2: '数量指标', name: '办结业务数', target: '≥100件', actual: '117', score: '' }),
      newSelfEvalIndicator({ level1: '产出指标', level2: '质量指标', name: '宣传活动', target: '≥10次', actual: '12' }),
      newSelfEvalIndicator({ level1: '效益指标', level2: '社会效益指标', name: '结案率', target: '≥95%', actual: '100%', score: '30' }),
    ],
    budgetRateWeight: '10', total: '95', grade: '优',
  });
  doc.projects.push(newProject('hebei-2020', { name: '无自评项目' }), newProject('hebei-2020', { name: '劳动监察专项资金', selfeval: se }));
  return doc;
}


describe.each(['selfeval-hebei-2019', 'selfeval-national-2020'] as const)('buildSelfevalLayout (%s)', (id) => {
  it('one A4 portrait part per project with a self-evaluation, its grid covered exactly once, 180 mm wide', () => {
    const l = buildSelfevalLayout(sample(id));
    expect(l.page.orientation).toBe('portrait');
    expect(l.title).toBe('某局2019年绩效自评表'); // the files' title property
    expect(l.parts).toHaveLength(1);
    const part = l.parts[0];
    expect(part).toMatchObject({ kind: 'selfeval', projectIndex: 1, sheetName: '自评2', subtitle: '（2019年度）' });
    expect(part.columnsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(180, 0);
    expect(coveredOnce(part.tables[0], part.columnsMm.length)).toBe(true);
    const empty = sample(id);
    empty.projects[1].selfeval = newSelfEval();
    const e = buildSelfevalLayout(empty).parts[0];
    expect(coveredOnce(e.tables[0], e.columnsMm.length)).toBe(true);
    expect(e.tables[0].rows.every((r) => r.heightPt > 0)).toBe(true);
  });

  it('prints typed values only: money as in the target tables (3 → 3.00, 2.9648 exact), scores as typed, blank scores blank, level-1 weight in the label, 一级/二级 merged down their runs', () => {
    const cells = buildSelfevalLayout(sample(id)).parts[0].tables[0].rows.flatMap((r) => r.cells);
    const texts = cells.map((c) => c.text);
    expect(texts).toContain('2.9648');
    expect(texts).not.toContain('2.96');
    expect(texts).toContain('3.00');
    expect(texts).not.toContain('3');
    expect(cells.find((c) => c.text === '产出指标（50）')).toMatchObject({ rowSpan: 3 });
    expect(cells.find((c) => c.text === '数量指标')).toMatchObject({ rowSpan: 2 });
    expect(texts).toContain('95');
    // 办结业务数 and 宣传活动 have no typed score: their 得分 cells stay blank (nothing computed)
    const rows = buildSelfevalLayout(sample(id)).parts[0].tables[0].rows;
    const scoreOf = (name: string) => rows.find((r) => r.cells.some((c) => c.text === name))!.cells.find((c) => c.col === 7)!.text;
    expect([scoreOf('检查企业数（家）'), scoreOf('办结业务数'), scoreOf('宣传活动'), scoreOf('结案率')]).toEqual(['9', '', '', '30']);
  });
});

describe('buildSelfevalLayout', () => {
  it('Hebei: 三级指标 takes both columns when there is no description; national: 偏差原因 column and — in the split rows', () => {
    const hebei = buildSelfevalLayout(sample('selfeval-hebei-2019')).parts[0].tables[0].rows.flatMap((r) => r.cells);
    expect(hebei.find((c) => c.text === '检查企业数（家）')).toMatchObject({ colSpan: 1 });
    expect(hebei.find((c) => c.text === '当年检查数')).toMatchObject({ colSpan: 1 });
    expect(hebei.find((c) => c.text === '办结业务数')).toMatchObject({ colSpan: 2 });
    const national = buildSelfevalLayout(sample('selfeval-national-2020')).parts[0].tables[0].rows.flatMap((r) => r.cells);
    expect(national.map((c) => c.text)).toEqual(expect.arrayContaining(['偏差原因分析及改进措施', '年初预算数', '项目资金（万元）', '—']));
    expect(national.map((c) => c.text)).not.toContain('当年检查数'); // no description column on the national form
  });

  it('chosen projects only; none with a self-evaluation → NoSelfevalError (export.no-selfeval)', () => {
    expect(buildSelfevalLayout(sample('selfeval-hebei-2019'), { projects: [1] }).parts).toHaveLength(1);
    expect(() => buildSelfevalLayout(sample('selfeval-hebei-2019'), { projects: [0] })).toThrow(NoSelfevalError);
    // a document with projects, none of them with a self-evaluation: not a blank document
    const noSelfeval = newDocument();
    noSelfeval.projects.push(newProject('hebei-2020', { name: '无自评项目' }));
    expect(() => buildSelfevalLayout(noSelfeval)).toThrow(expect.objectContaining({ code: 'export.no-selfeval' }));
  });
});
