// Our own exports of the forms drawn from the profile, imported back (issue 18): every value the form
// prints comes back the same, in .xlsx and .docx — the 88号 project table, the structured project table
// and the 88号 department set (the department-wide table and its projects). (A field the document does not hold prints blank
// and reads back as ''.) What the importer does not read yet is in docs/export.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import type { JixiaoDocument, Project } from '../../src-shared/model';
import { FORMS_DIR } from '../fixtures/paths';
import { loadProfileFixture } from './profile-forms.helpers';

const FORMATS = [['xlsx', exportXlsx], ['docx', exportDocx]] as const;

async function roundTrip(doc: JixiaoDocument, ext: string, write: (d: JixiaoDocument) => Promise<Uint8Array>): Promise<JixiaoDocument> {
  const r = importOffice(await write(doc), `x.${ext}`);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  // The document comes back in the form it was printed in. (The structured form's first header row,
  // 单位名称, is still reported as unplaced: see docs/export.md.)
  expect(r.document.meta.templateId).toBe(doc.meta.templateId);
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
      name: p.name, budget: p.budget, goal: p.goal,
      indicators: p.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.operator, i.number, i.unit, s(i.weight), s(i.direction), s(i.scoring)]),
    });
    expect(back.projects.map(printed)).toEqual(doc.projects.map(printed));
  });
});

describe.each(FORMATS)('88号 department set through .%s', (ext, write) => {
  const printedDept = (d: JixiaoDocument) => ({
    deptName: d.meta.deptName, goal: d.deptWide?.goal, total: d.deptWide?.total, totalFiscal: s(d.deptWide?.totalFiscal), totalOther: s(d.deptWide?.totalOther),
    tasks: d.deptWide?.tasks.map((t) => [t.name, t.content, t.total, t.fiscal, t.other]),
    indicators: d.deptWide?.indicators.map((i) => [i.level1, i.level2, i.name, i.value, s(i.remark)]),
  });
  const printedProject = (p: Project) => ({
    name: p.name, authority: s(p.authority), implementer: s(p.implementer), budget: p.budget, fiscal: p.fiscal, other: p.other, goal: p.goal,
    indicators: p.indicators.map((i) => [i.level1, i.level2, i.name, i.value, s(i.remark)]),
  });

  it('tasks, 金额合计, 年度总体目标, indicators and the projects read back the same, nothing unplaced', async () => {
    const doc = loadProfileFixture('national-88-dept');
    const r = importOffice(await write(doc), `x.${ext}`);
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.tables.map((t) => t.kind)).toEqual(['dept-wide', 'project']);
    expect(r.document.meta.templateId).toBe('national-88-dept');
    expect(printedDept(r.document)).toEqual(printedDept(doc));
    expect(r.document.deptWide!.tasks).toHaveLength(3);
    expect(r.document.projects.map(printedProject)).toEqual(doc.projects.map(printedProject));
  });

  it('金额合计 of 财政拨款 and 其他资金 and 部门职能职责概述, when the document holds them, print and come back', async () => {
    const doc = loadProfileFixture('national-88-dept');
    doc.deptWide = { ...doc.deptWide!, totalFiscal: '480', totalOther: '20', functions: '负责全县农业农村经济发展。\n负责农田建设。' };
    const back = await roundTrip(doc, ext, write);
    expect(printedDept(back)).toEqual(printedDept(doc));
    expect([back.deptWide!.totalFiscal, back.deptWide!.totalOther, back.deptWide!.functions]).toEqual(['480', '20', doc.deptWide.functions]);
  });
});

describe.each(FORMATS)('published department-wide forms, imported, through .%s', (ext, write) => {
  // (tests/fixtures/forms/*-dept-*: what a county published comes back the same after our export)
  it.each(['hunan-dept-2022', 'hubei-dept-2021', 'anhui-dept-2023', 'sichuan-dept-2023'])('%s', async (name) => {
    const first = importOffice(new Uint8Array(readFileSync(join(FORMS_DIR, `${name}.xlsx`))), `${name}.xlsx`);
    if (!first.ok) throw new Error(`${first.code}: ${first.message}`);
    const doc = first.document;
    const r = importOffice(await write(doc), `x.${ext}`);
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    expect(r.report.unplaced).toEqual([]);
    expect(r.document.meta.templateId).toBe('national-88-dept');
    const printed = (d: JixiaoDocument) => ({
      unit: d.meta.unit, deptName: d.meta.deptName, goal: d.deptWide?.goal, total: d.deptWide?.total, totalFiscal: d.deptWide?.totalFiscal, totalOther: d.deptWide?.totalOther,
      tasks: d.deptWide?.tasks.map((t) => [t.name, t.content, t.total, t.fiscal, t.other]),
      indicators: d.deptWide?.indicators.map((i) => [i.level1, i.level2, i.name, i.value]),
      projects: d.projects.map((p) => [p.name, p.budget, p.fiscal, p.other, p.goal, p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])]),
    });
    expect(printed(r.document)).toEqual(printed(doc));
  });
});
