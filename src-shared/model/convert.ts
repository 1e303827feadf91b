// Switch a document to another form (profile) and say what that changes (issue 18). Nothing is
// deleted: fields the new form does not print stay in the document and come back when switched
// back. The only rewrites are the two views of a value: to a parts form, every indicator's parts
// are stored (split from the one-cell text with the value language); to a one-cell form, a value
// that exists only as parts gets its joined text. Each is listed, as is every column, header
// field or table the new form does not print but the document fills.
import { isStructured, joinValue, sameParts } from '../expr/parts';
import { columnsOf, getProfile, getTargetProfile, valueMode, type Profile, type TargetProfile } from '../profile';
import { newDeptWide } from './factory';
import { partsOf } from './parts';
import type { JixiaoDocument, ProjectIndicator, SelfEvalIndicator } from './schema';
import { DEFAULT_TEMPLATE_ID, findLevel1 } from './templates';

export type ChangeKind = 'profile' | 'split' | 'kept-whole' | 'joined' | 'not-printed' | 'table-added' | 'renamed' | 'checkpoints';

export interface ConversionChange {
  kind: ChangeKind;
  /** `项目 2“…” › 产出指标 › 参保率 › 指标值` or a table/column name. */
  where: string;
  /** Chinese, one line. */
  message: string;
}

export type ConvertResult =
  | { ok: true; document: JixiaoDocument; changes: ConversionChange[] }
  | { ok: false; message: string };

const short = (s: string) => (s.length > 16 ? `${s.slice(0, 16)}…` : s);
const named = (s: string, blank: string) => (s.trim() ? `“${short(s.trim())}”` : blank);
const partsText = (p: { operator: string; number: string; unit: string }) =>
  `指标性质 ${p.operator || '（空）'} | 指标值 ${p.number || '（空）'} | 度量单位 ${p.unit || '（空）'}`;

type AnyIndicator = (ProjectIndicator & { target?: undefined }) | (SelfEvalIndicator & { value?: undefined });
const textOf = (ind: AnyIndicator) => (ind.value !== undefined ? ind.value : ind.target!);

/** The document converted to `toProfileId` (a target-table or a self-evaluation profile). */
export function convertDocument(doc: JixiaoDocument, toProfileId: string): ConvertResult {
  const to = getProfile(toProfileId);
  if (!to) return { ok: false, message: `没有名为“${toProfileId}”的表格模板` };
  // Copy what may change (meta, projects and their indicator rows, the department-wide table); the
  // rest is shared, unchanged, as the editor's immutable updates do.
  const out: JixiaoDocument = {
    ...doc, meta: { ...doc.meta },
    projects: doc.projects.map((p) => ({
      ...p, indicators: p.indicators.map((i) => ({ ...i })),
      ...(p.selfeval ? { selfeval: { ...p.selfeval, indicators: p.selfeval.indicators.map((i) => ({ ...i })) } } : {}),
    })),
    ...(doc.deptWide ? { deptWide: { ...doc.deptWide, indicators: doc.deptWide.indicators.map((i) => ({ ...i })) } } : {}),
  };
  const changes: ConversionChange[] = [];
  const fromTarget = getTargetProfile(doc.meta.templateId) ?? getTargetProfile(DEFAULT_TEMPLATE_ID)!;

  if (to.family === 'self-evaluation') {
    const before = doc.meta.selfevalTemplateId ?? '（随目标表）';
    out.meta.selfevalTemplateId = to.id;
    changes.push({ kind: 'profile', where: '文档设置', message: `自评表格式：${before} → ${to.id}（${to.name}）` });
    convertSelfevalValues(out, to, changes);
    return { ok: true, document: out, changes };
  }

  out.meta.templateId = to.id;
  changes.push({ kind: 'profile', where: '文档设置', message: `表格格式：${doc.meta.templateId} → ${to.id}（${to.name}）` });
  if (doc.meta.selfevalTemplateId && doc.meta.selfevalTemplateId !== to.selfevalProfile && doc.projects.some((p) => p.selfeval)) {
    changes.push({ kind: 'profile', where: '文档设置', message: `自评表格式保持为 ${doc.meta.selfevalTemplateId}（新表格默认配套 ${to.selfevalProfile}）` });
  }
  if (to.tables.includes('department-wide') && !out.deptWide) {
    out.deptWide = newDeptWide();
    changes.push({ kind: 'table-added', where: '部门整体支出绩效目标表', message: '新表格含部门（单位）整体支出绩效目标表，已加入空白表' });
  }
  tablesNotPrinted(out, to, changes);
  headerNotPrinted(out, fromTarget, to, changes);
  columnsNotPrinted(out, fromTarget, to, changes);
  checkpoints(out, fromTarget, to, changes);
  level1Names(out, to, changes);

  const parts = valueMode(to) === 'parts';
  const each = (list: ProjectIndicator[], where: (ind: ProjectIndicator) => string) => {
    for (const ind of list) convertValue(ind as AnyIndicator, parts, where(ind), changes);
  };
  out.projects.forEach((p, i) => each(p.indicators, (ind) => `项目 ${i + 1}${named(p.name, '')} › ${named(ind.level1, '（未填一级指标）')} › ${named(ind.name, '（未填写指标名称）')} › 指标值`));
  if (out.deptWide) each(out.deptWide.indicators, (ind) => `部门整体 › ${named(ind.level1, '（未填一级指标）')} › ${named(ind.name, '（未填写指标名称）')} › 指标值`);
  return { ok: true, document: out, changes };
}

