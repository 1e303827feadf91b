import { describe, expect, it } from 'vitest';
import { duplicatedDigits } from './value-checks';
import { repeatedFragment, runTogetherNames } from './text-shape';

describe('duplicatedDigits', () => {
  it.each([
    ['9595', true, { severity: 'error', fix: '95' }], ['1100', true, { severity: 'error', fix: '100' }],
    ['10090', true, { severity: 'error', readings: ['100', '90'] }], ['9890', true, { severity: 'error', readings: ['98', '90'] }],
    ['108108', false, { severity: 'error', fix: '108' }], ['3030', false, { severity: 'warning', fix: '30' }],
    ['9090.5', true, { severity: 'error', fix: '90.5' }],
  ])('%s (percent %s)', (n, percent, expected) => expect(duplicatedDigits(n, percent)).toEqual(expected));
  it.each([['95', true], ['100', true], ['150', true], ['1100', false], ['63899', false], ['0000', false], ['108', false]])('%s (percent %s) is not typed over', (n, percent) => {
    expect(duplicatedDigits(n, percent)).toBeNull();
  });
});

describe('text shapes', () => {
  it('run-together names', () => {
    expect(runTogetherNames('社会保险到位率公益性岗位到位率')).toEqual(['社会保险到位率', '公益性岗位到位率']);
    expect(runTogetherNames('服务对象满意度群众知晓率')).toEqual(['服务对象满意度', '群众知晓率']);
    for (const ok of ['养老金扩面征缴任务完成率和发放率', '高校毕业生就业率、创业率提高情况', '2019年度工作完成率', '参保缴费率（实际缴费人数/参保登记人数）', '就业率创业率']) {
      expect(runTogetherNames(ok)).toBeNull();
    }
  });
  it('repeated fragments', () => {
    expect(repeatedFragment('基础养老金养老金发放总金额')).toBe('养老金');
    expect(repeatedFragment('人人享有基本养老保险')).toBeNull();
    expect(repeatedFragment('16-59周岁人员参保政府代缴率')).toBeNull();
  });
});
