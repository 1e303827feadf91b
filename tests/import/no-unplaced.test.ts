// Every published layout the program knows imports with zero unplaced cells that carry content: the
// shared fixtures (Hebei target tables and self-evaluation), the generated self-evaluation variants and
// the other provinces' forms (tests/fixtures/forms), in .docx and .xlsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
    expect(r.report.unplaced.filter((u) => u.text.trim() !== '')).toEqual([]);
    expect(r.report.tables.length).toBeGreaterThan(0);
  });
});
