// The layout drawn from the profile (issue 18): the 88号 and structured project tables, the
// department-wide table, blank forms. Cells are checked against the profile's own header fields and
// columns, so a profile edit that the layout ignores fails here.
import { describe, expect, it } from 'vitest';
import { buildLayout, BLANK_ROWS, NothingToExportError, type LayoutCell, type LayoutPart, type LayoutTable } from '../../src-shared/layout';
import { exportXlsx } from '../../src-shared/export';
import { loadDocumentText } from '../../src-shared/model';
import { columnsOf, getTargetProfile } from '../../src-shared/profile';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankDocument, loadProfileFixture, TARGET_PROFILE_IDS } from './profile-forms.helpers';

/** Every grid position is covered by exactly one cell (spans included). */
function covered(t: LayoutTable, ncols: number): boolean {
  const grid = t.rows.map(() => new Array(ncols).fill(0));
  t.rows.forEach((r, i) => r.cells.forEach((c) => {
    for (let y = i; y < i + c.rowSpan; y++) for (let x = c.col; x < c.col + c.colSpan; x++) if (grid[y]) grid[y][x]++;
  }));
  return grid.every((row) => row.every((n) => n === 1));
}
const texts = (cells: LayoutCell[]) => cells.map((c) => c.text);
const firstTexts = (t: LayoutTable) => t.rows.map((r) => r.cells[0].text);
const headerOf = (t: LayoutTable) => texts(t.rows[t.headerRows - 1].cells);

function allCovered(parts: LayoutPart[]) {
  for (const p of parts) for (const t of p.tables) expect(covered(t, p.columnsMm.length), `${p.title} ${t.kind}`).toBe(true);
}

describe('88号 project table (national-88-project)', () => {
  const doc = loadProfileFixture('national-88-project');
  const layout = buildLayout(doc);
  const [p1, p2] = layout.parts;

  it('one part per project, titled by the profile, page break between', () => {
    expect(layout.parts.map((p) => p.kind)).toEqual(['project', 'project']);
    expect(p1.title).toBe('2024年度项目支出绩效目标表');
    expect([p1.pageBreakBefore, p2.pageBreakBefore]).toEqual([false, true]);
    expect(layout.page.orientation).toBe('landscape');
    expect(p1.columnsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(layout.printableWidthMm, 0);
    allCovered(layout.parts);
  });

  it('the header block lists the profile header fields in order, money under 项目资金', () => {
    const info = p1.tables[0];
    expect(firstTexts(info)).toEqual([
      '项目名称', '主管部门', '实施单位', '项目负责人及电话', '项目属性', '项目期', '项目资金（万元）', '年度资金总额', '其中：财政拨款', '其他资金', '总体目标', '年度目标',
    ]);
    const money = info.rows.slice(6, 10).map((r) => r.cells.at(-1)!.text);
    expect(money).toEqual(['360.00', '1200.50', '1000.00', '200.50']);
    expect(info.rows[6].cells[0].rowSpan).toBe(4);
    expect(texts(info.rows[0].cells)).toEqual(['项目名称', '高标准农田建设']);
    expect(info.rows[1].cells[1].text).toBe('某县农业农村局');
    expect(info.rows.at(-1)!.cells[1].text).toBe('新建高标准农田1万亩。');
    // the second project has no 中期资金总额: the cell is blank, never 0.00
    expect(p2.tables[0].rows[6].cells.at(-1)!.text).toBe('');
  });

  it('the indicator grid is the profile columns, one-cell 指标值, 一级/二级 merged down runs', () => {
    const ind = p1.tables[1];
    expect(ind.headerRows).toBe(1);
    expect(headerOf(ind)).toEqual(columnsOf(getTargetProfile('national-88-project')!).map((c) => c.label));
    expect(headerOf(ind)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '备注']);
    const body = ind.rows.slice(1);
    expect(texts(body[0].cells)).toEqual(['产出指标', '数量指标', '新建高标准农田面积', '≥10000亩', '以验收为准']);
    expect(body[0].cells[0].rowSpan).toBe(4);
    expect(body[0].cells[1].rowSpan).toBe(2);
    expect(texts(body[6].cells)).toEqual(['可持续影响指标', '工程使用年限', '≥15年且≤20年', '']);
  });
});

