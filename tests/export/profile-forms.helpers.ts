// Documents of the forms drawn from the profile (88号 project, structured project, 88号 department
// set): tests/fixtures/profiles/*.jixiao, and the blank document of every target profile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocumentText, newDocument, type JixiaoDocument } from '../../src-shared/model';
import { TARGET_PROFILES } from '../../src-shared/profile';

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
