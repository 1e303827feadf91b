// 审核 of the department-wide table (部门（单位）整体支出绩效目标表, issue 18): its indicator rows get
// the rules a project's rows get under the same form (levels, values, names, required cells and
// 一级, structured parts and weights), its tasks are checked against 金额合计, each finding points at
// the table's cell, and one cause is one finding.
import { describe, expect, it } from 'vitest';
import {
  DEPT_WIDE_ID, newDeptTask, newDeptWide, newDocument, newProject, newProjectIndicator, partsPatch, type JixiaoDocument, type ProjectIndicator,
} from '../../src-shared/model';
import { createIncrementalValidator, RULES, validateDocument, type Finding } from '../../src-shared/validate';
import { deptWideTable } from '../../src-shared/validate/project-rules';
import { contextOf } from '../../src-shared/validate/registry';

/** Rows with one defect each (and one clean row), under the national 88号 forms' vocabulary. */
const defects = (): ProjectIndicator[] => [
  newProjectIndicator({ level1: '产出', level2: '数量指标', name: '签约人数', value: '≥1000人' }), // unknown 一级
  newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '签约人数', value: '≥9595%' }), // duplicate name, typed-over digits
  newProjectIndicator({ level1: '效益指标', level2: '质量指标', name: '', value: '' }), // 二级 of another 一级, empty cells
  newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '覆盖率', value: '95%' }), // no operator (提示)
  newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '知晓率', value: '90%' }), // no operator (提示): grouped with the one above
];

function deptDoc(rows = defects()): JixiaoDocument {
  const d = newDocument({ year: 2027, templateId: 'national-88-dept', deptName: '某县卫生健康局' });
  d.deptWide = newDeptWide({ goal: '目标', total: '170', tasks: [newDeptTask({ name: '甲', total: '120' }), newDeptTask({ name: '乙', total: '50' })], indicators: rows });
  return d;
}
const inDept = (fs: Finding[]) => fs.filter((f) => f.where.startsWith('部门整体'));
/** A finding without its table: code, level, the row's position (or the table), the column, the cell count. */
function shape(f: Finding, rows: ProjectIndicator[], ownerId: string) {
  const row = f.path.rowId === ownerId ? 'table' : rows.findIndex((r) => r.id === f.path.rowId);
  return `${f.severity} ${f.code} ${row} ${f.path.field === 'indicators' || f.path.field === 'name' && row === 'table' ? '(table)' : f.path.field}${f.cells ? ` ×${f.cells.length}` : ''}`;
}

describe('department-wide indicators', () => {
  it('get every rule a project’s indicators get under the same form, pointing at the table’s cells', () => {
    const d = deptDoc();
    const dept = inDept(validateDocument(d));
    const rows = d.deptWide!.indicators;
    expect(dept.map((f) => shape(f, rows, DEPT_WIDE_ID))).toEqual([
      'error structure.missing-level1 table (table)',
      'error vocab.level1-unknown 0 level1',
      'error text.duplicate-indicator 1 name',
      'error value.duplicated-digits 1 value',
      'error text.empty-required 2 name',
      'error vocab.level2-mismatch 2 level2',
      'error text.empty-required 2 value',
      'info value.no-operator 3 value ×2',
    ]);
    expect(dept[0]).toMatchObject({ path: { rowId: DEPT_WIDE_ID, field: 'indicators' }, where: '部门整体 › 绩效指标', message: '部门整体表缺少“满意度指标”下的绩效指标，请至少添加一个' });
    expect(dept[1]).toMatchObject({ path: { rowId: rows[0].id, field: 'level1' }, where: '部门整体 › 产出 › 签约人数 › 一级指标' });
    expect(dept[2].message).toBe('本部门整体表已有指标“签约人数”，请删除重复的一行或改名');
    // the same rows in a project of the same document: the same findings, in the project's cells
    const p = newProject('national-88-dept', { name: '项目', authority: '局', implementer: '局', budget: '1', goal: '目标', indicators: defects() });
    const both = { ...d, projects: [p] };
    const project = validateDocument(both).filter((f) => f.where.startsWith('项目 1'));
    expect(project.map((f) => shape(f, p.indicators, p.id))).toEqual(dept.map((f) => shape(f, rows, DEPT_WIDE_ID)));
    expect(inDept(validateDocument(both))).toEqual(dept);
  });

  it('a clean table has no finding; a blank table (a new document) or one kept from another form is not audited', () => {
    const rows = [
      newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '签约人数', value: '≥1000人' }),
      newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '覆盖率', value: '≥95%' }),
      newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', value: '≥90%' }),
    ];
    expect(validateDocument(deptDoc(rows))).toEqual([]);
    const blank = newDocument({ year: 2027, templateId: 'national-88-dept' });
    expect(blank.deptWide).toBeDefined();
    expect(validateDocument(blank)).toEqual([]);
    const switched = deptDoc();
    switched.meta.templateId = 'hebei-2020';
    expect(inDept(validateDocument(switched))).toEqual([]);
  });

  it('tasks that do not add up: one finding at 金额合计, beside the indicator findings', () => {
    const d = deptDoc();
    d.deptWide!.tasks[1].total = '40';
    const sum = inDept(validateDocument(d)).filter((f) => f.code === 'deptwide.tasks-sum');
    expect(sum).toEqual([expect.objectContaining({ path: { rowId: DEPT_WIDE_ID, field: 'total' }, where: '部门整体 › 金额合计', text: '170' })]);
  });
});

