// Writes templates/profile.schema.json from the zod schema in src-shared/profile (a test checks
// the committed file is current). Run: npx tsx scripts/write-profile-schema.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileJsonSchema } from '../src-shared/profile/schema';

export const PROFILE_SCHEMA_PATH = join(import.meta.dirname, '..', 'templates', 'profile.schema.json');
export const profileSchemaText = (): string => `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;

if (process.argv[1]?.endsWith('write-profile-schema.ts')) writeFileSync(PROFILE_SCHEMA_PATH, profileSchemaText());