/** One indicator's value for a parts form (store the parts) or a one-cell form (join parts-only values). */
function convertValue(ind: AnyIndicator, toParts: boolean, where: string, changes: ConversionChange[]): void {
  const text = textOf(ind);
  const parts = partsOf(text, ind);
  const stored = ind.operator !== undefined || ind.number !== undefined || ind.unit !== undefined;
  if (toParts) {
    if (text === '' && !stored) return;
    const storedParts = { operator: ind.operator ?? '', number: ind.number ?? '', unit: ind.unit ?? '' };
    if (stored && sameParts(storedParts, parts)) return;
    Object.assign(ind, parts);
    if (!isStructured(parts) && text !== '') {
      changes.push({ kind: 'kept-whole', where, message: `“${short(text)}”不能拆成指标性质/指标值/度量单位，整段保留在“指标值”中，请核对` });
    } else {
      changes.push({ kind: 'split', where, message: `“${short(text)}” → ${partsText(parts)}` });
    }
    return;
  }
  // One-cell form: the text is what it prints. A value that exists only as parts gets its text.
  if (text === '' && stored) {
    const joined = joinValue(parts);
    if (joined === '') return;
    if (ind.value !== undefined) ind.value = joined;
    else ind.target = joined;
    changes.push({ kind: 'joined', where, message: `${partsText(parts)} → “${short(joined)}”` });
  }
}

function convertSelfevalValues(doc: JixiaoDocument, to: Profile, changes: ConversionChange[]): void {
  const parts = valueMode(to) === 'parts';
  doc.projects.forEach((p, i) => p.selfeval?.indicators.forEach((ind) => {
    convertValue(ind as AnyIndicator, parts, `项目 ${i + 1}${named(p.name, '')} › 绩效自评 › ${named(ind.name, '（未填写指标名称）')} › 年度指标值`, changes);
  }));
}

const TABLE_LABEL: Record<string, string> = { duty: '部门职责-工作活动绩效目标表', project: '项目绩效目标表', 'department-wide': '部门（单位）整体支出绩效目标表' };

function tablesNotPrinted(doc: JixiaoDocument, to: TargetProfile, changes: ConversionChange[]): void {
  const filled: Record<string, number> = {
    duty: doc.dutyTable.duties.length, project: doc.projects.length,
    'department-wide': doc.deptWide ? doc.deptWide.tasks.length + doc.deptWide.indicators.length + (doc.deptWide.goal ? 1 : 0) : 0,
  };
  for (const [t, n] of Object.entries(filled)) {
    if (n > 0 && !to.tables.includes(t as TargetProfile['tables'][number])) {
      changes.push({ kind: 'not-printed', where: TABLE_LABEL[t], message: `新表格不含${TABLE_LABEL[t]}（文档中有 ${n} 项），内容保留在文件中，切换回原表格即可看到` });
    }
  }
}

type Row = Record<string, unknown>;
const filledValue = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v === true || (Array.isArray(v) && v.some((x) => x !== '')));

