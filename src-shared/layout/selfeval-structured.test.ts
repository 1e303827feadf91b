import { describe, expect, it } from 'vitest';
import { newDocument, newFundSplit, newProject, newSelfEval, newSelfEvalIndicator, type JixiaoDocument } from '../model';
import { columnsOf, getSelfevalProfile, SELFEVAL_PROFILES } from '../profile';
import { buildSelfevalLayout } from './selfeval';
import { BLANK_ROW_PT } from './forms';
import type { LayoutCell, LayoutPart } from './model';
import { coveredOnce } from './testing';

function structured(): JixiaoDocument {
  const doc = newDocument({ deptName: '苍溪县农业农村局', year: 2023, unit: '万元', templateId: 'structured-project', selfevalTemplateId: 'selfeval-structured' });
  const se = newSelfEval({
    authority: '苍溪县农业农村局', implementer: '苍溪县农田建设服务中心',
    funds: {
      initial: newFundSplit({ total: '1500', fiscal: '1500' }), planned: newFundSplit({ total: '1520', fiscal: '1500', unitOwn: '20' }),
      received: newFundSplit(), spent: newFundSplit({ total: '1368', fiscal: '1350', unitOwn: '18' }),
    },
    progress: '90%', progressByRow: { fiscal: '90%', unitOwn: '90%' }, budgetRateWeight: '10', budgetRateScore: '9', fundsReason: '部分工程尾款次年支付。',
    level1Weights: [{ level1: '产出指标', weight: '60' }],
    indicators: [
      newSelfEvalIndicator({ level1: '产出指标', level2: '数量指标', name: '新建高标准农田面积', target: '≥10000亩', actual: '10200', weight: '30', score: '30' }),
      newSelfEvalIndicator({ level1: '产出指标', level2: '数量指标', name: '亩均投资', operator: '≤', number: '1500', unit: '元/亩', target: '', actual: '1480', weight: '30', score: '30' }),
      newSelfEvalIndicator({ level1: '效益指标', level2: '社会效益指标', name: '农业生产条件', target: '明显改善', actual: '明显改善', weight: '30', score: '', scoreText: '优', deviation: '无' }),
    ],
    total: '96.5', conclusion: '完成良好。', problems: '配套滞后。', measures: '加快建设。', manager: '王军', financeManager: '赵丽',
  });
  doc.projects.push(newProject('structured-project', { name: '高标准农田建设', selfeval: se }));
  return doc;
}


const rowTexts = (part: LayoutPart) => part.tables[0].rows.map((r) => r.cells.map((c) => c.text));
const rowWith = (part: LayoutPart, text: string): LayoutCell[] => part.tables[0].rows.find((r) => r.cells.some((c) => c.text === text))!.cells;

