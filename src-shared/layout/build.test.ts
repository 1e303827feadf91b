import { describe, expect, it } from 'vitest';
import { newActivity, newDocument, newDuty, newProject, newProjectIndicator } from '../model';
import { buildLayout, splitColumns, PRINTABLE_WIDTH_MM } from './build';
import { lineCount, textWidthEm } from './measure';
import { paginateTable } from './paginate';
import type { LayoutCell, LayoutTable } from './model';

function sampleDoc() {
  const doc = newDocument({ deptCode: '323', deptName: '某县人社局', year: 2026, unit: '万元' });
  doc.dutyTable.duties.push(newDuty({
    title: '促进就业', budget: '12.5', activities: [
      newActivity({ title: '甲', budget: '12.5', indicators: [{ id: 'i1', name: 'A', bands: ['1', '2', '3', '4'] }, { id: 'i2', name: 'B', bands: ['5', '6', '7', '8'] }] }),
      newActivity({ title: '乙', budget: '' }),
    ],
  }), newDuty({ title: '人才', activities: [newActivity({ title: '丙' })] }));
  doc.dutyTable.note = '基本支出安排的活动不列预算数';
  const p = newProject('hebei-2020', { name: '养老补助', code: '323-0501-JZN-DU0F', budget: '6123', fiscal: '6123', schedule: ['25', '50', '', '100'] });
  p.indicators = [
    newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: 's' }),
    newProjectIndicator({ level1: '产出指标', level2: '时效指标', name: 't' }),
    newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: 'q1' }),
    newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: 'e' }),
    newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: 'q2' }),
  ];
  doc.projects.push(p, newProject('hebei-2020', { name: '第二项' }));
  return doc;
}

/** Every grid position is covered by exactly one cell (spans included). */
function coverage(t: LayoutTable, ncols: number): boolean {
  const grid = t.rows.map(() => new Array(ncols).fill(0));
  t.rows.forEach((r, i) => r.cells.forEach((c) => {
    for (let y = i; y < i + c.rowSpan; y++) for (let x = c.col; x < c.col + c.colSpan; x++) grid[y][x]++;
  }));
  return grid.every((row) => row.every((n) => n === 1));
}

const texts = (cells: LayoutCell[]) => cells.map((c) => c.text);

