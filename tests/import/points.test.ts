// Scores and weights written with the 分 suffix (`10分`, `9.5分`), full-width digits or thousands
// separators in a self-evaluation's 分值 / 权重 / 得分 / 总分 cells and a structured project's 权重:
// read exactly (the number kept, the 分 noted in the report); a cell that is not a number is never
// guessed — a weight goes to the unplaced list with its reason, a score is kept as text (scoreText).
import { describe, expect, it } from 'vitest';
import { importOffice, type ImportResult } from '../../src-shared/import';
import { docxBody, docxBytes, type DocxRow } from './build';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

const SELFEVAL: DocxRow[] = [
  ['项目名称', { text: '农村公路养护', span: 7 }],
  ['主管部门', { text: '县交通运输局', span: 3 }, '实施单位', { text: '县公路中心', span: 3 }],
  [{ text: '项目资金（万元）', vMerge: 'restart' }, '', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分', ''],
  [{ vMerge: 'continue' }, '年度资金总额', '1,250.5', '１２００', '10分', '95.96%', '９．５分', ''],
  [{ text: '绩效指标', vMerge: 'restart' }, '一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '分值', '得分'],
  [{ vMerge: 'continue' }, '产出指标', '数量指标', '养护里程', '≥120公里', '125公里', '30分', '30分'],
  [{ vMerge: 'continue' }, '产出指标', '质量指标', '优良路率', '≥80%', '78%', '20', '19.5 分'],
  [{ vMerge: 'continue' }, '效益指标', '社会效益指标', '群众出行', '明显改善', '明显改善', '约20', '优'],
  ['总分', { text: '', span: 5 }, '100', '89分'],
];

describe('points with 分, full-width digits and separators in a self-evaluation', () => {
  const r = ok(importOffice(docxBytes(docxBody(['项目支出绩效自评表', '（2023年度）', SELFEVAL])), 'points.docx'));
  const se = r.document.projects[0].selfeval!;

  it('reads the numbers exactly', () => {
    expect(se.funds.planned.total).toBe('1250.5');
    expect(se.funds.spent.total).toBe('1200');
    expect([se.budgetRateWeight, se.budgetRateScore, se.total]).toEqual(['10', '9.5', '89']);
    expect(se.indicators.map((i) => [i.name, i.weight, i.score, i.scoreText])).toEqual([
      ['养护里程', '30', '30', undefined], ['优良路率', '20', '19.5', undefined], ['群众出行', '', '', '优'],
    ]);
  });

  it('notes each 分 read away, with its place', () => {
    expect(r.report.warnings).toEqual(expect.arrayContaining([
      '表格 1 第 4 行：预算执行率分值「10分」已按分数读取为 10（去掉了“分”）。',
      '表格 1 第 4 行：预算执行率得分「９．５分」已按分数读取为 9.5（去掉了“分”）。',
      '表格 1 第 6 行：分值「30分」已按分数读取为 30（去掉了“分”）。',
      '表格 1 第 6 行：得分「30分」已按分数读取为 30（去掉了“分”）。',
      '表格 1 第 7 行：得分「19.5 分」已按分数读取为 19.5（去掉了“分”）。',
      '表格 1 第 9 行：总分「89分」已按分数读取为 89（去掉了“分”）。',
    ]));
    // a plain number is not noted
    expect(r.report.warnings.some((w) => w.includes('「20」'))).toBe(false);
  });

  it('a weight that is not a number is unplaced with its reason; a word score is kept as text', () => {
    expect(r.report.unplaced).toEqual([{ sheet: '表格 1', row: 8, column: 7, text: '约20', reason: '分值不是数字' }]);
    expect(r.report.warnings).toContain('表格 1 第 8 行：得分「优」不是数字，已按文字保存，请改为分数。');
  });
});

describe('权重 with 分 in a structured project table', () => {
  const rows: DocxRow[] = [
    ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
    ['县农业农村局', '农田建设', '100', '建成农田', '产出指标', '数量指标', '新建面积', '≥', '1000', '亩', '30分', '正向指标'],
    ['', '', '', '', '效益指标', '社会效益指标', '生产条件', '定性', '改善', '', '二十', '正向指标'],
    ['', '', '', '', '满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '十成', '正向指标'],
  ];
  const r = ok(importOffice(docxBytes(docxBody(['单位：万元', rows])), 'list.docx'));
  const inds = r.document.projects[0].indicators;

  it('reads 30分 as 30 and 二十 as 20, both noted; 十成 stays unplaced', () => {
    expect(inds.map((i) => i.weight)).toEqual(['30', '20', undefined]);
    expect(r.report.warnings).toEqual(expect.arrayContaining([
      '表格 1 第 2 行：权重「30分」已按分数读取为 30（去掉了“分”）。',
      '表格 1 第 3 行：权重「二十」已按分数读取为 20。',
    ]));
    expect(r.report.unplaced).toEqual([{ sheet: '表格 1', row: 4, column: 11, text: '十成', reason: '权重不是数字' }]);
  });
});
