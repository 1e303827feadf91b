// The files of the forms drawn from the profile, read back the way Excel/Word users and other
// programs read them: ExcelJS and openpyxl for .xlsx, python-docx for .docx, the print HTML text;
// and `jixiao export` of a blank document.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { exportDocx, exportXlsx, renderPrintHtml } from '../../src-shared/export';
import { serializeDocument } from '../../src-shared/model';
import { runExport } from '../../src-main/cli/export';
import { python } from './helpers';
import { blankDocument, loadProfileFixture, PROFILE_FIXTURES } from './profile-forms.helpers';

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-profile-files-'));

async function sheets(bytes: Uint8Array): Promise<{ name: string; values: string[]; merges: string[]; printTitles?: string; orientation?: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const values: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => { if (!c.isMerged || c.master === c) values.push(String(c.value ?? '')); }));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    return { name: ws.name, values, merges, printTitles: ws.pageSetup.printTitlesRow, orientation: ws.pageSetup.orientation };
  });
}

const DOCX_TEXT = `
import json, sys, docx
d = docx.Document(sys.argv[1])
out = {"paragraphs": [p.text for p in d.paragraphs if p.text], "tables": []}
for t in d.tables:
    rows = []
    for r in t.rows:
        rows.append([c.text for c in r.cells])
    out["tables"].append(rows)
print(json.dumps(out, ensure_ascii=False))
`;