function headerNotPrinted(doc: JixiaoDocument, from: TargetProfile, to: TargetProfile, changes: ConversionChange[]): void {
  const shown = new Set(to.header.map((h) => h.field));
  const labels = new Map<string, string>();
  for (const h of from.header) labels.set(h.field, h.label);
  // Project fields the document fills (any project), whatever the old form printed.
  const projectFields = ['code', 'authority', 'implementer', 'manager', 'attribute', 'period', 'budget', 'fiscal', 'other', 'midTermTotal', 'carryOver', 'purpose', 'schedule', 'goal', 'overallGoal'];
  for (const f of projectFields) {
    if (shown.has(f as never)) continue;
    const n = doc.projects.filter((p) => filledValue((p as unknown as Row)[f])).length;
    if (n > 0) {
      const label = labels.get(f) ?? PROJECT_FIELD_NAMES[f] ?? f;
      changes.push({ kind: 'not-printed', where: `项目 › ${label}`, message: `新表格不打印“${label}”（${n} 个项目填有内容），内容保留在文件中` });
    }
  }
}

const PROJECT_FIELD_NAMES: Record<string, string> = {
  code: '项目编码', authority: '主管部门', implementer: '实施单位', manager: '项目负责人', attribute: '项目属性', period: '项目期',
  budget: '预算数', fiscal: '财政资金', other: '其他资金', midTermTotal: '中期资金总额', carryOver: '上年结转', purpose: '资金用途',
  schedule: '资金支出计划', goal: '年度目标', overallGoal: '总体目标',
};

function columnsNotPrinted(doc: JixiaoDocument, from: TargetProfile, to: TargetProfile, changes: ConversionChange[]): void {
  const shown = new Set(columnsOf(to).map((c) => c.field));
  // In a one-cell form the parts are printed through 指标值; in a parts form the text is.
  const partsForm = valueMode(to) === 'parts';
  const fromLabels = new Map(columnsOf(from).map((c) => [c.field, c.label]));
  const fields = ['description', 'basis', 'weight', 'direction', 'explanation', 'scoring', 'remark', 'core'];
  const indicators = [...doc.projects.flatMap((p) => p.indicators), ...(doc.deptWide?.indicators ?? [])];
  for (const f of fields) {
    if (shown.has(f)) continue;
    const n = indicators.filter((ind) => filledValue((ind as unknown as Row)[f])).length;
    if (n === 0) continue;
    const label = fromLabels.get(f) ?? INDICATOR_FIELD_NAMES[f];
    changes.push({ kind: 'not-printed', where: `指标 › ${label}`, message: `新表格不打印“${label}”列（${n} 处有内容），内容保留在文件中，切换回原表格即可看到` });
  }
  if (!partsForm) {
    const n = indicators.filter((ind) => ind.operator === '定性' && ind.number && /\d/.test(ind.number)).length;
    if (n > 0) changes.push({ kind: 'not-printed', where: '指标 › 指标性质', message: `新表格的“指标值”为一格，${n} 处“定性”标记不显示，保留在文件中` });
  }
}

const INDICATOR_FIELD_NAMES: Record<string, string> = {
  description: '指标说明', basis: '指标值确定依据', weight: '权重', direction: '指标方向', explanation: '指标解释', scoring: '评（扣）分标准',
  remark: '备注', core: '是否核心指标',
};

function checkpoints(doc: JixiaoDocument, from: TargetProfile, to: TargetProfile, changes: ConversionChange[]): void {
  if (from.checkpoints.join() === to.checkpoints.join()) return;
  const n = doc.projects.filter((p) => p.schedule.some((v) => v !== '')).length;
  if (n === 0) return;
  const fromText = from.checkpoints.join('、') || '（无）';
  const toText = to.checkpoints.join('、') || '（无）';
  const hidden = to.checkpoints.length < from.checkpoints.length ? '，多出的各期保留在文件中不打印' : '';
  changes.push({ kind: 'checkpoints', where: '项目 › 资金支出计划', message: `时间点由 ${fromText} 改为 ${toText}（${n} 个项目已填），数值未改动${hidden}，请核对` });
}

function level1Names(doc: JixiaoDocument, to: TargetProfile, changes: ConversionChange[]): void {
  const seen = new Set<string>();
  const indicators = [...doc.projects.flatMap((p) => p.indicators), ...(doc.deptWide?.indicators ?? [])];
  for (const ind of indicators) {
    const name = ind.level1.trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const def = findLevel1(to, name);
    if (def && def.name !== name) changes.push({ kind: 'renamed', where: `一级指标“${name}”`, message: `新表格称“${def.name}”（同义），文档中的文字未改动` });
  }
}
