// The shape of a profile (templates/*.json): one official form of the tables, as data. Validated
// here with zod; templates/profile.schema.json is the same schema exported as JSON Schema (for
// editors and for people adding a province's form), kept in step by a test. The program itself
// imports only the types from here: the shipped profiles are checked by the tests (shippedProblems),
// so a start does not build this schema nor parse every profile with it (./index.ts).
import * as z from 'zod'; // a namespace import: the bundlers drop what is unused (zod's 350 KB of locales)
import { zhCN } from 'zod/locales'; // this one locale only: `z.locales.zhCN` would bundle all 350 KB of them
import { COLUMN_IDS, FAMILIES, HEADER_FIELDS, type Family } from './vocabulary';

const text = z.string();
const nonEmpty = z.string().min(1);
const amount = z.string().regex(/^-?\d+(\.\d+)?$/, '应为十进制数字');

const ColumnSchema = z.object({
  id: z.enum(COLUMN_IDS),
  /** The form's own header text (default: the vocabulary's label). */
  label: text.optional(),
  /** More header texts the importer takes for this column. */
  synonyms: z.array(text).optional(),
  /** Print width share (relative to the other columns). */
  share: z.number().positive().optional(),
  /** The cell must be filled (audit). */
  required: z.boolean().optional(),
}).strict();

const HeaderFieldSchema = z.object({
  label: nonEmpty,
  synonyms: z.array(text).default([]),
  field: z.enum(HEADER_FIELDS),
  required: z.boolean().default(false),
}).strict();

const Level1Schema = z.object({
  name: nonEmpty,
  synonyms: z.array(text),
  required: z.boolean(),
  level2: z.array(text),
}).strict();

const WeightSchema = z.object({ level1: nonEmpty, synonyms: z.array(text), weight: amount }).strict();

/**
 * Step rules for proposing 优/良/中/差 from a target (issue 19, src-shared/propose), per unit kind
 * and direction. From the best threshold t: the next two are the multiples of `grid` below t
 * (higher is better) or above it (lower is better), or — when the grid would leave the domain, or
 * there is none — t ∓ s and t ∓ 2s with s = `ratio` × t rounded down to 1, 2 or 5 × 10ⁿ, at least
 * `minStep`; `integer` keeps counts whole. `qualitative`: word ladders for 定性 targets, best first.
 */
const StepRuleSchema = z.object({
  grid: z.number().positive().optional(),
  ratio: z.number().positive().optional(),
  integer: z.boolean().optional(),
  minStep: z.number().positive().optional(),
}).strict().refine((r) => r.grid !== undefined || r.ratio !== undefined, { message: '需给出 grid 或 ratio' });

const DirectionsSchema = z.object({ higher: StepRuleSchema, lower: StepRuleSchema }).strict();

const BandStepsSchema = z.object({
  /** What the rules are, for a person editing the JSON. */
  _doc: text.optional(),
  percent: DirectionsSchema,
  count: DirectionsSchema,
  money: DirectionsSchema,
  days: DirectionsSchema,
  other: DirectionsSchema,
  qualitative: z.array(z.tuple([text, text, text, text])).min(1),
}).strict();

const PrintSchema = z.object({
  orientation: z.enum(['portrait', 'landscape']),
  paper: z.literal('A4').default('A4'),
  fontPt: z.number().positive().optional(),
}).strict();

const common = {
  /** Where the JSON Schema is, for editors ("./profile.schema.json"). */
  $schema: text.optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
  name: nonEmpty,
  /** Who uses it and where it was seen (free text, shown in `jixiao templates --json`). */
  source: text.optional(),
  /** Title pattern; {year} {dept} {name} {index} are filled in. */
  title: nonEmpty,
  header: z.array(HeaderFieldSchema),
  /** The indicator columns in order, from the one vocabulary. */
  columns: z.array(ColumnSchema).min(1),
  print: PrintSchema,
};

