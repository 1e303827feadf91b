// Document edit commands. Each returns an Edit (patch pair) for exactly one user action, or null
// when nothing would change; the store applies it and keeps it for undo/redo.
import {
  convertAmount, convertDocument, DEPT_WIDE_ID, newDeptWide, indicatorOrder, isCanonicalAmount, templateOrDefault, newActivity, newDuty, newDutyIndicator, newId, newProject, newProjectIndicator, stripNumbering, unsavableReason, META_FIELD_LABEL,
  type Activity, type Duty, type DutyIndicator, type JixiaoDocument, type Meta, type MoneyUnit, type Project, type ProjectIndicator,
} from '../model';
import { applyPatches, getAt, makeEdit, type Edit, type Path, type Patch } from './patch';
import { CHOICE_FIELDS, fieldPath, isAmountField, locateRow, type RowKind } from './locate';

/** Accumulates patches against a document, reading through the ones already added. */
export class Draft {
  readonly patches: Patch[] = [];
  private cur: JixiaoDocument;
  constructor(readonly base: JixiaoDocument) { this.cur = base; }
  get doc(): JixiaoDocument { return this.cur; }
  get(path: Path): unknown { return getAt(this.cur, path); }
  set(path: Path, value: unknown): void {
    if (Object.is(getAt(this.cur, path), value)) return;
    const p = { path, value };
    this.patches.push(p);
    this.cur = applyPatches(this.cur, [p]);
  }
  finish(label: string): Edit | null {
    return this.patches.length ? makeEdit(this.base, label, this.patches) : null;
  }
}

export class CommandError extends Error {}

/** Refuses typed text Word/Excel files cannot hold (U+FFFE, control characters; model/text.ts). */
export function refuseUnsavable(text: string, label = ''): void {
  const bad = unsavableReason(text);
  if (bad) throw new CommandError(`${label}${bad}，已拒绝`);
}

/** Set one cell (row id + field, as in a Finding path). Amount fields take canonical amounts. */
export function setCell(draft: Draft, rowId: string, field: string, value: string): void {
  const loc = locateRow(draft.doc, rowId);
  if (!loc) throw new CommandError(`找不到行 ${rowId}`);
  refuseUnsavable(value);
  if (isAmountField(field) && !isCanonicalAmount(value)) throw new CommandError(`“${value}”不是有效的金额`);
  const choices = CHOICE_FIELDS[field];
  if (choices && !choices.includes(value)) throw new CommandError(`“${value}”不是可选的值（${choices.filter(Boolean).join('、')}）`);
  const path = [...loc.path, ...fieldPath(field)];
  // A cell of an optional part that is absent (the 预算执行率 row): the part is created whole, so an
  // undo removes it whole and the document never holds a half part.
  const part = OPTIONAL_PARTS[field.slice(0, field.lastIndexOf('.'))];
  if (part && draft.get(path.slice(0, -1)) === undefined) draft.set(path.slice(0, -1), { ...part(), [path[path.length - 1]]: value });
  else draft.set(path, value);
}

const OPTIONAL_PARTS: Record<string, () => Record<string, string>> = {
  'selfeval.budgetRateRow': () => ({ name: '', target: '', actual: '' }),
  // 预算执行率 of the structured form's split fund rows (财政资金 …), by row.
  'selfeval.progressByRow': () => ({}),
};

export function setCellEdit(doc: JixiaoDocument, rowId: string, field: string, value: string, label = '编辑单元格'): Edit | null {
  const d = new Draft(doc);
  setCell(d, rowId, field, value);
  return d.finish(label);
}

export function setCellsEdit(doc: JixiaoDocument, changes: { rowId: string; field: string; value: string }[], label: string): Edit | null {
  const d = new Draft(doc);
  for (const c of changes) setCell(d, c.rowId, c.field, c.value);
  return d.finish(label);
}

