// Every published layout the program knows imports with zero unplaced cells that carry content (but
// those a form fixture names as having no home in the model, e.g. 填报日期 under a target table): the
// shared fixtures (Hebei target tables and self-evaluation), the generated self-evaluation variants and
// the other provinces' forms (tests/fixtures/forms), in .docx and .xlsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { FIXTURE_DIR } from '../fixtures/paths';

const FIX = join(FIXTURE_DIR, '..');
const variants = join(mkdtempSync(join(tmpdir(), 'jixiao-unplaced-')), 'selfeval-variants');
const made = spawnSync('/usr/bin/python3', [join(FIX, 'make-selfeval-variants.py'), variants], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });

const files = [
  ...['shared', 'forms'].flatMap((dir) => readdirSync(join(FIX, dir)).filter((f) => /\.(docx|xlsx)$/.test(f)).map((f) => join(FIX, dir, f))),
  `${variants}.docx`, `${variants}.xlsx`,
].sort();

describe('no unplaced cells in any known layout', () => {
  it('has the fixtures', () => {
    expect(made.stderr).toBe('');
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
  it.each(files)('%s', (file) => {
    const r = importOffice(new Uint8Array(readFileSync(file)), file);
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    // (a form fixture names the cells that have no home in the model, with their reasons)
    const expected = file.replace(/\.(docx|xlsx)$/, '.expected.json');
    const allowed = existsSync(expected) ? (JSON.parse(readFileSync(expected, 'utf8')) as { unplaced?: unknown[] }).unplaced ?? [] : [];
    expect(r.report.unplaced.filter((u) => u.text.trim() !== '').map((u) => ({ text: u.text, reason: u.reason }))).toEqual(allowed);
    expect(r.report.tables.length).toBeGreaterThan(0);
  });
});
