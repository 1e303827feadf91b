// Rules over one project of the 项目绩效目标表: money, the spending schedule, required cells, the
// project code; and over the indicator rows of a table — a project's or the department-wide
// table's (IndicatorTable) — the vocabularies of the template, required cells, indicator names,
// 指标值 and 依据.
import { formLabels, type FormLabels } from '../model/labels';
import { compareAmounts, sumAmounts } from '../model/amount';
import { DEPT_WIDE_ID } from '../model/factory';
import type { DeptWide, Project, ProjectIndicator } from '../model/schema';
import type { Finding } from './types';
import { DEFAULT_TEMPLATE_ID, findLevel1, profileOf, type Template } from '../model/templates';
import { hasColumn } from '../profile';
import { compactName, nameShapeIssue } from './duty-rules';
import { indicatorNature } from '../model/indicator-kind';
import { examples, SPELLING_GROUP } from './group';
import { DEPT_WIDE_TABLE, finding, indicatorCellWhere, projectWhere, SEP, type IndicatorRule, type IndicatorTable, type ProjectRule, type RuleContext } from './registry';
import { valueIssues, type CellIssue } from './value-checks';

/** Where an indicator's cell is, named as the form (`labels`, default the Hebei form) names the field. */
export const indicatorWhere = (index: number, ind: ProjectIndicator, field: string, labels: FormLabels = formLabels(profileOf(DEFAULT_TEMPLATE_ID))) =>
  indicatorCellWhere(projectWhere(index), ind, field, labels);
const fieldWhere = (index: number, field: string, labels: FormLabels) => `${projectWhere(index)}${SEP}${labels.project(field)}`;

/** A project's indicator rows; table-wide findings point at its 项目名称. */
export function projectTable(p: Project, index: number, labels: FormLabels): IndicatorTable {
  return { id: p.id, where: projectWhere(index), noun: '项目', indicators: p.indicators, head: { field: 'name', where: fieldWhere(index, 'name', labels), text: p.name } };
}
/** The department-wide table's indicator rows; table-wide findings point at its indicator list. */
export function deptWideTable(wide: DeptWide): IndicatorTable {
  return { id: DEPT_WIDE_ID, where: DEPT_WIDE_TABLE, noun: '部门整体表', indicators: wide.indicators, head: { field: 'indicators', where: `${DEPT_WIDE_TABLE}${SEP}绩效指标`, text: '' } };
}
const cellWhere = (t: IndicatorTable, ind: ProjectIndicator, field: string, ctx: RuleContext) => indicatorCellWhere(t.where, ind, field, ctx.labels);

const budgetRule: ProjectRule = {
  id: 'project.budget-sum', scope: 'project', codes: ['budget.sum-mismatch'],
  description: '预算数 = 财政资金 + 其他资金（已填写时）',
  check(p, index, ctx, out) {
    if (p.budget === '' || (p.fiscal === '' && p.other === '')) return;
    // Amounts are stored canonical, so one filled part equal as text is equal in value.
    if ((p.other === '' && p.fiscal === p.budget) || (p.fiscal === '' && p.other === p.budget)) return;
    const sum = sumAmounts([p.fiscal, p.other]);
    if (compareAmounts(p.budget, sum) === 0) return;
    out.push(finding(p.id, 'budget', fieldWhere(index, 'budget', ctx.labels), p.budget, {
      severity: 'error', code: 'budget.sum-mismatch',
      message: `预算数 ${p.budget}${ctx.unit} 不等于财政资金与其他资金之和 ${sum}${ctx.unit}，请核对`, suggestion: sum,
    }));
  },
};

const scheduleRule: ProjectRule = {
  id: 'project.schedule', scope: 'project', codes: ['schedule.out-of-range', 'schedule.not-cumulative', 'schedule.incomplete'],
  description: '资金支出计划为累计百分比：0–100，逐期不减，最后一期为100',
  check(p, index, ctx, out) {
    // A form without a schedule (88号, structured) does not print it: values kept from another form are not checked.
    if (ctx.template.checkpoints.length === 0) return;
    // Most projects share a schedule (25/50/75/100): a correct one is remembered as correct.
    const key = p.schedule.join('|');
    let okFor = cleanSchedules.get(ctx.template);
    if (!okFor) cleanSchedules.set(ctx.template, (okFor = new Set()));
    if (okFor.has(key)) return;
    const before = out.length;
    checkSchedule(p, index, ctx, out);
    if (out.length === before && okFor.size < 10000) okFor.add(key);
  },
};

