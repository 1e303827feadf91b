// Every cell of the document a clerk can search, in table order: the document settings' texts, the
// duty table (duties, activities, their indicators and bands, the 备注), the department-wide table
// (its tasks, 金额合计, 年度总体目标 and indicators — the editor's tabs in order), each project (its
// fields, schedule, indicators, then its self-evaluation part). A cell carries its document path
// (for the replace patch), the row id + field a Finding would use (to jump to it), and its `where`.
// Choices (year, unit, template, 评价等级, 达成/未达成) and ids are not texts and are left out.
import { BAND_LABEL, DEPT_TASK_LABEL, DEPT_WIDE_FIELD_LABEL, DUTY_FIELD_LABEL, FUND_COLUMN_LABEL, FUND_ROW_LABEL, formLabels, META_FIELD_LABEL, SELFEVAL_FIELD_LABEL, type FormLabels, SELFEVAL_INDICATOR_LABEL } from '../model/labels';
import type { Path } from '../commands/patch';
import { DEPT_WIDE_ID, profileOf, templateOrDefault, type Activity, type DeptWide, type JixiaoDocument, type Project, type ProjectIndicator, type SelfEval } from '../model';
import { activityWhere, DEPT_WIDE_TABLE, DUTY_TABLE, dutyWhere, indicatorCellWhere, named, projectWhere, SEP } from '../validate/registry';
import { indicatorWhere as dutyIndicatorWhere } from '../validate/duty-rules';

/** How a cell's value is stored: free text, or an exact decimal (money in the document's unit, a
 * percent of the schedule, a plain number such as a self-evaluation weight or score). */
export type CellKind = 'text' | 'money' | 'percent' | 'number';

/** The table a cell belongs to, as the editor shows them. */
export type TableRef =
  | { table: 'meta' }
  | { table: 'duty' }
  | { table: 'deptWide' }
  | { table: 'project'; projectId: string }
  | { table: 'selfeval'; projectId: string };

/** What to search: the whole document or one table. */
export type FindScope = { table: 'all' } | TableRef;

export interface DocCell {
  table: TableRef;
  /** As in a Finding's path: the row's id ('meta' for the settings) and the field. */
  rowId: string;
  field: string;
  /** Where the value lives in the document. */
  path: Path;
  kind: CellKind;
  /** The value as stored. */
  value: string;
  /** `项目 5 › 产出指标 › 参保率 › 指标值`, built only for hits. */
  where(): string;
}

export const SELFEVAL = '绩效自评';

type Fields = Record<string, [label: string, kind: CellKind]>;

/** Self-evaluation fields of the part itself (funds, weights and indicators are walked apart), with
 * the labels its 审核 rules use. */
const seField = (f: string, kind: CellKind): [string, CellKind] => [SELFEVAL_FIELD_LABEL[f], kind];
export const SELFEVAL_FIELDS: Fields = Object.fromEntries(([
  ['implementer', 'text'], ['authority', 'text'], ['progress', 'text'], ['goal', 'text'], ['achieved', 'text'], ['completionRate', 'text'],
  ['budgetRateWeight', 'number'], ['budgetRateScore', 'number'], ['total', 'number'],
  ['problems', 'text'], ['preparer', 'text'], ['phone', 'text'], ['date', 'text'], ['budgetRateScoreText', 'text'], ['fundsReason', 'text'],
  ['conclusion', 'text'], ['measures', 'text'], ['manager', 'text'], ['financeManager', 'text'],
] as const).map(([f, kind]) => [f, seField(f, kind)]));
export const SELFEVAL_INDICATOR_FIELDS: Fields = Object.fromEntries(([
  ['level1', 'text'], ['level2', 'text'], ['name', 'text'], ['description', 'text'], ['target', 'text'], ['actual', 'text'],
  ['weight', 'number'], ['score', 'number'], ['deviation', 'text'], ['scoreText', 'text'], ['explanation', 'text'], ['scoring', 'text'], ['remark', 'text'],
] as const).map(([f, kind]) => [f, [SELFEVAL_INDICATOR_LABEL[f], kind]]));

