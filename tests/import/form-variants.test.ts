// Other provinces' forms (tests/fixtures/make-form-variants.py → tests/fixtures/forms): the national
// 88号 project table with local titles (Hunan, Hubei, Anhui), the structured project table and
// self-evaluation (Sichuan 2023) and other self-evaluation column variants; and the department-wide
// table as four provinces print it (make-dept-variants.py, family `dept-wide`, with any project tables
// after it). Each imports as the right family — decided by result columns, said in the report — with
// every header value and indicator row exactly as in <name>.expected.json, and no unplaced cell.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { FORMS_DIR } from '../fixtures/paths';

const DIR = FORMS_DIR;
const names = readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', '')).sort();

/** The actual value cut to the keys the expectation names (arrays compared in full length). */
function shape(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected)) return Array.isArray(actual) ? actual.map((a, i) => shape(a, expected[i] ?? {})) : actual;
  if (expected !== null && typeof expected === 'object') {
    const a = (actual ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, shape(a[k], v)]));
  }
  return actual;
}

describe('form variants', () => {
  it('finds the fixtures', () => {
    expect(names).toEqual(expect.arrayContaining(['hunan-88-2022', 'hubei-88-2021', 'anhui-88-2023', 'sichuan-structured-project-2023', 'sichuan-structured-selfeval-2023', 'selfeval-columns-2021']));
    expect(names).toEqual(expect.arrayContaining(['hunan-dept-2022', 'hubei-dept-2021', 'anhui-dept-2023', 'sichuan-dept-2023']));
  });
  describe.each(names)('%s', (name) => {
    const { family, ...expected } = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as { family: 'project' | 'selfeval' | 'dept-wide'; projects: unknown[] } & Record<string, unknown>;
    it.each(['docx', 'xlsx'])('.%s: right family, every value, nothing unplaced', (ext) => {
      const r = importOffice(new Uint8Array(readFileSync(join(DIR, `${name}.${ext}`))), `${name}.${ext}`);
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      expect(r.report.unplaced).toEqual([]);
      // A department-wide form: its table first, then the project tables printed with it.
      const kinds = family === 'dept-wide' ? ['dept-wide', ...expected.projects.map(() => 'project')] : expected.projects.map(() => family);
      expect(r.report.tables.map((t) => t.kind)).toEqual(kinds);
      const whyOf = (kind: string) => (kind === 'project' ? '识别为项目绩效目标表' : kind === 'dept-wide' ? '识别为部门整体支出绩效目标表' : '识别为绩效自评表');
      expect(r.report.tables.map((t) => t.reason?.slice(0, whyOf(t.kind).length))).toEqual(kinds.map(whyOf));
      expect(r.report.mapped.some((m) => m.includes(whyOf(kinds[0])))).toBe(true);
      const doc = r.document;
      const got = { year: doc.meta.year, unit: doc.meta.unit, deptCode: doc.meta.deptCode, deptName: doc.meta.deptName, preparer: doc.meta.preparer, phone: doc.meta.phone, projects: doc.projects, deptWide: doc.deptWide };
      expect(shape(got, expected)).toEqual(expected);
      // The document takes the form it was printed in (its profile), not the Hebei default.
      if (family === 'project') expect(doc.meta.templateId).toBe(name.includes('structured') ? 'structured-project' : 'national-88-project');
      if (family === 'dept-wide') expect(doc.meta.templateId).toBe('national-88-dept');
      else expect(doc.deptWide).toBeUndefined();
      if (family !== 'selfeval') expect(doc.projects.every((p) => p.selfeval === undefined)).toBe(true);
      else expect(doc.projects.every((p) => p.indicators.length === 0 && p.selfeval !== undefined)).toBe(true);
    });
  });
});
