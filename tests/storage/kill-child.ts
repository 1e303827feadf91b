// Child for kill-harness.ts: saves two documents alternately to one file until killed; prints a line
// when it is ready and after every completed save, so the parent can pick the save to interrupt.
import { readFileSync } from 'node:fs';
import { saveDocumentFile } from '../../src-main/services/storage';
import type { JixiaoDocument } from '../../src-shared/model/schema';

const [target, a, b] = process.argv.slice(2);
const docs = [a, b].map((p) => JSON.parse(readFileSync(p, 'utf8')) as JixiaoDocument);
process.stdout.write('go\n');
for (let i = 0; ; i++) {
  await saveDocumentFile(target, docs[i % 2]);
  process.stdout.write('saved\n');
}