const cleanSchedules = new Map<Template, Set<string>>();

function checkSchedule(p: Project, index: number, ctx: RuleContext, out: Finding[]): void {
  {
    const labels = ctx.template.checkpoints;
    const n = Math.min(labels.length, p.schedule.length) || p.schedule.length;
    const at = (k: number) => ({ field: `schedule.${k}`, where: `${projectWhere(index)}${SEP}资金支出计划${SEP}${labels[k] ?? `第${k + 1}期`}` });
    let prev: { k: number; v: string } | null = null;
    let last: { k: number; v: string } | null = null;
    for (let k = 0; k < n; k++) {
      const v = p.schedule[k];
      if (v === '') continue;
      const c = at(k);
      if (compareAmounts(v, '0') < 0 || compareAmounts(v, '100') > 0) {
        out.push(finding(p.id, c.field, c.where, v, { severity: 'error', code: 'schedule.out-of-range', message: `支出进度 ${v}% 超出0–100%，请填写累计支出百分比` }));
      } else if (prev && compareAmounts(v, prev.v) < 0) {
        out.push(finding(p.id, c.field, c.where, v, { severity: 'error', code: 'schedule.not-cumulative', message: `累计支出进度 ${v}% 低于前一期（${labels[prev.k] ?? ''} ${prev.v}%），应逐期累计、不减少，请核对` }));
      }
      prev = { k, v };
      last = { k, v };
    }
    if (n === 0) return;
    // Blanks after a checkpoint that reached 100 count as 100.
    if (!last) {
      const c = at(n - 1);
      out.push(finding(p.id, c.field, c.where, '', { severity: 'warning', code: 'schedule.incomplete', message: '资金支出计划未填写，请按期填写累计支出百分比（最后一期为100%）' }));
    } else if (compareAmounts(last.v, '100') !== 0) {
      const c = at(n - 1);
      out.push(finding(p.id, c.field, c.where, p.schedule[n - 1] ?? '', { severity: 'error', code: 'schedule.incomplete', message: `资金支出计划最后一期应为100%（目前累计 ${last.v}%），请补齐` }));
    }
  }
}

function emptyFinding(rowId: string, field: string, where: string, what: string, severity: 'error' | 'warning' = 'error') {
  return finding(rowId, field, where, '', { severity, code: 'text.empty-required', message: `${what}未填写，请填写` });
}
const INDICATOR_REQUIRED = ['level1', 'level2', 'name', 'value'] as const;

const requiredRule: ProjectRule = {
  id: 'project.required', scope: 'project', codes: ['text.empty-required'],
  description: '项目名称必须填写；项目编码宜填写',
  check(p, index, ctx, out) {
    // Only what the form prints is asked for: 项目编码 is not on every form (88号, structured).
    const askCode = profileOf(ctx.template.id).header.some((h) => h.field === 'code');
    if (isBlank(p.name)) out.push(emptyFinding(p.id, 'name', fieldWhere(index, 'name', ctx.labels), ctx.labels.project('name')));
    if (askCode && isBlank(p.code)) out.push(emptyFinding(p.id, 'code', fieldWhere(index, 'code', ctx.labels), ctx.labels.project('code'), 'warning'));
  },
};

