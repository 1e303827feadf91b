// Validates every XML part of .docx/.xlsx files against the ECMA-376 transitional schemas copied in
// xsd/ (see xsd/README.md): each part's schema is picked by its content type in [Content_Types].xml,
// Markup Compatibility is processed first (mc.ts), then `xmllint --noout --schema` (libxml2-utils)
// runs once per schema over all parts that use it. A part with no schema must be listed in
// UNVALIDATED with a reason; anything else unmapped is an error, so nothing is skipped silently.
// Package level: every part needs a content type, every internal relationship target must exist.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { processMarkupCompatibility } from './mc';

export const XSD_DIR = join(import.meta.dirname, 'xsd');

const CT = 'application/vnd.openxmlformats-officedocument';
/** Content type → schema file (relative to xsd/), as xsd/README.md assigns them. */
export const SCHEMA_BY_CONTENT_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-package.relationships+xml': 'opc-xsd/opc-relationships.xsd',
  'application/vnd.openxmlformats-package.core-properties+xml': 'dc/core-properties.xsd',
  [`${CT}.extended-properties+xml`]: 'shared-documentPropertiesExtended.xsd',
  [`${CT}.theme+xml`]: 'dml-main.xsd',
  [`${CT}.wordprocessingml.document.main+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.styles+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.settings+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.fontTable+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.webSettings+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.numbering+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.header+xml`]: 'wml.xsd',
  [`${CT}.wordprocessingml.footer+xml`]: 'wml.xsd',
  [`${CT}.spreadsheetml.sheet.main+xml`]: 'sml.xsd',
  [`${CT}.spreadsheetml.worksheet+xml`]: 'sml.xsd',
  [`${CT}.spreadsheetml.styles+xml`]: 'sml.xsd',
  [`${CT}.spreadsheetml.sharedStrings+xml`]: 'sml.xsd',
};
const CONTENT_TYPES_PART = '[Content_Types].xml';
const CONTENT_TYPES_SCHEMA = 'opc-xsd/opc-contentTypes.xsd';

/**
 * Parts that are written but not validated, each with the reason. Matched on the part name.
 * Empty today: every part our writers produce has a schema.
 */
export const UNVALIDATED: { part: RegExp; reason: string }[] = [];

const SML_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Namespaces the schemas define: Markup Compatibility treats them as understood. */
function understoodNamespaces(): Set<string> {
  const set = new Set<string>(['http://www.w3.org/XML/1998/namespace']);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.xsd')) {
        const m = /targetNamespace="([^"]+)"/.exec(readFileSync(join(dir, e.name), 'utf8'));
        if (m) set.add(m[1]);
      }
    }
  };
  walk(XSD_DIR);
  return set;
}

export interface OoxmlFile { name: string; bytes: Uint8Array }
export interface SchemaError { file: string; part: string; message: string }
export interface ValidationReport {
  errors: SchemaError[];
  /** Every part checked: file, part, schema. */
  validated: { file: string; part: string; schema: string }[];
  /** Parts left out by UNVALIDATED, with the reason. */
  unvalidated: { file: string; part: string; reason: string }[];
}