/** Insert an element into the array at `parent` (a copy of the array: one patch, undo restores the old array). */
function insertAt<T>(draft: Draft, parent: Path, index: number, item: T): void {
  const arr = (draft.get(parent) as T[]) ?? [];
  const i = Math.max(0, Math.min(index, arr.length));
  draft.set(parent, [...arr.slice(0, i), item, ...arr.slice(i)]);
}

export function insertDuty(doc: JixiaoDocument, index: number, init: Partial<Duty> = {}): { edit: Edit; id: string } {
  const d = new Draft(doc);
  const duty = newDuty(init);
  insertAt(d, ['dutyTable', 'duties'], index, duty);
  return { edit: d.finish('插入职责')!, id: duty.id };
}

export function insertActivity(doc: JixiaoDocument, dutyId: string, index: number, init: Partial<Activity> = {}): { edit: Edit; id: string } {
  const loc = locateRow(doc, dutyId);
  if (!loc || loc.kind !== 'duty') throw new CommandError('请先选择一项职责');
  const d = new Draft(doc);
  const act = newActivity({ indicators: [newDutyIndicator()], ...init });
  insertAt(d, [...loc.path, 'activities'], index, act);
  return { edit: d.finish('插入工作活动')!, id: act.id };
}

/** ownerId: a duty or an activity. */
export function insertDutyIndicator(doc: JixiaoDocument, ownerId: string, index: number, init: Partial<DutyIndicator> = {}): { edit: Edit; id: string } {
  const loc = locateRow(doc, ownerId);
  if (!loc || (loc.kind !== 'duty' && loc.kind !== 'activity')) throw new CommandError('请先选择一项工作活动');
  const d = new Draft(doc);
  const ind = newDutyIndicator(init);
  insertAt(d, [...loc.path, 'indicators'], index, ind);
  return { edit: d.finish('插入绩效指标')!, id: ind.id };
}

export function insertProject(doc: JixiaoDocument, index: number, init: Partial<Project> = {}): { edit: Edit; id: string } {
  const d = new Draft(doc);
  const p = newProject(doc.meta.templateId, init);
  insertAt(d, ['projects'], index, p);
  return { edit: d.finish('新增项目')!, id: p.id };
}

export function duplicateProject(doc: JixiaoDocument, projectId: string): { edit: Edit; id: string } {
  const loc = locateRow(doc, projectId);
  if (!loc || loc.kind !== 'project') throw new CommandError('请先选择一个项目');
  const src = doc.projects[loc.index];
  const copy: Project = { ...structuredCloneJson(src), id: newId('p'), name: `${src.name}（副本）` };
  const ids = new Map<string, string>();
  copy.indicators = copy.indicators.map((i) => { const id = newId('pi'); ids.set(i.id, id); return { ...i, id }; });
  // The copy's self-evaluation rows get ids of their own and point at the copy's indicators.
  if (copy.selfeval) copy.selfeval.indicators = copy.selfeval.indicators.map((i) => ({ ...i, id: newId('se'), ...(i.from && ids.has(i.from) ? { from: ids.get(i.from) } : {}) }));
  const d = new Draft(doc);
  insertAt(d, ['projects'], loc.index + 1, copy);
  return { edit: d.finish('复制项目')!, id: copy.id };
}

export function insertProjectIndicator(doc: JixiaoDocument, projectId: string, index: number, init: Partial<ProjectIndicator> = {}): { edit: Edit; id: string } {
  const loc = locateRow(doc, projectId);
  if (!loc || loc.kind !== 'project') throw new CommandError('请先选择一个项目');
  const d = new Draft(doc);
  const ind = newProjectIndicator(init);
  insertAt(d, [...loc.path, 'indicators'], index, ind);
  return { edit: d.finish('插入指标')!, id: ind.id };
}

/**
 * Insert several indicators into one owner (a project, or a duty/activity) at `index`, as one undo
 * step — e.g. entries chosen in the 指标库. Returns the new rows' ids.
 */
