// The words every profile is written in: the table families, the one vocabulary of indicator
// columns, the model fields a header row may fill. Plain data (no zod), so reading the shipped
// profiles (./index.ts) costs no schema; ./schema.ts builds the zod schema on these.
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