/** Content type of each part by the package's [Content_Types].xml (Override, else Default by extension). */
export function contentTypes(types: string, parts: string[]): Map<string, string | undefined> {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of types.matchAll(/<Default\b[^>]*>/g)) {
    const ext = /Extension="([^"]+)"/.exec(m[0])?.[1], ct = /ContentType="([^"]+)"/.exec(m[0])?.[1];
    if (ext && ct) defaults.set(ext.toLowerCase(), ct);
  }
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) {
    const name = /PartName="([^"]+)"/.exec(m[0])?.[1], ct = /ContentType="([^"]+)"/.exec(m[0])?.[1];
    if (name && ct) overrides.set(name.replace(/^\//, '').toLowerCase(), ct);
  }
  return new Map(parts.map((p) => [p, overrides.get(p.toLowerCase()) ?? defaults.get(p.slice(p.lastIndexOf('.') + 1).toLowerCase())]));
}

/** Validates all parts of all files; runs xmllint once per schema. */
export function validateOoxml(files: OoxmlFile[]): ValidationReport {
  const understood = understoodNamespaces();
  const report: ValidationReport = { errors: [], validated: [], unvalidated: [] };
  const work = mkdtempSync(join(tmpdir(), 'jixiao-ooxml-'));
  const bySchema = new Map<string, string[]>();
  const origin = new Map<string, { file: string; part: string }>();
  try {
    files.forEach((f, n) => {
      const entries = unzipSync(f.bytes);
      const names = Object.keys(entries).filter((p) => !p.endsWith('/'));
      const types = entries[CONTENT_TYPES_PART];
      if (!types) { report.errors.push({ file: f.name, part: CONTENT_TYPES_PART, message: 'missing' }); return; }
      const cts = contentTypes(strFromU8(types), names);
      for (const message of danglingRelationships(entries)) report.errors.push({ file: f.name, part: message.part, message: message.text });
      for (const part of names) {
        const schema = part === CONTENT_TYPES_PART ? CONTENT_TYPES_SCHEMA : SCHEMA_BY_CONTENT_TYPE[cts.get(part) ?? ''];
        if (!schema) {
          const allowed = UNVALIDATED.find((u) => u.part.test(part));
          if (allowed) report.unvalidated.push({ file: f.name, part, reason: allowed.reason });
          else report.errors.push({ file: f.name, part, message: `no schema for content type ${cts.get(part) ?? '(none declared)'}` });
          continue;
        }
        const mc = processMarkupCompatibility(strFromU8(entries[part]), {
          understood, dropXmlSpaceOn: schema === 'sml.xsd' ? new Set([`{${SML_NS}}t`]) : undefined,
        });
        for (const p of mc.problems) report.errors.push({ file: f.name, part, message: `markup compatibility: ${p}` });
        const path = join(work, String(n), part.replace(/[[\]]/g, '_'));
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, mc.xml);
        origin.set(path, { file: f.name, part });
        bySchema.set(schema, [...(bySchema.get(schema) ?? []), path]);
        report.validated.push({ file: f.name, part, schema });
      }
    });
    for (const [schema, paths] of bySchema) report.errors.push(...xmllint(join(XSD_DIR, schema), paths, origin, work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return report;
}

/** Internal relationship targets that are not in the package (Word reports the file as damaged). */
export function danglingRelationships(entries: Record<string, Uint8Array>): { part: string; text: string }[] {
  const out: { part: string; text: string }[] = [];
  for (const name of Object.keys(entries).filter((n) => n.endsWith('.rels'))) {
    // xl/_rels/workbook.xml.rels → targets are relative to xl/
    const base = name.replace(/_rels\/[^/]*$/, '');
    for (const m of strFromU8(entries[name]).matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? '';
      const resolved = posix.normalize(target.startsWith('/') ? target.slice(1) : posix.join(base, target));
      if (!(resolved in entries)) out.push({ part: name, text: `relationship target ${target} is not in the package` });
    }
  }
  return out;
}

function xmllint(schema: string, paths: string[], origin: Map<string, { file: string; part: string }>, work: string): SchemaError[] {
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`xmllint could not run (Debian package libxml2-utils): ${r.error.message}`);
  const errors: SchemaError[] = [];
  const passed = new Set<string>();
  for (const line of r.stderr.split('\n')) {
    if (!line) continue;
    const ok = / validates$/.exec(line);
    if (ok && origin.has(line.slice(0, -' validates'.length))) { passed.add(line.slice(0, -' validates'.length)); continue; }
    if (/parser warning/.test(line)) continue; // the schema's own notes (e.g. an import already loaded)
    if (/ fails to validate$/.test(line)) continue; // its errors are on the lines before
    const path = [...origin.keys()].find((p) => line.startsWith(`${p}:`));
    if (path) errors.push({ ...origin.get(path)!, message: line.slice(path.length + 1) });
    else errors.push({ file: '(xmllint)', part: relative(XSD_DIR, schema), message: line.replaceAll(work, '…') });
  }
  // a part neither reported valid nor given an error (xmllint stopped early): not silently passed
  for (const p of paths) {
    if (!passed.has(p) && !errors.some((e) => e.file === origin.get(p)!.file && e.part === origin.get(p)!.part)) {
      errors.push({ ...origin.get(p)!, message: `xmllint gave no verdict (exit ${r.status})` });
    }
  }
  return errors;
}
