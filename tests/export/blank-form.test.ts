// A new, empty document exports its form's blank tables instead of refusing (issue 18).
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportDocx, exportXlsx, renderPrintHtml } from '../../src-shared/export';
import { buildLayout, NothingToExportError } from '../../src-shared/layout';
import { newDocument } from '../../src-shared/model';
import { TARGET_PROFILES } from '../../src-shared/profile';

const texts = (doc: ReturnType<typeof newDocument>) => buildLayout(doc).parts.map((p) => p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))));

describe('blank forms', () => {
  it('Hebei: the duty table with empty rows and the project table with its 一级/二级, no numbering', () => {
    const doc = newDocument({ deptCode: '101', deptName: '某县农业农村局', year: 2025, templateId: 'hebei-2020' });
    const layout = buildLayout(doc);
    expect(layout.parts.map((p) => p.kind)).toEqual(['duty', 'project']);
    const [duty, project] = texts(doc);
    expect(duty.slice(0, 6)).toEqual(['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '评价标准']);
    expect(duty.slice(10).every((t) => t === '')).toBe(true); // body cells all empty (no 一、)
    expect(layout.parts[0].tables[0].rows.length).toBe(2 + 3 * 3);
    expect(project).toEqual(expect.arrayContaining(['项目编码', '项目名称', '预算数', '绩效目标', '一级指标', '产出指标', '数量指标', '效果指标', '服务对象满意度指标', '3月底']));
    expect(layout.parts[1].title).toBe('项目绩效目标表');
  });

  it('every target form exports .xlsx, .docx and print HTML for a new document', async () => {
    for (const p of TARGET_PROFILES) {
      const doc = newDocument({ deptName: '局', year: 2025, templateId: p.id });
      const xlsx = unzipSync(await exportXlsx(doc));
      expect(Object.keys(xlsx).some((k) => k.startsWith('xl/worksheets/')), p.id).toBe(true);
      const docx = strFromU8(unzipSync(await exportDocx(doc))['word/document.xml']);
      expect(docx, p.id).toContain('一级指标');
      expect(renderPrintHtml(doc), p.id).toContain('一级指标');
      // the form's own required 一级 are pre-printed
      for (const l of p.level1.filter((x) => x.required)) expect(texts(doc).flat(), `${p.id} ${l.name}`).toContain(l.name);
    }
  });

  it('still refuses when every table is left out, and a document with content prints its content only', async () => {
    const doc = newDocument({ year: 2025 });
    await expect(exportXlsx(doc, { dutyTable: false, projects: 'none' })).rejects.toThrow(NothingToExportError);
    doc.projects.push({ id: 'p', code: '', name: '甲', budget: '', fiscal: '', other: '', purpose: '', schedule: ['', '', '', ''], goal: '', indicators: [] });
    expect(buildLayout(doc).parts.map((p) => p.kind)).toEqual(['project']);
  });
});
