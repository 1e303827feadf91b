/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke wrongly-typed values into documents */
import { describe, expect, it } from 'vitest';
import { loadDocumentText, serializeDocument } from './load';
import { newDocument, newProject, newSelfEval, newSelfEvalIndicator } from './factory';

function text(mutate: (se: any, project: any) => void): string {
  const doc = newDocument({ deptName: '劳动监察大队', year: 2019 });
  const se = newSelfEval({ goal: '目标', total: '95', grade: '优', indicators: [newSelfEvalIndicator({ id: 'se1', name: '签订率', target: '≥100%', actual: '100.00', score: '9' })] });
  doc.projects.push(newProject('hebei-2020', { id: 'p1', name: '劳动监察专项资金', selfeval: se }));
  const raw = JSON.parse(serializeDocument(doc));
  mutate(raw.projects[0].selfeval, raw.projects[0]);
  return JSON.stringify(raw);
}

describe('load: a malformed self-evaluation part is repaired field by field', () => {
  it('a well-formed part loads unchanged, without repairs', () => {
    const r = loadDocumentText(text(() => {}));
    expect(r.ok && r.repairs).toEqual([]);
  });

  it('bad cells are cleared with a note; the rest of the part and the file survive', () => {
    const r = loadDocumentText(text((se) => {
      se.total = '九十五';
      se.grade = 'A';
      se.funds.spent = { total: 2.9648, fiscal: 'x' };
      se.progress = 99;
      se.indicators[0].score = { v: 9 };
      se.indicators[0].achievement = '差不多';
      se.indicators.push('不是一行');
      delete se.problems;
      se.level1Weights = [{ level1: '产出指标', weight: '50%' }];
    }));
    if (!r.ok) throw new Error(r.message);
    const se = r.document.projects[0].selfeval!;
    expect(se.goal).toBe('目标');
    expect(se.total).toBe('');
    expect(se.grade).toBe('');
    expect(se.funds.spent).toEqual({ total: '2.9648', fiscal: '', carryOver: '', other: '' });
    expect(se.progress).toBe('99');
    expect(se.problems).toBe('');
    expect(se.level1Weights).toEqual([{ level1: '产出指标', weight: '50' }]);
    expect(se.indicators).toHaveLength(1);
    expect(se.indicators[0]).toMatchObject({ id: 'se1', target: '≥100%', actual: '100.00', score: '', achievement: '' });
    const notes = r.repairs.join('\n');
    expect(notes).toContain('项目 1“劳动监察专项资金” › 绩效自评的“总分”不是数字');
    expect(notes).toContain('“评价等级”“A”不是可选的值');
    expect(notes).toContain('执行数的“财政资金”不是数字');
    expect(notes).toContain('指标 1的“得分”不是数字');
    expect(notes).toContain('“完成情况”“差不多”不是可选的值');
    expect(notes).toContain('指标第 2 行不是有效的数据行');
  });

  it('a part that is not an object is dropped with a note, the project kept', () => {
    const r = loadDocumentText(text((_se, p) => { p.selfeval = '坏'; }));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.projects[0].name).toBe('劳动监察专项资金');
    expect(r.document.projects[0].selfeval).toBeUndefined();
    expect(r.repairs.join('\n')).toContain('绩效自评的格式无效');
  });
});

describe('load: self-evaluation row ids', () => {
  it('a repeated id is regenerated with a note', () => {
    const r = loadDocumentText(text((se) => { se.indicators.push({ ...se.indicators[0] }); }));
    if (!r.ok) throw new Error(r.message);
    const [a, b] = r.document.projects[0].selfeval!.indicators;
    expect(a.id).toBe('se1');
    expect(b.id).not.toBe('se1');
    expect(r.repairs.join('\n')).toContain('绩效自评 › 指标 2的行标识“se1”与其他行重复');
  });
});