const requiredCellsRule: IndicatorRule = {
  id: 'indicators.required', scope: 'indicators', codes: ['text.empty-required'],
  description: '一级/二级/三级指标、指标值必须填写；依据宜填写（表格有此列时）',
  // An empty 依据 column is one omission; each missing 指标值 is its own.
  groups: { 'text.empty-required': { key: (f) => (f.path.field === 'basis' ? 'basis' : null) } },
  check(t, ctx, out) {
    // Only what the form prints is asked for: 依据 is not on every form (88号, structured).
    const askBasis = hasColumn(profileOf(ctx.template.id), 'basis');
    for (const ind of t.indicators) {
      for (const field of INDICATOR_REQUIRED) {
        // A value typed (or imported) only as parts is filled: its 指标值 is the number.
        if (isBlank(ind[field]) && !(field === 'value' && !isBlank(ind.number ?? ''))) out.push(emptyFinding(ind.id, field, cellWhere(t, ind, field, ctx), ctx.labels.indicator(field)));
      }
      if (askBasis && isBlank(ind.basis)) out.push(emptyFinding(ind.id, 'basis', cellWhere(t, ind, 'basis', ctx), ctx.labels.indicator('basis'), 'warning'));
    }
  },
};

/** Blank without allocating (the common answer is "no" on a non-empty first character). */
function isBlank(s: string): boolean {
  if (s === '') return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c !== 0x3000 && c !== 0xa0) return false;
  return s.trim() === '';
}

function level2Owner(t: Template, level2: string): string | undefined {
  return t.level1.find((l) => l.level2.includes(level2))?.name;
}

const vocabRule: IndicatorRule = {
  id: 'indicators.vocabulary', scope: 'indicators', codes: ['vocab.level1-unknown', 'vocab.level2-mismatch', 'structure.missing-level1'],
  description: '一级/二级指标取自模板词表，二级指标在其所属一级指标下，每个必需的一级指标至少有一个指标',
  // The same wrong 一级/二级 on many rows is one mistake, fixed once (the message names the text).
  groups: { 'vocab.level1-unknown': { key: (f) => f.message }, 'vocab.level2-mismatch': { key: (f) => f.message } },
  check(table, ctx, out) {
    const t = ctx.template;
    const present = new Set<string>();
    for (const ind of table.indicators) {
      const l1 = ind.level1.trim(), l2 = ind.level2.trim();
      const def = l1 === '' ? undefined : findLevel1(t, l1);
      if (def) present.add(def.name);
      if (l1 !== '' && !def) {
        // 成本指标 is a 一级 in the 2021 form but a 二级 under 产出指标 in Hebei 2020 (and so on).
        const ownerOfL1 = level2Owner(t, l1);
        const guess = ownerOfL1 ?? t.level1.find((l) => l.name.startsWith(l1) || l1.startsWith(l.name.replace(/指标$/, '')))?.name ?? level2Owner(t, l2);
        // 产出 for 产出指标: the 一级 is there, misspelt — one mistake, said here, not again as missing.
        if (guess) present.add(guess);
        out.push(finding(ind.id, 'level1', cellWhere(table, ind, 'level1', ctx), ind.level1, {
          severity: 'error', code: 'vocab.level1-unknown',
          message: ownerOfL1
            ? `“${l1}”在模板“${t.name}”中是“${ownerOfL1}”下的二级指标，请把一级指标改为“${ownerOfL1}”、二级指标改为“${l1}”`
            : `一级指标“${l1}”不在模板“${t.name}”中（应为${t.level1.map((l) => `“${l.name}”`).join('、')}之一），请改正`,
          suggestion: guess,
        }));
      }
      if (l2 !== '' && def && !def.level2.includes(l2)) {
        const owner = level2Owner(t, l2);
        out.push(finding(ind.id, 'level2', cellWhere(table, ind, 'level2', ctx), ind.level2, {
          severity: 'error', code: 'vocab.level2-mismatch',
          message: owner
            ? `二级指标“${l2}”属于“${owner}”，不应放在“${def.name}”下，请调整一级或二级指标`
            : `二级指标“${l2}”不在“${def.name}”的词表中（应为${def.level2.map((x) => `“${x}”`).join('、')}之一），请改正`,
        }));
      }
    }
    const missing = t.level1.filter((l) => l.required && !present.has(l.name)).map((l) => `“${l.name}”`);
    // A table without any indicator yet is one omission, not one per 一级.
    const messages = table.indicators.length === 0 && missing.length > 0
      ? [`${table.noun}还没有绩效指标，请添加${missing.join('、')}下的指标`]
      : missing.map((m) => `${table.noun}缺少${m}下的绩效指标，请至少添加一个`);
    for (const message of messages) out.push(finding(table.id, table.head.field, table.head.where, table.head.text, { severity: 'error', code: 'structure.missing-level1', message }));
  },
};

