// Migration registry: ordered, named steps vN → vN+1 applied to the raw JSON of an older file
// before schema validation. Each step gets a frozen old-version fixture under tests/fixtures/frozen/
// (v{N}-*.jixiao) that must keep loading forever. Steps work on plain JSON and must keep fields
// they do not know about.
import { splitValue } from '../expr/parts';
import { SCHEMA_VERSION } from './schema';

/** The first schema version ever written; files below it do not exist. */
export const FIRST_SCHEMA_VERSION = 1;

export type RawDocument = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** Short English name saying what the step changes, e.g. 'v1-to-v2-split-schedule-percent'. */
  name: string;
  up: (doc: RawDocument) => RawDocument;
}

/** All steps, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  // v2 adds only optional parts: project.selfeval (year-end self-evaluation), `from` links on rows
  // (yearly rollover) and meta.selfevalTemplateId. A v1 file is a valid v2 file as it stands.
  { from: 1, to: 2, name: 'v1-to-v2-selfeval-and-from-links', up: (doc) => doc },
  // v3 (issue 18) adds optional structured fields: indicator parts (operator/number/unit, weight,
  // direction, 评（扣）分标准 …), project header fields of the 88号/structured forms, and the
  // department-wide table. The only rewrite: every indicator's one-cell value is split into parts
  // with the value language; the text itself is kept exactly as typed.
  { from: 2, to: 3, name: 'v2-to-v3-split-indicator-values', up: splitIndicatorValues },
];

const isObj = (x: unknown): x is RawDocument => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Adds parts beside `value` (project indicators) and `target` (self-evaluation indicators). Rows
 * of unexpected shape are left alone for the loader's restore pass to report. */
function splitIndicatorValues(doc: RawDocument): RawDocument {
  const addParts = (row: RawDocument, key: 'value' | 'target'): RawDocument => {
    const text = row[key];
    if (typeof text !== 'string' || row.operator !== undefined || row.number !== undefined || row.unit !== undefined) return row;
    return { ...row, ...splitValue(text) };
  };
  if (!Array.isArray(doc.projects)) return doc;
  const projects = doc.projects.map((p: unknown) => {
    if (!isObj(p)) return p;
    const out: RawDocument = { ...p };
    if (Array.isArray(p.indicators)) out.indicators = p.indicators.map((i: unknown) => (isObj(i) ? addParts(i, 'value') : i));
    if (isObj(p.selfeval) && Array.isArray(p.selfeval.indicators)) {
      out.selfeval = { ...p.selfeval, indicators: p.selfeval.indicators.map((i: unknown) => (isObj(i) ? addParts(i, 'target') : i)) };
    }
    return out;
  });
  return { ...doc, projects };
}

/** Problems with a registry (empty = sound): steps contiguous, one version each, ending at `target`. */
export function checkMigrations(steps: readonly Migration[] = MIGRATIONS, target: number = SCHEMA_VERSION): string[] {
  const problems: string[] = [];
  let expected = FIRST_SCHEMA_VERSION;
  const names = new Set<string>();
  for (const s of steps) {
    if (s.from !== expected) problems.push(`${s.name}: starts at v${s.from}, expected v${expected}`);
    if (s.to !== s.from + 1) problems.push(`${s.name}: must go from v${s.from} to v${s.from + 1}, goes to v${s.to}`);
    if (!s.name || names.has(s.name)) problems.push(`duplicate or empty migration name: "${s.name}"`);
    names.add(s.name);
    expected = s.to;
  }
  if (expected !== target) problems.push(`migrations end at v${expected}, but SCHEMA_VERSION is v${target}`);
  return problems;
}

export type MigrateResult =
  | { ok: true; document: RawDocument; applied: string[] }
  | { ok: false; message: string };

/** Bring a raw document from `version` up to `target`. Versions above target are the caller's concern. */
export function migrate(raw: RawDocument, version: number, steps: readonly Migration[] = MIGRATIONS, target: number = SCHEMA_VERSION): MigrateResult {
  let doc = raw;
  let v = version;
  const applied: string[] = [];
  while (v < target) {
    const step = steps.find((s) => s.from === v);
    if (!step) return { ok: false, message: `缺少从第 ${v} 版升级的迁移步骤` };
    try {
      doc = step.up(doc);
    } catch (err) {
      return { ok: false, message: `升级文件格式（${step.name}）失败：${err instanceof Error ? err.message : String(err)}` };
    }
    doc = { ...doc, schemaVersion: step.to };
    applied.push(step.name);
    v = step.to;
  }
  return { ok: true, document: doc, applied };
}