/** A target-table form: duty, project or department-wide (the document's `meta.templateId`). */
export const TargetProfileSchema = z.object({
  ...common,
  family: z.enum(['duty', 'project', 'department-wide']),
  /** The tables a document of this form holds, in order (the family's own first). */
  tables: z.array(z.enum(['duty', 'project', 'department-wide'])).min(1),
  /** The self-evaluation form that goes with it (a `self-evaluation` profile id). */
  selfevalProfile: nonEmpty,
  effectWord: nonEmpty,
  /** 资金支出计划 checkpoints (empty: the form has no schedule). */
  checkpoints: z.array(text),
  level1: z.array(Level1Schema).min(1),
  basisCategories: z.array(text),
  costOnlyBasis: z.array(text),
  lowerIsBetterWords: z.array(text),
  projectCodePattern: text,
  /** Indicator weights where the form has 权重: the sum per project, and per 一级 where fixed. */
  weights: z.object({ total: amount, level1: z.array(WeightSchema) }).strict().optional(),
  bandSteps: BandStepsSchema,
  /** Department-wide task columns (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金), when the form has tasks. */
  taskColumns: z.array(z.object({ field: z.enum(['name', 'content', 'total', 'fiscal', 'other']), label: nonEmpty, synonyms: z.array(text).default([]) }).strict()).optional(),
}).strict().refine((p) => p.tables[0] === p.family, { message: 'tables 的第一项应为 family 本身', path: ['tables'] });

/** A year-end self-evaluation form (`meta.selfevalTemplateId`). */
export const SelfevalProfileSchema = z.object({
  ...common,
  family: z.literal('self-evaluation'),
  /** The printed layout the exporter draws (until every layout is drawn from columns). */
  layout: z.enum(['hebei-2019', 'national-2020']),
  orientation: z.enum(['portrait', 'landscape']),
  fundColumns: z.array(z.enum(['initial', 'planned', 'received', 'spent'])),
  /** Fund rows in print order; 财政专户管理资金 / 单位资金 are rows of the structured (一体化) form. */
  fundRows: z.array(z.enum(['total', 'fiscal', 'carryOver', 'fiscalSpecial', 'unitOwn', 'other'])),
  perIndicatorWeight: z.boolean(),
  descriptionColumn: z.boolean(),
  weights: z.array(WeightSchema),
  budgetRateWeight: amount,
  grades: z.array(z.object({ grade: z.enum(['优', '良', '中', '差']), min: z.number() }).strict()),
  instructionPatterns: z.array(text),
}).strict();

export const ProfileSchema = z.union([TargetProfileSchema, SelfevalProfileSchema]);

export type TargetProfile = z.infer<typeof TargetProfileSchema>;
export type SelfevalProfile = z.infer<typeof SelfevalProfileSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileColumn = z.infer<typeof ColumnSchema>;
export type HeaderField = z.infer<typeof HeaderFieldSchema>;
export type BandSteps = z.infer<typeof BandStepsSchema>;
export type StepRule = z.infer<typeof StepRuleSchema>;

/** Validates one profile's JSON; the issues name the path (`columns.3.id`) and say what is wrong. */
export function parseProfile(json: unknown): { ok: true; profile: Profile } | { ok: false; issues: string[] } {
  // Validate against the family's own shape, so issues name the wrong field (a union says only "无效输入").
  const family = typeof json === 'object' && json !== null ? (json as { family?: unknown }).family : undefined;
  const schema = family === 'self-evaluation' ? SelfevalProfileSchema : FAMILIES.includes(family as Family) ? TargetProfileSchema : ProfileSchema;
  const r = schema.safeParse(json, { error: zhCN().localeError });
  if (r.success) return { ok: true, profile: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.map(String).join('.') || '（根）'}：${i.message}`) };
}

export interface ProfileProblem { file: string; issues: string[] }

/**
 * What is wrong with the shipped profiles (file name → JSON, index.ts `SHIPPED`): schema issues, a
 * duplicate id, a file not named after its id, a `selfevalProfile` that is not a self-evaluation
 * profile. A test keeps this empty; that is what lets the program read them without a parse.
 */
export function shippedProblems(shipped: Record<string, unknown>): ProfileProblem[] {
  const profiles: Profile[] = [];
  const problems: ProfileProblem[] = [];
  for (const [file, json] of Object.entries(shipped)) {
    const r = parseProfile(json);
    if (!r.ok) problems.push({ file, issues: r.issues });
    else if (profiles.some((p) => p.id === r.profile.id)) problems.push({ file, issues: [`id“${r.profile.id}”与其他模板重复`] });
    else if (`${r.profile.id}.json` !== file) problems.push({ file, issues: [`文件名应为 ${r.profile.id}.json`] });
    else profiles.push(r.profile);
  }
  for (const p of profiles) {
    if (p.family !== 'self-evaluation' && !profiles.some((s) => s.id === p.selfevalProfile && s.family === 'self-evaluation')) {
      problems.push({ file: `${p.id}.json`, issues: [`selfevalProfile“${p.selfevalProfile}”不是已有的自评表模板`] });
    }
  }
  return problems;
}

/** The JSON Schema of a profile (templates/profile.schema.json is this, written by a script). */
export function profileJsonSchema(): unknown {
  return z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' });
}
