// 对比: what changed between two documents (last year's and this year's, or two versions). Rows are
// matched by match.ts; reported are rows added, removed, renamed and moved, changed cells (old → new,
// budgets with the change in %), and one summary line per table. Amounts are compared in the new
// document's unit. Identical documents give an empty report. Every field of the model is compared —
// a field the form does not print still changed — and named as the new document's form (profile)
// names it: its header labels and column labels, the model's labels for the rest.
import { BAND_LABEL, DUTY_FIELD_LABEL, formLabels, type FormLabels } from '../model/labels';
import { compareAmounts, convertAmount, profileOf, subtractAmounts, type Amount, type DeptWide, type JixiaoDocument, type MoneyUnit, type ProjectIndicator } from '../model';
import type { TargetProfile } from '../profile';
import { activityWhere, DUTY_TABLE, dutyWhere, named, projectWhere, SEP } from '../validate/registry';
import { matchRows, movedIndices, type MatchNode } from './match';

export type DiffRowKind = 'meta' | 'duty' | 'activity' | 'dutyIndicator' | 'project' | 'projectIndicator' | 'deptWide' | 'deptTask' | 'deptIndicator';
export type DiffKind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';
export type DiffTable = 'meta' | 'duty' | 'projects' | 'deptWide';

export interface DiffEntry {
  id: string;
  kind: DiffKind;
  row: DiffRowKind;
  table: DiffTable;
  /** Display group: 文档信息 / 部门职责-工作活动 / 项目 N：名称. */
  group: string;
  /** Location for people (in the new document; in the old one for removed rows). */
  where: string;
  /** The cell (as in a Finding path) for renamed/changed; absent for whole rows. */
  field?: string;
  label?: string;
  old: string;
  new: string;
  /** Budgets: change in percent, e.g. "+12.5%". */
  percent?: string;
  /** Row in the new document (jump target); absent for removed rows. */
  rowId?: string;
  oldRowId?: string;
}

export interface DiffSummary { table: DiffTable; title: string; counts: Record<DiffKind, number>; line: string }
export interface DiffReport { entries: DiffEntry[]; summary: DiffSummary[] }

/** `budget`: money, converted to the new unit; `percent` / `number`: compared as numbers, no unit. */
interface Cell { field: string; label: string; value: string; amount?: 'budget' | 'percent' | 'number' }
interface FlatRow extends MatchNode {
  kind: Exclude<DiffRowKind, 'meta'>;
  index: number;
  where: string;
  nameField: string;
  table: Exclude<DiffTable, 'meta'>;
  /** Index of the project (group), -1 in the duty table. */
  projectIndex: number;
  cells: Cell[];
}

const KIND_WORD: Record<DiffKind, string> = { added: '新增', removed: '删除', renamed: '改名', moved: '移动', changed: '修改' };
export const DIFF_KIND_LABEL = KIND_WORD;
const ROW_WORD: Record<DiffRowKind, string> = {
  meta: '文档信息', duty: '职责', activity: '工作活动', dutyIndicator: '绩效指标', project: '项目', projectIndicator: '指标',
  deptWide: '部门整体支出绩效目标表', deptTask: '年度主要任务', deptIndicator: '部门整体指标',
};
export const DIFF_ROW_LABEL = ROW_WORD;