describe('buildLayout', () => {
  it('duty table: header spans, generated numbering, indentation, merged activity cells, empty duty indicator cells', () => {
    const l = buildLayout(sampleDoc());
    const duty = l.parts[0];
    expect(duty.columnsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(PRINTABLE_WIDTH_MM, 1);
    expect(duty.columnsMm[0] / PRINTABLE_WIDTH_MM).toBeCloseTo(0.15, 3);
    const rows = duty.tables[0].rows;
    expect(rows[0].cells.find((c) => c.text === '评价标准')).toMatchObject({ col: 5, colSpan: 4, rowSpan: 1 });
    expect(rows[0].cells[0]).toMatchObject({ text: '职责活动', rowSpan: 2 });
    expect(texts(rows[1].cells)).toEqual(['优', '良', '中', '差']);
    expect(rows[2].cells[0]).toMatchObject({ text: '一、促进就业', kind: 'duty' });
    expect(texts(rows[2].cells).slice(4)).toEqual(['', '', '', '', '']);
    expect(rows[2].cells[1]).toMatchObject({ text: '12.50', align: 'right', value: { number: 12.5, decimals: 2 } });
    expect(rows[3].cells.slice(0, 4).map((c) => c.rowSpan)).toEqual([2, 2, 2, 2]);
    expect(rows[3].cells[0].text).toBe('\u3000\u30001、甲');
    expect(texts(rows[4].cells)).toEqual(['B', '5', '6', '7', '8']);
    expect(rows[5].cells[0].text).toBe('\u3000\u30002、乙');
    expect(rows[5].cells[1].text).toBe(''); // blank budget stays blank
    expect(rows[5].cells[1].value).toBeUndefined();
    expect(rows[6].cells[0].text).toBe('二、人才');
    expect(rows[7].cells[0].text).toBe('\u3000\u30001、丙'); // restarts under each duty
    expect(duty.note).toBe('备注：基本支出安排的活动不列预算数');
    expect(duty.orgLeft).toBe('323某县人社局');
    expect(duty.orgRight).toBe('单位：万元');
  });

  it('project block: heading, document order, adjacent 一级/二级 run merges, schedule percents', () => {
    const l = buildLayout(sampleDoc());
    const p = l.parts[1];
    expect(p.title).toBe('1、养老补助绩效目标表');
    expect(p.pageBreakBefore).toBe(true);
    expect(l.parts[2].title).toBe('2、第二项绩效目标表');
    const [info, ind] = p.tables;
    expect(info.rows[1].cells.map((c) => c.text)).toEqual(['预算规模及资金用途', '预算数', '6123.00', '其中：财政资金', '6123.00', '其他资金', '']);
    expect(info.rows[4].cells.map((c) => c.text)).toEqual(['25.00', '50.00', '', '100.00']);
    for (const t of p.tables) expect(coverage(t, 8)).toBe(true);
    expect(coverage(l.parts[0].tables[0], 9)).toBe(true);
    expect(ind.headerRows).toBe(1);
    const body = ind.rows.slice(1);
    const names = body.map((r) => r.cells.find((c) => c.col === 2)!.text);
    expect(names).toEqual(['s', 't', 'q1', 'e', 'q2']); // the document's order, never re-sorted
    expect(body[0].cells[0]).toMatchObject({ text: '满意度指标', rowSpan: 1, kind: 'level1' });
    expect(body[1].cells[0]).toMatchObject({ text: '产出指标', rowSpan: 2, kind: 'level1' }); // 时效, 数量: adjacent 产出
    expect(body[1].cells[1]).toMatchObject({ text: '时效指标', rowSpan: 1, kind: 'level2' });
    expect(body[2].cells[0]).toMatchObject({ text: '数量指标', col: 1, rowSpan: 1 });
    expect(body[3].cells[0]).toMatchObject({ text: '效益指标', rowSpan: 1 });
    expect(body[4].cells[0]).toMatchObject({ text: '产出指标', rowSpan: 1 }); // not merged with the run above 效益
    expect(body[4].cells[1]).toMatchObject({ text: '数量指标', rowSpan: 1 });
    expect(l.parts[0].title).toBe('2026年部门职责-工作活动绩效目标');
    expect(l.title).toBe('某县人社局2026年绩效目标表');
  });

  it('options: duty table left out, chosen projects, sheet per project', () => {
    const doc = sampleDoc();
    const l = buildLayout(doc, { dutyTable: false, projects: [1], sheetPerProject: true });
    expect(l.parts.map((p) => p.title)).toEqual(['2、第二项绩效目标表']);
    expect(l.parts[0].pageBreakBefore).toBe(false);
    expect(l.parts[0].sheetName).toBe('2、第二项');
    expect(buildLayout(doc, { projects: 'none' }).parts).toHaveLength(1);
  });

  it('元 documents show integers', () => {
    const doc = sampleDoc();
    doc.meta.unit = '元';
    doc.dutyTable.duties[0].budget = '125000';
    const cell = buildLayout(doc).parts[0].tables[0].rows[2].cells[1];
    expect(cell.text).toBe('125000');
    expect(cell.value).toEqual({ number: 125000, decimals: 0 });
  });
});

describe('measure', () => {
  it('counts CJK as one em and Latin as about half', () => {
    expect(textWidthEm('绩效目标')).toBe(4);
    expect(textWidthEm('1234')).toBeCloseTo(2.2, 5);
  });
  it('wraps by column width and sums hard lines', () => {
    const oneLine = lineCount('绩效目标', 40, 10.5);
    expect(oneLine).toBe(1);
    expect(lineCount('绩'.repeat(40), 40, 10.5)).toBeGreaterThanOrEqual(3);
    expect(lineCount('一\n二\n三', 40, 10.5)).toBe(3);
  });
});

describe('splitColumns and paginateTable', () => {
  it('splits columns into groups of about equal width', () => {
    expect(splitColumns([10, 10, 10, 10], 2)).toEqual([[0, 2], [2, 2]]);
    const g = splitColumns([12, 11, 11, 14, 14, 12, 16], 4);
    expect(g).toHaveLength(4);
    expect(g.reduce((n, [, s]) => n + s, 0)).toBe(7);
  });

  it('cuts pages, repeats the header and splits spans crossing the cut', () => {
    const c = (col: number, text: string, rowSpan = 1): LayoutCell => ({ col, text, colSpan: 1, rowSpan, align: 'left', indent: 0, bold: false, kind: 'text' });
    const table: LayoutTable = {
      kind: 'project-indicators', headerRows: 1, fontPt: 10,
      rows: [
        { header: true, heightPt: 10, cells: [c(0, 'H1'), c(1, 'H2')] },
        { header: false, heightPt: 20, cells: [c(0, 'L', 4), c(1, 'a')] },
        { header: false, heightPt: 20, cells: [c(1, 'b')] },
        { header: false, heightPt: 20, cells: [c(1, 'c')] },
        { header: false, heightPt: 20, cells: [c(1, 'd')] },
      ],
    };
    const pages = paginateTable(table, 55, 55);
    expect(pages).toHaveLength(2);
    expect(pages[0].map((r) => r.cells.map((x) => x.text).join())).toEqual(['H1,H2', 'L,a', 'b']);
    expect(pages[0][1].cells[0].rowSpan).toBe(2);
    expect(pages[1].map((r) => r.cells.map((x) => x.text).join())).toEqual(['H1,H2', 'L,c', 'd']);
    expect(pages[1][1].cells[0].rowSpan).toBe(2);
  });
});
