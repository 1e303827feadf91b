// Every defect domain.md lists for the shared seed tables is found, at its cell, and nothing is
// reported where the seeds are right (Linxi's budgets, its many correct band tables).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { validateDocument, type Finding } from '../../src-shared/validate';

function load(name: string): JixiaoDocument {
  return DocumentSchema.parse(JSON.parse(readFileSync(new URL(`../fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8')));
}

const linxi = load('linxi-2019');
const laishui = load('laishui-2020-a');
const linxiFindings = validateDocument(linxi);
const laishuiFindings = validateDocument(laishui);

function rowIdOfIndicator(doc: JixiaoDocument, indicatorName: string): string {
  for (const d of doc.dutyTable.duties) for (const a of d.activities) for (const i of a.indicators) if (i.name === indicatorName) return i.id;
  throw new Error(`no indicator ${indicatorName}`);
}

describe('Linxi 2019 duty table', () => {
  it('finds the dead 差 band of 开展就业服务指导培训次数 (≥10 / ≥5 / ＜5 / ＜2)', () => {
    const id = rowIdOfIndicator(linxi, '开展就业服务指导培训次数');
    const f = linxiFindings.filter((x) => x.code === 'band.unreachable');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error', path: { rowId: id, field: 'bands.3' }, text: '＜2',
      where: '部门职责-工作活动 › 一、促进就业管理 › 2、就业服务体系建设 › 开展就业服务指导培训次数 › 差',
    });
    expect(f[0].message).toMatch(/差/);
  });

  it('finds the merged cell 社会保险到位率公益性岗位到位率 under 就业创业扶持政策的制定及管理', () => {
    const id = rowIdOfIndicator(linxi, '社会保险到位率公益性岗位到位率');
    const f = linxiFindings.find((x) => x.code === 'text.merged-cells-suspect' && x.path.rowId === id);
    expect(f).toMatchObject({ path: { field: 'name' }, text: '社会保险到位率公益性岗位到位率' });
    expect(f!.where).toContain('1、就业创业扶持政策的制定及管理');
    expect(f!.message).toContain('公益性岗位到位率');
  });

  it('reports no budget mismatch: every filled duty budget equals its filled activities', () => {
    expect(linxiFindings.filter((x) => x.code === 'budget.sum-mismatch')).toEqual([]);
  });

  it('accepts all the other band tables (overlapping ≥ bands, 以上/介于…之间/低于 with labels)', () => {
    expect(linxiFindings.filter((x) => x.code.startsWith('band.')).map((x) => x.path.rowId)).toEqual([rowIdOfIndicator(linxi, '开展就业服务指导培训次数')]);
    expect(linxiFindings.filter((x) => x.severity === 'error')).toHaveLength(1);
  });

  it('reports a changed budget (the rule is live)', () => {
    const doc = structuredClone(linxi);
    doc.dutyTable.duties[5].budget = '25766';
    const f = validateDocument(doc).filter((x) => x.code === 'budget.sum-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: { rowId: doc.dutyTable.duties[5].id, field: 'budget' }, text: '25766', suggestion: '25765' });
  });
});

describe('Laishui 2020 projects', () => {
  const project = (n: number) => laishui.projects[n - 1];
  const at = (n: number, value: string): Finding[] => {
    const ids = new Set(project(n).indicators.filter((i) => i.value === value).map((i) => i.id));
    expect(ids.size).toBeGreaterThan(0);
    return laishuiFindings.filter((f) => ids.has(f.path.rowId) && f.path.field === 'value');
  };

  it.each(['1100%', '≥9595%', '≥10090%', '≥10095%', '≥3030元-120元', '≥100100元', '≥108108元', '≥9090%', '≥9890%'])(
    'project 5: %s → value.duplicated-digits', (value) => {
      const f = at(5, value);
      const count = project(5).indicators.filter((i) => i.value === value).length;
      expect(f.filter((x) => x.code === 'value.duplicated-digits')).toHaveLength(count);
      expect(f[0].text).toBe(value);
      expect(f[0].where).toMatch(/^项目 5 › (产出|效果|满意度)指标 › .+ › 指标值$/);
    });

  it('project 5: typed-over values get the obvious fix as a suggestion', () => {
    expect(at(5, '≥9595%')[0].suggestion).toBe('≥95%');
    expect(at(5, '≥108108元')[0].suggestion).toBe('≥108元');
    expect(at(5, '1100%')[0].suggestion).toBe('100%');
  });

  it.each(['≥0万人', '≤0人', '≤0万元'])('project 5: zero target %s → warning', (value) => {
    const f = at(5, value);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(f.map((x) => x.code)).toContain('value.zero-target');
  });

  it('project 2: 8434668元 in a 万元 document → value.no-operator (提示: a bare target is style) and a unit warning', () => {
    const f = at(2, '8434668元');
    expect(f.map((x) => x.code).sort()).toEqual(['value.no-operator', 'value.unit-mismatch']);
    expect(f.map((x) => x.severity)).toEqual(f.map((x) => (x.code === 'value.no-operator' ? 'info' : 'warning')));
    expect(f.find((x) => x.code === 'value.unit-mismatch')!.message).toContain('843.4668万元');
  });

  it('leaves the ordinary values alone', () => {
    expect(at(1, '≥90%')).toEqual([]);
    expect(at(2, '≥63899人')).toEqual([]);
    expect(at(2, '100%')).toEqual([]);
  });

  it('every project has its 一级 indicators, amounts add up, schedules are complete', () => {
    for (const code of ['structure.missing-level1', 'budget.sum-mismatch', 'schedule.incomplete', 'schedule.not-cumulative', 'vocab.level1-unknown', 'vocab.level2-mismatch', 'project.code-duplicate']) {
      expect(laishuiFindings.filter((f) => f.code === code)).toEqual([]);
    }
  });

  it('document numbers and 政府批示 as 依据: one 提示 per project naming all its indicators, one suggested category', () => {
    const f = laishuiFindings.filter((x) => x.code === 'basis.nonstandard');
    expect(f).toHaveLength(laishui.projects.length);
    laishui.projects.forEach((p, k) => {
      expect(f[k].cells!.map((c) => c.path)).toEqual(p.indicators.map((i) => ({ rowId: i.id, field: 'basis' })));
      expect(f[k]).toMatchObject({ severity: 'info', suggestion: '计划标准', path: { rowId: p.indicators[0].id, field: 'basis' } });
      expect(f[k].message).toMatch(new RegExp(`^${p.indicators.length} 个指标的指标值确定依据`));
    });
  });

  it('what a reviewer acts on: the errors and warnings, none of them about style', () => {
    const counted = laishuiFindings.filter((x) => x.severity !== 'info');
    expect(counted.map((x) => x.code).sort()).toEqual([
      ...Array(10).fill('value.duplicated-digits'), 'value.duplicated-digits', // 10 errors, ≥3030元 a warning
      ...Array(2).fill('value.unit-mismatch'), // 服务毕业生数量 ≥90% (projects 6 and 9)
      ...Array(2).fill('value.unit-mismatch'), // 元 in the 万元 table: project 2, and project 8's two cells as one
      ...Array(4).fill('value.zero-target'),
      ...Array(3).fill('text.merged-cells-suspect'), // 基础养老金养老金…
    ].sort());
  });
});