function flatten(doc: JixiaoDocument): FlatRow[] {
  const rows: FlatRow[] = [];
  const unitCells = (r: { budget: string; description: string; goal: string }): Cell[] => [
    { field: 'budget', label: DUTY_FIELD_LABEL.budget, value: r.budget, amount: 'budget' },
    { field: 'description', label: DUTY_FIELD_LABEL.description, value: r.description },
    { field: 'goal', label: DUTY_FIELD_LABEL.goal, value: r.goal },
  ];
  const bandCells = (bands: readonly string[]): Cell[] => bands.map((v, b) => ({ field: `bands.${b}`, label: `评价标准（${BAND_LABEL[b]}）`, value: v }));
  doc.dutyTable.duties.forEach((d, di) => {
    const dw = dutyWhere(d, di);
    rows.push({ table: 'duty', projectIndex: -1, kind: 'duty', id: d.id, from: d.from, parent: '', name: d.title, nameField: 'title', index: di, where: dw, cells: unitCells(d) });
    d.indicators.forEach((i, ii) => rows.push({ table: 'duty', projectIndex: -1, kind: 'dutyIndicator', id: i.id, from: i.from, parent: d.id, name: i.name, nameField: 'name', index: ii, where: `${dw}${SEP}${named(i.name, '（未填写指标）')}`, cells: bandCells(i.bands) }));
    d.activities.forEach((a, ai) => {
      const aw = activityWhere(dw, a.title, ai);
      rows.push({ table: 'duty', projectIndex: -1, kind: 'activity', id: a.id, from: a.from, parent: d.id, name: a.title, nameField: 'title', index: ai, where: aw, cells: unitCells(a) });
      a.indicators.forEach((i, ii) => rows.push({ table: 'duty', projectIndex: -1, kind: 'dutyIndicator', id: i.id, from: i.from, parent: a.id, name: i.name, nameField: 'name', index: ii, where: `${aw}${SEP}${named(i.name, '（未填写指标）')}`, cells: bandCells(i.bands) }));
    });
  });
  const profile = profileOf(doc.meta.templateId);
  const checkpoints = profile.checkpoints;
  const labels = formLabels(profile);
  const label = labels.project;
  doc.projects.forEach((p, pi) => {
    const pw = `${projectWhere(pi)}${SEP}${named(p.name, '（未命名）')}`;
    const text = (f: (typeof PROJECT_TEXT_FIELDS)[number]): Cell => ({ field: f, label: label(f), value: p[f] ?? '' });
    const money = (f: (typeof PROJECT_AMOUNT_FIELDS)[number]): Cell => ({ field: f, label: label(f), value: p[f] ?? '', amount: 'budget' });
    const cells: Cell[] = [
      text('code'),
      ...(['budget', 'fiscal', 'other'] as const).map(money),
      text('purpose'),
      ...p.schedule.map((v, k): Cell => ({ field: `schedule.${k}`, label: `资金支出计划（${checkpoints[k] ?? `第${k + 1}期`}）`, value: v, amount: 'percent' })),
      text('goal'),
      ...PROJECT_TEXT_FIELDS.filter((f) => f !== 'code' && f !== 'purpose' && f !== 'goal').map(text),
      ...PROJECT_AMOUNT_FIELDS.filter((f) => f !== 'budget' && f !== 'fiscal' && f !== 'other').map(money),
    ];
    rows.push({ table: 'projects', projectIndex: pi, kind: 'project', id: p.id, from: p.from, parent: '', name: p.name, nameField: 'name', index: pi, where: pw, cells });
    p.indicators.forEach((i, ii) => rows.push({
      table: 'projects', projectIndex: pi, kind: 'projectIndicator', id: i.id, from: i.from, parent: p.id, name: i.name, nameField: 'name', index: ii,
      where: `${pw}${SEP}${named(i.level1, '（未填一级指标）')}${SEP}${named(i.name, '（未填写指标名称）')}`,
      cells: indicatorCells(i, labels),
    }));
  });
  if (doc.deptWide) flattenDeptWide(doc.deptWide, profile, labels, rows);
  return rows;
}

const PROJECT_TEXT_FIELDS = ['code', 'purpose', 'goal', 'overallGoal', 'authority', 'implementer', 'manager', 'attribute', 'period'] as const;
const PROJECT_AMOUNT_FIELDS = ['budget', 'fiscal', 'other', 'midTermTotal', 'midTermFiscal', 'midTermOther', 'carryOver'] as const;
/** An indicator's own cells; `value` is the one-cell text, of which 指标性质/指标值/度量单位 are a view. */
const INDICATOR_TEXT_FIELDS = ['level1', 'level2', 'description', 'value', 'basis', 'direction', 'explanation', 'scoring', 'remark', 'scope'] as const;