/** Project fields in the order of the form (the schedule and indicators follow). */
const PROJECT_FIELDS = [
  'code', 'name', 'authority', 'implementer', 'manager', 'attribute', 'period', 'budget', 'fiscal', 'other', 'midTermTotal', 'midTermFiscal', 'midTermOther', 'carryOver',
  'purpose', 'overallGoal', 'goal',
] as const;
const PROJECT_MONEY = new Set<string>(['budget', 'fiscal', 'other', 'midTermTotal', 'midTermFiscal', 'midTermOther', 'carryOver']);
const DUTY_OWNER = ['title', 'budget', 'description', 'goal'] as const;
// The parts of `value` (operator/number/unit) are another view of it, not cells of their own: a
// search finds the value once, and a replaced value re-derives its parts (model/parts.ts).
const PROJECT_INDICATOR = ['level1', 'level2', 'name', 'description', 'value', 'basis', 'explanation', 'scoring', 'remark'] as const;
const TASK_FIELDS = ['name', 'content', 'total', 'fiscal', 'other'] as const;
const TASK_MONEY = new Set<string>(['total', 'fiscal', 'other']);

const inScope = (scope: FindScope, t: TableRef) =>
  scope.table === 'all' || (scope.table === t.table && (!('projectId' in scope) || ('projectId' in t && t.projectId === scope.projectId)));

/** Decides from the value alone whether a cell is wanted, before its path and where are built
 * (a search looks at ~35,000 cells of a large document and keeps a few). */
export type CellFilter = (value: string, kind: CellKind) => boolean;

/** The accepted cells; `take` asks the filter, `push` adds a cell that was taken. */
class Cells {
  readonly list: DocCell[] = [];
  constructor(private readonly accept: CellFilter) {}
  take(value: unknown, kind: CellKind): value is string { return typeof value === 'string' && this.accept(value, kind); }
  push(cell: DocCell): void { this.list.push(cell); }
}

/** The searchable cells of `scope` that `accept` takes, in table order. `accept` is called once
 * per cell in that order, right before an accepted cell is added. */
export function documentCells(doc: JixiaoDocument, scope: FindScope = { table: 'all' }, accept: CellFilter = () => true): DocCell[] {
  const out = new Cells(accept);
  const meta: TableRef = { table: 'meta' };
  if (inScope(scope, meta)) {
    for (const [field, label] of Object.entries(META_FIELD_LABEL)) {
      const v = (doc.meta as Record<string, unknown>)[field];
      if (out.take(v, 'text')) out.push({ table: meta, rowId: 'meta', field, path: ['meta', field], kind: 'text', value: v, where: () => `文档设置${SEP}${label}` });
    }
  }
  const duty: TableRef = { table: 'duty' };
  if (inScope(scope, duty)) dutyCells(doc, duty, out);
  const wide: TableRef = { table: 'deptWide' };
  // Only where its tab is shown: a table kept from another form (文档设置 switched it) has no cell to go to.
  // Indicator fields named as the document's form names them, as the 审核 does.
  const form = profileOf(doc.meta.templateId);
  const labels = formLabels(form);
  if (doc.deptWide && inScope(scope, wide) && form.tables.includes('department-wide')) deptWideCells(doc.deptWide, wide, labels, out);
  doc.projects.forEach((p, i) => {
    const target: TableRef = { table: 'project', projectId: p.id };
    if (inScope(scope, target)) projectCells(doc, p, i, target, labels, out);
    const self: TableRef = { table: 'selfeval', projectId: p.id };
    if (p.selfeval && inScope(scope, self)) selfevalCells(p.selfeval, p.id, i, self, out);
  });
  return out.list;
}