export function insertIndicators(doc: JixiaoDocument, ownerId: string, index: number, inits: Partial<ProjectIndicator & DutyIndicator>[], label: string): { edit: Edit; ids: string[] } | null {
  // The department-wide table (owner DEPT_WIDE_ID) takes project indicators, as a project does.
  const dept = ownerId === DEPT_WIDE_ID;
  const loc = dept ? null : locateRow(doc, ownerId);
  if (!dept && (!loc || (loc.kind !== 'project' && loc.kind !== 'duty' && loc.kind !== 'activity'))) throw new CommandError('请先选择一个项目或一项工作活动');
  if (inits.length === 0) return null;
  const pick = <K extends string>(i: Partial<Record<K, unknown>>, keys: readonly K[]) =>
    Object.fromEntries(keys.filter((k) => i[k] !== undefined).map((k) => [k, i[k]]));
  const rows = dept || loc!.kind === 'project'
    ? inits.map((i) => newProjectIndicator(pick(i, ['level1', 'level2', 'name', 'description', 'value', 'basis'] as const)))
    : inits.map((i) => newDutyIndicator({ ...pick(i, ['name'] as const), ...(i.bands ? { bands: [...i.bands] } : {}) }));
  const d = new Draft(doc);
  if (dept && !doc.deptWide) d.set(['deptWide'], newDeptWide());
  const parent = dept ? ['deptWide', 'indicators'] : [...loc!.path, 'indicators'];
  const arr = d.get(parent) as unknown[];
  const at = Math.max(0, Math.min(index, arr.length));
  d.set(parent, [...arr.slice(0, at), ...rows, ...arr.slice(at)]);
  return { edit: d.finish(label)!, ids: rows.map((r) => r.id) };
}

function structuredCloneJson<T>(v: T): T { return JSON.parse(JSON.stringify(v)) as T; }

/** How many rows a deletion removes besides the rows themselves (to ask for confirmation). */
export function countChildren(doc: JixiaoDocument, rowId: string): number {
  const loc = locateRow(doc, rowId);
  if (!loc) return 0;
  const row = getAt(doc, loc.path) as Record<string, unknown>;
  if (loc.kind === 'duty') {
    const duty = row as unknown as Duty;
    return duty.indicators.length + duty.activities.reduce((n, a) => n + 1 + a.indicators.length, 0);
  }
  if (loc.kind === 'activity' || loc.kind === 'project') return (row.indicators as unknown[]).length;
  return 0;
}

const KIND_WORDS: [RowKind, string][] = [
  ['project', '个项目'], ['duty', '项职责'], ['activity', '个工作活动'], ['dutyIndicator', '个绩效指标'], ['projectIndicator', '个指标'], ['selfevalIndicator', '个自评指标'], ['deptTask', '项年度主要任务'], ['deptIndicator', '个部门整体指标'],
];

/** The row ids that go with a row (an activity's indicators, a duty's activities and their indicators). */
function withChildren(doc: JixiaoDocument, rowId: string): { id: string; kind: RowKind }[] {
  const loc = locateRow(doc, rowId);
  if (!loc || loc.kind === 'meta') return [];
  const row = getAt(doc, loc.path) as { indicators?: { id: string }[]; activities?: Activity[]; selfeval?: { indicators: { id: string }[] } };
  const out: { id: string; kind: RowKind }[] = [{ id: rowId, kind: loc.kind }];
  const inds = (kind: RowKind, list: { id: string }[] = []) => list.forEach((x) => out.push({ id: x.id, kind }));
  if (loc.kind === 'duty' || loc.kind === 'activity') inds('dutyIndicator', row.indicators);
  if (loc.kind === 'project') { inds('projectIndicator', row.indicators); inds('selfevalIndicator', row.selfeval?.indicators); }
  for (const a of row.activities ?? []) { out.push({ id: a.id, kind: 'activity' }); inds('dutyIndicator', a.indicators); }
  return out;
}