function indicatorCells(i: ProjectIndicator, labels: FormLabels): Cell[] {
  const label = labels.indicator;
  return [
    ...INDICATOR_TEXT_FIELDS.map((f): Cell => ({ field: f, label: label(f), value: i[f] ?? '' })),
    { field: 'weight', label: label('weight'), value: i.weight ?? '', amount: 'number' },
    { field: 'core', label: label('core'), value: i.core === undefined ? '' : i.core ? '是' : '否' },
  ];
}

const DEPT_WHERE = '部门整体';

/** The department-wide table: one row for 年度总体目标 and 金额合计, its tasks and its indicators. */
function flattenDeptWide(wide: DeptWide, profile: TargetProfile, labels: FormLabels, rows: FlatRow[]): void {
  const { header } = labels;
  const base = { table: 'deptWide' as const, projectIndex: -1 };
  const taskLabel = (f: keyof typeof TASK_LABEL) => profile.taskColumns?.find((c) => c.field === f)?.label ?? TASK_LABEL[f];
  rows.push({ ...base, kind: 'deptWide', id: 'deptWide', parent: '', name: ROW_WORD.deptWide, nameField: 'goal', index: 0, where: DEPT_WHERE, cells: [
    { field: 'goal', label: header.get('deptWide.goal') ?? '年度总体目标', value: wide.goal },
    { field: 'total', label: header.get('deptWide.total') ?? '金额合计', value: wide.total, amount: 'budget' },
    // printed only where an imported form had them (absent reads as blank)
    { field: 'totalFiscal', label: `${header.get('deptWide.total') ?? '金额合计'}（${taskLabel('fiscal')}）`, value: wide.totalFiscal ?? '', amount: 'budget' },
    { field: 'totalOther', label: `${header.get('deptWide.total') ?? '金额合计'}（${taskLabel('other')}）`, value: wide.totalOther ?? '', amount: 'budget' },
    { field: 'functions', label: '部门职能职责概述', value: wide.functions ?? '' },
  ] });
  wide.tasks.forEach((t, ti) => rows.push({
    ...base, kind: 'deptTask', id: t.id, from: t.from, parent: 'deptWide', name: t.name, nameField: 'name', index: ti,
    where: `${DEPT_WHERE}${SEP}${header.get('deptWide.tasks') ?? '年度主要任务'}${SEP}${named(t.name, '（未填任务名称）')}`,
    cells: [
      { field: 'content', label: taskLabel('content'), value: t.content },
      ...(['total', 'fiscal', 'other'] as const).map((f): Cell => ({ field: f, label: `预算金额（${taskLabel(f)}）`, value: t[f], amount: 'budget' })),
    ],
  }));
  wide.indicators.forEach((i, ii) => rows.push({
    ...base, kind: 'deptIndicator', id: i.id, from: i.from, parent: 'deptWide', name: i.name, nameField: 'name', index: ii,
    where: `${DEPT_WHERE}${SEP}${named(i.level1, '（未填一级指标）')}${SEP}${named(i.name, '（未填写指标名称）')}`,
    cells: indicatorCells(i, labels),
  }));
}
const TASK_LABEL = { name: '任务名称', content: '主要内容', total: '总额', fiscal: '财政拨款', other: '其他资金' } as const;

function sameAmount(a: Amount, b: Amount): boolean {
  if (a === '' || b === '') return a === b;
  return compareAmounts(a, b) === 0;
}

/** "+12.5%" / "-3%": the change of a budget, both filled and the old one non-zero. */
export function budgetChange(oldA: Amount, newA: Amount): string | undefined {
  if (oldA === '' || newA === '' || compareAmounts(oldA, '0') === 0) return undefined;
  const pct = (Number(subtractAmounts(newA, oldA)) / Number(oldA)) * 100;
  const text = (Math.round(pct * 10) / 10).toString();
  return `${pct > 0 ? '+' : ''}${text}%`;
}