function dutyCells(doc: JixiaoDocument, table: TableRef, out: Cells): void {
  doc.dutyTable.duties.forEach((duty, d) => {
    const dw = dutyWhere(duty, d);
    const owner = (row: Activity, path: Path, rowWhere: () => string) => {
      for (const f of DUTY_OWNER) {
        const kind = f === 'budget' ? 'money' : 'text';
        if (out.take(row[f], kind)) out.push({ table, rowId: row.id, field: f, path: [...path, f], kind, value: row[f], where: () => `${rowWhere()}${SEP}${DUTY_FIELD_LABEL[f]}` });
      }
      row.indicators.forEach((ind, k) => {
        const iw = () => dutyIndicatorWhere(rowWhere(), ind);
        if (out.take(ind.name, 'text')) out.push({ table, rowId: ind.id, field: 'name', path: [...path, 'indicators', k, 'name'], kind: 'text', value: ind.name, where: () => `${iw()}${SEP}绩效指标` });
        ind.bands.forEach((b, j) => {
          if (out.take(b, 'text')) out.push({ table, rowId: ind.id, field: `bands.${j}`, path: [...path, 'indicators', k, 'bands', j], kind: 'text', value: b, where: () => `${iw()}${SEP}${BAND_LABEL[j]}` });
        });
      });
    };
    const dp: Path = ['dutyTable', 'duties', d];
    owner(duty, dp, () => dw);
    duty.activities.forEach((act, a) => owner(act, [...dp, 'activities', a], () => activityWhere(dw, act.title, a)));
  });
  const note = doc.dutyTable.note;
  if (out.take(note, 'text')) out.push({ table, rowId: 'dutyTable', field: 'note', path: ['dutyTable', 'note'], kind: 'text', value: note, where: () => `${DUTY_TABLE}${SEP}备注` });
}

function projectCells(doc: JixiaoDocument, p: Project, i: number, table: TableRef, labels: FormLabels, out: Cells): void {
  const pp: Path = ['projects', i];
  const fieldWhere = (label: string) => () => `${projectWhere(i)}${SEP}${label}`;
  for (const f of PROJECT_FIELDS) {
    const kind: CellKind = PROJECT_MONEY.has(f) ? 'money' : 'text';
    const v = p[f];
    if (out.take(v, kind)) out.push({ table, rowId: p.id, field: f, path: [...pp, f], kind, value: v, where: fieldWhere(labels.project(f)) });
  }
  p.schedule.forEach((v, k) => {
    if (!out.take(v, 'percent')) return;
    const checkpoint = templateOrDefault(doc.meta.templateId).checkpoints[k] ?? `第${k + 1}期`;
    out.push({ table, rowId: p.id, field: `schedule.${k}`, path: [...pp, 'schedule', k], kind: 'percent', value: v, where: fieldWhere(`资金支出计划${SEP}${checkpoint}`) });
  });
  indicatorCells(p.indicators, [...pp, 'indicators'], projectWhere(i), table, labels, out);
}

/** A project's or the department-wide table's indicator rows, named as the findings name them. */
function indicatorCells(inds: ProjectIndicator[], list: Path, tableWhere: string, table: TableRef, labels: FormLabels, out: Cells): void {
  inds.forEach((ind, k) => {
    if (out.take(ind.weight, 'number')) out.push({ table, rowId: ind.id, field: 'weight', path: [...list, k, 'weight'], kind: 'number', value: ind.weight, where: () => indicatorCellWhere(tableWhere, ind, 'weight', labels) });
    for (const f of PROJECT_INDICATOR) {
      if (out.take(ind[f], 'text')) out.push({ table, rowId: ind.id, field: f, path: [...list, k, f], kind: 'text', value: ind[f], where: () => indicatorCellWhere(tableWhere, ind, f, labels) });
    }
  });
}

/** 年度主要任务 (row id: the task's), 金额合计, 职能职责 and 年度总体目标 (row id DEPT_WIDE_ID), the indicators. */
function deptWideCells(dw: DeptWide, table: TableRef, labels: FormLabels, out: Cells): void {
  dw.tasks.forEach((t, k) => {
    const tw = () => `${DEPT_WIDE_TABLE}${SEP}年度主要任务${SEP}${named(t.name, `（任务 ${k + 1}）`)}`;
    for (const f of TASK_FIELDS) {
      const kind: CellKind = TASK_MONEY.has(f) ? 'money' : 'text';
      if (out.take(t[f], kind)) out.push({ table, rowId: t.id, field: f, path: ['deptWide', 'tasks', k, f], kind, value: t[f], where: () => `${tw()}${SEP}${DEPT_TASK_LABEL[f]}` });
    }
  });
  // In the form's order: 金额合计 (and its split, where an imported form printed it), the 职能职责 text, the goal.
  for (const f of ['total', 'totalFiscal', 'totalOther', 'functions', 'goal'] as const) {
    const kind: CellKind = f === 'functions' || f === 'goal' ? 'text' : 'money';
    if (out.take(dw[f], kind)) out.push({ table, rowId: DEPT_WIDE_ID, field: f, path: ['deptWide', f], kind, value: dw[f], where: () => `${DEPT_WIDE_TABLE}${SEP}${DEPT_WIDE_FIELD_LABEL[f]}` });
  }
  indicatorCells(dw.indicators, ['deptWide', 'indicators'], DEPT_WIDE_TABLE, table, labels, out);
}

