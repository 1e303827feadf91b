// Child for kill-harness.ts: saves two documents alternately to one file until killed.
import { readFileSync } from 'node:fs';
import { saveDocumentFile } from '../../src-main/services/storage';
import type { JixiaoDocument } from '../../src-shared/model/schema';

const [target, a, b] = process.argv.slice(2);
const docs = [a, b].map((p) => JSON.parse(readFileSync(p, 'utf8')) as JixiaoDocument);
process.stdout.write('go\n');
for (let i = 0; ; i++) await saveDocumentFile(target, docs[i % 2]);
