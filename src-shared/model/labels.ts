// The Chinese names of the document's fields, in one place: the 审核 locations (`项目 3 › 指标值`),
// find and replace, the yearly cycle's comparison, the load repairs and the editor's column headers
// all read them here. These are the labels of the current forms (Hebei 2020 / national 2021 target
// tables, Hebei 2019 / national 2020 self-evaluations); per-form wording can later come from the
// form profiles. Printed headings of the official layouts are in src-shared/layout.
import { columnsOf, type TargetProfile } from '../profile';
import type { FundColumn, FundRow, SelfevalTemplate } from './templates';

/** 部门职责-工作活动: a duty's or activity's own cells, and its indicators' name. */
export const DUTY_FIELD_LABEL: Readonly<Record<string, string>> = { title: '职责活动', budget: '年度预算数', description: '内容描述', goal: '绩效目标', name: '绩效指标' };
/** The four grades of a duty indicator's 评价标准. */
export const BAND_LABEL = ['优', '良', '中', '差'] as const;

export const PROJECT_FIELD_LABEL: Readonly<Record<string, string>> = {
  code: '项目编码', name: '项目名称', budget: '预算数', fiscal: '财政资金', other: '其他资金', purpose: '资金用途', goal: '绩效目标',
  authority: '主管部门', implementer: '实施单位', manager: '项目负责人', attribute: '项目属性', period: '项目期',
  midTermTotal: '中期资金总额', carryOver: '上年结转', overallGoal: '总体目标', midTermFiscal: '中期财政拨款', midTermOther: '中期其他资金',
};
export const PROJECT_INDICATOR_LABEL: Readonly<Record<string, string>> = {
  level1: '一级指标', level2: '二级指标', name: '三级指标', description: '绩效指标描述', value: '指标值', basis: '指标值确定依据',
  operator: '指标性质', number: '指标值', unit: '度量单位', weight: '权重', direction: '指标方向', explanation: '指标解释',
  scoring: '评（扣）分标准', remark: '备注', core: '是否核心指标', scope: '指标范围',
};

/** 年度主要任务 of the department-wide table (the profile's taskColumns may word them otherwise). */
export const DEPT_TASK_LABEL: Readonly<Record<string, string>> = { name: '任务名称', content: '主要内容', total: '总额', fiscal: '财政拨款', other: '其他资金' };
/** The department-wide table's own cells. */
export const DEPT_WIDE_FIELD_LABEL: Readonly<Record<string, string>> = {
  functions: '部门职能职责概述', total: '金额合计', totalFiscal: '金额合计（财政拨款）', totalOther: '金额合计（其他资金）', goal: '年度总体目标',
};

/** 文件信息 fields a person types (year, unit and templates are chosen, not typed). */
export const META_FIELD_LABEL: Readonly<Record<string, string>> = { deptCode: '部门编码', deptName: '部门名称', preparer: '填报人', phone: '联系电话' };

export const SELFEVAL_FIELD_LABEL: Readonly<Record<string, string>> = {
  implementer: '实施单位', authority: '主管部门', progress: '预算执行进度', goal: '年度预期目标', achieved: '具体完成情况',
  completionRate: '总体完成率', budgetRateWeight: '预算执行率权重', budgetRateScore: '预算执行率得分', total: '总分', grade: '评价等级',
  problems: '存在问题、原因及下一步整改措施', preparer: '填报人', phone: '联系电话', date: '填报日期',
  budgetRateScoreText: '预算执行率得分', fundsReason: '预算执行偏差原因',
  conclusion: '评价结论', measures: '改进措施', manager: '项目负责人', financeManager: '财务负责人',
};
export const SELFEVAL_INDICATOR_LABEL: Readonly<Record<string, string>> = {
  level1: '一级指标', level2: '二级指标', name: '三级指标', description: '指标说明', target: '年度指标值', actual: '实际完成值',
  achievement: '完成情况', weight: '分值', score: '得分', deviation: '偏差原因分析及改进措施',
  operator: '指标性质', number: '指标值', unit: '度量单位', direction: '指标方向', explanation: '指标解释',
  scoring: '评（扣）分标准', remark: '备注', core: '是否核心指标', scope: '指标范围', scoreText: '得分',
};

/** The self-evaluation's fund table: its columns (budget stages) … */
export const FUND_COLUMN_LABEL: Readonly<Record<FundColumn, string>> = { initial: '年初预算数', planned: '预算数', received: '到位数', spent: '执行数' };
/** … and its rows (sources of the money). */
export const FUND_ROW_LABEL: Readonly<Record<FundRow, string> & Record<string, string>> = {
  total: '合计', fiscal: '财政资金', carryOver: '上年结转资金', other: '其他资金', fiscalSpecial: '财政专户管理资金', unitOwn: '单位资金',
};

/** The fund table as each self-evaluation form words it (the editor shows the form's own words). */
export const FUND_COLUMN_LABEL_BY_LAYOUT: Readonly<Record<SelfevalTemplate['layout'], Readonly<Record<FundColumn, string>>>> = {
  'hebei-2019': { initial: '年初预算数', planned: '预算安排情况（调整后）', received: '资金到位情况', spent: '资金执行情况' },
  'national-2020': { initial: '年初预算数', planned: '全年预算数', received: '到位数', spent: '全年执行数' },
};
export const FUND_ROW_LABEL_BY_LAYOUT: Readonly<Record<SelfevalTemplate['layout'], Readonly<Record<FundRow, string>>>> = {
  'hebei-2019': { total: '预算数 / 到位数 / 执行数', fiscal: '其中：财政资金', carryOver: '上年结转资金', fiscalSpecial: '财政专户管理资金', unitOwn: '单位资金', other: '其他' },
  'national-2020': { total: '年度资金总额', fiscal: '其中：本年财政拨款', carryOver: '上年结转资金', fiscalSpecial: '财政专户管理资金', unitOwn: '单位资金', other: '其他资金' },
};


/** A form's own names for the model's fields (审核 locations, 对比): the profile's header and column labels. */
export interface FormLabels {
  /** A project header field: `实施单位` in one form, `单位名称` in another. */
  project(field: string): string;
  /** An indicator field: `三级指标` or `指标内容`, `权重` or `分值`. */
  indicator(field: string): string;
  /** Header labels by model field, including `meta.*` and `deptWide.*` fields. */
  header: ReadonlyMap<string, string>;
}

const formLabelCache = new WeakMap<TargetProfile, FormLabels>();

/** Labels of the form; a field the form does not name keeps the model's label above. */
export function formLabels(profile: TargetProfile): FormLabels {
  const cached = formLabelCache.get(profile);
  if (cached) return cached;
  const header = new Map<string, string>();
  // `其中：财政资金` is printed under its total; in a location (`项目 1 › 财政资金`) the 其中 says nothing.
  for (const h of profile.header) if (!header.has(h.field)) header.set(h.field, h.label.replace(/^其中[：:]/, ''));
  const columns = new Map<string, string>();
  for (const c of columnsOf(profile)) {
    // In the parts form the 指标值 column holds the number; the one-cell text is named 指标值 as well.
    const field = c.field === 'number' ? 'value' : c.field;
    if (!columns.has(field)) columns.set(field, c.label);
  }
  const labels: FormLabels = {
    project: (f) => header.get(f) ?? PROJECT_FIELD_LABEL[f] ?? f,
    indicator: (f) => columns.get(f) ?? PROJECT_INDICATOR_LABEL[f] ?? f,
    header,
  };
  formLabelCache.set(profile, labels);
  return labels;
}
