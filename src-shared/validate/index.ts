// 审核 (validation): run the rule registry over a document. `validateDocument` checks everything;
// `createIncrementalValidator` caches each duty's and project's findings by object identity (the
// editor updates immutably, so an unchanged object is an unchanged subtree) and re-checks only what
// changed, plus the cheap document-wide rules.
import type { DeptWide, Duty, JixiaoDocument, Project } from '../model/schema';
import { DEPT_WIDE_ID, hasDeptWideContent } from '../model/factory';
import { profileOf } from '../model/templates';
import { DOCUMENT_RULES } from './document-rules';
import { DUTY_RULES } from './duty-rules';
import { deptWideTable, INDICATOR_RULES, PROJECT_RULES, projectTable } from './project-rules';
import { SELFEVAL_RULES } from './selfeval-rules';
import { DEPT_WIDE_RULES, STRUCTURED_INDICATOR_RULES } from './structured-rules';
import { contextKey, contextOf, DEPT_WIDE_TABLE, dutyWhere, projectWhere, type IndicatorTable, type Rule, type RuleContext } from './registry';
import { groupFindings } from './group';
import type { Finding, GroupPolicy } from './types';

export type { Finding, FindingCell, Severity, CellPath } from './types';
export { SEVERITY_LABEL, findingCells, countBySeverity } from './types';
export type { GroupPolicy } from './types';
export type { Rule, Scope, RuleContext, IndicatorTable } from './registry';
export { DEPT_WIDE_TABLE } from './registry';
export { duplicatedDigits } from './value-checks';
export { indicatorNature, isLowerBetter } from '../model/indicator-kind';
export { runTogetherNames, repeatedFragment } from './text-shape';

/** Rules of a table's indicator rows: a project's, and the department-wide table's alike. */
const TABLE_RULES = [...INDICATOR_RULES, ...STRUCTURED_INDICATOR_RULES];

export const RULES: readonly Rule[] = [...DUTY_RULES, ...PROJECT_RULES, ...TABLE_RULES, ...SELFEVAL_RULES, ...DEPT_WIDE_RULES, ...DOCUMENT_RULES];

/** Every code the registry can emit. */
export const CODES: readonly string[] = [...new Set(RULES.flatMap((r) => r.codes))];

/** Which codes group into one finding per table, and how (declared by the rules). */
export const GROUP_POLICIES: ReadonlyMap<string, GroupPolicy> = new Map(RULES.flatMap((r) => Object.entries(r.groups ?? {})));

const ROW_FIELDS = ['title', 'code', 'name', 'budget', 'fiscal', 'other', 'purpose', 'schedule', 'description', 'goal', 'level1', 'level2', 'bands', 'value', 'basis'];

/** Findings in table order (row, then column), whatever rule produced them; stable otherwise. */
function inTableOrder(out: Finding[], rowIds: string[]): Finding[] {
  if (out.length < 2) return out;
  const row = new Map<string, number>();
  rowIds.forEach((id, k) => row.set(id, k));
  const col = (field: string) => {
    const [base, n] = field.split('.');
    const k = ROW_FIELDS.indexOf(base);
    return (k < 0 ? ROW_FIELDS.length : k) * 100 + (n ? Number(n) : 0);
  };
  return out
    .map((f, k) => ({ f, k, r: row.get(f.path.rowId) ?? rowIds.length, c: col(f.path.field) }))
    .sort((a, b) => a.r - b.r || a.c - b.c || a.k - b.k)
    .map((x) => x.f);
}

function checkDuty(duty: Duty, index: number, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of DUTY_RULES) r.check(duty, index, ctx, out);
  if (out.length < 2) return out;
  const ids = [duty.id, ...duty.indicators.map((i) => i.id)];
  for (const a of duty.activities) ids.push(a.id, ...a.indicators.map((i) => i.id));
  return inTableOrder(out, ids);
}

/**
 * A project with a self-evaluation part and no target indicators is a self-evaluation on its own
 * (a 自评表 imported without its 绩效目标表): the target-table rules would only report that the
 * table which was never sent is empty, once per 一级 — noise for the reviewer, not a defect.
 */
const selfevalOnly = (p: Project) => p.selfeval !== undefined && p.indicators.length === 0;

function checkIndicators(table: IndicatorTable, ctx: RuleContext, out: Finding[]): void {
  for (const r of TABLE_RULES) r.check(table, ctx, out);
}

