// Audit of structured rows (issue 18): one cause, one finding.
import { describe, expect, it } from 'vitest';
import { newDeptTask, newDeptWide, newDocument, newProject, newProjectIndicator, partsPatch, type JixiaoDocument, type ProjectIndicator } from '../../src-shared/model';
import { CODES, validateDocument, type Finding } from '../../src-shared/validate';
import type { Operator } from '../../src-shared/expr';

type Row = Partial<ProjectIndicator> & { parts?: [Operator, string, string] };
const row = ({ parts, ...init }: Row): ProjectIndicator => newProjectIndicator({
  level1: '产出指标', level2: '数量指标', name: '面积', basis: '计划标准', scoring: '完成值÷指标值×权重', weight: '10', direction: '',
  ...(parts ? partsPatch({ operator: parts[0], number: parts[1], unit: parts[2] }) : {}), ...init,
});

/** A structured project whose three required 一级 carry 50 / 30 / 10 unless rows are given. */
function doc(rows?: ProjectIndicator[], templateId = 'structured-project'): JixiaoDocument {
  const d = newDocument({ year: 2025, templateId, deptCode: '101', deptName: '局' });
  d.projects.push(newProject(templateId, { code: '101-2025-001', name: '项目', budget: '10', fiscal: '10', goal: '目标', indicators: rows ?? [
    row({ parts: ['≥', '100', '亩'], weight: '50' }),
    row({ level1: '效益指标', level2: '社会效益指标', name: '条件改善', parts: ['定性', '明显改善', ''], weight: '30' }),
    row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', parts: ['≥', '90', '%'], weight: '10' }),
  ] }));
  return d;
}
const structured = (d: JixiaoDocument): Finding[] => validateDocument(d).filter((f) => f.code.startsWith('structured.') || f.code.startsWith('deptwide.'));
const codes = (d: JixiaoDocument) => structured(d).map((f) => f.code);

describe('structured rows', () => {
  it('a correct structured project has no structured finding, and the codes are registered', () => {
    expect(structured(doc())).toEqual([]);
    for (const c of ['structured.weight-sum', 'structured.operator-no-number', 'structured.unit-missing', 'structured.qualitative-number', 'structured.direction-operator', 'structured.scoring-empty', 'deptwide.tasks-sum']) expect(CODES).toContain(c);
  });

  it('an operator without a number, or a range not written lo-hi', () => {
    const d = doc();
    Object.assign(d.projects[0].indicators[0], partsPatch({ operator: '≥', number: '', unit: '亩' }));
    Object.assign(d.projects[0].indicators[2], partsPatch({ operator: '区间', number: '85到100', unit: '%' }));
    const fs = structured(d);
    expect(fs.map((f) => [f.code, f.path.field])).toEqual([['structured.operator-no-number', 'number'], ['structured.operator-no-number', 'number']]);
    expect(fs[0].message).toContain('指标值未填写');
    expect(fs[1].message).toContain('下限-上限');
  });

  it('定性 with a number', () => {
    const d = doc();
    Object.assign(d.projects[0].indicators[1], { operator: '定性', number: '95', unit: '', value: '95' });
    expect(codes(d)).toEqual(['structured.qualitative-number']);
  });

  it('a number without a unit, unless the name carries it', () => {
    const d = doc();
    Object.assign(d.projects[0].indicators[0], partsPatch({ operator: '≥', number: '100', unit: '' }));
    expect(codes(d)).toEqual(['structured.unit-missing']);
    d.projects[0].indicators[0].name = '面积（亩）';
    expect(codes(d)).toEqual([]);
  });

  it('反向 with ≥ and 正向 with ≤', () => {
    const d = doc();
    d.projects[0].indicators[0].direction = '反向';
    Object.assign(d.projects[0].indicators[2], partsPatch({ operator: '≤', number: '5', unit: '%' }), { direction: '正向' });
    expect(codes(d)).toEqual(['structured.direction-operator', 'structured.direction-operator']);
    d.projects[0].indicators[0].direction = '正向';
    d.projects[0].indicators[2].direction = '反向';
    expect(codes(d)).toEqual([]);
  });

  it('an empty required 评（扣）分标准 column is one finding for the table', () => {
    const d = doc();
    for (const i of d.projects[0].indicators) i.scoring = '';
    const fs = structured(d);
    expect(fs.map((f) => f.code)).toEqual(['structured.scoring-empty']);
    expect(fs[0].cells).toHaveLength(3);
    // the Hebei form has no such column: nothing to say
    const h = doc(undefined, 'hebei-2020');
    for (const i of h.projects[0].indicators) i.scoring = '';
    expect(codes(h)).toEqual([]);
  });

  it('weights: a wrong total is one finding; a right total with a wrong 一级 split is one per 一级', () => {
    const d = doc();
    d.projects[0].indicators[0].weight = '40';
    let fs = structured(d);
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['structured.weight-sum', 'error']]);
    expect(fs[0].message).toMatch(/权重合计为 80，应为 90/);
    d.projects[0].indicators[1].weight = '40';
    fs = structured(d);
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['structured.weight-sum', 'warning'], ['structured.weight-sum', 'warning']]);
    expect(fs.map((f) => f.message).join()).toMatch(/“产出指标”的权重合计为 40.*“效益指标”的权重合计为 40/);
  });

  it('a value typed only as parts counts as filled (no 指标值未填写)', () => {
    const d = doc();
    d.projects[0].indicators[0].value = '';
    expect(validateDocument(d).filter((f) => f.code === 'text.empty-required')).toEqual([]);
  });
});

