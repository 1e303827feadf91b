// Year replacement, with the texts of the fixtures and seeds (tests/fixtures/shared, tests/fixtures/seeds).
import { describe, expect, it } from 'vitest';
import { replaceBudgetYear } from './years';

describe('replaceBudgetYear: the budget year changes', () => {
  it.each([
    // laishui-2020-a: project names, headings, purposes, goals and descriptions
    ['2020年城乡居民养老保险个人缴费补贴', '2021年城乡居民养老保险个人缴费补贴'],
    ['2020年机关事业退休人员统筹外项目', '2021年机关事业退休人员统筹外项目'],
    ['为全县2020年参加城乡居民基本养老保险的参保人员按照缴费档次的不同为其进行个人缴费补贴', '为全县2021年参加城乡居民基本养老保险的参保人员按照缴费档次的不同为其进行个人缴费补贴'],
    ['2020年养老金待遇领取人数预算数', '2021年养老金待遇领取人数预算数'],
    ['县为符合参保条件的重度残疾人、贫困户代缴2020年养老保险', '县为符合参保条件的重度残疾人、贫困户代缴2021年养老保险'],
    ['2、2020年发放率达到100%', '2、2021年发放率达到100%'],
    // zanhuang seed: 年末 / 年度 after the year
    ['绩效指标：2020年年末规模以上企业劳动合同签订率达到90%', '绩效指标：2021年年末规模以上企业劳动合同签订率达到90%'],
    ['2020年度预算', '2021年度预算'],
    // a deadline in the budget year outside a basis is the budget year
    ['2020年12月底前发放到位', '2021年12月底前发放到位'],
  ])('%s', (text, expected) => {
    expect(replaceBudgetYear(text, 2020, 2021)).toBe(expected);
  });

  it('the document number inside a changed name stays: 2020年…（冀财社【2019】74号）', () => {
    expect(replaceBudgetYear('2020年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）', 2020, 2021))
      .toBe('2021年城乡居民基本养老保险中央补助资金（冀财社【2019】74号）');
  });
});

describe('replaceBudgetYear: references and other years do not change', () => {
  it.each([
    // laishui bases and names rolled over from a 2019 document: the number is a reference
    ['冀财社【2019】74号', false],
    ['冀财社【2019】122号', true],
    ['2019年中央就业补助资金（冀财社【2019】122号）', false],
    ['冀财社〔2019〕88号', true],
    ['冀人社字(2019)12号', true],
    ['邢财社（2019）5号', true],
    ['冀政办字［2019］3号', true],
    ['2019年第5号公告', true],
    // seeds: a cut-off date inside a basis
    ['截止时间：2019年12月31日', true],
    ['依据2019年12月上报的参保台账', true],
    // a quoted title, a plan period
    ['《关于做好2019年度城乡居民基本养老保险工作的通知》', true],
    ['2019-2021年就业规划', false],
    ['2018至2019年度', false],
  ])('%s', (text, isBasis) => {
    const out = replaceBudgetYear(text, 2019, 2020, isBasis);
    // only the unreferenced budget year of the third case changes
    if (text.startsWith('2019年中央')) expect(out).toBe('2020年中央就业补助资金（冀财社【2019】122号）');
    else expect(out).toBe(text);
  });

  it.each([
    // laishui goal: a birth year; linxi seed: a target year that is not the budget year; a comparison year
    ['1、完成1960年及以前年度出生的60周岁以上老人的城乡居民养老保险待遇发放', 2020],
    ['我县人力资源和社会保障事业发展的总体目标是：到2020年，力争实现全县的劳动力市场稳定', 2019],
    ['与2018年相比减少1万元', 2019],
    ['截止时间：2018年12月31日', 2019],
    ['C190203', 2019],
    ['≥200887人', 2020],
  ])('%s (budget year %d)', (text, year) => {
    expect(replaceBudgetYear(text, year, year + 1)).toBe(text);
  });

  it('a full date outside a basis is proposed (a deadline), inside a basis kept', () => {
    expect(replaceBudgetYear('2019年12月31日前完成', 2019, 2020)).toBe('2020年12月31日前完成');
    expect(replaceBudgetYear('2019年12月31日前完成', 2019, 2020, true)).toBe('2019年12月31日前完成');
  });

  it('several occurrences in one cell: each is judged on its own', () => {
    expect(replaceBudgetYear('2019年政府性基金预算财政拨款1000万元与2018年预算数一致，2019年减少接待批次', 2019, 2020))
      .toBe('2020年政府性基金预算财政拨款1000万元与2018年预算数一致，2020年减少接待批次');
  });

  it('to another year than the next (--year)', () => {
    expect(replaceBudgetYear('2020年城乡居民养老保险待遇领取年末数', 2020, 2023)).toBe('2023年城乡居民养老保险待遇领取年末数');
  });
});
