// Our own exports of the forms drawn from the profile, imported back (issue 18): every value the form
// prints comes back the same, in .xlsx and .docx. (A field the document does not hold prints blank
// and reads back as ''.) What the importer does not read yet is in docs/export.md.
import { describe, expect, it } from 'vitest';
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import type { JixiaoDocument, Project } from '../../src-shared/model';
import { loadProfileFixture } from './profile-forms.helpers';

const FORMATS = [['xlsx', exportXlsx], ['docx', exportDocx]] as const;

async function roundTrip(doc: JixiaoDocument, ext: string, write: (d: JixiaoDocument) => Promise<Uint8Array>): Promise<JixiaoDocument> {
  const r = importOffice(await write(doc), `x.${ext}`);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  // The document comes back in the form it was printed in, every printed cell placed (the structured
  // form's first header row 单位名称 too: it precedes 项目名称 and opens the project).
  expect(r.document.meta.templateId).toBe(doc.meta.templateId);
  expect(r.report.unplaced).toEqual([]);
  return r.document;
}

const s = (v: string | undefined) => v ?? '';

describe.each(FORMATS)('88号 project table through .%s', (ext, write) => {
  it('header fields and indicators read back the same', async () => {
    const doc = loadProfileFixture('national-88-project');
    const back = await roundTrip(doc, ext, write);
    const printed = (p: Project) => ({
      name: p.name, authority: s(p.authority), implementer: s(p.implementer), manager: s(p.manager), attribute: s(p.attribute), period: s(p.period),
      midTermTotal: s(p.midTermTotal), budget: p.budget, fiscal: p.fiscal, other: p.other, overallGoal: s(p.overallGoal), goal: p.goal,
      indicators: p.indicators.map((i) => [i.level1, i.level2, i.name, i.value, s(i.remark)]),
    });
    expect(back.projects.map(printed)).toEqual(doc.projects.map(printed));
    expect(back.projects[0].indicators).toHaveLength(8);
  });
});

describe.each(FORMATS)('structured project table through .%s', (ext, write) => {
  it('indicator parts, 权重, 指标方向, 评（扣）分标准 read back the same', async () => {
    const doc = loadProfileFixture('structured-project');
    const back = await roundTrip(doc, ext, write);
    const printed = (p: Project) => ({
      name: p.name, implementer: s(p.implementer), budget: p.budget, goal: p.goal,
      indicators: p.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.operator, i.number, i.unit, s(i.weight), s(i.direction), s(i.scoring)]),
    });
    expect(back.projects.map(printed)).toEqual(doc.projects.map(printed));
  });
});

describe.each(FORMATS)('structured project table, 单位名称 above 项目名称, through .%s', (ext, write) => {
  it('单位名称 opens the project and lands in 实施单位 (implementer), nothing unplaced', async () => {
    const doc = loadProfileFixture('structured-project');
    expect(doc.projects.map((p) => p.implementer)).toEqual(['某县农田建设服务中心', '某县农业技术推广中心']);
    const back = await roundTrip(doc, ext, write);
    expect(back.projects.map((p) => [p.name, p.implementer])).toEqual(doc.projects.map((p) => [p.name, p.implementer]));
    // each project keeps only its own indicators (the next project's 单位名称 row is not an indicator row)
    expect(back.projects.map((p) => p.indicators.length)).toEqual(doc.projects.map((p) => p.indicators.length));
  });
});
