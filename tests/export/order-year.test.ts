// Exports keep the clerk's row order (xlsx, docx, print HTML) and merge only adjacent equal 一级/二级
// cells; every export carries the document's year, and our importer reads both back.
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { exportDocx, exportXlsx, renderPrintHtml } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { newDocument, newDuty, newActivity, newProject, newProjectIndicator, type JixiaoDocument } from '../../src-shared/model';

/** Indicators typed out of template order: 时效 before 质量, and 产出 again after 效益. */
function typedDoc(year: number, withDuties: boolean): JixiaoDocument {
  const doc = newDocument({ deptCode: '323', deptName: '某县人社局', year, unit: '万元' });
  if (withDuties) doc.dutyTable.duties.push(newDuty({ title: '促进就业', activities: [newActivity({ title: '就业扶持', indicators: [{ id: 'a', name: '培训人数', bands: ['1', '2', '3', '4'] }] })] }));
  const p = newProject('hebei-2020', { name: '养老补助', code: '323-0501', budget: '10', fiscal: '10' });
  p.indicators = [
    newProjectIndicator({ level1: '产出指标', level2: '时效指标', name: '按时发放', value: '100%' }),
    newProjectIndicator({ level1: '产出指标', level2: '质量指标', name: '准确率', value: '100%' }),
    newProjectIndicator({ level1: '产出指标', level2: '质量指标', name: '合规率', value: '≥95%' }),
    newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '保障水平', value: '提高' }),
    newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '发放人数', value: '≥500人' }),
  ];
  doc.projects.push(p);
  return doc;
}

const NAMES = ['按时发放', '准确率', '合规率', '保障水平', '发放人数'];
const LEVELS = typedDoc(2020, false).projects[0].indicators.map((i) => [i.level1, i.level2]);

function imported(bytes: Uint8Array, name: string): JixiaoDocument & { mapped: string[] } {
  const r = importOffice(bytes, name);
  if (!r.ok) throw new Error(r.message);
  return Object.assign(r.document, { mapped: r.report.mapped });
}

/** Drop docProps/core.xml (title, dates): the year must then come from the tables themselves. */
function withoutCoreProps(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  delete files['docProps/core.xml'];
  for (const k of ['[Content_Types].xml', '_rels/.rels']) {
    files[k] = strToU8(new TextDecoder().decode(files[k]).replace(/<(Override|Relationship)[^>]*core[^>]*\/>/g, ''));
  }
  return zipSync(files);
}

describe('exports keep the document order', () => {
  const doc = typedDoc(2020, false);

  it.each(['xlsx', 'docx'] as const)('%s: rows in typed order, read back by the importer', async (fmt) => {
    const bytes = fmt === 'xlsx' ? await exportXlsx(doc) : await exportDocx(doc);
    const back = imported(bytes, `t.${fmt}`);
    expect(back.projects[0].indicators.map((i) => i.name)).toEqual(NAMES);
    expect(back.projects[0].indicators.map((i) => [i.level1, i.level2])).toEqual(LEVELS);
  });

  it('print HTML: rows in typed order, only adjacent equal 一级/二级 cells merged', () => {
    const html = renderPrintHtml(doc);
    const table = /<table class="project-indicators"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1];
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td( rowspan="(\d+)")?[^>]*>([^<]*)<\/td>/g)].map((c) => ({ text: c[3], span: Number(c[2] ?? 1) })));
    expect(rows.map((r) => r.find((c) => NAMES.includes(c.text))!.text)).toEqual(NAMES);
    // 一级: 产出 ×3, 效益, 产出 again (not merged with the first run); 二级: 时效, 质量 ×2, 社会效益, 数量.
    expect(rows.map((r) => r[0])).toEqual([
      { text: '产出指标', span: 3 }, { text: '质量指标', span: 2 }, { text: '合规率', span: 1 }, { text: '效益指标', span: 1 }, { text: '产出指标', span: 1 },
    ]);
    expect(rows[0][1]).toEqual({ text: '时效指标', span: 1 });
  });
});

describe('exports carry the document year', () => {
  it.each(['xlsx', 'docx'] as const)('%s: title property names the year; the importer reads it back', async (fmt) => {
    const doc = typedDoc(2017, false);
    const bytes = fmt === 'xlsx' ? await exportXlsx(doc) : await exportDocx(doc);
    const core = new TextDecoder().decode(unzipSync(bytes)['docProps/core.xml']);
    expect(core).toContain('<dc:title>某县人社局2017年绩效目标表</dc:title>');
    const back = imported(bytes, `t.${fmt}`);
    expect(back.meta.year).toBe(2017);
    expect(back.mapped.join('\n')).toContain('文件属性中的标题');
  });

  it.each(['xlsx', 'docx'] as const)('%s: the duty table title names the year, read back without file properties', async (fmt) => {
    const doc = typedDoc(2016, true);
    const bytes = withoutCoreProps(fmt === 'xlsx' ? await exportXlsx(doc) : await exportDocx(doc));
    const back = imported(bytes, `t.${fmt}`);
    expect(back.meta.year).toBe(2016);
    expect(back.mapped.join('\n')).toContain('取自标题或项目名称');
  });

  it('print HTML: <title> and the duty table heading name the year', () => {
    const html = renderPrintHtml(typedDoc(2016, true));
    expect(html).toContain('<title>某县人社局2016年绩效目标表</title>');
    expect(html).toContain('<h1>2016年部门职责-工作活动绩效目标</h1>');
  });
});
