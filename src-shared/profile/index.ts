// The one reader of templates/*.json. Every form the program knows is a profile there (schema in
// ./schema.ts); the grid, the layout, the importer, find and the audit ask this module which
// columns, in which order, with which labels and synonyms. To add a province's form: one JSON file
// in templates/ and its line in SHIPPED below (a test fails when a file is not listed).
import hebei2020 from '../../templates/hebei-2020.json';
import national2021 from '../../templates/national-2021.json';
import national88Project from '../../templates/national-88-project.json';
import national88Dept from '../../templates/national-88-dept.json';
import structuredProject from '../../templates/structured-project.json';
import selfevalHebei2019 from '../../templates/selfeval-hebei-2019.json';
import selfevalNational2020 from '../../templates/selfeval-national-2020.json';
import selfevalStructured from '../../templates/selfeval-structured.json';
import indicatorLibrary from '../../templates/indicator-library.json';
import { COLUMN_VOCABULARY, type ColumnId, type Family } from './vocabulary';
import type { HeaderField, Profile, ProfileColumn, SelfevalProfile, TargetProfile } from './schema';

export * from './vocabulary';
export type * from './schema';

/** The shipped profile files, by file name (templates/<file>). */
export const SHIPPED: Record<string, unknown> = {
  'hebei-2020.json': hebei2020,
  'national-2021.json': national2021,
  'national-88-project.json': national88Project,
  'national-88-dept.json': national88Dept,
  'structured-project.json': structuredProject,
  'selfeval-hebei-2019.json': selfevalHebei2019,
  'selfeval-national-2020.json': selfevalNational2020,
  'selfeval-structured.json': selfevalStructured,
};

/** Files in templates/ that are data but not profiles. */
export const NOT_PROFILES = ['indicator-library.json', 'profile.schema.json'];

/** The built-in 指标库 rows (templates/indicator-library.json). */
export const BUILTIN_INDICATOR_LIBRARY = indicatorLibrary;

/**
 * A shipped profile as the schema reads it: the JSON with the schema's defaults filled in (header
 * `synonyms`/`required`, `print.paper`, task column `synonyms`). The tests check every shipped file
 * against the schema (schema.ts `shippedProblems`) and that this equals its parse, so the program
 * starts without building the zod schema or parsing eight profiles with it.
 */
export function withDefaults(json: unknown): Profile {
  const p = json as Profile;
  const header = (h: HeaderField): HeaderField => ({ ...h, synonyms: h.synonyms ?? [], required: h.required ?? false });
  const base = { ...p, header: p.header.map(header), print: { ...p.print, paper: p.print.paper ?? 'A4' } };
  if (p.family === 'self-evaluation' || !p.taskColumns) return base as Profile;
  return { ...base, taskColumns: p.taskColumns.map((c) => ({ ...c, synonyms: c.synonyms ?? [] })) } as Profile;
}

/** Every shipped profile, in SHIPPED order. */
export const PROFILES: readonly Profile[] = Object.values(SHIPPED).map(withDefaults);

export const DEFAULT_PROFILE_ID = 'hebei-2020';

const isTarget = (p: Profile): p is TargetProfile => p.family !== 'self-evaluation';
const isSelfeval = (p: Profile): p is SelfevalProfile => p.family === 'self-evaluation';

/** Target-table profiles (a document's `meta.templateId`). */
export const TARGET_PROFILES: readonly TargetProfile[] = PROFILES.filter(isTarget);
/** Self-evaluation profiles (`meta.selfevalTemplateId`). */
export const SELFEVAL_PROFILES: readonly SelfevalProfile[] = PROFILES.filter(isSelfeval);

export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export function getTargetProfile(id: string): TargetProfile | undefined {
  return TARGET_PROFILES.find((p) => p.id === id);
}

export function getSelfevalProfile(id: string): SelfevalProfile | undefined {
  return SELFEVAL_PROFILES.find((p) => p.id === id);
}

/** Whether the form prints 部门职能职责概述 (a header row `deptWide.functions`); a document that holds the text shows and prints it anyway. */
export function printsDeptFunctions(profile: TargetProfile | undefined): boolean {
  return !!profile?.header.some((h) => h.field === 'deptWide.functions');
}