describe('structured project table (structured-project)', () => {
  const doc = loadProfileFixture('structured-project');
  const layout = buildLayout(doc);
  const p1 = layout.parts[0];

  it('header 单位名称 | 项目名称 | 预算数 | 年度目标', () => {
    expect(firstTexts(p1.tables[0])).toEqual(['单位名称', '项目名称', '预算数', '年度目标']);
    expect(p1.tables[0].rows[2].cells[1].text).toBe('1200.50');
    expect(p1.title).toBe('2024年项目支出绩效目标表');
    allCovered(layout.parts);
  });

  it('parts print 指标性质 | 指标值 | 度量单位 from the indicator, with 权重, 指标方向性, 评（扣）分标准', () => {
    const ind = p1.tables[1];
    expect(headerOf(ind)).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性', '评（扣）分标准']);
    const body = ind.rows.slice(1);
    expect(texts(body[0].cells)).toEqual(['产出指标', '数量指标', '新建高标准农田面积', '≥', '10000', '亩', '20', '正向', '完成值÷指标值×权重，最高不超过权重']);
    expect(texts(body[2].cells)).toEqual(['质量指标', '工程验收合格率', '区间', '85-100', '%', '10', '', '']);
    expect(texts(body[5].cells).slice(2, 5)).toEqual(['定性', '明显改善', '']);
    // text the parts cannot hold is printed whole in 指标值, nothing in 性质/单位
    expect(texts(body[6].cells).slice(2, 5)).toEqual(['', '≥15年且≤20年', '']);
  });

  it('parts follow the one-cell text when an older path edited only the text', () => {
    const d = loadProfileFixture('structured-project');
    d.projects[0].indicators[0].value = '≥12000亩';
    const row = buildLayout(d).parts[0].tables[1].rows[1];
    expect(texts(row.cells).slice(3, 6)).toEqual(['≥', '12000', '亩']);
  });
});

describe('department-wide table (national-88-dept)', () => {
  const doc = loadProfileFixture('national-88-dept');
  const layout = buildLayout(doc);
  const dw = layout.parts[0];

  it('comes first, on its own sheet, then the projects', () => {
    expect(layout.parts.map((p) => p.kind)).toEqual(['dept-wide', 'project']);
    expect(dw.sheetName).toBe('部门整体支出绩效目标表');
    expect(dw.title).toBe('2024年度部门（单位）整体支出绩效目标表');
    expect(layout.parts[1].title).toBe('2024年度项目支出绩效目标表');
    expect(layout.parts[1].pageBreakBefore).toBe(true);
    allCovered(layout.parts);
  });

  it('部门名称, 年度主要任务 with 预算金额 总额/财政拨款/其他资金, 金额合计, 年度总体目标', () => {
    const info = dw.tables[0];
    expect(texts(info.rows[0].cells)).toEqual(['部门（单位）名称', '某县农业农村局']);
    expect(texts(info.rows[1].cells)).toEqual(['年度主要任务']);
    expect(texts(info.rows[2].cells)).toEqual(['任务名称', '主要内容', '预算金额']);
    expect(texts(info.rows[3].cells)).toEqual(['总额', '财政拨款', '其他资金']);
    expect(texts(info.rows[4].cells)).toEqual(['农田建设', '新建高标准农田', '300.00', '280.00', '20.00']);
    expect(texts(info.rows[5].cells)).toEqual(['农技推广', '培训农民、推广新品种', '200.00', '200.00', '']);
    expect(texts(info.rows[7].cells)).toEqual(['金额合计', '500.00', '']);
    expect(texts(info.rows[8].cells)).toEqual(['年度总体目标', '保障粮食安全，推进乡村振兴。']);
    const amounts = info.rows[4].cells.filter((c) => c.kind === 'amount');
    expect(amounts.map((c) => c.value)).toEqual([{ number: 300, decimals: 2 }, { number: 280, decimals: 2 }, { number: 20, decimals: 2 }]);
  });

  it('年度绩效指标 with the profile columns; both header rows repeat', () => {
    const ind = dw.tables[1];
    expect(ind.kind).toBe('dept-indicators');
    expect(ind.headerRows).toBe(2);
    expect(texts(ind.rows[0].cells)).toEqual(['年度绩效指标']);
    expect(headerOf(ind)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '备注']);
    expect(texts(ind.rows[2].cells)).toEqual(['产出指标', '数量指标', '培训农民人次', '≥2000人次', '按培训签到表统计']);
    expect(ind.rows[2].cells[0].rowSpan).toBe(3);
  });

  it('--no-dept-wide leaves it out; Hebei and national-2021 documents never draw it', () => {
    expect(buildLayout(doc, { deptWide: false }).parts.map((p) => p.kind)).toEqual(['project']);
    const frozen = loadDocumentText(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'frozen', 'v3-structured-deptwide.jixiao'), 'utf8'));
    if (!frozen.ok) throw new Error(frozen.message);
    expect(frozen.document.deptWide).toBeDefined();
    expect(buildLayout(frozen.document).parts.map((p) => p.kind)).toEqual(['project']);
    expect(buildLayout({ ...doc, meta: { ...doc.meta, templateId: 'national-88-project' } }).parts.map((p) => p.kind)).toEqual(['project']);
  });
});

