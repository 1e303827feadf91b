// Files Word and Excel accept: every XML part of every kind of file the program writes validates
// against the ECMA-376 transitional schemas (tests/ooxml/xsd) after Markup Compatibility processing,
// as Office reads them. LibreOffice forgives what Word and WPS call "unreadable content".
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUTS } from './outputs';
import { validateOoxml, type ValidationReport } from './validate';

let report: ValidationReport;

beforeAll(async () => {
  const files = [];
  for (const o of OUTPUTS) files.push({ name: o.name, bytes: await o.make() });
  report = validateOoxml(files);
}, 300_000);

const show = (errors: ValidationReport['errors']) => errors.slice(0, 10).map((e) => `${e.part}: ${e.message}`).join('\n');

describe('schema validation of our outputs', () => {
  it.each(OUTPUTS.map((o) => o.name))('%s: every XML part has 0 schema errors', (name) => {
    const parts = report.validated.filter((v) => v.file === name);
    // a package always has its content types, package relationships, core/app properties and a main part
    expect(parts.map((p) => p.part)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml']));
    expect(parts.some((p) => p.schema === 'wml.xsd' || p.schema === 'sml.xsd')).toBe(true);
    const errors = report.errors.filter((e) => e.file === name);
    expect(errors.length, `${errors.length} schema errors, first ones:\n${show(errors)}`).toBe(0);
  });

  it('no part is left unvalidated (UNVALIDATED lists none of them)', () => {
    expect(report.unvalidated).toEqual([]);
  });

  it('the validator itself reports no problem outside the outputs (schemas compile)', () => {
    const own = report.errors.filter((e) => !OUTPUTS.some((o) => o.name === e.file));
    expect(own, show(own)).toEqual([]);
  });
});