const META_FIELDS: { field: 'deptCode' | 'deptName' | 'year' | 'unit' | 'templateId'; label: string }[] = [
  { field: 'deptCode', label: '部门编码' }, { field: 'deptName', label: '部门名称' }, { field: 'year', label: '预算年度' },
  { field: 'unit', label: '金额单位' }, { field: 'templateId', label: '表格模板' },
];

export function diffDocuments(oldDoc: JixiaoDocument, newDoc: JixiaoDocument): DiffReport {
  const entries: DiffEntry[] = [];
  let seq = 0;
  const push = (e: Omit<DiffEntry, 'id'>) => entries.push({ ...e, id: `c${++seq}` });

  for (const { field, label } of META_FIELDS) {
    const o = String(oldDoc.meta[field]), n = String(newDoc.meta[field]);
    if (o !== n) push({ kind: 'changed', row: 'meta', table: 'meta', group: '文档信息', where: `文档信息${SEP}${label}`, field, label, old: o, new: n, rowId: 'meta' });
  }

  const olds = flatten(oldDoc), news = flatten(newDoc);
  const oldById = new Map(olds.map((r) => [r.id, r]));
  const newById = new Map(news.map((r) => [r.id, r]));
  const newGroup = (r: FlatRow) => (r.table === 'duty' ? DUTY_TABLE : r.table === 'deptWide' ? TABLE_TITLE.deptWide : `项目 ${r.projectIndex + 1}：${named(newDoc.projects[r.projectIndex].name, '（未命名）')}`);
  const oldGroup = (r: FlatRow) => (r.table === 'duty' ? DUTY_TABLE : r.table === 'deptWide' ? TABLE_TITLE.deptWide : `项目（上年 ${r.projectIndex + 1}）：${named(oldDoc.projects[r.projectIndex].name, '（未命名）')}`);
  const oldUnit = oldDoc.meta.unit as MoneyUnit, newUnit = newDoc.meta.unit as MoneyUnit;

  // new id → old id, level by level so that parents are matched before their children.
  const pairs = new Map<string, string>();
  const parentMap = new Map<string, string>(); // old id → new id
  const levels: FlatRow['kind'][][] = [['duty'], ['project'], ['deptWide'], ['activity'], ['dutyIndicator'], ['projectIndicator'], ['deptTask'], ['deptIndicator']];
  for (const kinds of levels) {
    const m = matchRows(olds.filter((r) => kinds.includes(r.kind)), news.filter((r) => kinds.includes(r.kind)), parentMap);
    for (const [n, o] of m) { pairs.set(n, o); parentMap.set(o, n); }
  }

  // Moved: to another parent, or out of order among the matched rows of the same parent.
  const moved = new Set<string>();
  const siblings = new Map<string, FlatRow[]>();
  for (const n of news) {
    const o = oldById.get(pairs.get(n.id) ?? '');
    if (!o) continue;
    const oldParentNow = o.parent === '' ? '' : parentMap.get(o.parent);
    if (oldParentNow !== n.parent) { moved.add(n.id); continue; }
    const key = `${n.kind}|${n.parent}`;
    (siblings.get(key) ?? siblings.set(key, []).get(key)!).push(n);
  }
  for (const list of siblings.values()) {
    const order = list.map((n) => oldById.get(pairs.get(n.id)!)!.index);
    for (const i of movedIndices(order)) moved.add(list[i].id);
  }

  for (const n of news) {
    const oldId = pairs.get(n.id);
    const o = oldId ? oldById.get(oldId) : undefined;
    const base = () => ({ row: n.kind, table: n.table, group: newGroup(n), rowId: n.id });
    if (!o) { push({ ...base(), kind: 'added', where: n.where, old: '', new: n.name }); continue; }
    if (o.name !== n.name) push({ ...base(), kind: 'renamed', where: n.where, field: n.nameField, label: '名称', old: o.name, new: n.name, oldRowId: o.id });
    if (moved.has(n.id)) push({ ...base(), kind: 'moved', where: n.where, old: o.where, new: n.where, oldRowId: o.id });
    const oldCells = new Map(o.cells.map((c) => [c.field, c]));
    for (const c of n.cells) {
      const oc = oldCells.get(c.field);
      let ov = oc?.value ?? '';
      if (c.amount === 'budget') ov = convertAmount(ov, oldUnit, newUnit);
      if (c.amount ? sameAmount(ov, c.value) : ov === c.value) continue;
      const percent = c.amount === 'budget' ? budgetChange(ov, c.value) : undefined;
      push({ ...base(), kind: 'changed', where: `${n.where}${SEP}${c.label}`, field: c.field, label: c.label, old: ov, new: c.value, ...(percent ? { percent } : {}), oldRowId: o.id });
    }
  }
  const matchedOld = new Set(pairs.values());
  for (const o of olds) {
    if (matchedOld.has(o.id)) continue;
    // A removed row inside a removed parent is reported with its parent only.
    if (o.parent !== '' && !matchedOld.has(o.parent)) continue;
    const parentNew = o.parent === '' ? undefined : newById.get(parentMap.get(o.parent) ?? '');
    push({ row: o.kind, table: o.table, group: parentNew ? newGroup(parentNew) : oldGroup(o), kind: 'removed', where: o.where, old: o.name, new: '', oldRowId: o.id, rowId: parentNew?.id });
  }
  return { entries, summary: summarize(entries) };
}