function checkProject(project: Project, index: number, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  if (!selfevalOnly(project)) {
    for (const r of PROJECT_RULES) r.check(project, index, ctx, out);
    checkIndicators(projectTable(project, index, ctx.labels), ctx, out);
  }
  for (const r of SELFEVAL_RULES) r.check(project, index, ctx, out);
  if (out.length < 2) return out;
  return groupFindings(inTableOrder(out, [project.id, ...project.indicators.map((i) => i.id), ...(project.selfeval?.indicators.map((i) => i.id) ?? [])]), GROUP_POLICIES);
}

/** The department-wide table: its own cells, then its indicator rows with the projects' rules. A
 * table nothing was typed into yet (a new document of the form), or kept from a form that has none
 * (文档设置 switched the form), is not audited, as it is not printed. */
function checkDeptWide(wide: DeptWide | undefined, ctx: RuleContext): Finding[] {
  if (!hasDeptWideContent(wide) || !profileOf(ctx.template.id).tables.includes('department-wide')) return [];
  const out: Finding[] = [];
  for (const r of DEPT_WIDE_RULES) r.check(wide, ctx, out);
  checkIndicators(deptWideTable(wide), ctx, out);
  if (out.length < 2) return out;
  return groupFindings(inTableOrder(out, [DEPT_WIDE_ID, ...wide.tasks.map((t) => t.id), ...wide.indicators.map((i) => i.id)]), GROUP_POLICIES);
}

function checkDocument(doc: JixiaoDocument, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of DOCUMENT_RULES) r.check(doc, ctx, out);
  return out;
}

/** Rules never throw on odd data: a crashing rule becomes one warning instead of a lost report. */
function guarded(rowId: string, where: string, fn: () => Finding[]): Finding[] {
  try {
    return fn();
  } catch (err) {
    return [{
      severity: 'warning', code: 'internal.rule-failed', path: { rowId, field: 'title' }, where, text: '',
      message: `审核规则在此处出错，部分检查未完成（${err instanceof Error ? err.message : String(err)}），请将文件反馈给开发者`,
    }];
  }
}

export function validateDocument(doc: JixiaoDocument): Finding[] {
  const ctx = contextOf(doc);
  const duties: Finding[] = [];
  doc.dutyTable.duties.forEach((d, i) => duties.push(...guarded(d.id, dutyWhere(d, i), () => checkDuty(d, i, ctx))));
  // The duty table is one table: its causes group across duties.
  const out = groupFindings(duties, GROUP_POLICIES).slice();
  out.push(...guarded(DEPT_WIDE_ID, DEPT_WIDE_TABLE, () => checkDeptWide(doc.deptWide, ctx)));
  doc.projects.forEach((p, i) => out.push(...guarded(p.id, projectWhere(i), () => checkProject(p, i, ctx))));
  out.push(...guarded('meta', '文档', () => checkDocument(doc, ctx)));
  return out;
}

interface Cached { index: number; ctx: string; findings: Finding[] }

export interface IncrementalValidator {
  validate(doc: JixiaoDocument): Finding[];
}

export function createIncrementalValidator(): IncrementalValidator {
  const duties = new WeakMap<Duty, Cached>();
  const projects = new WeakMap<Project, Cached>();
  let dept: { wide: DeptWide | undefined; ctx: string; findings: Finding[] } | null = null;
  return {
    validate(doc) {
      const ctx = contextOf(doc);
      const key = contextKey(ctx);
      const dutyParts: Finding[][] = [];
      doc.dutyTable.duties.forEach((d, i) => {
        let c = duties.get(d);
        if (!c || c.index !== i || c.ctx !== key) {
          c = { index: i, ctx: key, findings: guarded(d.id, dutyWhere(d, i), () => checkDuty(d, i, ctx)) };
          duties.set(d, c);
        }
        dutyParts.push(c.findings);
      });
      const parts: Finding[][] = [groupFindings(([] as Finding[]).concat(...dutyParts), GROUP_POLICIES)];
      if (!dept || dept.wide !== doc.deptWide || dept.ctx !== key) dept = { wide: doc.deptWide, ctx: key, findings: guarded(DEPT_WIDE_ID, DEPT_WIDE_TABLE, () => checkDeptWide(doc.deptWide, ctx)) };
      parts.push(dept.findings);
      doc.projects.forEach((p, i) => {
        let c = projects.get(p);
        if (!c || c.index !== i || c.ctx !== key) {
          c = { index: i, ctx: key, findings: guarded(p.id, projectWhere(i), () => checkProject(p, i, ctx)) };
          projects.set(p, c);
        }
        parts.push(c.findings);
      });
      parts.push(guarded('meta', '文档', () => checkDocument(doc, ctx)));
      return ([] as Finding[]).concat(...parts);
    },
  };
}