describe.each(TARGET_PROFILE_IDS)('blank form of %s', (id) => {
  const profile = getTargetProfile(id)!;
  const layout = buildLayout(blankDocument(id));

  it('draws every table of the profile with its headers and empty rows', () => {
    const want = profile.tables.map((t) => (t === 'department-wide' ? 'dept-wide' : t));
    expect(layout.parts.map((p) => p.kind)).toEqual(want);
    allCovered(layout.parts);
    for (const part of layout.parts) {
      expect(part.title).not.toBe('');
      const grids = part.tables.filter((t) => t.headerRows > 0);
      expect(grids.length).toBeGreaterThan(0);
      for (const t of grids) {
        const body = t.rows.slice(t.headerRows);
        expect(body.length).toBeGreaterThanOrEqual(BLANK_ROWS);
        // nothing printed in the body but the pre-printed 一级/二级; the rows have room for handwriting
        expect(body.flatMap((r) => r.cells).filter((c) => !['label', 'level1', 'level2'].includes(c.kind)).every((c) => c.text === '')).toBe(true);
        expect(Math.min(...body.map((r) => r.heightPt))).toBeGreaterThanOrEqual(30);
        expect(body.every((r) => r.minHeightPt === 30)).toBe(true);
      }
    }
    const project = layout.parts.find((p) => p.kind === 'project')!;
    const labels = headerOf(project.tables.at(-1)!);
    expect(labels).toEqual(columnsOf(profile).map((c) => c.label));
    // one row per 二级 of each required 一级 of the profile, 一级 merged down its 二级
    const ind = project.tables.at(-1)!;
    const wanted = profile.level1.filter((l) => l.required).flatMap((l) => l.level2.map((l2) => [l.name, l2]));
    expect(ind.rows.length - ind.headerRows).toBe(wanted.length);
    const cellsOf = ind.rows.slice(ind.headerRows).flatMap((r) => r.cells);
    expect(cellsOf.filter((c) => c.kind === 'level2').map((c) => c.text)).toEqual(wanted.map((w) => w[1]));
    expect(cellsOf.filter((c) => c.kind === 'level1').map((c) => c.text)).toEqual(profile.level1.filter((l) => l.required).map((l) => l.name));
  });

  it('exports instead of refusing; only when every table is left out is there nothing to draw', async () => {
    const bytes = await exportXlsx(blankDocument(id));
    expect(bytes.length).toBeGreaterThan(1000);
    await expect(exportXlsx(blankDocument(id), { dutyTable: false, projects: 'none', deptWide: false })).rejects.toBeInstanceOf(NothingToExportError);
  });
});
