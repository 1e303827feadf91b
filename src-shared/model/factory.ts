// Constructors for empty rows and documents, so every caller creates rows with ids and all fields.
import { newId } from './ids';
import {
  FORMAT, SCHEMA_VERSION, type Activity, type Duty, type DutyIndicator, type FundSplit, type JixiaoDocument, type Meta, type Project, type ProjectIndicator,
  type SelfEval, type SelfEvalIndicator, type DeptTask, type DeptWide,
} from './schema';
import { DEFAULT_TEMPLATE_ID, profileOf, templateOrDefault } from './templates';

export function newDutyIndicator(init: Partial<DutyIndicator> = {}): DutyIndicator {
  return { id: newId('i'), name: '', bands: ['', '', '', ''], ...init };
}

export function newActivity(init: Partial<Activity> = {}): Activity {
  return { id: newId('a'), title: '', budget: '', description: '', goal: '', indicators: [], ...init };
}

export function newDuty(init: Partial<Duty> = {}): Duty {
  return { id: newId('d'), title: '', budget: '', description: '', goal: '', indicators: [], activities: [], ...init };
}

export function newProjectIndicator(init: Partial<ProjectIndicator> = {}): ProjectIndicator {
  return { id: newId('pi'), level1: '', level2: '', name: '', description: '', value: '', basis: '', ...init };
}

export function newProject(templateId: string, init: Partial<Project> = {}): Project {
  const checkpoints = templateOrDefault(templateId).checkpoints;
  return {
    id: newId('p'), code: '', name: '', budget: '', fiscal: '', other: '', purpose: '',
    schedule: checkpoints.map(() => ''), goal: '', indicators: [], ...init,
  };
}

/**
 * The budget year a new document is for. Departments prepare next year's tables from autumn on
 * (the budget goes to the finance bureau in Sept–Dec), so from September the default is next year.
 */
export function defaultBudgetYear(now: Date = new Date()): number {
  return now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear();
}

export function newDocument(meta: Partial<Meta> = {}): JixiaoDocument {
  const doc: JixiaoDocument = {
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: { deptCode: '', deptName: '', year: defaultBudgetYear(), unit: '万元', templateId: DEFAULT_TEMPLATE_ID, ...meta },
    dutyTable: { duties: [], note: '' },
    projects: [],
  };
  // A form with a department-wide table starts with it, empty.
  if (profileOf(doc.meta.templateId).tables.includes('department-wide')) doc.deptWide = newDeptWide();
  return doc;
}

/** "323 临西县人力资源和社会保障局" or "323临西县…" → code + name (the org line runs them together). */
export function splitOrgLine(org: string): { deptCode: string; deptName: string } {
  // ([\s\S]: a cell of several lines — a whole header typed in one cell — must not fail the match)
  const m = /^\s*([0-9A-Za-z]*)\s*([\s\S]*?)\s*$/.exec(org)!;
  return { deptCode: m[1], deptName: m[2] };
}

export function newFundSplit(init: Partial<FundSplit> = {}): FundSplit {
  return { total: '', fiscal: '', carryOver: '', other: '', ...init };
}

export function newSelfEvalIndicator(init: Partial<SelfEvalIndicator> = {}): SelfEvalIndicator {
  // No random id when the caller brings one (carry-over derives ids from the target rows).
  return { level1: '', level2: '', name: '', description: '', target: '', actual: '', weight: '', score: '', achievement: '', deviation: '', ...init, id: init.id ?? newId('se') };
}

/** An empty self-evaluation part (every cell blank, no indicators). */
export function newSelfEval(init: Partial<SelfEval> = {}): SelfEval {
  return {
    implementer: '', authority: '',
    funds: { initial: newFundSplit(), planned: newFundSplit(), received: newFundSplit(), spent: newFundSplit() },
    progress: '', goal: '', achieved: '', completionRate: '', level1Weights: [], indicators: [],
    budgetRateWeight: '', budgetRateScore: '', total: '', grade: '', problems: '', preparer: '', phone: '', date: '',
    ...init,
  };
}

/** An empty 年度主要任务 row of the department-wide table. */
export function newDeptTask(init: Partial<DeptTask> = {}): DeptTask {
  return { id: newId('t'), name: '', content: '', total: '', fiscal: '', other: '', ...init };
}

/** The owner id of the department-wide indicators (as a project id owns a project's), and the row
 * id of the table's own cells (金额合计, 年度总体目标) in find hits and findings. */
export const DEPT_WIDE_ID = 'deptWide';

/** Whether the department-wide table holds anything typed (an untouched table is neither printed nor audited). */
export function hasDeptWideContent(dw: DeptWide | undefined): dw is DeptWide {
  return dw !== undefined && (dw.goal !== '' || dw.total !== '' || dw.tasks.length > 0 || dw.indicators.length > 0);
}

/** An empty department-wide table (部门（单位）整体支出绩效目标表). */
export function newDeptWide(init: Partial<DeptWide> = {}): DeptWide {
  return { goal: '', total: '', tasks: [], indicators: [], ...init };
}
