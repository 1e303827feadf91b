// Self-evaluation round trip: import → export → import gives the same content, in both formats and
// both layouts (Hebei 2019, national 2020); several tables per file; import into the open document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportSelfevalDocx, exportSelfevalXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { newDocument, newProject, newSelfEvalIndicator, selfevalTemplateFor, type JixiaoDocument, type SelfEval } from '../../src-shared/model';
import { fixturePath } from '../fixtures/paths';

const FIXTURE = fixturePath('selfeval-2019-a');
const FORMATS = [['xlsx', exportSelfevalXlsx], ['docx', exportSelfevalDocx]] as const;

function importOk(bytes: Uint8Array, name: string, into?: JixiaoDocument): JixiaoDocument {
  const r = importOffice(bytes, name, { into });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  expect(r.report.unplaced).toEqual([]);
  return r.document;
}

const fixture = (ext: 'docx' | 'xlsx') => importOk(new Uint8Array(readFileSync(`${FIXTURE}.${ext}`)), `selfeval-2019-a.${ext}`);

/** What the document's self-evaluation layout prints (ids and unprinted fields left out). */
function carried(doc: JixiaoDocument): unknown {
  const layout = selfevalTemplateFor(doc.meta).layout;
  const national = layout === 'national-2020';
  return {
    year: doc.meta.year, unit: doc.meta.unit, layout,
    projects: doc.projects.filter((p) => p.selfeval).map((p) => {
      const se = p.selfeval as SelfEval;
      const split = (s: SelfEval['funds']['planned']) => (national ? s : { ...s, carryOver: '' });
      return {
        name: p.name, implementer: se.implementer, authority: se.authority,
        funds: national ? { initial: se.funds.initial, planned: se.funds.planned, spent: se.funds.spent }
          : { planned: split(se.funds.planned), received: split(se.funds.received), spent: split(se.funds.spent) },
        progress: se.progress, goal: se.goal, achieved: se.achieved, completionRate: national ? '' : se.completionRate,
        level1Weights: se.level1Weights,
        indicators: se.indicators.map((i) => ({
          level1: i.level1, level2: i.level2, name: i.name, description: national ? '' : i.description, target: i.target, actual: i.actual,
          weight: national ? i.weight : '', score: i.score, deviation: national ? i.deviation : '',
        })),
        budgetRateWeight: se.budgetRateWeight, budgetRateScore: se.budgetRateScore, total: se.total, grade: se.grade,
        problems: se.problems, preparer: se.preparer, phone: se.phone, date: se.date,
      };
    }),
  };
}

/** The fixture in the national form, with what only that form prints filled in. */
function national(doc: JixiaoDocument): JixiaoDocument {
  const d = structuredClone(doc);
  d.meta.selfevalTemplateId = 'selfeval-national-2020';
  const se = d.projects.find((p) => p.selfeval)!.selfeval!;
  se.funds.initial = { total: '3', fiscal: '2.5', carryOver: '0.5', other: '' };
  se.funds.planned.carryOver = '0.25';
  se.date = '2020年3月10日';
  se.indicators.forEach((x, i) => { x.weight = String(5 + i); x.deviation = i % 3 ? '' : '宣传覆盖面不够，下一步加强宣传。'; });
  return d;
}

/** Two more projects: one without a self-evaluation (not exported), one with blank 填报部门 and no description column. */
function several(doc: JixiaoDocument): JixiaoDocument {
  const d = structuredClone(doc);
  d.projects.unshift(newProject(d.meta.templateId, { name: '没有自评的项目' }));
  const second = structuredClone(d.projects[1].selfeval!);
  second.authority = '';
  second.total = '81.5';
  second.grade = '良';
  second.indicators = [
    newSelfEvalIndicator({ level1: '产出指标', level2: '数量指标', name: '培训人数（人）', target: '≥500人', actual: '512', score: '50' }),
    newSelfEvalIndicator({ level1: '效益指标', level2: '社会效益指标', name: '就业率', target: '≥90%', actual: '88%', score: '21.5' }),
  ];
  // (a level-1 weight is printed in its indicators' label, so only levels that have indicators carry one)
  second.level1Weights = second.level1Weights.filter((w) => w.level1 !== '满意度指标');
  d.projects.push(newProject(d.meta.templateId, { name: '2019年职业技能提升行动资金', selfeval: second }));
  return d;
}

