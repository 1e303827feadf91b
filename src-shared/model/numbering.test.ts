import { describe, expect, it } from 'vitest';
import { activityNumber, chineseNumeral, dutyNumber, stripNumbering } from './numbering';
import { splitOrgLine } from './factory';

describe('numbering', () => {
  it('writes Chinese numerals as official tables do', () => {
    expect([1, 7, 10, 11, 20, 21, 99, 100, 105, 120].map(chineseNumeral)).toEqual(['一', '七', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百二十']);
    expect(dutyNumber(0)).toBe('一、');
    expect(activityNumber(2)).toBe('3、');
  });

  it('lifts typed prefixes and indentation, keeping the rest exactly', () => {
    expect(stripNumbering('一、促进就业管理')).toEqual({ prefix: '一、', rest: '促进就业管理' });
    expect(stripNumbering('　　1、就业创业扶持政策的制定及管理')).toEqual({ prefix: '1、', rest: '就业创业扶持政策的制定及管理' });
    expect(stripNumbering('（二）人才队伍')).toEqual({ prefix: '（二）', rest: '人才队伍' });
    expect(stripNumbering('2.职业培训')).toEqual({ prefix: '2.', rest: '职业培训' });
    expect(stripNumbering('2020年城乡居民')).toEqual({ prefix: '', rest: '2020年城乡居民' });
    expect(stripNumbering('3.5万人次培训').prefix).toBe('');
  });

  it('splits the org line into code and name', () => {
    expect(splitOrgLine('323临西县人力资源和社会保障局')).toEqual({ deptCode: '323', deptName: '临西县人力资源和社会保障局' });
    expect(splitOrgLine('323002 涞水县人力资源和社会保障局')).toEqual({ deptCode: '323002', deptName: '涞水县人力资源和社会保障局' });
    expect(splitOrgLine('涞水县人社局')).toEqual({ deptCode: '', deptName: '涞水县人社局' });
    // a cell of several lines (a whole header typed in one cell) is split, not a crash of the import
    expect(splitOrgLine('430522新化县住建局\n（盖章）')).toEqual({ deptCode: '430522', deptName: '新化县住建局\n（盖章）' });
  });
});
