// The shared fixtures re-saved by LibreOffice (a third producer, with its own XML habits: styles,
// shared strings, table properties) still import to exactly the ground truth.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { asTruth, type Truth } from './truth';
import { FIXTURE_DIR } from '../fixtures/paths';

const FIX = FIXTURE_DIR;
const files = readdirSync(FIX).filter((f) => /\.(docx|xlsx)$/.test(f) && !f.startsWith('selfeval-')).sort();
const work = mkdtempSync(join(tmpdir(), 'jixiao-import-lo-'));

beforeAll(() => {
  // Own profile directory: other LibreOffice runs on this machine must not collide with ours.
  const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
  for (const ext of ['docx', 'xlsx']) {
    const inputs = files.filter((f) => f.endsWith(ext)).map((f) => { copyFileSync(join(FIX, f), join(work, `src-${f}`)); return join(work, `src-${f}`); });
    const filter = ext === 'docx' ? 'docx:MS Word 2007 XML' : 'xlsx:Calc MS Excel 2007 XML';
    execFileSync('soffice', [profile, '--headless', '--convert-to', filter, '--outdir', join(work, 'out'), ...inputs], { stdio: 'ignore', timeout: 240_000 });
  }
}, 300_000);

describe('fixtures re-saved by LibreOffice', () => {
  for (const f of files) {
    it(f, () => {
      const truth = JSON.parse(readFileSync(join(FIX, f.replace(/\.(docx|xlsx)$/, '.json')), 'utf8')) as Truth;
      const r = importOffice(new Uint8Array(readFileSync(join(work, 'out', `src-${f}`))), f);
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      expect(r.report.unplaced).toEqual([]);
      expect(asTruth(r.document)).toEqual(truth);
    });
  }
});
