// Other provinces' forms (tests/fixtures/make-form-variants.py → tests/fixtures/forms): the national
// 88号 project table with local titles (Hunan, Hubei, Anhui), the structured project table and
// self-evaluation (Sichuan 2023) and other self-evaluation column variants; and the department-wide
// table as four provinces print it (make-dept-variants.py, family `dept-wide`, with any project tables
// after it). Each imports as the right family — decided by result columns, said in the report — with
// every header value and indicator row exactly as in <name>.expected.json, and no unplaced cell — or,
// where a cell has no home in the model, exactly the cells and reasons the fixture names (`unplaced`);
// `notes` must be in the report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    expect(names).toEqual(expect.arrayContaining(['hunan-88-2022', 'hubei-88-2021', 'anhui-88-2023', 'sichuan-structured-project-2023', 'sichuan-structured-selfeval-2023', 'selfeval-columns-2021',
      'hunan-88-published-2023', 'hubei-88-unit-column-2022', 'anhui-88-mid-annual-2023', 'sichuan-structured-published-2023', 'sichuan-structured-selfeval-ab-2023', 'hubei-88-two-titled-2022',
      'sichuan-structured-two-row-header-2023', 'hunan-88-long-annual-grids-2021']));
    expect(names).toEqual(expect.arrayContaining(['sichuan-structured-flat-export-2023', 'hubei-88-split-at-page-2023', 'hunan-dept-title-only-2023', 'hubei-88-with-selfeval-sheets-2023', 'hunan-88-fund-levels-2023', 'hunan-88-in-layout-table-2023', 'sichuan-structured-sheet-per-project-2023', 'sichuan-structured-selfeval-initial-2023', 'hubei-88-title-in-textbox-2023']));
    expect(names).toEqual(expect.arrayContaining(['hunan-88-numbered-goals-2023', 'hunan-dept-total-first-2023', 'hunan-selfeval-level-points-2023', 'hunan-88-mixed-merges-2023']));
    // every fixture has at least one of its files
    for (const n of names) expect(['docx', 'xlsx'].some((ext) => existsSync(join(DIR, `${n}.${ext}`))), n).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['hunan-dept-2022', 'hubei-dept-2021', 'anhui-dept-2023', 'sichuan-dept-2023']));
  });
  describe.each(names)('%s', (name) => {
    const { family, unplaced = [], notes = [], ...expected } = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as {
      family: 'project' | 'selfeval' | 'dept-wide' | 'project+selfeval'; projects: unknown[]; unplaced?: { text: string; reason: string }[]; notes?: string[];
    } & Record<string, unknown>;
    // (a red-team fixture of a case only one format has — a percent-formatted number — has only that file)
    it.each(['docx', 'xlsx'].filter((ext) => existsSync(join(DIR, `${name}.${ext}`))))('.%s: right family, every value, nothing unplaced but what has no home', (ext) => {
      const r = importOffice(new Uint8Array(readFileSync(join(DIR, `${name}.${ext}`))), `${name}.${ext}`);
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      // Cells with no home in the model (填报日期 under a target table …) are listed with their reason.
      expect(r.report.unplaced.map((u) => ({ text: u.text, reason: u.reason }))).toEqual(unplaced);
      // What was read away or skipped is said in the report (分 suffixes, separators, numbering lines …).
      const said = [...r.report.warnings, ...r.report.mapped];
      for (const note of notes) expect(said.filter((m) => m.includes(note)), note).not.toEqual([]);
      // A department-wide form: its table first, then the project tables printed with it.
      // A workbook with the target table and its self-evaluation (a sheet each): the targets, then the self-evaluations.
      const kinds = family === 'dept-wide' ? ['dept-wide', ...expected.projects.map(() => 'project')]
        : family === 'project+selfeval' ? [...expected.projects.map(() => 'project'), ...expected.projects.map(() => 'selfeval')] : expected.projects.map(() => family);
      expect(r.report.tables.map((t) => t.kind)).toEqual(kinds);
      const whyOf = (kind: string) => (kind === 'project' ? '识别为项目绩效目标表' : kind === 'dept-wide' ? '识别为部门整体支出绩效目标表' : '识别为绩效自评表');
      expect(r.report.tables.map((t) => t.reason?.slice(0, whyOf(t.kind).length))).toEqual(kinds.map(whyOf));
      expect(r.report.mapped.some((m) => m.includes(whyOf(kinds[0])))).toBe(true);
      const doc = r.document;
      const got = { year: doc.meta.year, unit: doc.meta.unit, deptCode: doc.meta.deptCode, deptName: doc.meta.deptName, preparer: doc.meta.preparer, phone: doc.meta.phone, projects: doc.projects, deptWide: doc.deptWide };
      expect(shape(got, expected)).toEqual(expected);
      // The document takes the form it was printed in (its profile), not the Hebei default.
      if (family === 'project' || family === 'project+selfeval') expect(doc.meta.templateId).toBe(name.includes('structured') ? 'structured-project' : 'national-88-project');
      if (family === 'dept-wide') expect(doc.meta.templateId).toBe('national-88-dept');
      else expect(doc.deptWide).toBeUndefined();
      if (family === 'project+selfeval') expect(doc.projects.every((p) => p.indicators.length > 0 && p.selfeval !== undefined)).toBe(true);
      else if (family !== 'selfeval') expect(doc.projects.every((p) => p.selfeval === undefined)).toBe(true);
      else expect(doc.projects.every((p) => p.indicators.length === 0 && p.selfeval !== undefined)).toBe(true);
    });
  });
});
