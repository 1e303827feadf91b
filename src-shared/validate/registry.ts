// The rule registry. A rule declares the codes it may emit and its scope: a duty rule sees one
// duty (with its activities and indicators), a project rule one project, a document rule the whole
// document. Duty and project results depend only on that object, its position and the context
// key, which is what lets the incremental validator cache them by object identity.
import { activityNumber, dutyNumber } from '../model/numbering';
import type { Duty, JixiaoDocument, Project } from '../model/schema';
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

export type Scope = 'duty' | 'project' | 'document';

interface RuleBase {
  id: string; codes: readonly string[]; description: string;
  /** Codes of this rule whose findings in one table are one cause (group.ts); the others stay per cell. */
  groups?: Readonly<Record<string, GroupPolicy>>;
}
export interface DutyRule extends RuleBase { scope: 'duty'; check(duty: Duty, index: number, ctx: RuleContext, out: Finding[]): void }
export interface ProjectRule extends RuleBase { scope: 'project'; check(project: Project, index: number, ctx: RuleContext, out: Finding[]): void }
export interface DocumentRule extends RuleBase { scope: 'document'; check(doc: JixiaoDocument, ctx: RuleContext, out: Finding[]): void }
export type Rule = DutyRule | ProjectRule | DocumentRule;

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

export function finding(rowId: string, field: string, where: string, text: string, issue: CellIssue): Finding {
  const f: Finding = { severity: issue.severity, code: issue.code, path: { rowId, field }, where, text, message: issue.message };
  if (issue.suggestion !== undefined && issue.suggestion !== text) f.suggestion = issue.suggestion;
  return f;
}