describe('structured rows of the department-wide table', () => {
  const rule = RULES.find((r) => r.id === 'indicators.structured-rows')!;
  const structured = (rows: ProjectIndicator[]) => {
    const d = newDocument({ year: 2027, templateId: 'structured-project' });
    const out: Finding[] = [];
    if (rule.scope !== 'indicators') throw new Error(rule.scope);
    rule.check(deptWideTable(newDeptWide({ indicators: rows })), contextOf(d), out);
    return out;
  };
  const row = (init: Partial<ProjectIndicator>, parts: Parameters<typeof partsPatch>[0]) => newProjectIndicator({
    level1: '产出指标', level2: '数量指标', name: '面积', scoring: '完成值÷指标值×权重', weight: '30', ...partsPatch(parts), ...init,
  });

  it('parts, direction and weights are checked as in a project, named in the table', () => {
    const fs = structured([
      row({}, { operator: '定性', number: '95', unit: '' }),
      row({ direction: '反向' }, { operator: '≥', number: '10', unit: '亩' }),
      row({ weight: '20' }, { operator: '≥', number: '10', unit: '' }),
    ]);
    expect(fs.map((f) => f.code)).toEqual(['structured.qualitative-number', 'structured.direction-operator', 'structured.unit-missing', 'structured.weight-sum']);
    expect(fs[0].where).toBe('部门整体 › 产出指标 › 面积 › 指标值');
    expect(fs[3].message).toBe('部门整体的权重合计为 80，应为 90，请调整');
  });

  it('no weights typed at all is one finding (not a failed rule)', () => {
    const fs = structured([row({ weight: undefined }, { operator: '≥', number: '10', unit: '亩' })]);
    expect(fs.map((f) => [f.code, f.message])).toEqual([['structured.weight-sum', '部门整体的权重合计为 0，应为 90（1 个指标未填权重），请调整']]);
  });
});

describe('one cause, one finding (a project and the department-wide table alike)', () => {
  it('an unfilled 指标值 with 指标性质 “≥” is 指标值未填写 only; 定性 with a number is not also a missing operator', () => {
    const d = newDocument({ year: 2027, templateId: 'structured-project' });
    const rows = [
      newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '面积', scoring: '标准', weight: '50', operator: '≥', number: '', unit: '', value: '' }),
      newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '改善', scoring: '标准', weight: '30', ...partsPatch({ operator: '定性', number: '95', unit: '' }) }),
      newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', scoring: '标准', weight: '10', ...partsPatch({ operator: '≥', number: '90', unit: '%' }) }),
    ];
    d.projects.push(newProject('structured-project', { name: '项目', budget: '1', goal: '目标', indicators: rows }));
    const fs = validateDocument(d).filter((f) => f.path.rowId === rows[0].id || f.path.rowId === rows[1].id);
    expect(fs.map((f) => `${f.code} ${f.path.field}`)).toEqual(['text.empty-required value', 'structured.qualitative-number number']);
  });
});

describe('one cause, one finding: required 一级', () => {
  it('a misspelt 一级 (产出 for 产出指标) is one finding, not also “缺少产出指标”', () => {
    const rows = [
      newProjectIndicator({ level1: '产出', level2: '数量指标', name: '签约人数', value: '≥1000人' }),
      newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '覆盖率', value: '≥95%' }),
      newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', value: '≥90%' }),
    ];
    expect(inDept(validateDocument(deptDoc(rows))).map((f) => [f.code, f.suggestion])).toEqual([['vocab.level1-unknown', '产出指标']]);
  });

  it('a table with tasks but no indicator yet is one finding naming every required 一级', () => {
    const fs = inDept(validateDocument(deptDoc([])));
    expect(fs.map((f) => [f.code, f.path.field, f.message])).toEqual([
      ['structure.missing-level1', 'indicators', '部门整体表还没有绩效指标，请添加“产出指标”、“效益指标”、“满意度指标”下的指标'],
    ]);
  });
});

describe('incremental validation', () => {
  it('reuses the table’s findings while it is unchanged and agrees with a full validation after an edit', () => {
    const v = createIncrementalValidator();
    const d = deptDoc();
    const before = inDept(v.validate(d));
    const other = { ...d, meta: { ...d.meta, deptName: '另一个局' } };
    inDept(v.validate(other)).forEach((f, k) => expect(f).toBe(before[k]));
    const rows = d.deptWide!.indicators.map((r, k) => (k === 1 ? { ...r, value: '≥95%' } : r));
    const edited = { ...d, deptWide: { ...d.deptWide!, indicators: rows } };
    const after = v.validate(edited);
    expect(after).toEqual(validateDocument(edited));
    expect(after.some((f) => f.code === 'value.duplicated-digits')).toBe(false);
  });
});
