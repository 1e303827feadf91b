// 新年度: next year's document from this year's. Every row is kept with a new id and a `from` link to
// its source row (so the comparison matches rows exactly); amounts and 资金支出计划 are cleared
// unless kept; bands, values and bases are kept; the self-evaluation parts belong to the old year and
// are dropped. Years in text are not changed here: rollover() returns them as proposals, and
// applyYearProposals() applies the ones the user keeps ticked.
import { BAND_LABEL, DUTY_FIELD_LABEL, PROJECT_FIELD_LABEL, PROJECT_INDICATOR_LABEL } from '../model/labels';
import { applyEdit, setCellsEdit } from '../commands';
import { newId, templateOrDefault, type Activity, type Duty, type DutyIndicator, type JixiaoDocument, type Project, type ProjectIndicator } from '../model';
import { activityWhere, dutyWhere, named, projectWhere, SEP } from '../validate/registry';
import { replaceBudgetYear } from './years';

export interface RolloverOptions {
  /** The new budget year; default: the document's year + 1. */
  year?: number;
  /** Keep 年度预算数 / 预算数 and 资金支出计划 (default: cleared). */
  keepAmounts?: boolean;
}

/** One proposed year replacement: a cell of the NEW document (row id + field, as in a Finding). */
export interface YearProposal {
  id: string;
  rowId: string;
  field: string;
  /** Where, for people: `项目 2 › 项目名称`. */
  where: string;
  old: string;
  new: string;
}

export interface RolloverResult { document: JixiaoDocument; proposals: YearProposal[] }

// Documents are immutable (every edit copies along its path), so carried rows may share unchanged
// values with the source: shallow copies with new ids are enough.
function carryDutyIndicator(i: DutyIndicator): DutyIndicator {
  return { ...i, id: newId('i'), from: i.id };
}

function carryActivity(a: Activity, keepAmounts: boolean): Activity {
  return { ...a, id: newId('a'), from: a.id, budget: keepAmounts ? a.budget : '', indicators: a.indicators.map(carryDutyIndicator) };
}

function carryDuty(d: Duty, keepAmounts: boolean): Duty {
  return {
    ...d, id: newId('d'), from: d.id, budget: keepAmounts ? d.budget : '',
    indicators: d.indicators.map(carryDutyIndicator), activities: d.activities.map((a) => carryActivity(a, keepAmounts)),
  };
}

/**
 * A project carried into another document (next year's, or pasted by 复制为新项目): new ids, `from`
 * links, no self-evaluation part, the schedule fitted to the target template's checkpoints.
 */
export function carryProject(p: Project, opts: { keepAmounts: boolean; templateId: string }): Project {
  const { selfeval: _selfeval, ...rest } = p;
  const checkpoints = templateOrDefault(opts.templateId).checkpoints.length;
  const schedule = Array.from({ length: checkpoints }, (_, k) => (opts.keepAmounts && p.schedule.length === checkpoints ? p.schedule[k] : ''));
  const amounts = opts.keepAmounts ? {} : { budget: '', fiscal: '', other: '' };
  return {
    ...rest, ...amounts, schedule, id: newId('p'), from: p.id,
    indicators: p.indicators.map((i): ProjectIndicator => ({ ...i, id: newId('pi'), from: i.id })),
  };
}

export function rollover(doc: JixiaoDocument, opts: RolloverOptions = {}): RolloverResult {
  const year = opts.year ?? doc.meta.year + 1;
  const keepAmounts = opts.keepAmounts === true;
  const document: JixiaoDocument = {
    ...doc,
    meta: { ...doc.meta, year },
    dutyTable: { ...doc.dutyTable, duties: doc.dutyTable.duties.map((d) => carryDuty(d, keepAmounts)) },
    projects: doc.projects.map((p) => carryProject(p, { keepAmounts, templateId: doc.meta.templateId })),
  };
  return { document, proposals: proposeYearChanges(document, doc.meta.year, year) };
}

interface TextCell { rowId: string; field: string; where: string; text: string; isBasis: boolean }

/** Every free-text cell of the document with its location (amounts and codes hold no budget year). */
export function* textCells(doc: JixiaoDocument): Generator<TextCell> {
  const cell = (rowId: string, field: string, where: string, text: string, isBasis = false): TextCell => ({ rowId, field, where, text, isBasis });
  const indicators = function* (list: DutyIndicator[], ownerWhere: string) {
    for (const i of list) {
      const w = `${ownerWhere}${SEP}${named(i.name, '（未填写指标）')}`;
      yield cell(i.id, 'name', `${w}${SEP}绩效指标`, i.name);
      for (let b = 0; b < 4; b++) yield cell(i.id, `bands.${b}`, `${w}${SEP}${BAND_LABEL[b]}`, i.bands[b]);
    }
  };
  const rowCells = function* (r: Activity, where: string) {
    for (const f of ['title', 'description', 'goal'] as const) yield cell(r.id, f, `${where}${SEP}${DUTY_FIELD_LABEL[f]}`, r[f]);
  };
  for (let di = 0; di < doc.dutyTable.duties.length; di++) {
    const d = doc.dutyTable.duties[di];
    const dw = dutyWhere(d, di);
    yield* rowCells(d, dw);
    yield* indicators(d.indicators, dw);
    for (let ai = 0; ai < d.activities.length; ai++) {
      const a = d.activities[ai];
      const aw = activityWhere(dw, a.title, ai);
      yield* rowCells(a, aw);
      yield* indicators(a.indicators, aw);
    }
  }
  for (let pi = 0; pi < doc.projects.length; pi++) {
    const p = doc.projects[pi];
    const pw = projectWhere(pi);
    for (const f of ['name', 'purpose', 'goal'] as const) yield cell(p.id, f, `${pw}${SEP}${PROJECT_FIELD_LABEL[f]}`, p[f]);
    for (const i of p.indicators) {
      const w = `${pw}${SEP}${named(i.level1, '（未填一级指标）')}${SEP}${named(i.name, '（未填写指标名称）')}`;
      for (const f of ['name', 'description', 'value', 'basis'] as const) yield cell(i.id, f, `${w}${SEP}${PROJECT_INDICATOR_LABEL[f]}`, i[f], f === 'basis');
    }
  }
}

/** The cells whose text names the old budget year, with the text it would become. */
export function proposeYearChanges(doc: JixiaoDocument, oldYear: number, newYear: number): YearProposal[] {
  const out: YearProposal[] = [];
  for (const c of textCells(doc)) {
    const next = replaceBudgetYear(c.text, oldYear, newYear, c.isBasis);
    if (next !== c.text) out.push({ id: `${c.rowId}:${c.field}`, rowId: c.rowId, field: c.field, where: c.where, old: c.text, new: next });
  }
  return out;
}

/** Apply the proposals whose id is in `ticked` (all when omitted). */
export function applyYearProposals(doc: JixiaoDocument, proposals: readonly YearProposal[], ticked?: ReadonlySet<string>): JixiaoDocument {
  const chosen = proposals.filter((p) => !ticked || ticked.has(p.id));
  const edit = setCellsEdit(doc, chosen.map((p) => ({ rowId: p.rowId, field: p.field, value: p.new })), '年度替换');
  return edit ? applyEdit(doc, edit) : doc;
}
