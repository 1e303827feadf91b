// Round trip through the export engineer's writers: import(export(doc)) equals doc (ids aside) for
// both formats, and export(import(file)) re-imports to the same document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx, exportSelfevalDocx, exportSelfevalXlsx, exportXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { indicatorOrder, templateOrDefault, type JixiaoDocument } from '../../src-shared/model';
import { makeSyntheticDocument } from '../bench/synthetic';
import { FIXTURE_DIR } from '../fixtures/paths';

const SEEDS = 'tests/fixtures/seeds';
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.jixiao')).sort();
const SHARED = FIXTURE_DIR;
const shared = readdirSync(SHARED).filter((f) => /\.(docx|xlsx)$/.test(f) && !f.startsWith('selfeval-')).sort();

/**
 * The document without ids (ids are generated on import), project indicators in layout order: the
 * official layout prints them by the template's 一级 then 二级 order (layouts.md), so that order is
 * what a file can carry.
 */
function content(doc: JixiaoDocument): unknown {
  const t = templateOrDefault(doc.meta.templateId);
  const copy = structuredClone(doc);
  for (const p of copy.projects) {
    p.indicators = p.indicators.map((ind, i) => ({ ind, key: [...indicatorOrder(t, ind.level1, ind.level2), i] }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]).map((x) => x.ind);
  }
  return JSON.parse(JSON.stringify(copy, (k, v) => (k === 'id' ? undefined : v)));
}

function importOk(bytes: Uint8Array, name: string, into?: JixiaoDocument): JixiaoDocument {
  const r = importOffice(bytes, name, { into });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  expect(r.report.unplaced).toEqual([]);
  return r.document;
}

const FORMATS = [['xlsx', exportXlsx], ['docx', exportDocx]] as const;
const SELFEVAL_FORMATS = { xlsx: exportSelfevalXlsx, docx: exportSelfevalDocx };

describe('import(export(doc)) equals doc', () => {
  for (const seed of seeds) {
    for (const [ext, exporter] of FORMATS) {
      it(`${seed} via ${ext}`, async () => {
        const doc = JSON.parse(readFileSync(join(SEEDS, seed), 'utf8')) as JixiaoDocument;
        let back = importOk(await exporter(doc), `${seed}.${ext}`);
        // Self-evaluation parts travel in their own file (export --selfeval), imported into the document.
        if (doc.projects.some((p) => p.selfeval)) back = importOk(await SELFEVAL_FORMATS[ext](doc), `${seed}-自评.${ext}`, back);
        expect(content(back)).toEqual(content(doc));
      });
    }
  }
  it('keeps a 元 unit, a note, blank budgets and schedule blanks after 100', async () => {
    const duty = JSON.parse(readFileSync(join(SEEDS, 'linxi-2019.jixiao'), 'utf8')) as JixiaoDocument;
    const projects = JSON.parse(readFileSync(join(SEEDS, 'laishui-2020-a.jixiao'), 'utf8')) as JixiaoDocument;
    const doc: JixiaoDocument = { ...duty, meta: { ...duty.meta, unit: '元' }, dutyTable: { ...duty.dutyTable, note: '工作活动由基本支出安排的，不填列年度预算数。' }, projects: projects.projects };
    doc.projects[0].schedule = ['50', '100', '', ''];
    doc.projects[1].other = '12.5';
    expect(doc.dutyTable.duties[1].budget).toBe('');
    for (const [ext, exporter] of FORMATS) {
      const back = importOk(await exporter(doc), `x.${ext}`);
      expect(content(back)).toEqual(content(doc));
    }
  });
});

describe('export(import(file)) re-imports to the same document', () => {
  for (const f of shared) {
    for (const [ext, exporter] of FORMATS) {
      it(`${f} → ${ext}`, async () => {
        const first = importOk(new Uint8Array(readFileSync(join(SHARED, f))), f);
        const second = importOk(await exporter(first), `again.${ext}`);
        expect(content(second)).toEqual(content(first));
      });
    }
  }
});

describe('more documents through both formats', () => {
  it('a national-2021 document (成本指标 as 一级, 9月底 checkpoint)', async () => {
    const doc = JSON.parse(readFileSync(join(SEEDS, 'laishui-2020-a.jixiao'), 'utf8')) as JixiaoDocument;
    doc.meta.templateId = 'national-2021';
    for (const p of doc.projects) {
      for (const i of p.indicators) {
        if (i.level2 === '成本指标') { i.level1 = '成本指标'; i.level2 = '经济成本指标'; }
        if (i.level1 === '效果指标') i.level1 = '效益指标';
      }
    }
    for (const [ext, exporter] of FORMATS) {
      const back = importOk(await exporter(doc), `n.${ext}`);
      expect(back.meta.templateId).toBe('national-2021');
      expect(content(back)).toEqual(content(doc));
    }
  });
  it('a synthetic document with 12 duties (numbering past 十)', async () => {
    const doc = makeSyntheticDocument({ duties: 12, activities: 3, indicators: 2, projects: 3, projectIndicators: 12 });
    for (const [ext, exporter] of FORMATS) {
      const back = importOk(await exporter(doc), `s.${ext}`);
      expect(content(back)).toEqual(content(doc));
    }
  });
});