const namesRule: IndicatorRule = {
  id: 'indicators.names', scope: 'indicators', codes: ['text.duplicate-indicator', 'text.merged-cells-suspect'],
  description: '同一项目（或部门整体表）下指标名称不重复；一个单元格里不应有两个指标名称或重复的片段',
  check(t, ctx, out) {
    const seen = new Set<string>();
    for (const ind of t.indicators) {
      const shape = nameShapeIssue(ind.name);
      if (shape) out.push(finding(ind.id, 'name', cellWhere(t, ind, 'name', ctx), ind.name, shape));
      const key = compactName(ind.name);
      if (key === '') continue;
      if (seen.has(key)) {
        out.push(finding(ind.id, 'name', cellWhere(t, ind, 'name', ctx), ind.name, { severity: 'error', code: 'text.duplicate-indicator', message: `本${t.noun}已有指标“${ind.name.trim()}”，请删除重复的一行或改名` }));
      }
      seen.add(key);
    }
  },
};

const valueRule: IndicatorRule = {
  id: 'indicators.values', scope: 'indicators',
  codes: ['value.unparsed', 'value.duplicated-digits', 'value.rate-over-100', 'value.no-operator', 'value.unit-mismatch', 'value.reverse-direction', 'value.zero-target', 'value.spelling'],
  description: '指标值可识别，无重复输入的数字，比率不超过100%，写明比较符号，单位与指标相符，方向正确，目标不为0，写法统一',
  // The style hints (提示) are habits of whoever filled the table: one per table.
  groups: {
    'value.no-operator': { key: () => '', message: (cells) => `${cells.length} 个指标值没有比较符号（${examples(cells)}），请写明是“≥”还是“=”` },
    'value.rate-over-100': { key: (f) => (f.severity === 'info' ? '' : null) },
    // How values are spelled (≥ 95 %) is the filler's habit, in every table (duty bands and self-evaluation targets too).
    'value.spelling': SPELLING_GROUP,
    // 元 in a 万元 table is the filler's habit; a count written as % (or the reverse) is per indicator.
    'value.unit-mismatch': {
      key: (f) => (f.message.startsWith(YUAN_IN_WAN) ? '' : null),
      message: (cells) => `${YUAN_IN_WAN}，${cells.length} 个指标值却以元为单位（${examples(cells)}），建议换算为万元`,
    },
  },
  check(t, ctx, out) {
    for (const ind of t.indicators) {
      if (ind.value.trim() === '') continue;
      let issues = valueIssues(ind.value, indicatorNature(ind.name, ctx.template), ctx.unit);
      // 定性 chosen in 指标性质 says there is no comparison: a number there is
      // structured.qualitative-number's finding, not a missing operator.
      if (ind.operator === '定性') issues = issues.filter((i) => i.code !== 'value.no-operator');
      if (issues.length === 0) continue;
      const where = cellWhere(t, ind, 'value', ctx);
      for (const issue of issues) out.push(finding(ind.id, 'value', where, ind.value, issue));
    }
  },
};

const DOC_NUMBER = /[【〔[（(]\s*\d{4}\s*[】〕\]）)]\s*\d+\s*号|\d{4}\s*年?\s*第?\s*\d+\s*号/;

const COST_ONLY = '只适用于成本指标';
const YUAN_IN_WAN = '本表金额单位为万元';

const basisMemo = new Map<Template, [Map<string, CellIssue | null>, Map<string, CellIssue | null>]>();

function basisIssue(t: Template, basis: string, isCost: boolean): CellIssue | null {
  let maps = basisMemo.get(t);
  if (!maps) basisMemo.set(t, (maps = [new Map(), new Map()]));
  const byText = maps[isCost ? 1 : 0];
  let issue = byText.get(basis);
  if (issue === undefined) {
    issue = computeBasisIssue(t, basis.trim(), isCost);
    if (byText.size > 50000) byText.clear();
    byText.set(basis, issue);
  }
  return issue;
}

