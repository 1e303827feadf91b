/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke wrongly-typed values into documents */
import { describe, expect, it } from 'vitest';
import { indicatorParts, partsPatch, targetParts, valueTextPatch } from './parts';
import { loadDocumentText, serializeDocument } from './load';
import { newDeptTask, newDeptWide, newDocument, newProject, newProjectIndicator } from './factory';

describe('the two views of an indicator value', () => {
  it('derives the parts from the text when none are stored', () => {
    expect(indicatorParts({ value: '≥95%' })).toEqual({ operator: '≥', number: '95', unit: '%' });
    expect(targetParts({ target: '全部完成' })).toEqual({ operator: '定性', number: '全部完成', unit: '' });
  });

  it('uses stored parts while they agree with the text, even where the text cannot say them', () => {
    // 定性 with a number: the text alone would read as a bare number.
    expect(indicatorParts({ value: '95', operator: '定性', number: '95', unit: '' })).toEqual({ operator: '定性', number: '95', unit: '' });
    // Another spelling of the same parts.
    expect(indicatorParts({ value: '不低于95%', operator: '≥', number: '95', unit: '%' })).toEqual({ operator: '≥', number: '95', unit: '%' });
  });

  it('derives the parts again when the text was edited without them (stale parts are never shown)', () => {
    expect(indicatorParts({ value: '≤3天', operator: '≥', number: '95', unit: '%' })).toEqual({ operator: '≤', number: '3', unit: '天' });
  });

  it('writes both views: typing text keeps it as typed, editing parts writes the joined text', () => {
    expect(valueTextPatch('不低于 95%')).toEqual({ value: '不低于 95%', operator: '≥', number: '95', unit: '%' });
    expect(partsPatch({ operator: '≤', number: '2', unit: '次' })).toEqual({ value: '≤2次', operator: '≤', number: '2', unit: '次' });
  });
});

describe('schema v3 fields through the loader', () => {
  const doc = () => {
    const d = newDocument({ year: 2024 });
    d.projects.push(newProject('hebei-2020', { id: 'p1', name: '项目', indicators: [newProjectIndicator({ id: 'pi1', ...valueTextPatch('≥95%'), weight: '20', direction: '正向', core: false })] }));
    d.deptWide = newDeptWide({ total: '10', tasks: [newDeptTask({ id: 't1', name: '任务', total: '10' })] });
    return d;
  };

  it('round-trips a v3 document with structured rows and a department-wide table', () => {
    const d = doc();
    const r = loadDocumentText(serializeDocument(d));
    expect(r.ok && r.document).toEqual(d);
    expect(r.ok && r.repairs).toEqual([]);
  });

  it('restores wrong-typed optional fields with a note, keeps absent ones absent', () => {
    const d = doc() as any;
    d.projects[0].indicators[0].operator = '>=';
    d.projects[0].indicators[0].direction = '上行';
    d.projects[0].indicators[0].weight = '二十';
    d.projects[0].indicators[0].core = '是';
    d.projects[0].midTermTotal = 360;
    d.deptWide.tasks[0].total = 'abc';
    d.deptWide.tasks.push('x');
    const r = loadDocumentText(JSON.stringify(d));
    if (!r.ok) throw new Error(r.message);
    const ind = r.document.projects[0].indicators[0];
    expect(ind).toMatchObject({ operator: '≥', direction: '', weight: '', core: true });
    expect(ind.scope).toBeUndefined();
    expect(r.document.projects[0].midTermTotal).toBe('360');
    expect(r.document.deptWide?.tasks).toHaveLength(1);
    expect(r.document.deptWide?.tasks[0].total).toBe('');
    expect(r.repairs.join('\n')).toMatch(/指标方向.*上行/);
    expect(r.repairs.join('\n')).toMatch(/权重.*二十/);
    expect(r.repairs.join('\n')).toMatch(/部门整体支出绩效目标表 › 任务 1的“总额”不是数字/);
    expect(r.repairs.join('\n')).toMatch(/年度主要任务第 2 行/);
  });

  it('regenerates a duplicate task id', () => {
    const d = doc();
    d.deptWide!.tasks.push(newDeptTask({ id: 't1' }));
    const r = loadDocumentText(serializeDocument(d));
    expect(r.ok && r.document.deptWide!.tasks[1].id).not.toBe('t1');
    expect(r.ok && r.repairs.join()).toMatch(/部门整体 › 任务 2/);
  });
});
