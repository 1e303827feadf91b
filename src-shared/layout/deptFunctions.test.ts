import { describe, expect, it } from 'vitest';
import { newDeptWide } from '../model';
import { getTargetProfile, printsDeptFunctions, type TargetProfile } from '../profile';
import { buildDeptWidePart, type FormContext } from './forms';

const ctx: FormContext = { unit: '万元', orgLeft: '', orgRight: '', year: 2027, deptName: '某县卫生健康局', widthMm: 277, fontPt: 10 };
const labels = (profile: TargetProfile, functions?: string) =>
  buildDeptWidePart(newDeptWide({ goal: '目标', ...(functions !== undefined ? { functions } : {}) }), profile, ctx).tables[0].rows.map((r) => r.cells.map((c) => c.text));

describe('部门职能职责概述 in the department-wide form', () => {
  const national = getTargetProfile('national-88-dept')!;
  // A province's form that prints the row (a header field deptWide.functions with its own label).
  const withRow: TargetProfile = { ...national, header: [...national.header, { label: '部门职能概述', synonyms: [], field: 'deptWide.functions', required: false }] };

  it('is printed above 年度总体目标 where the form has it (its label), or the document holds it; not otherwise', () => {
    expect(printsDeptFunctions(national)).toBe(false);
    expect(printsDeptFunctions(withRow)).toBe(true);
    expect(labels(national).some((r) => r[0] === '部门职能职责概述')).toBe(false);
    const held = labels(national, '负责全县卫生健康工作');
    expect(held.findIndex((r) => r[0] === '部门职能职责概述')).toBe(held.findIndex((r) => r[0] === '年度总体目标') - 1);
    expect(held.find((r) => r[0] === '部门职能职责概述')?.[1]).toBe('负责全县卫生健康工作');
    const blank = labels(withRow);
    expect(blank.findIndex((r) => r[0] === '部门职能概述')).toBe(blank.findIndex((r) => r[0] === '年度总体目标') - 1);
    expect(blank.find((r) => r[0] === '部门职能概述')?.[1]).toBe('');
  });
});