const TABLE_TITLE: Record<DiffTable, string> = { meta: '文档信息', duty: '部门职责-工作活动绩效目标表', projects: '项目绩效目标表', deptWide: '部门整体支出绩效目标表' };

function summarize(entries: readonly DiffEntry[]): DiffSummary[] {
  const out: DiffSummary[] = [];
  for (const table of ['meta', 'duty', 'deptWide', 'projects'] as const) {
    const list = entries.filter((e) => e.table === table);
    if (list.length === 0) continue;
    const counts: Record<DiffKind, number> = { added: 0, removed: 0, renamed: 0, moved: 0, changed: 0 };
    for (const e of list) counts[e.kind]++;
    const parts = (Object.keys(counts) as DiffKind[]).filter((k) => counts[k] > 0)
      .map((k) => `${KIND_WORD[k]} ${counts[k]} ${k === 'changed' ? '个单元格' : k === 'renamed' ? '处' : '行'}`);
    out.push({ table, title: TABLE_TITLE[table], counts, line: `${TABLE_TITLE[table]}：${parts.join('，')}` });
  }
  return out;
}

/** Plain-text report (CLI). */
export function formatDiff(report: DiffReport): string[] {
  if (report.entries.length === 0) return ['两份文档没有差异。'];
  const lines = report.summary.map((s) => s.line);
  let group = '';
  for (const e of report.entries) {
    if (e.group !== group) { group = e.group; lines.push('', `【${group}】`); }
    lines.push(`  ${formatEntry(e)}`);
  }
  return lines;
}

export function formatEntry(e: DiffEntry): string {
  const what = ROW_WORD[e.row];
  switch (e.kind) {
    case 'added': return `新增${what}：${e.where}`;
    case 'removed': return `删除${what}：${e.where}`;
    case 'renamed': return `改名：“${e.old}” → “${e.new}”`;
    case 'moved': return `移动${what}：${e.old} → ${e.new}`;
    case 'changed': return `修改：${e.where}：${show(e.old)} → ${show(e.new)}${e.percent ? `（${e.percent}）` : ''}`;
  }
}

const show = (v: string) => (v === '' ? '（空白）' : `“${v}”`);