const XLSX_OPENPYXL = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: {"A1": ws["A1"].value, "numbers": [[c.coordinate, c.value, c.number_format] for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))][:8]} for ws in wb.worksheets}, ensure_ascii=False))
`;

describe('xlsx of the profile forms', () => {
  it('88号 project: title, header block, profile columns, amounts with two decimals', async () => {
    const [ws] = await sheets(await exportXlsx(loadProfileFixture('national-88-project')));
    expect(ws.name).toBe('项目绩效目标表');
    expect(ws.values[0]).toBe('2024年度项目支出绩效目标表');
    for (const t of ['项目名称', '高标准农田建设', '主管部门', '实施单位', '项目资金（万元）', '年度资金总额', '其中：财政拨款', '其他资金', '总体目标', '年度目标', '一级指标', '三级指标', '备注', '≥10000亩', '以验收为准']) {
      expect(ws.values, t).toContain(t);
    }
    expect(ws.values).toContain('1200.5'); // stored as the number, shown with 0.00
    expect(ws.orientation).toBe('landscape');
    const file = join(tmp, '88.xlsx');
    writeFileSync(file, await exportXlsx(loadProfileFixture('national-88-project')));
    const read = python<Record<string, { A1: string; numbers: [string, number, string][] }>>(XLSX_OPENPYXL, file);
    expect(read['项目绩效目标表'].numbers.map((n) => n[2])).toEqual(read['项目绩效目标表'].numbers.map(() => '0.00'));
    expect(read['项目绩效目标表'].numbers.map((n) => n[1])).toContain(1200.5);
  });

  it('structured: 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | 评（扣）分标准 as separate cells', async () => {
    const [ws] = await sheets(await exportXlsx(loadProfileFixture('structured-project')));
    const i = ws.values.indexOf('新建高标准农田面积');
    expect(ws.values.slice(i, i + 7)).toEqual(['新建高标准农田面积', '≥', '10000', '亩', '20', '正向', '完成值÷指标值×权重，最高不超过权重']);
    for (const t of ['单位名称', '预算数', '指标性质', '度量单位', '权重', '指标方向性', '评（扣）分标准']) expect(ws.values).toContain(t);
  });

  it('department-wide: own sheet first, with its header rows as print titles, then the projects', async () => {
    const all = await sheets(await exportXlsx(loadProfileFixture('national-88-dept')));
    expect(all.map((s) => s.name)).toEqual(['部门整体支出绩效目标表', '项目绩效目标表']);
    const dw = all[0];
    expect(dw.values[0]).toBe('2024年度部门（单位）整体支出绩效目标表');
    for (const t of ['部门（单位）名称', '年度主要任务', '任务名称', '主要内容', '预算金额', '总额', '财政拨款', '其他资金', '金额合计', '年度总体目标', '年度绩效指标', '培训农民人次']) {
      expect(dw.values, t).toContain(t);
    }
    const row = (label: string) => dw.values.indexOf(label);
    expect(dw.values.slice(row('农田建设'), row('农田建设') + 5)).toEqual(['农田建设', '新建高标准农田', '300', '280', '20']);
    expect(dw.printTitles).toMatch(/^\d+:\d+$/);
    const [a, b] = dw.printTitles!.split(':').map(Number);
    expect(b - a).toBe(1); // 年度绩效指标 + the column labels
  });

  it.each(['hebei-2020', 'national-88-project', 'structured-project', 'national-88-dept'])('blank form of %s: titles and column headers, no values', async (id) => {
    const all = await sheets(await exportXlsx(blankDocument(id)));
    const values = all.flatMap((s) => s.values);
    expect(values).toContain('一级指标');
    expect(values.filter((v) => v.trim() !== '' && !Number.isNaN(Number(v)))).toEqual([]); // no amounts, no numbers
    if (id === 'national-88-dept') expect(all.map((s) => s.name)).toEqual(['部门整体支出绩效目标表', '项目绩效目标表']);
    if (id === 'hebei-2020') expect(values).toContain('职责活动');
    // Word sizes rows itself: the empty rows carry a minimum height, so there is room to write by hand
    const xml = new TextDecoder().decode(unzipSync(await exportDocx(blankDocument(id)))['word/document.xml']);
    expect(xml.match(/<w:trHeight w:val="600" w:hRule="atLeast"\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(renderPrintHtml(blankDocument(id))).toContain('<tr style="height:30pt">');
  });
});

describe('docx and print HTML of the profile forms', () => {
  it.each(PROFILE_FIXTURES)('%s: python-docx reads the title, the header block and every indicator', async (name) => {
    const doc = loadProfileFixture(name);
    const file = join(tmp, `${name}.docx`);
    writeFileSync(file, await exportDocx(doc));
    const read = python<{ paragraphs: string[]; tables: string[][][] }>(DOCX_TEXT, file);
    const cells = read.tables.flat(2);
    expect(read.paragraphs[0]).toMatch(/^2024年/);
    for (const p of doc.projects) {
      expect(cells).toContain(p.name);
      for (const ind of p.indicators) expect(cells).toContain(ind.name);
    }
    if (name === 'national-88-dept') {
      expect(read.paragraphs[0]).toBe('2024年度部门（单位）整体支出绩效目标表');
      for (const t of doc.deptWide!.tasks) expect(cells).toContain(t.content);
      expect(cells).toContain('金额合计');
      expect(cells).toContain('500.00');
    }
    if (name === 'structured-project') expect(cells).toContain('评（扣）分标准');
  });

  it.each(PROFILE_FIXTURES)('%s: print HTML repeats the indicator header in thead', (name) => {
    const html = renderPrintHtml(loadProfileFixture(name));
    expect(html).toContain('size: A4 landscape');
    expect(html).toMatch(/<thead><tr><th[^>]*>一级指标<\/th>/);
    if (name === 'national-88-dept') expect(html).toMatch(/<table class="dept-indicators"[^>]*>.*?<thead><tr><th colspan="\d+" class="c">年度绩效指标<\/th><\/tr><tr>/);
  });
});

describe('jixiao export of a new (blank) document', () => {
  it('writes the blank form instead of refusing', async () => {
    const dir = mkdtempSync(join(tmp, 'cli-'));
    const input = join(dir, '空白.jixiao');
    writeFileSync(input, serializeDocument(blankDocument('national-88-dept')));
    const out: string[] = [], err: string[] = [];
    const code = await runExport([input], (l) => out.push(l), (l) => err.push(l));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['某县农业农村局2025年绩效目标表.docx', '某县农业农村局2025年绩效目标表.xlsx', '空白.jixiao']);
    const none = await runExport([input, '--no-projects', '--no-dept-wide', '--xlsx', join(dir, 'x.xlsx')], () => {}, (l) => err.push(l));
    expect(none).toBe(1);
    expect(err.join('\n')).toContain('没有可导出的内容');
  });
});
