// The other provinces' forms (tests/fixtures/forms) re-saved by LibreOffice — a third producer with
// its own XML habits, as counties' files often are (WPS, LibreOffice, Excel) — import to the same
// document and the same unplaced cells as the files python-docx/openpyxl wrote.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { FORMS_DIR } from '../fixtures/paths';

const files = readdirSync(FORMS_DIR).filter((f) => /\.(docx|xlsx)$/.test(f)).sort();
const work = mkdtempSync(join(tmpdir(), 'jixiao-forms-lo-'));

beforeAll(() => {
  const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
  for (const ext of ['docx', 'xlsx']) {
    const inputs = files.filter((f) => f.endsWith(ext)).map((f) => { copyFileSync(join(FORMS_DIR, f), join(work, f)); return join(work, f); });
    const filter = ext === 'docx' ? 'docx:MS Word 2007 XML' : 'xlsx:Calc MS Excel 2007 XML';
    execFileSync('soffice', [profile, '--headless', '--convert-to', filter, '--outdir', join(work, 'out'), ...inputs], { stdio: 'ignore', timeout: 240_000 });
  }
}, 300_000);

function read(path: string, name: string) {
  const r = importOffice(new Uint8Array(readFileSync(path)), name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  const { year, unit, deptCode, deptName, templateId, preparer, phone } = r.document.meta;
  return {
    meta: { year, unit, deptCode, deptName, templateId, preparer, phone },
    projects: JSON.parse(JSON.stringify(r.document.projects, (k, v) => (k === 'id' || k === 'from' ? undefined : v))) as unknown,
    tables: r.report.tables.map((t) => [t.kind, t.name, t.indicators]),
    unplaced: r.report.unplaced.map((u) => [u.text, u.reason]),
  };
}

describe('forms re-saved by LibreOffice', () => {
  it('has the forms', () => expect(files.length).toBeGreaterThanOrEqual(30));
  it.each(files)('%s', (f) => {
    expect(read(join(work, 'out', f), f)).toEqual(read(join(FORMS_DIR, f), f));
  });
});
