import { describe, expect, it } from 'vitest';
import { attachSelfevals } from '../import/attach';
import { newDocument, newProject, newSelfEval, newSelfEvalIndicator } from '../model';
import { applyEdit } from './patch';
import { attachSelfevalsEdit } from './attachSelfevals';

describe('attachSelfevalsEdit', () => {
  it('one undo step that sets the attached parts and adds new projects, untouched projects keep their identity', () => {
    const doc = newDocument({ year: 2019, unit: '万元', templateId: 'hebei-2020' });
    doc.projects.push(newProject('hebei-2020', { name: '甲' }), newProject('hebei-2020', { name: '乙' }));
    const imported = newDocument({ year: 2019, unit: '万元', templateId: 'hebei-2020', selfevalTemplateId: 'selfeval-hebei-2019' });
    const se = newSelfEval({ total: '90', indicators: [newSelfEvalIndicator({ name: '完成率', score: '50' })] });
    imported.projects.push(newProject('hebei-2020', { name: '乙', selfeval: se }), newProject('hebei-2020', { name: '丙', selfeval: se }));
    const edit = attachSelfevalsEdit(doc, attachSelfevals(doc, imported).document)!;
    const after = applyEdit(doc, edit);
    expect(after.projects.map((p) => [p.name, p.selfeval?.total])).toEqual([['甲', undefined], ['乙', '90'], ['丙', '90']]);
    expect(after.projects[0]).toBe(doc.projects[0]);
    expect(after.meta.selfevalTemplateId).toBe('selfeval-hebei-2019');
    expect(applyEdit(after, edit, 'undo')).toEqual(doc);
    expect(attachSelfevalsEdit(after, after)).toBeNull();
  });
});
