import { describe, expect, it } from 'vitest';
import { PROFILES, SHIPPED, type Profile } from '../profile';
import { parseProfile } from '../profile/schema';
import { columnVocabulary, headerVocabulary } from './profile-labels';

describe('the importer\'s vocabulary from the profiles', () => {
  it('holds every shipped form\'s header labels and synonyms, normalized, by model field', () => {
    const project = headerVocabulary('project');
    expect(project.get('项目负责人及电话')).toBe('manager');
    expect(project.get('其中财政拨款')).toBe('fiscal'); // `其中：财政拨款`, colon dropped as the importer does
    expect(project.get('单位名称')).toBe('implementer'); // structured-project
    expect(headerVocabulary('department-wide').get('部门(单位)名称')).toBe('meta.deptName'); // full-width brackets folded (NFKC)
    expect(columnVocabulary('project').get('指标方向性')).toBe('direction');
    expect(columnVocabulary('self-evaluation').get('未完成原因分析')).toBe('deviation');
    expect(columnVocabulary('project').get('指标值')).toBe('value'); // the structured form's 指标值 column is still 指标值
    expect(columnVocabulary('project').get('分值')).toBe('weight'); // the column vocabulary's synonyms
  });

  it('a province\'s form added as a profile brings its own words, no code (docs/profiles.md worked example)', () => {
    const base = SHIPPED['national-88-project.json'] as Record<string, unknown>;
    const parsed = parseProfile({ ...base, id: 'hunan-2022-project', header: [
      { label: '项目名称', synonyms: [], field: 'name', required: true },
      { label: '项目承办单位', synonyms: ['承办单位'], field: 'implementer', required: true },
    ], columns: [{ id: 'level1' }, { id: 'level2' }, { id: 'level3', synonyms: ['绩效指标名称'] }, { id: 'value' }] });
    expect(parsed.ok).toBe(true);
    const profiles: Profile[] = [...PROFILES, (parsed as { ok: true; profile: Profile }).profile];
    expect(headerVocabulary('project').get('项目承办单位')).toBeUndefined();
    expect(headerVocabulary('project', profiles).get('项目承办单位')).toBe('implementer');
    expect(headerVocabulary('project', profiles).get('承办单位')).toBe('implementer');
    expect(columnVocabulary('project', profiles).get('绩效指标名称')).toBe('name');
  });
});