describe('department-wide table', () => {
  it('tasks that do not add up to 金额合计', () => {
    const d = newDocument({ year: 2025, templateId: 'national-88-dept' });
    d.deptWide = newDeptWide({ total: '500', tasks: [newDeptTask({ name: '甲', total: '300' }), newDeptTask({ name: '乙', total: '150' })] });
    const fs = structured(d);
    expect(fs.map((f) => f.code)).toEqual(['deptwide.tasks-sum']);
    expect(fs[0].message).toContain('合计为 450，与金额合计 500 不符');
    d.deptWide.tasks[1].total = '200';
    expect(codes(d)).toEqual([]);
    // 金额合计 under 财政拨款 / 其他资金, as an imported form printed them
    Object.assign(d.deptWide, { totalFiscal: '400', totalOther: '100' });
    Object.assign(d.deptWide.tasks[0], { fiscal: '300' });
    Object.assign(d.deptWide.tasks[1], { fiscal: '100', other: '100' });
    expect(codes(d)).toEqual([]);
    d.deptWide.tasks[1].fiscal = '50';
    const sumFs = structured(d);
    expect(sumFs.map((f) => [f.code, f.path.field])).toEqual([['deptwide.tasks-sum', 'totalFiscal']]);
    expect(sumFs[0].message).toContain('（财政拨款）合计为 350，与金额合计（财政拨款） 400 不符');
  });
});

describe('forms without a schedule', () => {
  it('a schedule kept from a Hebei document is not checked in a form that does not print one', () => {
    const d = doc(undefined, 'hebei-2020');
    d.projects[0].schedule = ['10', '5', '', ''];
    expect(validateDocument(d).some((f) => f.code.startsWith('schedule.'))).toBe(true);
    d.meta.templateId = 'structured-project';
    expect(validateDocument(d).filter((f) => f.code.startsWith('schedule.'))).toEqual([]);
  });
});

describe('required cells follow the form', () => {
  it('项目编码 and 指标值确定依据 are asked for only where the form prints them', () => {
    const d = doc(undefined, 'hebei-2020');
    d.projects[0].code = '';
    for (const i of d.projects[0].indicators) i.basis = '';
    const empty = () => validateDocument(d).filter((f) => f.code === 'text.empty-required').map((f) => f.path.field);
    expect(empty()).toEqual(expect.arrayContaining(['code', 'basis']));
    d.meta.templateId = 'structured-project';
    expect(empty()).toEqual([]);
  });
});