describe('structured self-evaluation layout (selfeval-structured)', () => {
  it('prints the indicator columns as the profile says, the value in its parts, results after them', () => {
    const part = buildSelfevalLayout(structured()).parts[0];
    const header = rowWith(part, '一级指标');
    expect(header.map((c) => c.text)).toEqual(['绩效指标（90分）', ...columnsOf(getSelfevalProfile('selfeval-structured')!).map((c) => c.label)]);
    expect(header.map((c) => c.text).slice(1)).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']);
    // one-cell text split into parts; stored parts printed as they are; a word score as typed
    expect(rowWith(part, '新建高标准农田面积').map((c) => c.text)).toEqual(['产出指标（60）', '数量指标', '新建高标准农田面积', '≥', '10000', '亩', '10200', '30', '30', '']);
    expect(rowWith(part, '亩均投资').map((c) => c.text)).toEqual(['亩均投资', '≤', '1500', '元/亩', '1480', '30', '30', '']);
    expect(rowWith(part, '农业生产条件').map((c) => c.text)).toEqual(['效益指标', '社会效益指标', '农业生产条件', '定性', '明显改善', '', '明显改善', '30', '优', '无']);
    // cells line up under their headers
    const col = (text: string) => header.find((c) => c.text === text)!.col;
    const row = rowWith(part, '新建高标准农田面积');
    expect(row.find((c) => c.text === '亩')!.col).toBe(col('度量单位'));
    expect(row.find((c) => c.text === '10200')!.col).toBe(col('完成值'));
    expect(rowWith(part, '产出指标（60）').find((c) => c.text === '产出指标（60）')!.rowSpan).toBe(2);
  });

  it('预算执行情况: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 over the profile\'s fund rows, money as the target tables print it', () => {
    const part = buildSelfevalLayout(structured()).parts[0];
    expect(rowWith(part, '年初预算').map((c) => c.text)).toEqual(['预算执行情况（10分）', '', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因']);
    const texts = rowTexts(part);
    const first = texts.findIndex((r) => r.includes('总额'));
    expect(texts.slice(first, first + 5).map((r) => r[0])).toEqual(['总额', '其中：财政资金', '财政专户管理资金', '单位资金', '其他资金']);
    expect(texts[first]).toEqual(['总额', '1500.00', '1520.00', '1368.00', '90%', '10', '9', '部分工程尾款次年支付。']);
    expect(texts[first + 3]).toEqual(['单位资金', '', '20.00', '18.00', '90%']);
    expect(rowWith(part, '总额').find((c) => c.text === '10')!.rowSpan).toBe(5);
    // a row the form does not list is printed when the document has an amount in it
    const doc = structured();
    doc.projects[0].selfeval!.funds.spent.carryOver = '5';
    expect(rowTexts(buildSelfevalLayout(doc).parts[0]).map((r) => r[0])).toContain('上年结转资金');
    expect(texts.map((r) => r[0])).not.toContain('上年结转资金');
  });

  it('合计, 评价结论, 存在问题, 改进措施, 项目负责人 / 财务负责人; A4 portrait 180 mm, the grid covered once', () => {
    const l = buildSelfevalLayout(structured());
    const part = l.parts[0];
    expect(l.page.orientation).toBe('portrait');
    expect(part.columnsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(180, 0);
    expect(coveredOnce(part.tables[0], part.columnsMm.length)).toBe(true);
    const sum = rowWith(part, '合计');
    const header = rowWith(part, '一级指标');
    expect(sum.find((c) => c.text === '96.5')!.col).toBe(header.find((c) => c.text === '得分')!.col);
    expect(sum.find((c) => c.text === '100')!.col).toBe(header.find((c) => c.text === '权重')!.col);
    expect(rowTexts(part).slice(-3)).toEqual([['评价结论', '完成良好。'], ['存在问题', '配套滞后。'], ['改进措施', '加快建设。']]);
    expect(part.foot).toEqual({ left: '项目负责人：王军', right: '财务负责人：赵丽' });
    expect(part).toMatchObject({ title: '项目支出绩效自评表', subtitle: '（2023年度）', orgRight: '金额单位：万元' });
  });

  it('Hebei and national documents keep their own layouts (no 指标性质 column)', () => {
    for (const id of ['selfeval-hebei-2019', 'selfeval-national-2020']) {
      const doc = structured();
      doc.meta.selfevalTemplateId = id;
      expect(buildSelfevalLayout(doc).parts[0].tables[0].rows.flatMap((r) => r.cells.map((c) => c.text))).not.toContain('指标性质');
    }
  });
});

describe('blank self-evaluation forms', () => {
  it.each(SELFEVAL_PROFILES.map((p) => p.id))('%s: a new document prints the form with empty rows per 一级, room for handwriting', (id) => {
    const target = id === 'selfeval-structured' ? 'structured-project' : id === 'selfeval-national-2020' ? 'national-2021' : 'hebei-2020';
    const l = buildSelfevalLayout(newDocument({ deptName: '某局', year: 2025, templateId: target, selfevalTemplateId: id }));
    expect(l.parts).toHaveLength(1);
    const part = l.parts[0];
    expect(part.title).toBe(getSelfevalProfile(id)!.title);
    expect(part.subtitle).toBe('（2025年度）');
    expect(coveredOnce(part.tables[0], part.columnsMm.length)).toBe(true);
    const cells = part.tables[0].rows.flatMap((r) => r.cells);
    // the form's own text: 一级 with its weight, the 二级 of the target form, column headers
    expect(cells.map((c) => c.text)).toEqual(expect.arrayContaining(['一级指标', '二级指标', '三级指标', '产出指标（50）', '数量指标', '质量指标']));
    // nothing typed: no project name, no values, no scores (only form text and the form's weights)
    const name = part.tables[0].rows[0].cells.find((c) => c.kind !== 'label')!;
    expect(name.text).toBe('');
    const l1 = cells.filter((c) => c.kind === 'level1' && c.text.startsWith('产出指标'));
    expect(l1[0].rowSpan).toBeGreaterThanOrEqual(3);
    // rows to fill in are tall enough to write in
    const fill = part.tables[0].rows.filter((r) => r.cells.some((c) => c.text === '' && c.kind !== 'label' && c.kind !== 'header'));
    expect(fill.length).toBeGreaterThan(8);
    // (rows with only narrow value cells to fill — amounts, rates, scores — get one line, the others two)
    const width = (c: LayoutCell) => part.columnsMm.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    const tall = fill.filter((r) => r.cells.some((c) => c.text === '' && c.kind !== 'label' && c.kind !== 'header' && (c.kind === 'text' || width(c) >= 30)));
    expect(tall.length).toBeGreaterThan(8);
    expect(tall.every((r) => r.minHeightPt === BLANK_ROW_PT && r.heightPt >= BLANK_ROW_PT)).toBe(true);
    expect(fill.every((r) => (r.minHeightPt ?? 0) >= 20 && r.heightPt >= r.minHeightPt!)).toBe(true);
  });

  it('structured blank: 预算执行情况 and its rows, 合计, 评价结论 / 存在问题 / 改进措施, 项目负责人 / 财务负责人', () => {
    const part = buildSelfevalLayout(newDocument({ year: 2025, templateId: 'structured-project', selfevalTemplateId: 'selfeval-structured' })).parts[0];
    const texts = part.tables[0].rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(texts).toEqual(expect.arrayContaining(['项目名称', '主管部门', '实施单位', '预算执行情况（10分）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '原因',
      '总额', '其中：财政资金', '财政专户管理资金', '单位资金', '其他资金', '年度总体目标', '预期目标', '实际完成情况', '绩效指标（90分）',
      '指标性质', '度量单位', '完成值', '未完成原因分析', '效益指标（30）', '满意度指标（10）', '合计', '评价结论', '存在问题', '改进措施']));
    expect(part.foot).toEqual({ left: '项目负责人：', right: '财务负责人：' });
  });
});
