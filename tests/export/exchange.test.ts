// The exchange sheet round-trips: export → importOffice → the same rows, the same parts and texts.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchangeRows, exportExchangeXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { convertDocument, indicatorParts, loadDocumentText, newDocument, newProject, newProjectIndicator, partsPatch, type JixiaoDocument } from '../../src-shared/model';
import { EXCHANGE_LABELS } from '../../src-shared/profile';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const load = (rel: string) => {
  const r = loadDocumentText(readFileSync(join(fixtures, rel), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.document;
};
const roundTrip = async (doc: JixiaoDocument) => {
  const bytes = await exportExchangeXlsx(doc);
  const r = importOffice(bytes, '指标导入表.xlsx');
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('exchange sheet', () => {
  it('has the columns of the online system, one row per indicator', async () => {
    expect(EXCHANGE_LABELS).toEqual(['项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '指标内容', '评（扣）分标准', '指标性质', '指标值', '度量单位', '权重', '指标方向', '备注']);
    const doc = load('frozen/v3-structured-deptwide.jixiao');
    const rows = exchangeRows(doc);
    expect(rows.projects).toHaveLength(4);
    expect(rows.projects[0]).toEqual(['13112424000000000001', '高标准农田建设', '产出指标', '数量指标', '新建高标准农田面积', '', '完成值÷指标值×权重，最高不超过权重', '≥', '10000', '亩', '20', '正向', '']);
    expect(rows.dept[0].slice(0, 2)).toEqual(['101', '某县农业农村局']);
  });

  for (const [name, make] of [
    ['the v3 fixture (projects + department-wide)', () => load('frozen/v3-structured-deptwide.jixiao')],
    ['a Hebei seed converted to the structured form', () => { const r = convertDocument(load('seeds/laishui-2020-a.jixiao'), 'structured-project'); if (!r.ok) throw new Error(); return r.document; }],
    ['a Hebei seed as it is (parts derived from the one-cell text)', () => load('seeds/laishui-2020-a.jixiao')],
  ] as const) {
    it(`${name}: import reads back exactly what was exported`, async () => {
      const doc = make();
      const r = await roundTrip(doc);
      expect(r.report.unplaced).toEqual([]);
      expect(exchangeRows(r.document)).toEqual(exchangeRows(doc));
      doc.projects.forEach((p, i) => p.indicators.forEach((ind, k) => {
        const back = r.document.projects[i].indicators[k];
        expect(indicatorParts(back)).toEqual(indicatorParts(ind));
        expect(back.value).toBe(partsPatch(indicatorParts(ind)).value);
      }));
      expect(r.document.meta.year).toBe(doc.meta.year);
    });
  }

  it('keeps awkward text exactly: numbers as typed, formulas, line breaks, spaces, 定性 wording', async () => {
    const doc = newDocument({ year: 2025, templateId: 'structured-project' });
    doc.projects.push(newProject('structured-project', { code: '007', name: '项目 甲', indicators: [
      newProjectIndicator({ level1: '产出指标', name: '=1+1', ...partsPatch({ operator: '≥', number: '0.50', unit: '万元' }), weight: '10.5', remark: '第一行\n第二行' }),
      newProjectIndicator({ level1: '效益指标', name: '2020', ...partsPatch({ operator: '定性', number: '明显改善', unit: '' }), direction: '正向' }),
      newProjectIndicator({ level1: '满意度指标', name: '满意度', ...partsPatch({ operator: '区间', number: '85-100', unit: '%' }), direction: '反向' }),
    ] }));
    const r = await roundTrip(doc);
    expect(r.report.unplaced).toEqual([]);
    expect(exchangeRows(r.document)).toEqual(exchangeRows(doc));
    expect(r.document.projects[0]).toMatchObject({ code: '007', name: '项目 甲' });
  });

  it('reads a sheet typed by hand: known spellings taken, a cell it cannot place listed instead of guessed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(EXCHANGE_LABELS);
    ws.addRow(['A', 'B', '产出指标', '数量指标', '面积', '', '', '约等于', '5', '亩', '十', '上升', '']);
    ws.addRow(['A', 'B', '产出指标', '数量指标', '人数', '', '', '>=', '5', '人', '20', '正向指标', '', '多出的格']);
    const r = importOffice(new Uint8Array(await wb.xlsx.writeBuffer()), '手填.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.report.unplaced.map((u) => [u.row, u.column, u.text])).toEqual([[2, 8, '约等于'], [2, 11, '十'], [2, 12, '上升'], [3, 14, '多出的格']]);
    expect(r.document.projects).toHaveLength(1);
    expect(r.document.projects[0].indicators[1]).toMatchObject({ operator: '≥', number: '5', unit: '人', value: '≥5人', weight: '20', direction: '正向' });
    expect(r.report.warnings.join()).toMatch(/没有年度/);
  });
});
