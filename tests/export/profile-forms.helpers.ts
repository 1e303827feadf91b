// Documents of the forms drawn from the profile (88号 project, structured project, 88号 department
// set, structured self-evaluation): tests/fixtures/profiles/*.jixiao, and the blank document of every
// target and self-evaluation profile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocumentText, newDocument, type JixiaoDocument } from '../../src-shared/model';
import { SELFEVAL_PROFILES, TARGET_PROFILES, type TargetProfile } from '../../src-shared/profile';

export const PROFILE_FIXTURES = ['national-88-project', 'structured-project', 'national-88-dept'] as const;
export type ProfileFixture = (typeof PROFILE_FIXTURES)[number];

export function loadProfileFixture(name: ProfileFixture): JixiaoDocument {
  const r = loadDocumentText(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'profiles', `${name}.jixiao`), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.document;
}

/** A new document of the profile: nothing typed yet. */
export function blankDocument(templateId: string): JixiaoDocument {
  return newDocument({ templateId, deptCode: '101', deptName: '某县农业农村局', year: 2025 });
}

export const TARGET_PROFILE_IDS = TARGET_PROFILES.map((p) => p.id);

/** The structured self-evaluation (selfeval-structured): the Sichuan 2023 table and a second, longer project. */
export function loadSelfevalFixture(): JixiaoDocument {
  const r = loadDocumentText(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'profiles', 'selfeval-structured.jixiao'), 'utf8'));
  if (!r.ok) throw new Error(`selfeval-structured: ${r.message}`);
  return r.document;
}

export const SELFEVAL_PROFILE_IDS = SELFEVAL_PROFILES.map((p) => p.id);

/** A new document made from a self-evaluation form (as `jixiao new --template <id>`: the target form paired with it). */
export function blankSelfevalDocument(selfevalTemplateId: string): JixiaoDocument {
  const paired = TARGET_PROFILES.find((t: TargetProfile) => t.selfevalProfile === selfevalTemplateId)!;
  return newDocument({ templateId: paired.id, selfevalTemplateId, deptCode: '101', deptName: '某县农业农村局', year: 2025 });
}