describe('self-evaluation round trip', () => {
  for (const src of ['docx', 'xlsx'] as const) {
    for (const [ext, exporter] of FORMATS) {
      it(`fixture .${src} → Hebei .${ext} → same content`, async () => {
        const doc = fixture(src);
        const back = importOk(await exporter(doc), `back.${ext}`);
        expect(carried(back)).toEqual(carried(doc));
      });
      it(`fixture .${src} → national .${ext} → same content`, async () => {
        const doc = national(fixture(src));
        const back = importOk(await exporter(doc), `back.${ext}`);
        expect(back.meta.selfevalTemplateId).toBe('selfeval-national-2020');
        expect(carried(back)).toEqual(carried(doc));
      });
    }
  }

  for (const [ext, exporter] of FORMATS) {
    it(`several tables in one .${ext}, both layouts`, async () => {
      for (const doc of [several(fixture('docx')), national(several(fixture('docx')))]) {
        const bytes = await exporter(doc);
        const back = importOk(bytes, `several.${ext}`);
        expect(back.projects.map((p) => p.name)).toEqual(['劳动监察专项资金', '2019年职业技能提升行动资金']);
        expect(carried(back)).toEqual(carried(doc));
      }
    });
  }

  it('填报部门 is the document\'s department; a table filed by another department keeps its own', async () => {
    const doc = several(fixture('docx'));
    doc.projects[2].selfeval!.authority = '劳动监察二大队';
    for (const [ext, exporter] of FORMATS) {
      const back = importOk(await exporter(doc), `dept.${ext}`);
      expect(back.meta.deptName).toBe('劳动监察大队');
      expect(back.projects.map((p) => p.selfeval!.authority)).toEqual(['', '劳动监察二大队']);
    }
  });

  it('xlsx: one sheet per project, named by the project\'s number', async () => {
    const files = unzipSync(await exportSelfevalXlsx(several(fixture('docx'))));
    const names = [...strFromU8(files['xl/workbook.xml']).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['自评2', '自评3']);
  });

  it('docx: one table per page', async () => {
    const body = strFromU8(unzipSync(await exportSelfevalDocx(several(fixture('docx'))))['word/document.xml']);
    expect(body.match(/<w:tbl>/g)).toHaveLength(2);
    expect(body.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"\/>/); // A4 portrait
  });
});

describe('import into the open document', () => {
  function openDocument(): JixiaoDocument {
    const doc = newDocument({ deptCode: '323', deptName: '唐山高新区人社局', year: 2019, unit: '万元', templateId: 'hebei-2020' });
    const target = newProject('hebei-2020', { code: '323-0501-AAA', name: '劳动监察专项资金', budget: '3' });
    target.selfeval = structuredClone(fixture('xlsx').projects[0].selfeval!);
    target.selfeval.funds.initial.total = '2.5';
    target.selfeval.indicators.forEach((x, i) => { x.id = `old${i}`; x.from = `target${i}`; x.weight = i < 4 ? '12.5' : ''; x.actual = ''; x.score = ''; });
    doc.projects.push(newProject('hebei-2020', { name: '另一个项目' }), target);
    return doc;
  }

  for (const ext of ['docx', 'xlsx'] as const) {
    it(`attaches a .${ext} table to the project of the same name, keeping what the file does not print`, () => {
      const open = openDocument();
      const before = JSON.stringify(open);
      const merged = importOk(new Uint8Array(readFileSync(`${FIXTURE}.${ext}`)), `selfeval-2019-a.${ext}`, open);
      expect(JSON.stringify(open)).toBe(before); // the open document itself is not changed
      expect(merged.projects.map((p) => p.name)).toEqual(['另一个项目', '劳动监察专项资金']);
      const p = merged.projects[1];
      expect(p.code).toBe('323-0501-AAA');
      expect(p.budget).toBe('3');
      const se = p.selfeval!;
      expect(se.indicators.map((i) => i.actual)).toEqual(['100.00', '72.00', '117', '12.00', '100.00', '100.00', '100.00', '100.00', '100.00']);
      expect(se.indicators.map((i) => i.score)).toEqual(['9', '9', '10', '17', '5', '5', '10', '10', '10']);
      expect(se.indicators.map((i) => i.id)).toEqual(se.indicators.map((_, i) => `old${i}`));
      expect(se.indicators.map((i) => i.from)).toEqual(se.indicators.map((_, i) => `target${i}`));
      expect(se.indicators.map((i) => i.weight).slice(0, 5)).toEqual(['12.5', '12.5', '12.5', '12.5', '']);
      expect(se.funds.initial.total).toBe('2.5'); // the Hebei form has no 年初预算数
      expect(merged.meta.deptName).toBe('唐山高新区人社局');
    });
  }

  it('creates the project when no project has that name, converting 万元 to 元', () => {
    const open = newDocument({ deptName: '某局', year: 2019, unit: '元', templateId: 'hebei-2020' });
    open.projects.push(newProject('hebei-2020', { name: '别的项目' }));
    const merged = importOk(new Uint8Array(readFileSync(`${FIXTURE}.docx`)), 'selfeval-2019-a.docx', open);
    expect(merged.projects.map((p) => p.name)).toEqual(['别的项目', '劳动监察专项资金']);
    expect(merged.projects[1].selfeval!.funds.spent.total).toBe('29648');
    expect(merged.meta.unit).toBe('元');
    expect(merged.meta.selfevalTemplateId).toBe('selfeval-hebei-2019');
  });
});
