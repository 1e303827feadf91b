import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { templateOrDefault } from './templates';
import { indicatorNature, isLowerBetter } from './indicator-kind';
import { FIXTURE_DIR, SEED_DIR } from '../../tests/fixtures/paths';

// Real names: each must occur in the fixtures or seed disclosures (tests/fixtures/shared, tests/fixtures/seeds).
const corpus = [
  ...readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(FIXTURE_DIR, f), 'utf8')),
  ...readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEED_DIR, f), 'utf8')),
].join('\n');
const real = (name: string) => {
  expect(corpus, `“${name}” is not in the shared fixtures`).toContain(name);
  return name;
};
const words = templateOrDefault('hebei-2020').lowerIsBetterWords;

describe('isLowerBetter: real names from the fixtures', () => {
  it.each([
    '控制城镇登记失业率', // the 率 of a bad event
    '发生违纪事故', // the event itself, counted in 次 (赞皇 2018)
  ])('%s → lower is better', (name) => expect(isLowerBetter(real(name), words)).toBe(true));

  it.each([
    '失业保险费征收任务完成率', // 失业 is a modifier; the head is 完成
    '为失业人员提供就业服务到位率',
    '劳动保障监察举报投诉案件结案率', // 投诉 in the name, the head is 结案
    '无违纪违法现象发生', // negated event: its absence
    '重大违法案件查处率', '养老基金安全率', '参保人员满意度', '高校毕业生就业率', '创业率', '培训合格率',
    '60周岁以上实际领取基础养老金人次数', '符合条件人员参保率（实际参保人数/符合参保条件的人数）',
  ])('%s → higher is better', (name) => expect(isLowerBetter(real(name), words)).toBe(false));
});

describe('isLowerBetter: negation and composition', () => {
  it.each(['事故发生率', '安全生产事故发生率', '差错率', '群众投诉率', '失误率', '失业人数', '安全事故发生次数', '不合格率', '未达标率', '未结案率', '不满意率', '非正常死亡率'])(
    '%s → lower', (name) => expect(isLowerBetter(name, words)).toBe(true));
  it.each(['无事故率', '零差错率', '无安全事故率', '未发生安全事故率', '投诉处理率', '投诉办结率', '失业保险参保率', '失业人员再就业率', '差错率达标率', '零就业家庭帮扶率', '不断提高参保率', '事故下降率', '未成年人参保率'])(
    '%s → higher', (name) => expect(isLowerBetter(name, words)).toBe(false));
  it('a phrase boundary stops the negation', () => {
    expect(isLowerBetter('无投诉的事故发生率', words)).toBe(true);
  });
  it('the vocabulary is the template\'s: without 事故 in it, 事故率 has no direction', () => {
    expect(isLowerBetter('事故率', ['差错率'])).toBe(false);
    expect(isLowerBetter('事故率', ['事故率'])).toBe(true);
  });
  it('defaults to the default template and feeds indicatorNature', () => {
    expect(isLowerBetter('差错率')).toBe(true);
    expect(indicatorNature('零差错率', templateOrDefault('hebei-2020'))).toEqual({ kind: 'percent', lowerIsBetter: false });
    expect(indicatorNature('事故发生率（%）', templateOrDefault('national-2021'))).toEqual({ kind: 'percent', lowerIsBetter: true });
  });
});

describe('isLowerBetter: properties over the template vocabulary', () => {
  const stems = words.map((w) => w.replace(/率$/, ''));
  const modifier = fc.constantFrom('', '安全生产', '群众', '城镇登记', '重大', '全县', '年度');
  const goodHead = fc.constantFrom('处理', '办结', '参保', '结案', '受理', '整改', '查处');
  const negator = fc.constantFrom('无', '零', '未发生', '杜绝', '没有');
  const stem = fc.constantFrom(...stems);

  it('the 率 of a bad event is lower-is-better; its absence is not', () => {
    fc.assert(fc.property(modifier, stem, negator, (m, s, n) => {
      expect(isLowerBetter(`${m}${s}率`, words)).toBe(true);
      expect(isLowerBetter(`${n}${m}${s}率`, words)).toBe(false);
    }));
  });
  it('a bad event as a modifier of another head does not make it lower-is-better', () => {
    fc.assert(fc.property(modifier, stem, goodHead, (m, s, h) => {
      expect(isLowerBetter(`${m}${s}${h}率`, words)).toBe(false);
    }));
  });
  it('a negated head is a failure rate', () => {
    fc.assert(fc.property(modifier, fc.constantFrom('不', '未'), fc.constantFrom('合格', '达标', '结案', '满意', '完成'), (m, n, h) => {
      expect(isLowerBetter(`${m}${n}${h}率`, words)).toBe(true);
    }));
  });
});