function selfevalCells(s: SelfEval, projectId: string, i: number, table: TableRef, out: Cells): void {
  const sp: Path = ['projects', i, 'selfeval'];
  const head = () => `${projectWhere(i)}${SEP}${SELFEVAL}`;
  const own = (fields: string[]) => {
    for (const f of fields) {
      const [label, kind] = SELFEVAL_FIELDS[f];
      const v = (s as unknown as Record<string, unknown>)[f];
      if (out.take(v, kind)) out.push({ table, rowId: projectId, field: `selfeval.${f}`, path: [...sp, f], kind, value: v, where: () => `${head()}${SEP}${label}` });
    }
  };
  own(['implementer', 'authority']);
  for (const [row, rowLabel] of Object.entries(FUND_COLUMN_LABEL)) {
    const split = (s.funds as Record<string, Record<string, unknown> | undefined>)[row];
    if (!split) continue;
    for (const [f, label] of Object.entries(FUND_ROW_LABEL)) {
      const v = split[f];
      if (out.take(v, 'money')) {
        out.push({ table, rowId: projectId, field: `selfeval.funds.${row}.${f}`, path: [...sp, 'funds', row, f], kind: 'money', value: v, where: () => `${head()}${SEP}${rowLabel}${SEP}${label}` });
      }
    }
  }
  own(['progress']);
  // 预算执行率 of the split rows (structured form), by fund row.
  for (const [k, v] of Object.entries(s.progressByRow ?? {})) {
    if (out.take(v, 'text')) out.push({ table, rowId: projectId, field: `selfeval.progressByRow.${k}`, path: [...sp, 'progressByRow', k], kind: 'text', value: v, where: () => `${head()}${SEP}${FUND_ROW_LABEL[k] ?? k}${SEP}预算执行率` });
  }
  own(['goal', 'achieved', 'completionRate']);
  s.level1Weights.forEach((w, k) => {
    const ww = () => `${head()}${SEP}一级指标分值${SEP}${named(w.level1, '（未填一级指标）')}`;
    const wp: Path = [...sp, 'level1Weights', k];
    if (out.take(w.level1, 'text')) out.push({ table, rowId: projectId, field: `selfeval.level1Weights.${k}.level1`, path: [...wp, 'level1'], kind: 'text', value: w.level1, where: () => `${ww()}${SEP}一级指标` });
    if (out.take(w.weight, 'number')) out.push({ table, rowId: projectId, field: `selfeval.level1Weights.${k}.weight`, path: [...wp, 'weight'], kind: 'number', value: w.weight, where: () => `${ww()}${SEP}分值` });
  });
  s.indicators.forEach((ind, k) => {
    const iw = () => `${head()}${SEP}${named(ind.level1, '（未填一级指标）')}${SEP}${named(ind.name, '（未填写指标名称）')}`;
    for (const [f, [label, kind]] of Object.entries(SELFEVAL_INDICATOR_FIELDS)) {
      const v = (ind as unknown as Record<string, unknown>)[f];
      if (out.take(v, kind)) out.push({ table, rowId: ind.id, field: f, path: [...sp, 'indicators', k, f], kind, value: v, where: () => `${iw()}${SEP}${label}` });
    }
  });
  const row = s.budgetRateRow;
  if (row) {
    for (const [f, label] of [['name', '名称'], ['target', '指标值'], ['actual', '实际完成值']] as const) {
      if (out.take(row[f], 'text')) out.push({ table, rowId: projectId, field: `selfeval.budgetRateRow.${f}`, path: [...sp, 'budgetRateRow', f], kind: 'text', value: row[f], where: () => `${head()}${SEP}预算执行率${SEP}${label}` });
    }
  }
  own(['budgetRateWeight', 'budgetRateScore', 'budgetRateScoreText', 'fundsReason', 'total', 'conclusion', 'problems', 'measures', 'preparer', 'phone', 'date', 'manager', 'financeManager']);
}
