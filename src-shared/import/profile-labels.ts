// The forms' own words for the importer: the column vocabulary, and every shipped profile's header
// labels and synonyms and its indicator columns' labels and synonyms, normalized, by model field. A
// province's form added as a profile (docs/profiles.md) is read by the importer without code: its
// labels join the recognisers' built-in ones (asked first, as they also know layouts).
import { COLUMN_VOCABULARY, columnsOf, PROFILES, type Family, type Profile } from '../profile';
import { normalizeLabel } from './context';

type Vocabulary = ReadonlyMap<string, string>;
const cache = new Map<string, Vocabulary>();

function build(key: string, profiles: readonly Profile[], fill: (m: Map<string, string>) => void): Vocabulary {
  if (profiles !== PROFILES) { const m = new Map<string, string>(); fill(m); return m; }
  let v = cache.get(key);
  if (!v) { const m = new Map<string, string>(); fill(m); cache.set(key, (v = m)); }
  return v;
}

/** A profile prints tables of a family when it is of that family or lists it (the 88号 department-wide form prints projects too). */
const prints = (p: Profile, family: Family) => p.family === family || ('tables' in p && (p.tables as readonly string[]).includes(family));

const add = (m: Map<string, string>, words: readonly string[], field: string) => {
  for (const w of words) { const k = normalizeLabel(w); if (k && !m.has(k)) m.set(k, field); }
};

/** A form's header lists the fields of all its tables: each table's recogniser takes its own. */
function ownsField(family: Family, field: string): boolean {
  if (family === 'department-wide') return field.startsWith('meta.') || field.startsWith('deptWide.');
  if (family === 'self-evaluation') return field.startsWith('selfeval.') || field === 'name';
  return !field.includes('.');
}

/** Normalized header label (项目单位, 部门（单位）名称 …) → model field (`implementer`, `meta.deptName` …), first profile wins. */
export function headerVocabulary(family: Family, profiles: readonly Profile[] = PROFILES): Vocabulary {
  return build(`header:${family}`, profiles, (m) => {
    for (const p of profiles) if (prints(p, family)) for (const h of p.header) if (ownsField(family, h.field)) add(m, [h.label, ...h.synonyms], h.field);
  });
}

/**
 * Normalized indicator column header → model field (`name`, `unit`, `direction`, `actual` …): the
 * column vocabulary's words, then every profile's own labels and synonyms. 指标值 is `value` (the
 * one-cell text a recogniser splits when the form has 指标性质/度量单位 beside it).
 */
export function columnVocabulary(family: Family, profiles: readonly Profile[] = PROFILES): Vocabulary {
  return build(`columns:${family}`, profiles, (m) => {
    for (const v of Object.values(COLUMN_VOCABULARY)) add(m, [v.label, ...v.synonyms], v.field);
    for (const p of profiles) {
      if (!prints(p, family)) continue;
      for (const c of columnsOf(p)) add(m, [c.label, ...c.synonyms], c.field === 'number' ? 'value' : c.field);
    }
  });
}

/** The field of a header in one of `fields` (a recogniser's own field names), or undefined. */
export function vocabularyField<F extends string>(vocabulary: Vocabulary, norm: string, fields: ReadonlySet<F>, rename: Partial<Record<string, F>> = {}): F | undefined {
  const f = vocabulary.get(norm);
  if (f === undefined) return undefined;
  const g = (rename[f] ?? f) as F;
  return fields.has(g) ? g : undefined;
}
