// The `.jixiao` load pipeline: parse → envelope → migrate → validate (zod) → normalize.
// Never throws: returns the document plus the repairs made (told to the user), or a reason with
// located issues. Unknown fields are kept. One bad row is repaired or dropped with a note, never
// allowed to lose the whole file.
import { zhCN as zhCNLocale } from 'zod/locales'; // this one locale only: `z.locales.zhCN` would bundle all 350 KB of them
import { parseAmount } from './amount';
import { unsavableChars, withoutUnsavable } from './text';
import { DUTY_FIELD_LABEL, FUND_COLUMN_LABEL, META_FIELD_LABEL, PROJECT_FIELD_LABEL, PROJECT_INDICATOR_LABEL, SELFEVAL_FIELD_LABEL, SELFEVAL_INDICATOR_LABEL } from './labels';
import { newId } from './ids';
import { FIRST_SCHEMA_VERSION, migrate, type RawDocument } from './migrations';
import { OPERATORS } from '../expr/parts';
import { DIRECTIONS, DocumentSchema, FORMAT, SCHEMA_VERSION, SCOPES, type JixiaoDocument } from './schema';
import { DEFAULT_TEMPLATE_ID, getTemplate, templateOrDefault } from './templates';

/** Files above this size are refused before being read (a document of 300 projects is ~3 MB). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type LoadErrorCode = 'file.not-jixiao' | 'file.newer-version' | 'file.corrupt' | 'file.too-large';
export interface LoadIssue { path: string; message: string }

export type LoadResult =
  | { ok: true; document: JixiaoDocument; repairs: string[]; migrated: string[] }
  | { ok: false; code: LoadErrorCode; message: string; issues: LoadIssue[] };

const zhCN = zhCNLocale().localeError;

const fail = (code: LoadErrorCode, message: string, issues: LoadIssue[] = []): LoadResult => ({ ok: false, code, message, issues });

export function loadDocumentText(text: string): LoadResult {
  try {
    return loadUnsafe(text);
  } catch (err) {
    // A bug in a repair step must not crash the caller (IPC, CLI): report it as unreadable.
    return fail('file.corrupt', `读取文件时出现意外错误：${err instanceof Error ? err.message : String(err)}`);
  }
}

function loadUnsafe(text: string): LoadResult {
  if (text.length > MAX_DOCUMENT_BYTES) return fail('file.too-large', `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的上限。`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // 1. parse
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const head = text.slice(0, 300);
    if (/^\s*\{/.test(head) && /"format"\s*:\s*"jixiao"/.test(head)) {
      return fail('file.corrupt', `文件内容不完整或已损坏（${err instanceof Error ? err.message : 'JSON 解析失败'}）。`);
    }
    return fail('file.not-jixiao', '文件不是绩效目标表文件（.jixiao）。');
  }

  // 2. envelope
  if (!isObject(raw) || raw.format !== FORMAT) return fail('file.not-jixiao', '文件不是绩效目标表文件（.jixiao）：缺少 format: "jixiao" 标记。');
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < FIRST_SCHEMA_VERSION) {
    return fail('file.corrupt', '文件的格式版本号（schemaVersion）缺失或无效。', [{ path: 'schemaVersion', message: '应为正整数' }]);
  }
  if (version > SCHEMA_VERSION) {
    return fail('file.newer-version', `文件格式为第 ${version} 版，本软件只支持到第 ${SCHEMA_VERSION} 版，请升级软件。`);
  }

  // 3. migrate
  const m = migrate(raw, version);
  if (!m.ok) return fail('file.corrupt', m.message);

  // 4. validate — fast path for well-formed files; the restore pass only runs when it fails.
  const repairs: string[] = [];
  let parsed = DocumentSchema.safeParse(m.document, { error: zhCN });
  if (!parsed.success) {
    const restored = restoreDocument(m.document, repairs);
    parsed = DocumentSchema.safeParse(restored, { error: zhCN });
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return fail('file.corrupt', '文件内容不符合绩效目标表的结构，无法修复。', issues);
    }
  }

  // 5. normalize
  const document = parsed.data;
  normalizeDocument(document, repairs);
  return { ok: true, document, repairs, migrated: m.applied };
}

/** Stable text form: pretty JSON, envelope first, trailing newline. */
export function serializeDocument(doc: JixiaoDocument): string {
  const { format, schemaVersion, ...rest } = doc;
  return `${JSON.stringify({ format, schemaVersion, ...rest }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Normalize: checks that hold for every loaded document (cheap, one walk).

function normalizeDocument(doc: JixiaoDocument, repairs: string[]): void {
  if (!getTemplate(doc.meta.templateId)) {
    repairs.push(`模板“${doc.meta.templateId}”不是本软件认识的模板，暂按“${templateOrDefault(doc.meta.templateId).name}”显示。`);
  }
  const checkpoints = templateOrDefault(doc.meta.templateId).checkpoints.length;
  const seen = new Set<string>();
  const unique = (row: { id: string }, prefix: IdPrefix, where: string) => {
    if (seen.has(row.id)) {
      const old = row.id;
      row.id = newId(prefix);
      repairs.push(`${where}的行标识“${old}”与其他行重复，已重新生成。`);
    }
    seen.add(row.id);
  };
  doc.dutyTable.duties.forEach((d, di) => {
    unique(d, 'd', dutyWhere(di, d.title));
    d.indicators.forEach((ind, ii) => unique(ind, 'i', `${dutyWhere(di, d.title)} › 指标 ${ii + 1}`));
    d.activities.forEach((a, ai) => {
      unique(a, 'a', activityWhere(di, ai, a.title));
      a.indicators.forEach((ind, ii) => unique(ind, 'i', `${activityWhere(di, ai, a.title)} › 指标 ${ii + 1}`));
    });
  });
  doc.projects.forEach((p, pi) => {
    unique(p, 'p', projectWhere(pi, p.name));
    if (p.schedule.length < checkpoints) p.schedule.push(...Array<string>(checkpoints - p.schedule.length).fill(''));
    p.indicators.forEach((ind, ii) => unique(ind, 'pi', `${projectWhere(pi, p.name)} › 指标 ${ii + 1}`));
    p.selfeval?.indicators.forEach((ind, ii) => unique(ind, 'se', `${projectWhere(pi, p.name)} › 绩效自评 › 指标 ${ii + 1}`));
  });
  doc.deptWide?.tasks.forEach((t, ti) => unique(t, 't', `部门整体 › 任务 ${ti + 1}`));
  doc.deptWide?.indicators.forEach((ind, ii) => unique(ind, 'pi', `部门整体 › 指标 ${ii + 1}`));
  stripUnsavable(doc, [], repairs);
}

/**
 * Text a Word/Excel file cannot hold (U+FFFE, control characters — from an old version or another
 * tool; typing, paste and import refuse them): removed on opening with a located note, so that no
 * export drops a character silently.
 */
function stripUnsavable(node: unknown, path: (string | number)[], repairs: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      if (typeof v === 'string') { if (unsavableChars(v).length) { node[i] = withoutUnsavable(v); noteStripped(v, [...path, i], repairs); } }
      else if (v && typeof v === 'object') stripUnsavable(v, [...path, i], repairs);
    });
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') { if (unsavableChars(v).length) { o[k] = withoutUnsavable(v); noteStripped(v, [...path, k], repairs); } }
      else if (v && typeof v === 'object') stripUnsavable(v, [...path, k], repairs);
    }
  }
}

const PATH_WORD: Record<string, string> = {
  dutyTable: '部门职责-工作活动', duties: '职责', activities: '工作活动', indicators: '指标', projects: '项目', selfeval: '绩效自评',
  deptWide: '部门整体', tasks: '任务', meta: '文档信息', bands: '评价标准', schedule: '资金支出计划',
};

function noteStripped(text: string, path: (string | number)[], repairs: string[]): void {
  const labels = path[0] === 'dutyTable' ? DUTY_FIELD_LABEL : path[0] === 'meta' ? META_FIELD_LABEL
    : path.includes('selfeval') ? { ...SELFEVAL_FIELD_LABEL, ...SELFEVAL_INDICATOR_LABEL } : { ...PROJECT_FIELD_LABEL, ...PROJECT_INDICATOR_LABEL };
  const words: string[] = [];
  for (const seg of path) {
    if (typeof seg === 'number') { if (words.length) words[words.length - 1] += ` ${seg + 1}`; }
    else words.push(PATH_WORD[seg] ?? labels[seg] ?? seg);
  }
  repairs.push(`${words.join(' › ')}中有无法保存到 Word/Excel 的字符 ${unsavableChars(text).join('、')}，已删除。`);
}

// ---------------------------------------------------------------------------------------------
// Restore: field by field with defaults, for files that fail the schema (hand-edited, written by a
// buggy tool). Every change that loses or invents content is written to `repairs`.

type Obj = Record<string, unknown>;
type IdPrefix = 'd' | 'a' | 'i' | 'p' | 'pi' | 'se' | 't';
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const short = (s: unknown) => {
  const t = typeof s === 'string' ? s.trim() : '';
  return t.length > 16 ? `${t.slice(0, 16)}…` : t;
};
const dutyWhere = (i: number, title: unknown) => `部门职责 ${i + 1}${short(title) ? `“${short(title)}”` : ''}`;
const activityWhere = (di: number, ai: number, title: unknown) => `部门职责 ${di + 1} › 工作活动 ${ai + 1}${short(title) ? `“${short(title)}”` : ''}`;
const projectWhere = (i: number, name: unknown) => `项目 ${i + 1}${short(name) ? `“${short(name)}”` : ''}`;

class Restorer {
  constructor(private readonly repairs: string[]) {}

  text(row: Obj, key: string, where: string, label: string): string {
    const v = row[key];
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) return '';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.repairs.push(`${where}的“${label}”不是文字，已清空。`);
    return '';
  }

  amount(row: Obj, key: string, where: string, label: string): string {
    const v = row[key];
    if (v === undefined || v === null) return '';
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : null;
    const a = s === null ? null : parseAmount(s.replace(/[%％]$/, ''));
    if (a !== null) return a;
    this.repairs.push(`${where}的“${label}”不是数字（${JSON.stringify(v)}），已清空。`);
    return '';
  }

  id(row: Obj, prefix: IdPrefix, where: string): string {
    const v = row.id;
    if (typeof v === 'string' && v.length > 0) return v;
    if (typeof v === 'number') return String(v);
    if (v !== undefined) this.repairs.push(`${where}的行标识无效，已重新生成。`);
    return newId(prefix);
  }

  /** Array elements that are objects; anything else is dropped with a note. */
  rows(parent: Obj, key: string, where: string, label: string): Obj[] {
    const v = parent[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.repairs.push(`${where}的“${label}”不是列表，已忽略其内容。`);
      return [];
    }
    const out: Obj[] = [];
    v.forEach((x, i) => {
      if (isObject(x)) out.push(x);
      else this.repairs.push(`${where}的${label}第 ${i + 1} 行不是有效的数据行，已删除（${JSON.stringify(x)?.slice(0, 40)}）。`);
    });
    return out;
  }

  dutyIndicator(row: Obj, where: string): Obj {
    const raw = Array.isArray(row.bands) ? row.bands : [];
    if (!Array.isArray(row.bands) && row.bands !== undefined) this.repairs.push(`${where}的评价标准格式无效，已清空。`);
    if (raw.length > 4) this.repairs.push(`${where}的评价标准多于 4 档，多出的“${raw.slice(4).join('、')}”已删除。`);
    const bands = [0, 1, 2, 3].map((i) => (typeof raw[i] === 'string' ? raw[i] : raw[i] == null ? '' : String(raw[i])));
    return { ...row, id: this.id(row, 'i', where), name: this.text(row, 'name', where, '指标名称'), bands };
  }

  activity(row: Obj, where: string): Obj {
    return {
      ...row,
      id: this.id(row, 'a', where),
      title: this.text(row, 'title', where, '工作活动'),
      budget: this.amount(row, 'budget', where, '预算'),
      description: this.text(row, 'description', where, '活动描述'),
      goal: this.text(row, 'goal', where, '绩效目标'),
      indicators: this.rows(row, 'indicators', where, '指标').map((x, i) => this.dutyIndicator(x, `${where} › 指标 ${i + 1}`)),
    };
  }

  duty(row: Obj, i: number): Obj {
    const where = dutyWhere(i, row.title);
    return {
      ...row,
      id: this.id(row, 'd', where),
      title: this.text(row, 'title', where, '部门职责'),
      budget: this.amount(row, 'budget', where, '预算'),
      description: this.text(row, 'description', where, '职责描述'),
      goal: this.text(row, 'goal', where, '绩效目标'),
      indicators: this.rows(row, 'indicators', where, '指标').map((x, k) => this.dutyIndicator(x, `${where} › 指标 ${k + 1}`)),
      activities: this.rows(row, 'activities', where, '工作活动').map((x, k) => this.activity(x, activityWhere(i, k, x.title))),
    };
  }

  projectIndicator(row: Obj, where: string): Obj {
    return {
      ...row,
      id: this.id(row, 'pi', where),
      level1: this.text(row, 'level1', where, PROJECT_INDICATOR_LABEL.level1),
      level2: this.text(row, 'level2', where, PROJECT_INDICATOR_LABEL.level2),
      name: this.text(row, 'name', where, PROJECT_INDICATOR_LABEL.name),
      description: this.text(row, 'description', where, PROJECT_INDICATOR_LABEL.description),
      value: this.text(row, 'value', where, PROJECT_INDICATOR_LABEL.value),
      basis: this.text(row, 'basis', where, PROJECT_INDICATOR_LABEL.basis),
      ...this.structured(row, where),
      ...this.optional(row, where, { weight: ['amount', '权重'] }),
    };
  }

  /** Optional fields (schema v3): absent stays absent; a wrong-typed one is cleared with a note. */
  optional(row: Obj, where: string, fields: Record<string, ['text' | 'amount' | 'flag', string]>): Obj {
    const out: Obj = {};
    for (const [key, [kind, label]] of Object.entries(fields)) {
      const v = row[key];
      if (v === undefined) continue;
      if (v === null) { out[key] = undefined; continue; }
      if (kind === 'text') out[key] = this.text(row, key, where, label);
      else if (kind === 'amount') out[key] = this.amount(row, key, where, label);
      else if (typeof v === 'boolean') out[key] = v;
      else if (v === '是' || v === '否') out[key] = v === '是';
      else { this.repairs.push(`${where}的“${label}”不是“是/否”（${JSON.stringify(v)}），已清空。`); out[key] = undefined; }
    }
    return out;
  }

  /** The structured indicator fields shared by project and self-evaluation indicators. */
  structured(row: Obj, where: string): Obj {
    const out = this.optional(row, where, {
      number: ['text', '指标值'], unit: ['text', '度量单位'], explanation: ['text', '指标解释'],
      scoring: ['text', '评（扣）分标准'], remark: ['text', '备注'], core: ['flag', '是否核心指标'],
    });
    const ascii: Record<string, string> = { '>=': '≥', '<=': '≤' };
    if (row.operator !== undefined) {
      const op = typeof row.operator === 'string' && ascii[row.operator.trim()] ? { operator: ascii[row.operator.trim()] } : row;
      out.operator = this.choice(op, 'operator', OPERATORS, where, '指标性质');
    }
    if (row.direction !== undefined) out.direction = this.choice(row, 'direction', DIRECTIONS, where, '指标方向');
    if (row.scope !== undefined) out.scope = this.choice(row, 'scope', SCOPES, where, '指标范围');
    return out;
  }

  deptWide(raw: unknown): { deptWide?: Obj } {
    if (raw === undefined) return {};
    const where = '部门整体支出绩效目标表';
    if (!isObject(raw)) {
      this.repairs.push(`${where}的格式无效，已忽略其内容。`);
      return { deptWide: undefined };
    }
    return {
      deptWide: {
        ...raw,
        goal: this.text(raw, 'goal', where, '年度总体目标'),
        ...(raw.functions !== undefined ? { functions: this.text(raw, 'functions', where, '部门职能职责概述') } : {}),
        total: this.amount(raw, 'total', where, '金额合计'),
        ...(raw.totalFiscal !== undefined ? { totalFiscal: this.amount(raw, 'totalFiscal', where, '金额合计（财政拨款）') } : {}),
        ...(raw.totalOther !== undefined ? { totalOther: this.amount(raw, 'totalOther', where, '金额合计（其他资金）') } : {}),
        tasks: this.rows(raw, 'tasks', where, '年度主要任务').map((t, k) => {
          const w = `${where} › 任务 ${k + 1}`;
          return {
            ...t, id: this.id(t, 't', w), name: this.text(t, 'name', w, '任务名称'), content: this.text(t, 'content', w, '主要内容'),
            total: this.amount(t, 'total', w, '总额'), fiscal: this.amount(t, 'fiscal', w, '财政拨款'), other: this.amount(t, 'other', w, '其他资金'),
          };
        }),
        indicators: this.rows(raw, 'indicators', where, '指标').map((x, k) => this.projectIndicator(x, `${where} › 指标 ${k + 1}`)),
      },
    };
  }

  project(row: Obj, i: number): Obj {
    const where = projectWhere(i, row.name);
    const schedule = Array.isArray(row.schedule) ? row.schedule : [];
    if (!Array.isArray(row.schedule) && row.schedule !== undefined) this.repairs.push(`${where}的实施进度格式无效，已清空。`);
    return {
      ...row,
      id: this.id(row, 'p', where),
      code: this.text(row, 'code', where, PROJECT_FIELD_LABEL.code),
      name: this.text(row, 'name', where, PROJECT_FIELD_LABEL.name),
      budget: this.amount(row, 'budget', where, PROJECT_FIELD_LABEL.budget),
      fiscal: this.amount(row, 'fiscal', where, PROJECT_FIELD_LABEL.fiscal),
      other: this.amount(row, 'other', where, PROJECT_FIELD_LABEL.other),
      purpose: this.text(row, 'purpose', where, PROJECT_FIELD_LABEL.purpose),
      schedule: schedule.map((_, k) => this.amount(schedule as unknown as Obj, String(k), where, `实施进度第 ${k + 1} 项`)),
      goal: this.text(row, 'goal', where, PROJECT_FIELD_LABEL.goal),
      indicators: this.rows(row, 'indicators', where, '指标').map((x, k) => this.projectIndicator(x, `${where} › 指标 ${k + 1}`)),
      ...this.selfevalOf(row, where),
      ...this.optional(row, where, {
        authority: ['text', '主管部门'], implementer: ['text', '实施单位'], manager: ['text', '项目负责人'], attribute: ['text', '项目属性'],
        period: ['text', '项目期'], midTermTotal: ['amount', '中期资金总额'], carryOver: ['amount', '上年结转'], overallGoal: ['text', '总体目标'],
      }),
    };
  }

  /** One of a few words; anything else is cleared with a note. */
  choice<T extends string>(row: Obj, key: string, choices: readonly T[], where: string, label: string): T {
    const v = row[key];
    if (v === undefined || v === null) return choices[0];
    const t = typeof v === 'string' ? v.trim() : v;
    if (choices.includes(t as T)) return t as T;
    this.repairs.push(`${where}的“${label}”“${String(v)}”不是可选的值（${choices.filter(Boolean).join('、')}），已清空。`);
    return choices[0];
  }

  /** The self-evaluation part, repaired field by field; absent stays absent. */
  selfevalOf(project: Obj, projectWhereText: string): { selfeval?: Obj } {
    const v = project.selfeval;
    if (v === undefined) return {};
    const where = `${projectWhereText} › 绩效自评`;
    if (!isObject(v)) {
      this.repairs.push(`${where}的格式无效，已忽略其内容（可重新生成自评表）。`);
      return { selfeval: undefined };
    }
    const t = (key: string, label: string) => this.text(v, key, where, label);
    const a = (key: string, label: string) => this.amount(v, key, where, label);
    const funds = isObject(v.funds) ? v.funds : {};
    if (v.funds !== undefined && !isObject(v.funds)) this.repairs.push(`${where}的资金情况格式无效，已清空。`);
    const split = (col: string, label: string): Obj => {
      const x = isObject(funds[col]) ? funds[col] : {};
      if (funds[col] !== undefined && !isObject(funds[col])) this.repairs.push(`${where}的${label}格式无效，已清空。`);
      const w = `${where} › ${label}`;
      return { ...x, total: this.amount(x, 'total', w, '合计'), fiscal: this.amount(x, 'fiscal', w, '财政资金'), carryOver: this.amount(x, 'carryOver', w, '上年结转'), other: this.amount(x, 'other', w, '其他资金') };
    };
    return {
      selfeval: {
        ...v,
        implementer: t('implementer', SELFEVAL_FIELD_LABEL.implementer),
        authority: t('authority', SELFEVAL_FIELD_LABEL.authority),
        funds: { ...funds, initial: split('initial', FUND_COLUMN_LABEL.initial), planned: split('planned', FUND_COLUMN_LABEL.planned), received: split('received', FUND_COLUMN_LABEL.received), spent: split('spent', FUND_COLUMN_LABEL.spent) },
        progress: t('progress', SELFEVAL_FIELD_LABEL.progress),
        goal: t('goal', SELFEVAL_FIELD_LABEL.goal),
        achieved: t('achieved', SELFEVAL_FIELD_LABEL.achieved),
        completionRate: t('completionRate', SELFEVAL_FIELD_LABEL.completionRate),
        level1Weights: this.rows(v, 'level1Weights', where, '一级指标权重').map((x, k) => ({
          ...x, level1: this.text(x, 'level1', `${where} › 权重 ${k + 1}`, '一级指标'), weight: this.amount(x, 'weight', `${where} › 权重 ${k + 1}`, '权重'),
        })),
        indicators: this.rows(v, 'indicators', where, '指标').map((x, k) => this.selfevalIndicator(x, `${where} › 指标 ${k + 1}`)),
        budgetRateWeight: a('budgetRateWeight', SELFEVAL_FIELD_LABEL.budgetRateWeight),
        budgetRateScore: a('budgetRateScore', SELFEVAL_FIELD_LABEL.budgetRateScore),
        total: a('total', SELFEVAL_FIELD_LABEL.total),
        grade: this.choice(v, 'grade', ['', '优', '良', '中', '差'] as const, where, SELFEVAL_FIELD_LABEL.grade),
        problems: t('problems', SELFEVAL_FIELD_LABEL.problems),
        preparer: t('preparer', SELFEVAL_FIELD_LABEL.preparer),
        phone: t('phone', SELFEVAL_FIELD_LABEL.phone),
        date: t('date', SELFEVAL_FIELD_LABEL.date),
        ...this.optional(v, where, { budgetRateScoreText: ['text', '预算执行率得分'], fundsReason: ['text', '预算执行偏差原因'] }),
        ...this.budgetRateRow(v, where),
      },
    };
  }

  budgetRateRow(v: Obj, where: string): { budgetRateRow?: Obj } {
    const row = v.budgetRateRow;
    if (row === undefined) return {};
    if (!isObject(row)) {
      this.repairs.push(`${where}的预算执行率行格式无效，已清空。`);
      return { budgetRateRow: undefined };
    }
    const w = `${where} › 预算执行率`;
    return { budgetRateRow: { ...row, name: this.text(row, 'name', w, '名称'), target: this.text(row, 'target', w, '指标值'), actual: this.text(row, 'actual', w, '实际完成值') } };
  }

  selfevalIndicator(row: Obj, where: string): Obj {
    const out: Obj = {
      ...row,
      id: this.id(row, 'se', where),
      level1: this.text(row, 'level1', where, SELFEVAL_INDICATOR_LABEL.level1),
      level2: this.text(row, 'level2', where, SELFEVAL_INDICATOR_LABEL.level2),
      name: this.text(row, 'name', where, SELFEVAL_INDICATOR_LABEL.name),
      description: this.text(row, 'description', where, SELFEVAL_INDICATOR_LABEL.description),
      target: this.text(row, 'target', where, SELFEVAL_INDICATOR_LABEL.target),
      actual: this.text(row, 'actual', where, SELFEVAL_INDICATOR_LABEL.actual),
      weight: this.amount(row, 'weight', where, SELFEVAL_INDICATOR_LABEL.weight),
      score: this.amount(row, 'score', where, SELFEVAL_INDICATOR_LABEL.score),
      achievement: this.choice(row, 'achievement', ['', '达成', '部分达成', '未达成'] as const, where, SELFEVAL_INDICATOR_LABEL.achievement),
      deviation: this.text(row, 'deviation', where, SELFEVAL_INDICATOR_LABEL.deviation),
      ...this.structured(row, where),
      ...this.optional(row, where, { scoreText: ['text', '得分'] }),
    };
    if (row.from !== undefined && (typeof row.from !== 'string' || row.from === '')) delete out.from;
    return out;
  }

  meta(raw: unknown): Obj {
    const where = '文件信息';
    if (!isObject(raw)) this.repairs.push('文件缺少部门、年度等基本信息，已使用默认值，请在“文件信息”中补填。');
    const m = isObject(raw) ? raw : {};
    const out: Obj = { ...m, deptCode: this.text(m, 'deptCode', where, '部门编码'), deptName: this.text(m, 'deptName', where, '部门名称') };
    const year = typeof m.year === 'string' && /^\s*\d{4}\s*$/.test(m.year) ? Number(m.year) : m.year;
    if (typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2200) out.year = year;
    else {
      out.year = new Date().getFullYear();
      if (isObject(raw)) this.repairs.push(`年度“${String(m.year ?? '')}”无效，已设为 ${out.year}，请核对。`);
    }
    if (m.unit === '万元' || m.unit === '元') out.unit = m.unit;
    else {
      out.unit = '万元';
      if (isObject(raw)) this.repairs.push(`金额单位“${String(m.unit ?? '')}”无效，已按“万元”读取，请核对金额。`);
    }
    if (typeof m.templateId === 'string' && m.templateId) out.templateId = m.templateId;
    else {
      out.templateId = DEFAULT_TEMPLATE_ID;
      if (isObject(raw)) this.repairs.push(`文件未注明表格模板，已按“${templateOrDefault(DEFAULT_TEMPLATE_ID).name}”读取。`);
    }
    for (const k of ['preparer', 'phone'] as const) {
      if (m[k] === undefined) continue;
      if (m[k] === null) delete out[k];
      else out[k] = this.text(m, k, where, k === 'preparer' ? '填表人' : '联系电话');
    }
    return out;
  }
}

function restoreDocument(raw: RawDocument, repairs: string[]): RawDocument {
  const r = new Restorer(repairs);
  const table = isObject(raw.dutyTable) ? raw.dutyTable : {};
  if (raw.dutyTable !== undefined && !isObject(raw.dutyTable)) repairs.push('部门职责表的格式无效，已忽略其内容。');
  return {
    ...raw,
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: r.meta(raw.meta),
    dutyTable: {
      ...table,
      duties: r.rows(table, 'duties', '部门职责表', '部门职责').map((d, i) => r.duty(d, i)),
      note: r.text(table, 'note', '部门职责表', '备注'),
    },
    projects: r.rows(raw, 'projects', '文件', '项目').map((p, i) => r.project(p, i)),
    ...r.deptWide(raw.deptWide),
  };
}
