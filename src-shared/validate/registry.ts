// The rule registry. A rule declares the codes it may emit and its scope: a duty rule sees one
// duty (with its activities and indicators), a project rule one project, a document rule the whole
// document. Duty and project results depend only on that object, its position and the context
// key, which is what lets the incremental validator cache them by object identity.
import { activityNumber, dutyNumber } from '../model/numbering';
import type { DeptWide, Duty, JixiaoDocument, Project, ProjectIndicator } from '../model/schema';
import { profileOf, selfevalTemplateFor, templateOrDefault, type SelfevalTemplate, type Template } from '../model/templates';
import { formLabels, type FormLabels } from '../model/labels';
import type { MoneyUnit } from '../model/amount';
import type { CellIssue } from './value-checks';
import type { Finding, GroupPolicy } from './types';

export interface RuleContext {
  template: Template;
  unit: MoneyUnit;
  deptCode: string;
  /** The self-evaluation layout (weights, grades, instruction text). */
  selfeval: SelfevalTemplate;
  /** The form's names of the fields, for the locations (`项目 1 › 单位名称`). Follows `template`. */
  labels: FormLabels;
}

/** `indicators`: the indicator rows of one table, a project's or the department-wide table's
 * (IndicatorTable); `deptWide`: the department-wide table's own cells (tasks, 金额合计). */
export type Scope = 'duty' | 'project' | 'indicators' | 'deptWide' | 'document';

interface RuleBase {
  id: string; codes: readonly string[]; description: string;
  /** Codes of this rule whose findings in one table are one cause (group.ts); the others stay per cell. */
  groups?: Readonly<Record<string, GroupPolicy>>;
}
export interface DutyRule extends RuleBase { scope: 'duty'; check(duty: Duty, index: number, ctx: RuleContext, out: Finding[]): void }
export interface ProjectRule extends RuleBase { scope: 'project'; check(project: Project, index: number, ctx: RuleContext, out: Finding[]): void }
export interface IndicatorRule extends RuleBase { scope: 'indicators'; check(table: IndicatorTable, ctx: RuleContext, out: Finding[]): void }
export interface DeptWideRule extends RuleBase { scope: 'deptWide'; check(wide: DeptWide, ctx: RuleContext, out: Finding[]): void }
export interface DocumentRule extends RuleBase { scope: 'document'; check(doc: JixiaoDocument, ctx: RuleContext, out: Finding[]): void }
export type Rule = DutyRule | ProjectRule | IndicatorRule | DeptWideRule | DocumentRule;

/**
 * The indicator rows of one table — a project's, or the department-wide table's (issue 18) — which
 * the indicator rules check alike: the same form, the same vocabulary, the same rules.
 */
export interface IndicatorTable {
  /** The owner's row id: a project id, or DEPT_WIDE_ID. */
  id: string;
  /** The table for people: `项目 3`, `部门整体`. */
  where: string;
  /** What the table is called in a message: 项目, 部门整体表. */
  noun: string;
  indicators: ProjectIndicator[];
  /** The cell a finding about the whole table points at (项目名称; the department-wide indicator list). */
  head: { field: string; where: string; text: string };
}

export function contextOf(doc: JixiaoDocument): RuleContext {
  return {
    template: templateOrDefault(doc.meta.templateId), unit: doc.meta.unit, deptCode: doc.meta.deptCode.trim(), selfeval: selfevalTemplateFor(doc.meta),
    labels: formLabels(profileOf(doc.meta.templateId)),
  };
}

/** Everything duty/project results depend on besides the object itself. */
export function contextKey(ctx: RuleContext): string {
  return `${ctx.template.id}\u0001${ctx.unit}\u0001${ctx.deptCode}\u0001${ctx.selfeval.id}`;
}

// ---- locations ----

export const DUTY_TABLE = '部门职责-工作活动';
export const SEP = ' › ';


export const named = (text: string, fallback: string) => (text.trim() === '' ? fallback : text.trim());

export function dutyWhere(duty: Duty, index: number): string {
  return `${DUTY_TABLE}${SEP}${dutyNumber(index)}${named(duty.title, '（未填写职责）')}`;
}
export function activityWhere(dutyWhereText: string, title: string, index: number): string {
  return `${dutyWhereText}${SEP}${activityNumber(index)}${named(title, '（未填写工作活动）')}`;
}
export function projectWhere(index: number): string {
  return `项目 ${index + 1}`;
}
/** The department-wide table (部门（单位）整体支出绩效目标表) in locations, and its owner row id. */
export const DEPT_WIDE_TABLE = '部门整体';
/** An indicator row's cell, the field named as the form (`labels`) names it: `项目 3 › 产出指标 ›
 * 参保率 › 指标值`, `部门整体 › … › 指标值`. */
export function indicatorCellWhere(tableWhere: string, ind: ProjectIndicator, field: string, labels: FormLabels): string {
  return `${tableWhere}${SEP}${named(ind.level1, '（未填一级指标）')}${SEP}${named(ind.name, '（未填写指标名称）')}${SEP}${labels.indicator(field)}`;
}

export function finding(rowId: string, field: string, where: string, text: string, issue: CellIssue): Finding {
  const f: Finding = { severity: issue.severity, code: issue.code, path: { rowId, field }, where, text, message: issue.message };
  if (issue.suggestion !== undefined && issue.suggestion !== text) f.suggestion = issue.suggestion;
  return f;
}
