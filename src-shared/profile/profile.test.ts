import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  COLUMN_VOCABULARY, NOT_PROFILES, PROFILES, SHIPPED, columnsOf, getProfile, getTargetProfile, hasHebeiBlock, listProfiles, projectHeaderRows, valueMode, withDefaults,
} from '.';
import { parseProfile, profileJsonSchema, shippedProblems } from './schema';
import { getTemplate, selfevalTemplateFor, templateOrDefault } from '../model/templates';

const templatesDir = join(import.meta.dirname, '..', '..', 'templates');

describe('profiles', () => {
  it('every file in templates/ is a shipped, valid profile (or listed as other data)', () => {
    const files = readdirSync(templatesDir).filter((f) => f.endsWith('.json')).sort();
    expect(files.filter((f) => !NOT_PROFILES.includes(f))).toEqual(Object.keys(SHIPPED).sort());
    expect(shippedProblems(SHIPPED)).toEqual([]);
    expect(PROFILES).toHaveLength(Object.keys(SHIPPED).length);
    // the program reads them without the schema: what it holds is exactly what the schema parses
    for (const [i, json] of Object.values(SHIPPED).entries()) {
      const r = parseProfile(json);
      expect(r.ok && r.profile).toStrictEqual(PROFILES[i]);
    }
    // the registry holds the files' own content
    for (const [file, json] of Object.entries(SHIPPED)) expect(JSON.parse(readFileSync(join(templatesDir, file), 'utf8'))).toEqual(json);
  });

  it('ships the four families the issue asks for', () => {
    const byId = Object.fromEntries(listProfiles().map((p) => [p.id, p.family]));
    expect(byId).toMatchObject({
      'hebei-2020': 'duty', 'national-2021': 'duty', 'national-88-project': 'project', 'national-88-dept': 'department-wide',
      'structured-project': 'project', 'selfeval-structured': 'self-evaluation',
    });
  });

  it('templates/profile.schema.json is the schema of the module (npx tsx scripts/write-profile-schema.ts)', () => {
    expect(JSON.parse(readFileSync(join(templatesDir, 'profile.schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(profileJsonSchema())));
  });

  it('fills in what the schema defaults, as the schema does, where a file leaves it out', () => {
    const strip = (json: unknown) => {
      const p = structuredClone(json) as { header: Record<string, unknown>[]; print: Record<string, unknown>; taskColumns?: Record<string, unknown>[] };
      for (const h of p.header) { delete h.synonyms; delete h.required; }
      delete p.print.paper;
      for (const c of p.taskColumns ?? []) delete c.synonyms;
      return p;
    };
    for (const file of ['national-88-dept.json', 'selfeval-structured.json']) {
      const json = strip(SHIPPED[file]);
      const r = parseProfile(json);
      expect(r.ok && r.profile).toStrictEqual(withDefaults(json));
    }
  });

  it('finds a shipped file that is not a profile, a duplicate id, a misnamed file, an unknown selfevalProfile', () => {
    const hebei = SHIPPED['hebei-2020.json'] as Record<string, unknown>;
    const selfeval = SHIPPED['selfeval-hebei-2019.json'];
    const files = (shipped: Record<string, unknown>) => shippedProblems(shipped).map((p) => `${p.file}: ${p.issues.join()}`);
    expect(files({ 'hebei-2020.json': hebei, 'selfeval-hebei-2019.json': selfeval })).toEqual([]);
    expect(files({ 'hebei-2020.json': { ...hebei, columns: [] }, 'selfeval-hebei-2019.json': selfeval })).toEqual([expect.stringMatching(/^hebei-2020\.json: columns/)]);
    expect(files({ 'hebei-2020.json': hebei, 'x.json': hebei, 'selfeval-hebei-2019.json': selfeval })).toEqual(['x.json: id“hebei-2020”与其他模板重复']);
    expect(files({ 'hebei.json': hebei, 'selfeval-hebei-2019.json': selfeval })).toEqual(['hebei.json: 文件名应为 hebei-2020.json']);
    expect(files({ 'hebei-2020.json': hebei })).toEqual(['hebei-2020.json: selfevalProfile“selfeval-hebei-2019”不是已有的自评表模板']);
  });

  it('refuses a profile with a column outside the vocabulary, a wrong family order or a bad band step, naming the path', () => {
    const good = structuredClone(SHIPPED['structured-project.json']) as Record<string, unknown>;
    expect(parseProfile(good).ok).toBe(true);
    const bad = (patch: Record<string, unknown>) => {
      const r = parseProfile({ ...good, ...patch });
      return r.ok ? [] : r.issues;
    };
    expect(bad({ columns: [{ id: 'level1' }, { id: '完成率' }] }).join()).toMatch(/^columns\.1\.id/);
    expect(bad({ tables: ['duty', 'project'] }).join()).toMatch(/tables.*family/);
    expect(bad({ bandSteps: { ...(good.bandSteps as object), percent: { higher: { integer: true }, lower: { ratio: 1 } } } }).join()).toMatch(/bandSteps\.percent\.higher.*grid 或 ratio/);
    expect(bad({ header: [{ label: '项目名称', field: 'nosuch' }] }).join()).toMatch(/header\.0\.field/);
  });

  it('resolves columns from the vocabulary: labels, synonyms, the field shown, one-cell or parts', () => {
    const hebei = getProfile('hebei-2020')!;
    expect(valueMode(hebei)).toBe('one-cell');
    expect(columnsOf(hebei).map((c) => `${c.label}:${c.field}`)).toEqual([
      '一级指标:level1', '二级指标:level2', '三级指标:name', '绩效指标描述:description', '指标值:value', '指标值确定依据:basis',
    ]);
    expect(columnsOf(hebei)[3].synonyms).toContain('指标说明');
    const structured = getProfile('structured-project')!;
    expect(valueMode(structured)).toBe('parts');
    expect(columnsOf(structured).map((c) => c.field)).toEqual(['level1', 'level2', 'name', 'operator', 'number', 'unit', 'weight', 'direction', 'scoring']);
    expect(columnsOf(structured).find((c) => c.id === 'direction')!.synonyms).toContain('指标方向');
    for (const p of PROFILES) for (const c of columnsOf(p)) expect(COLUMN_VOCABULARY[c.id]).toBeDefined();
  });

  it('the project header block: the profile\'s project fields in order, the amounts together where the first is', () => {
    const show = (id: string) => projectHeaderRows(getTargetProfile(id)!).map((r) => (r.kind === 'text'
      ? `${r.field.label}:${r.field.field}:${r.field.kind}${r.field.required ? '*' : ''}`
      : `[${r.fields.map((f) => `${f.label}:${f.field}${f.required ? '*' : ''}`).join(' ')}]`));
    expect(show('structured-project')).toEqual(['单位名称:implementer:text*', '项目名称:name:text*', '[预算数:budget*]', '年度目标:goal:long*']);
    const national = ['项目名称:name:text*', '主管部门:authority:text*', '实施单位:implementer:text*', '项目负责人及电话:manager:text', '项目属性:attribute:text', '项目期:period:text',
      '[中期资金总额:midTermTotal 年度资金总额:budget* 其中：财政拨款:fiscal 其他资金:other]', '总体目标:overallGoal:long', '年度目标:goal:long*'];
    expect(show('national-88-project')).toEqual(national);
    // the department-wide form's own fields (部门名称, 年度主要任务 …) are not a project's
    expect(show('national-88-dept')).toEqual(national);
    expect(['hebei-2020', 'national-2021'].filter((id) => hasHebeiBlock(getTargetProfile(id)!))).toHaveLength(2);
    expect(['national-88-project', 'national-88-dept', 'structured-project'].filter((id) => hasHebeiBlock(getTargetProfile(id)!))).toEqual([]);
  });

  it('the model reads its templates through the profiles', () => {
    expect(getTemplate('structured-project')?.level1.map((l) => l.name)).toEqual(['产出指标', '效益指标', '成本指标', '满意度指标']);
    expect(templateOrDefault('nosuch').id).toBe('hebei-2020');
    expect(selfevalTemplateFor({ templateId: 'structured-project' }).id).toBe('selfeval-structured');
    expect(selfevalTemplateFor({ templateId: 'national-88-project' }).id).toBe('selfeval-national-2020');
    expect(selfevalTemplateFor({ templateId: 'national-2021' }).id).toBe('selfeval-national-2020');
    expect(selfevalTemplateFor({ templateId: 'hebei-2020' }).id).toBe('selfeval-hebei-2019');
    expect(selfevalTemplateFor({ templateId: 'national-old' }).id).toBe('selfeval-national-2020');
  });
});

describe('docs/profiles.md', () => {
  it('the worked example, applied over national-88-project.json, is a valid new profile', () => {
    const text = readFileSync(join(templatesDir, '..', 'docs', 'profiles.md'), 'utf8');
    const m = /```json profile-example\n([\s\S]*?)```/.exec(text);
    expect(m).not.toBeNull();
    const example = JSON.parse(m![1].replace(/^ {3}/gm, ''));
    const r = parseProfile({ ...(SHIPPED['national-88-project.json'] as object), ...example });
    expect(r.ok ? r.profile.id : r.issues).toBe('hunan-2022-project');
    if (r.ok) expect(columnsOf(r.profile).map((c) => c.label)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据', '备注']);
  });
});
