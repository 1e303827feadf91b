// The shape of a profile (templates/*.json): one official form of the tables, as data. Validated
// here with zod; templates/profile.schema.json is the same schema exported as JSON Schema (for
// editors and for people adding a province's form), kept in step by a test.
import * as z from 'zod'; // a namespace import: the bundlers drop what is unused (zod's 350 KB of locales)

/** Table families (domain.md): 部门职责-工作活动, 项目, 部门（单位）整体, 项目绩效自评. */
export const FAMILIES = ['duty', 'project', 'department-wide', 'self-evaluation'] as const;
export type Family = (typeof FAMILIES)[number];
export const FAMILY_LABEL: Record<Family, string> = {
  duty: '部门职责-工作活动绩效目标表', project: '项目绩效目标表', 'department-wide': '部门（单位）整体支出绩效目标表', 'self-evaluation': '项目绩效自评表',
};

/**
 * The one vocabulary of indicator columns. Each form picks its columns from it, in its order, and
 * may relabel them (`label`) and add synonyms the importer accepts. `field` is the model field
 * the column shows; 指标值 shows the one-cell `value` unless the form has 指标性质 or 度量单位
 * columns, where it shows the `number` part (see expr/parts.ts).
 */
export const COLUMN_VOCABULARY = {
  level1: { label: '一级指标', synonyms: [], field: 'level1' },
  level2: { label: '二级指标', synonyms: [], field: 'level2' },
  level3: { label: '三级指标', synonyms: ['三级指标名称'], field: 'name' },
  content: { label: '指标内容', synonyms: [], field: 'description' },
  description: { label: '指标说明', synonyms: ['绩效指标描述', '指标描述'], field: 'description' },
  operator: { label: '指标性质', synonyms: ['计算符号', '运算符'], field: 'operator' },
  value: { label: '指标值', synonyms: ['年度指标值', '预期指标值', '目标值', '指标目标值'], field: 'value' },
  unit: { label: '度量单位', synonyms: ['计量单位', '单位'], field: 'unit' },
  weight: { label: '权重', synonyms: ['分值', '指标权重'], field: 'weight' },
  direction: { label: '指标方向', synonyms: ['指标方向性'], field: 'direction' },
  explanation: { label: '指标解释', synonyms: [], field: 'explanation' },
  scoring: { label: '评（扣）分标准', synonyms: ['评分标准', '扣分标准', '评(扣)分标准'], field: 'scoring' },
  basis: { label: '指标值确定依据', synonyms: ['指标值设定依据', '设定依据'], field: 'basis' },
  remark: { label: '备注', synonyms: [], field: 'remark' },
  core: { label: '是否核心指标', synonyms: [], field: 'core' },
  actual: { label: '完成值', synonyms: ['实际完成值', '全年实际值', '全年完成值'], field: 'actual' },
  score: { label: '得分', synonyms: ['自评得分'], field: 'score' },
  deviation: { label: '偏差原因', synonyms: ['未完成原因分析', '偏差原因分析及改进措施', '未完成原因及拟采取的改进措施'], field: 'deviation' },
} as const;
export type ColumnId = keyof typeof COLUMN_VOCABULARY;
export const COLUMN_IDS = Object.keys(COLUMN_VOCABULARY) as [ColumnId, ...ColumnId[]];

/** Model fields a header row may fill (project fields, `meta.*`, `deptWide.*`, `selfeval.*`). */
export const HEADER_FIELDS = [
  'code', 'name', 'authority', 'implementer', 'manager', 'attribute', 'period', 'budget', 'fiscal', 'other', 'midTermTotal', 'carryOver',
  'purpose', 'goal', 'overallGoal', 'schedule',
  'meta.deptName', 'meta.deptCode', 'meta.preparer', 'meta.phone',
  'deptWide.goal', 'deptWide.total', 'deptWide.tasks', 'deptWide.functions',
  'selfeval.implementer', 'selfeval.authority', 'selfeval.goal', 'selfeval.achieved', 'selfeval.problems', 'selfeval.preparer', 'selfeval.phone', 'selfeval.date',
] as const;

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