/** A profile's indicator column with the vocabulary's defaults filled in. */
export interface ResolvedColumn extends Required<Pick<ProfileColumn, 'id' | 'label'>> {
  synonyms: string[];
  /** The model field it shows (`value` → `number` in a parts form). */
  field: string;
  share: number;
  required: boolean;
}

/** Whether 指标值 is one cell (`≥95%`) or parts (指标性质 | 指标值 | 度量单位). */
export function valueMode(p: Profile): 'one-cell' | 'parts' {
  return p.columns.some((c) => c.id === 'operator' || c.id === 'unit') ? 'parts' : 'one-cell';
}

export function columnsOf(p: Profile): ResolvedColumn[] {
  const parts = valueMode(p) === 'parts';
  return p.columns.map((c) => {
    const v = COLUMN_VOCABULARY[c.id];
    const label = c.label ?? v.label;
    const synonyms = [...new Set([...(c.label && c.label !== v.label ? [v.label] : []), ...v.synonyms, ...(c.synonyms ?? [])])].filter((s) => s !== label);
    return { id: c.id, label, synonyms, field: c.id === 'value' && parts ? 'number' : v.field, share: c.share ?? 1, required: c.required ?? false };
  });
}

/** Whether the profile prints a column. */
export function hasColumn(p: Profile, id: ColumnId): boolean {
  return p.columns.some((c) => c.id === id);
}

/** A project field a header row fills (not the document's, the department-wide table's or a self-evaluation's). */
export type ProjectHeaderFieldId = Exclude<HeaderField['field'], `meta.${string}` | `deptWide.${string}` | `selfeval.${string}` | 'schedule'>;

/** Header fields that hold an amount in the document's unit (万元 / 元); the rest are text. */
const MONEY_HEADER_FIELDS: ReadonlySet<string> = new Set(['budget', 'fiscal', 'other', 'midTermTotal', 'carryOver']);
/** Header fields of a sentence or more (the editor gives them a taller box). */
const LONG_HEADER_FIELDS: ReadonlySet<string> = new Set(['purpose', 'goal', 'overallGoal']);

export interface ProjectHeaderField { field: ProjectHeaderFieldId; label: string; required: boolean; kind: 'text' | 'long' | 'money' }

/** One row of a project's header block: a text field, or the amounts together (under 项目资金 when more than one). */
export type ProjectHeaderRow = { kind: 'text'; field: ProjectHeaderField } | { kind: 'money'; fields: ProjectHeaderField[] };

/** Whether the profile's project table is the Hebei block (项目编码 … 资金支出计划 … 绩效目标), drawn by its own code. */
export function hasHebeiBlock(p: TargetProfile): boolean {
  return p.header.some((h) => h.field === 'schedule');
}

/** The label of the amounts printed together: 项目资金（万元）. */
export function moneyGroupLabel(unit: string): string {
  return `项目资金（${unit}）`;
}

/**
 * The project header block of a form without the Hebei block, as the export prints it and the
 * editor shows it: the profile's project fields in order with its labels, the amounts together
 * where the first of them is.
 */
export function projectHeaderRows(p: TargetProfile): ProjectHeaderRow[] {
  const fields: ProjectHeaderField[] = p.header
    .filter((h) => !h.field.includes('.') && h.field !== 'schedule')
    .map((h) => ({
      field: h.field as ProjectHeaderFieldId, label: h.label, required: h.required,
      kind: MONEY_HEADER_FIELDS.has(h.field) ? 'money' : LONG_HEADER_FIELDS.has(h.field) ? 'long' : 'text',
    }));
  const money = fields.filter((f) => f.kind === 'money');
  return fields.flatMap((f): ProjectHeaderRow[] => (f.kind !== 'money' ? [{ kind: 'text', field: f }] : f === money[0] ? [{ kind: 'money', fields: money }] : []));
}

/** id, name and family of every profile, for `jixiao templates` and the new-document dialog. */
export function listProfiles(): { id: string; name: string; family: Family; tables: string[] }[] {
  return PROFILES.map((p) => ({ id: p.id, name: p.name, family: p.family, tables: p.family === 'self-evaluation' ? ['self-evaluation'] : [...p.tables] }));
}
export * from './exchange';