/**
 * What deleting these rows removes, children included, to confirm first: `rows` the distinct rows
 * chosen (a row inside another chosen one counts with it), `ask` when more than one row or any
 * child goes, `message` e.g. 将删除 3 行（含 2 个工作活动、5 个绩效指标），确定吗？（可撤销）
 */
export function deletionSummary(doc: JixiaoDocument, rowIds: string[]): { rows: number; ask: boolean; message: string } {
  const all = new Map<string, RowKind>();
  const inside = new Set<string>();
  for (const id of new Set(rowIds)) {
    withChildren(doc, id).forEach((x, i) => { all.set(x.id, x.kind); if (i > 0) inside.add(x.id); });
  }
  const rows = [...all.keys()].filter((id) => !inside.has(id)).length;
  const parts = KIND_WORDS.map(([kind, word]) => [[...all.values()].filter((k) => k === kind).length, word] as const).filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`);
  return { rows, ask: rows > 1 || all.size > rows, message: `将删除 ${rows} 行（含 ${parts.join('、')}），确定吗？（可撤销）` };
}

export function deleteRows(doc: JixiaoDocument, rowIds: string[], label = '删除行'): Edit | null {
  const d = new Draft(doc);
  // Delete deepest-first and by id, so earlier deletions never shift later targets.
  for (const id of rowIds) {
    const loc = locateRow(d.doc, id);
    if (!loc || loc.kind === 'meta') continue;
    const arr = d.get(loc.parent) as unknown[];
    d.set(loc.parent, arr.filter((_, i) => i !== loc.index));
  }
  return d.finish(label);
}

/** Move a row up (-1) or down (+1) among its siblings; null at the edge. */
export function moveRow(doc: JixiaoDocument, rowId: string, delta: -1 | 1): Edit | null {
  const loc = locateRow(doc, rowId);
  if (!loc || loc.kind === 'meta') return null;
  const arr = getAt(doc, loc.parent) as unknown[];
  const j = loc.index + delta;
  if (j < 0 || j >= arr.length) return null;
  const copy = arr.slice();
  [copy[loc.index], copy[j]] = [copy[j], copy[loc.index]];
  const d = new Draft(doc);
  d.set(loc.parent, copy);
  return d.finish(delta < 0 ? '上移' : '下移');
}

/**
 * 按模板顺序排列指标: reorder a project's indicators into the template's 一级/二级 order (unknown
 * categories last, ties keep their order) — the document itself, so editor and exports agree. One
 * undo step; null when the order is already the template's.
 */
export function sortIndicatorsByTemplate(doc: JixiaoDocument, projectId: string): Edit | null {
  const loc = locateRow(doc, projectId);
  if (!loc || loc.kind !== 'project') throw new CommandError('请先选择一个项目');
  const t = templateOrDefault(doc.meta.templateId);
  const sorted = doc.projects[loc.index].indicators
    .map((x, i) => ({ x, i, o: indicatorOrder(t, x.level1, x.level2) }))
    .sort((a, b) => a.o[0] - b.o[0] || a.o[1] - b.o[1] || a.i - b.i);
  if (sorted.every((e, k) => e.i === k)) return null;
  const d = new Draft(doc);
  d.set([...loc.path, 'indicators'], sorted.map((e) => e.x));
  return d.finish('按模板顺序排列指标');
}

export function setMetaEdit(doc: JixiaoDocument, meta: Partial<Meta>, label = '文档设置'): Edit | null {
  const d = new Draft(doc);
  for (const [k, v] of Object.entries(meta)) {
    if (k === 'unit') continue;
    if (typeof v === 'string') refuseUnsavable(v, META_FIELD_LABEL[k] ?? '');
    d.set(['meta', k], v);
  }
  if (meta.unit && meta.unit !== doc.meta.unit) convertUnit(d, meta.unit);
  if (meta.templateId && meta.templateId !== doc.meta.templateId) {
    // Schedules get a cell per checkpoint of the new template. Nothing is dropped: percents past
    // its checkpoints (a form without 资金支出计划) stay in the document, unprinted, and come back
    // when switched back.
    const blank = templateOrDefault(meta.templateId).checkpoints;
    d.doc.projects.forEach((p, i) => {
      if (p.schedule.length < blank.length) d.set(['projects', i, 'schedule'], blank.map((_, k) => p.schedule[k] ?? ''));
    });
  }
  return d.finish(label);
}

/**
 * 文档设置 with a change of form (profile): the document converted as `jixiao convert` does it
 * (values split into parts or joined, nothing deleted; model/convert.ts), then the other settings —
 * one undo step. Throws a CommandError when the form is unknown.
 */
export function switchProfileEdit(doc: JixiaoDocument, meta: Partial<Meta> & { templateId: string }): Edit | null {
  if (meta.templateId === doc.meta.templateId) return setMetaEdit(doc, meta);
  const r = convertDocument(doc, meta.templateId);
  if (!r.ok) throw new CommandError(r.message);
  const converted: Patch[] = [
    { path: ['meta'], value: r.document.meta },
    { path: ['projects'], value: r.document.projects },
    ...(r.document.deptWide !== doc.deptWide ? [{ path: ['deptWide'], value: r.document.deptWide }] : []),
  ];
  const rest = setMetaEdit(applyPatches(doc, converted), meta);
  return makeEdit(doc, '更换格式模板', [...converted, ...(rest?.redo ?? [])]);
}

/** A project's money fields: the Hebei three and the 88号 form's (中期资金总额 and its split, 上年结转). */
const PROJECT_MONEY = ['budget', 'fiscal', 'other', 'midTermTotal', 'midTermFiscal', 'midTermOther', 'carryOver'] as const;

/** 万元 ↔ 元: every money amount converted exactly (the department-wide table's too); percents are not money. */
export function convertUnit(d: Draft, to: MoneyUnit): void {
  const from = d.doc.meta.unit;
  if (from === to) return;
  const conv = (path: Path) => {
    const v = d.get(path) as string | undefined; // optional amounts (中期资金总额 …) may be absent
    if (v !== undefined && v !== '') d.set(path, convertAmount(v, from, to));
  };
  d.doc.dutyTable.duties.forEach((duty, i) => {
    conv(['dutyTable', 'duties', i, 'budget']);
    duty.activities.forEach((_, a) => conv(['dutyTable', 'duties', i, 'activities', a, 'budget']));
  });
  d.doc.projects.forEach((p, i) => {
    for (const f of PROJECT_MONEY) conv(['projects', i, f]);
    // Self-evaluation funds are money too (scores and weights are not).
    if (!p.selfeval) return;
    for (const col of ['initial', 'planned', 'received', 'spent']) {
      for (const row of ['total', 'fiscal', 'carryOver', 'fiscalSpecial', 'unitOwn', 'other']) conv(['projects', i, 'selfeval', 'funds', col, row]);
    }
  });
  if (d.doc.deptWide) {
    for (const f of ['total', 'totalFiscal', 'totalOther']) conv(['deptWide', f]);
    d.doc.deptWide.tasks.forEach((_, t) => { for (const f of ['total', 'fiscal', 'other']) conv(['deptWide', 'tasks', t, f]); });
  }
  d.set(['meta', 'unit'], to);
}

export function switchUnitEdit(doc: JixiaoDocument, to: MoneyUnit): Edit | null {
  const d = new Draft(doc);
  convertUnit(d, to);
  return d.finish(`金额单位改为${to}`);
}

/** A cell a paste could not take, reported to the user (never silently dropped). */
export interface PasteProblem { row: number; col: number; text: string; message: string }

export { stripNumbering };
