// The exchange sheet for the integrated budget system (预算管理一体化): one row per indicator, the
// columns the online system's indicator import takes. Data, shared by the exporter and the
// importer so the two can never disagree. Department-wide indicators go on a second sheet whose
// first two columns are the department instead of the project.
export const EXCHANGE_SHEET = '项目绩效指标';
export const EXCHANGE_DEPT_SHEET = '部门整体绩效指标';

/** Column → where its text comes from: the project (or department) and the indicator. */
export const EXCHANGE_COLUMNS = [
  { label: '项目编码', deptLabel: '部门编码', from: 'owner.code' },
  { label: '项目名称', deptLabel: '部门名称', from: 'owner.name' },
  { label: '一级指标', from: 'level1' },
  { label: '二级指标', from: 'level2' },
  { label: '三级指标', from: 'name' },
  { label: '指标内容', from: 'description' },
  { label: '评（扣）分标准', from: 'scoring' },
  { label: '指标性质', from: 'operator' },
  { label: '指标值', from: 'number' },
  { label: '度量单位', from: 'unit' },
  { label: '权重', from: 'weight' },
  { label: '指标方向', from: 'direction' },
  { label: '备注', from: 'remark' },
] as const;

export type ExchangeField = (typeof EXCHANGE_COLUMNS)[number]['from'];
export const EXCHANGE_LABELS: string[] = EXCHANGE_COLUMNS.map((c) => c.label);
export const EXCHANGE_DEPT_LABELS: string[] = EXCHANGE_COLUMNS.map((c) => ('deptLabel' in c ? c.deptLabel : c.label));
