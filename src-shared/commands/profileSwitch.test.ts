import { describe, expect, it } from 'vitest';
import { newDocument, newProject, newProjectIndicator } from '../model';
import { applyPatches, setMetaEdit } from './index';
import { profileSwitchPreview } from './profileSwitch';

const doc = () => {
  const d = newDocument({ templateId: 'hebei-2020' });
  d.projects = [newProject('hebei-2020', { indicators: [
    newProjectIndicator({ name: '覆盖率', value: '≥95%', basis: '计划标准' }),
    newProjectIndicator({ name: '完成情况', value: '完成率≥90%且及时' }),
  ], schedule: ['30', '60', '90', '100'] })];
  return d;
};

describe('profileSwitchPreview', () => {
  it('names the split values, the columns the new form does not print, and deletes nothing', () => {
    const lines = profileSwitchPreview(doc(), 'hebei-2020', 'structured-project');
    expect(lines[0]).toBe('指标值将分为“指标性质 | 指标值 | 度量单位”三格显示：1 个可拆分，1 个无法拆分，整段保留在“指标值”格中；原文不变。');
    expect(lines).toContain('新表式没有“指标值确定依据”列：1 个单元格的内容不显示、不打印，但仍保存在文档中，换回原表式即可看到。');
  });
  it('names the header fields the new form does not show (filled ones only), and they stay in the document', () => {
    const d = doc();
    d.projects[0] = { ...d.projects[0], code: '130000-001', purpose: '' };
    expect(profileSwitchPreview(d, 'hebei-2020', 'national-88-project').filter((l) => l.includes('项目表头'))).toEqual([
      '新表式的项目表头没有“项目编码”：1 个项目填写的内容不显示、不打印，但仍保存在文档中，换回原表式即可看到。',
    ]);
    const there = applyPatches(d, setMetaEdit(d, { templateId: 'national-88-project' })!.redo);
    expect(there.projects[0].code).toBe('130000-001');
    there.projects[0] = { ...there.projects[0], authority: '某县教育局', implementer: '某县第一中学', budget: '5' };
    expect(profileSwitchPreview(there, 'national-88-project', 'structured-project').filter((l) => l.includes('项目表头'))).toEqual([
      '新表式的项目表头没有“主管部门”：1 个项目填写的内容不显示、不打印，但仍保存在文档中，换回原表式即可看到。',
    ]);
  });
  it('says the parts are joined back, and nothing for the same profile', () => {
    expect(profileSwitchPreview(doc(), 'structured-project', 'hebei-2020')[0]).toMatch(/合为一格/);
    expect(profileSwitchPreview(doc(), 'hebei-2020', 'hebei-2020')).toEqual([]);
  });
  it('a switch to a form without 资金支出计划 keeps the percents (unprinted) and says so', () => {
    const d = doc();
    expect(profileSwitchPreview(d, 'hebei-2020', 'structured-project')).toContain('新表式没有资金支出计划：4 个已填的支出比例不显示、不打印，但仍保存在文档中。');
    const there = applyPatches(d, setMetaEdit(d, { templateId: 'structured-project' })!.redo);
    expect(there.projects[0].schedule).toEqual(['30', '60', '90', '100']);
    const back = applyPatches(there, setMetaEdit(there, { templateId: 'hebei-2020' })!.redo);
    expect(back.projects[0].schedule).toEqual(['30', '60', '90', '100']);
  });
});