function computeBasisIssue(t: Template, b: string, isCost: boolean): CellIssue | null {
  if (b === '' || t.basisCategories.includes(b)) return null;
  if (t.costOnlyBasis.includes(b)) {
    if (isCost) return null;
    return { severity: 'info', code: 'basis.nonstandard', message: `“${b}”${COST_ONLY}，请改用计划标准、行业标准、历史标准或其他标准`, suggestion: '计划标准' };
  }
  const planned = DOC_NUMBER.test(b) || /批示|批复|文件|通知|方案|规划|计划/.test(b);
  const suggestion = planned ? '计划标准' : '其他标准';
  return {
    severity: 'info', code: 'basis.nonstandard',
    message: `指标值确定依据“${b}”不是规定的类别（${[...t.basisCategories, ...t.costOnlyBasis].join('、')}），建议填“${suggestion}”${planned ? '，文号可写入绩效指标描述' : ''}`,
    suggestion,
  };
}

const basisRule: IndicatorRule = {
  id: 'indicators.basis', scope: 'indicators', codes: ['basis.nonstandard'],
  description: '指标值确定依据宜为计划标准、行业标准、历史标准、其他标准（预算支出标准仅用于成本指标）',
  // How the 依据 is written is one habit per table: one finding, one fix for every cell.
  groups: {
    'basis.nonstandard': {
      // 预算支出标准 outside 成本 is another reason than a document number, though both get 计划标准.
      key: (f) => (f.message.includes(COST_ONLY) ? COST_ONLY : f.suggestion ?? ''),
      message: (cells) => cells[0].message.includes(COST_ONLY)
        ? `${cells.length} 个非成本指标的依据${examples(cells)}只适用于成本指标，建议都改为“${cells[0].suggestion}”`
        : `${cells.length} 个指标的指标值确定依据不是规定的类别（${examples(cells)}），建议都填“${cells[0].suggestion}”${cells.some((c) => DOC_NUMBER.test(c.text)) ? '，文号可写入绩效指标描述' : ''}`,
    },
  },
  check(t, ctx, out) {
    for (const ind of t.indicators) {
      if (ind.basis === '') continue;
      const isCost = ind.level1.includes('成本') || ind.level2.includes('成本');
      const issue = basisIssue(ctx.template, ind.basis, isCost);
      if (issue) out.push(finding(ind.id, 'basis', cellWhere(t, ind, 'basis', ctx), ind.basis, issue));
    }
  },
};

const patterns = new Map<string, RegExp>();
function codePattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
}

const codeFormatRule: ProjectRule = {
  id: 'project.code-format', scope: 'project', codes: ['project.code-format'],
  description: '项目编码符合模板格式（部门编码-功能分类-类别-序号），且以本部门编码开头',
  check(p, index, ctx, out) {
    const code = p.code.trim();
    if (code === '') return;
    let message: string | null = null;
    if (!codePattern(ctx.template.projectCodePattern).test(code)) {
      message = `项目编码“${code}”格式不符（应形如“323-0501-JZN-DU0F”：部门编码-功能分类-类别-序号），请核对`;
    } else if (ctx.deptCode !== '') {
      const head = code.split('-')[0];
      if (!ctx.deptCode.startsWith(head) && !head.startsWith(ctx.deptCode)) {
        message = `项目编码“${code}”的部门编码“${head}”与本部门编码“${ctx.deptCode}”不一致，请核对`;
      }
    }
    if (message) out.push(finding(p.id, 'code', fieldWhere(index, 'code', ctx.labels), p.code, { severity: 'warning', code: 'project.code-format', message }));
  },
};

export const PROJECT_RULES: ProjectRule[] = [budgetRule, scheduleRule, requiredRule, codeFormatRule];
/** The rules of a table's indicator rows (a project's, the department-wide table's). */
export const INDICATOR_RULES: IndicatorRule[] = [requiredCellsRule, vocabRule, namesRule, valueRule, basisRule];
