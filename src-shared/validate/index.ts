// 审核 (validation): run the rule registry over a document. `validateDocument` checks everything;
// `createIncrementalValidator` caches each duty's and project's findings by object identity (the
// editor updates immutably, so an unchanged object is an unchanged subtree) and re-checks only what
// changed, plus the cheap document-wide rules.
import type { Duty, JixiaoDocument, Project } from '../model/schema';
import { DOCUMENT_RULES } from './document-rules';
import { DUTY_RULES } from './duty-rules';
import { PROJECT_RULES } from './project-rules';
import { contextKey, contextOf, type Rule, type RuleContext } from './registry';
import type { Finding } from './types';

export type { Finding, Severity, CellPath } from './types';
export type { Rule, Scope, RuleContext } from './registry';
export { duplicatedDigits } from './value-checks';
export { indicatorNature } from './indicator-kind';
export { runTogetherNames, repeatedFragment } from './text-shape';

export const RULES: readonly Rule[] = [...DUTY_RULES, ...PROJECT_RULES, ...DOCUMENT_RULES];

/** Every code the registry can emit. */
export const CODES: readonly string[] = [...new Set(RULES.flatMap((r) => r.codes))];

function checkDuty(duty: Duty, index: number, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of DUTY_RULES) r.check(duty, index, ctx, out);
  return out;
}

function checkProject(project: Project, index: number, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of PROJECT_RULES) r.check(project, index, ctx, out);
  return out;
}

function checkDocument(doc: JixiaoDocument, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of DOCUMENT_RULES) r.check(doc, ctx, out);
  return out;
}

/** Rules never throw on odd data: a crashing rule becomes nothing rather than a lost report. */
function guarded(fn: () => Finding[]): Finding[] {
  try { return fn(); } catch { return []; }
}

export function validateDocument(doc: JixiaoDocument): Finding[] {
  const ctx = contextOf(doc);
  const out: Finding[] = [];
  doc.dutyTable.duties.forEach((d, i) => out.push(...guarded(() => checkDuty(d, i, ctx))));
  doc.projects.forEach((p, i) => out.push(...guarded(() => checkProject(p, i, ctx))));
  out.push(...guarded(() => checkDocument(doc, ctx)));
  return out;
}

interface Cached { index: number; ctx: string; findings: Finding[] }

export interface IncrementalValidator {
  validate(doc: JixiaoDocument): Finding[];
}

export function createIncrementalValidator(): IncrementalValidator {
  const duties = new WeakMap<Duty, Cached>();
  const projects = new WeakMap<Project, Cached>();
  return {
    validate(doc) {
      const ctx = contextOf(doc);
      const key = contextKey(ctx);
      const parts: Finding[][] = [];
      doc.dutyTable.duties.forEach((d, i) => {
        let c = duties.get(d);
        if (!c || c.index !== i || c.ctx !== key) {
          c = { index: i, ctx: key, findings: guarded(() => checkDuty(d, i, ctx)) };
          duties.set(d, c);
        }
        parts.push(c.findings);
      });
      doc.projects.forEach((p, i) => {
        let c = projects.get(p);
        if (!c || c.index !== i || c.ctx !== key) {
          c = { index: i, ctx: key, findings: guarded(() => checkProject(p, i, ctx)) };
          projects.set(p, c);
        }
        parts.push(c.findings);
      });
      parts.push(guarded(() => checkDocument(doc, ctx)));
      return ([] as Finding[]).concat(...parts);
    },
  };
}
