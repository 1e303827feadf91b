// Rules over a project's year-end self-evaluation part (部门预算项目绩效自评表, docs: selfeval.md).
// They run with the project rules (same scope, same cache by object identity). Typed scores are the
// clerk's decision: a rule compares them with the computed ones (src-shared/selfeval) and reports,
// it never changes anything. One cause gives one finding.
import { FUND_COLUMN_LABEL, FUND_ROW_LABEL, SELFEVAL_FIELD_LABEL, SELFEVAL_INDICATOR_LABEL } from '../model/labels';
import { compareAmounts, convertAmount, subtractAmounts, sumAmounts, type Amount } from '../model/amount';
import type { Project, SelfEval, SelfEvalIndicator } from '../model/schema';
import type { SelfevalTemplate, Template } from '../model/templates';
import { level1Key, level1Weight, parse, scoreSelfEval, gradeOf, type SelfEvalScores } from '../selfeval';
import { nameShapeIssue } from './duty-rules';
import { indicatorNature, type IndicatorNature } from '../model/indicator-kind';
import { examples } from './group';
import { finding, named, projectWhere, SEP, type ProjectRule, type RuleContext } from './registry';
import { repeatedFragment } from './text-shape';
import type { Finding } from './types';
import { digitIssues, valueIssues, type CellIssue } from './value-checks';

/** A typed score within this many points of the computed one is rounding, not a disagreement. */
export const SCORE_TOLERANCE = '0.5';

const partWhere = (index: number) => `${projectWhere(index)}${SEP}绩效自评`;
const fieldWhere = (index: number, label: string) => `${partWhere(index)}${SEP}${label}`;
const indicatorWhere = (index: number, ind: SelfEvalIndicator, field: string) =>
  `${partWhere(index)}${SEP}${named(ind.level1, '（未填一级指标）')}${SEP}${named(ind.name, '（未填写指标名称）')}${SEP}${SELFEVAL_INDICATOR_LABEL[field]}`;
const pf = (p: Project, index: number, field: string, label: string, text: string, issue: CellIssue): Finding =>
  finding(p.id, `selfeval.${field}`, fieldWhere(index, label), text, issue);

/** Scores computed once per part and context (every rule reads them). */
const scoreMemo = new WeakMap<SelfEval, { key: string; scores: SelfEvalScores }>();
function scoresOf(se: SelfEval, ctx: RuleContext): SelfEvalScores {
  const key = `${ctx.selfeval.id}\u0001${ctx.template.id}`;
  let m = scoreMemo.get(se);
  if (!m || m.key !== key) scoreMemo.set(se, (m = { key, scores: scoreSelfEval(se, ctx.selfeval, ctx.template) }));
  return m.scores;
}

/** What an indicator measures: by its name, else by its description (宣传活动: 当年举办宣传活动数量). */
function natureOf(ind: SelfEvalIndicator, t: Template): IndicatorNature {
  const byName = indicatorNature(ind.name, t);
  if (byName.kind !== 'unknown' || ind.description.trim() === '') return byName;
  const byDesc = indicatorNature(ind.description.trim(), t);
  return { kind: byDesc.kind, lowerIsBetter: byName.lowerIsBetter || byDesc.lowerIsBetter };
}

const gt = (a: Amount, b: Amount) => compareAmounts(a, b) > 0;
const beyond = (a: Amount, b: Amount) => gt(subtractAmounts(a, b), SCORE_TOLERANCE);

function rule(id: string, codes: string[], description: string, check: (p: Project, se: SelfEval, index: number, ctx: RuleContext, out: Finding[]) => void): ProjectRule {
  return { id, scope: 'project', codes, description, check: (p, index, ctx, out) => { if (p.selfeval) check(p, p.selfeval, index, ctx, out); } };
}

/** Distinct level-1 keys of the indicators, in row order, with their rows. */
function levels(se: SelfEval, t: SelfevalTemplate): Map<string, SelfEvalIndicator[]> {
  const m = new Map<string, SelfEvalIndicator[]>();
  for (const ind of se.indicators) {
    if (ind.level1.trim() === '') continue;
    const k = level1Key(t, ind.level1);
    (m.get(k) ?? m.set(k, []).get(k)!).push(ind);
  }
  return m;
}

/** The level-1 weight's cell (typed on the part), else the first indicator's level cell. */
function levelCell(se: SelfEval, t: SelfevalTemplate, key: string, rows: SelfEvalIndicator[]): { rowId: string | null; field: string } {
  const k = se.level1Weights.findIndex((w) => level1Key(t, w.level1) === key);
  return k >= 0 ? { rowId: null, field: `level1Weights.${k}.weight` } : { rowId: rows[0].id, field: 'level1' };
}

const weightSumRule = rule('selfeval.weight-sum', ['selfeval.weight-sum'],
  '一级指标权重与预算执行率权重合计为100；一级指标权重等于其下指标分值之和',
  (p, se, index, ctx, out) => {
    const t = ctx.selfeval;
    const lv = levels(se, t);
    if (lv.size === 0) return;
    const rateWeight = se.budgetRateWeight !== '' ? se.budgetRateWeight : t.budgetRateWeight;
    const parts = [...lv.keys()].map((k) => level1Weight(se, t, k));
    const sum = sumAmounts([...parts, rateWeight]);
    if (!parts.includes('') && sum !== '' && compareAmounts(sum, '100') !== 0) {
      out.push(pf(p, index, 'budgetRateWeight', '权重', rateWeight, {
        severity: 'error', code: 'selfeval.weight-sum',
        message: `各一级指标权重（${[...lv.keys()].map((k, i) => `${k} ${parts[i]}`).join('、')}）与预算执行率权重 ${rateWeight} 合计为 ${sum}，应为100，请调整权重`,
      }));
    }
    for (const [key, rows] of lv) {
      const lw = level1Weight(se, t, key);
      const typed = rows.filter((r) => r.weight !== '');
      if (lw === '' || typed.length === 0) continue;
      const s = sumAmounts(typed.map((r) => r.weight));
      const all = typed.length === rows.length;
      if (all ? compareAmounts(s, lw) === 0 : !gt(s, lw)) continue;
      const cell = levelCell(se, t, key, rows);
      const message = all
        ? `“${key}”的权重为 ${lw}，其下指标分值合计为 ${s}，两者应相等，请调整`
        : `“${key}”下已填写的指标分值合计 ${s}，超过该一级指标的权重 ${lw}，请调整`;
      out.push(cell.rowId
        ? finding(cell.rowId, cell.field, indicatorWhere(index, rows[0], 'level1'), rows[0].level1, { severity: 'error', code: 'selfeval.weight-sum', message })
        : pf(p, index, cell.field, `${key}权重`, lw, { severity: 'error', code: 'selfeval.weight-sum', message }));
    }
  });

const overWeightRule = rule('selfeval.score-over-weight', ['selfeval.score-over-weight'],
  '得分不超过分值：指标得分不超过其分值（未填分值时不超过一级指标权重），一级指标下得分合计不超过其权重，预算执行率得分不超过其权重',
  (p, se, index, ctx, out) => {
    const t = ctx.selfeval;
    const w = scoresOf(se, ctx).rows;
    for (const [key, rows] of levels(se, t)) {
      const lw = level1Weight(se, t, key);
      let flagged = false;
      for (const ind of rows) {
        if (ind.score === '') continue;
        const ew = w.get(ind.id)!;
        const cap = ew.implicit ? lw : ew.weight;
        if (cap === '' || !gt(ind.score, cap)) continue;
        flagged = true;
        out.push(finding(ind.id, 'score', indicatorWhere(index, ind, 'score'), ind.score, {
          severity: 'error', code: 'selfeval.score-over-weight',
          message: ew.implicit ? `得分 ${ind.score} 超过“${key}”的权重 ${lw}，请核对` : `得分 ${ind.score} 超过该指标的分值 ${cap}，请核对`,
        }));
      }
      const s = sumAmounts(rows.map((r) => r.score));
      if (flagged || lw === '' || s === '' || !gt(s, lw)) continue;
      const last = rows.filter((r) => r.score !== '').pop()!;
      out.push(finding(last.id, 'score', indicatorWhere(index, last, 'score'), last.score, {
        severity: 'error', code: 'selfeval.score-over-weight', message: `“${key}”下各指标得分合计 ${s}，超过其权重 ${lw}，请核对`,
      }));
    }
    const rw = se.budgetRateWeight !== '' ? se.budgetRateWeight : t.budgetRateWeight;
    if (se.budgetRateScore !== '' && rw !== '' && gt(se.budgetRateScore, rw)) {
      out.push(pf(p, index, 'budgetRateScore', '预算执行率得分', se.budgetRateScore, {
        severity: 'error', code: 'selfeval.score-over-weight', message: `预算执行率得分 ${se.budgetRateScore} 超过其权重 ${rw}，请核对`,
      }));
    }
  });

const totalRule = rule('selfeval.total-grade', ['selfeval.total-mismatch', 'selfeval.grade-mismatch'],
  '总分等于各项得分之和；评价等级与总分相符（优 ≥ 90，良 80–90，中 60–80，差 < 60）',
  (p, se, index, ctx, out) => {
    const s = scoresOf(se, ctx);
    const complete = se.indicators.every((i) => i.score !== '' || s.rows.get(i.id)!.computed !== '') && (se.budgetRateScore !== '' || s.budgetRateComputed !== '');
    if (se.total !== '' && complete && s.total !== '' && compareAmounts(se.total, s.total) !== 0) {
      out.push(pf(p, index, 'total', '总分', se.total, {
        severity: 'error', code: 'selfeval.total-mismatch',
        message: `总分 ${se.total} 不等于各项得分之和 ${s.total}（未填得分的按计算得分），请核对`, suggestion: s.total,
      }));
    }
    const basis = se.total !== '' ? se.total : s.total;
    const g = gradeOf(basis, ctx.selfeval);
    if (se.grade !== '' && g !== '' && se.grade !== g) {
      out.push(pf(p, index, 'grade', '评价等级', se.grade, {
        severity: 'error', code: 'selfeval.grade-mismatch',
        message: `总分 ${basis} 对应的评价等级是“${g}”（${ctx.selfeval.grades.map((x) => `${x.grade} ≥ ${x.min}`).join('，')}），表中填的是“${se.grade}”`, suggestion: g,
      }));
    }
  });

const SPENT_IN_TEXT = /(支出|执行|使用|拨付|花费)[^，,。；;\d]{0,6}?(\d+(?:\.\d+)?)\s*(万元|元)/g;

const progressRule = rule('selfeval.progress', ['selfeval.progress-mismatch', 'selfeval.achieved-spent-mismatch'],
  '预算执行进度等于执行数/预算数（按所填的小数位四舍五入）；具体完成情况中写的支出金额与执行数一致',
  (p, se, index, ctx, out) => {
    const s = scoresOf(se, ctx);
    const m = /^\s*(\d+(?:\.(\d+))?)\s*[%％]?\s*$/.exec(se.progress);
    if (m && s.budgetRatePercent !== '') {
      // Within half a unit of the last digit typed: 99% for 98.83% is rounding, 95% is not.
      const places = m[2]?.length ?? 0;
      const diff = Math.abs(Number(m[1]) - Number(s.budgetRatePercent));
      if (diff > 0.5 * 10 ** -places + 0.005) {
        out.push(pf(p, index, 'progress', '预算执行进度', se.progress, {
          severity: 'warning', code: 'selfeval.progress-mismatch',
          message: `预算执行进度 ${se.progress.trim()} 与执行数/预算数（${se.funds.spent.total}/${se.funds.planned.total} = ${s.budgetRatePercent}%）不符，请核对`,
          suggestion: `${s.budgetRatePercent}%`,
        }));
      }
    }
    const spent = se.funds.spent.total;
    if (spent === '' || se.achieved === '') return;
    for (const x of se.achieved.matchAll(SPENT_IN_TEXT)) {
      const said = convertAmount(x[2].replace(/^0+(?=\d)/, ''), x[3] as '万元' | '元', ctx.unit);
      if (compareAmounts(said, spent) === 0) continue;
      out.push(pf(p, index, 'achieved', '具体完成情况', se.achieved, {
        severity: 'warning', code: 'selfeval.achieved-spent-mismatch',
        message: `具体完成情况写明${x[1]} ${x[2]}${x[3]}，与执行数 ${spent}${ctx.unit} 不一致，请核对`,
      }));
      break;
    }
  });

const splitRule = rule('selfeval.fund-split', ['selfeval.spent-split-mismatch'],
  '预算数、到位数、执行数各等于财政资金、上年结转、财政专户管理资金、单位资金与其他资金之和（已填写时）',
  (p, se, index, ctx, out) => {
    for (const col of ctx.selfeval.fundColumns) {
      const f = se.funds[col];
      // (the structured form's 财政专户管理资金 / 单位资金 are parts of the total too)
      const parts = [f.fiscal, f.carryOver, f.fiscalSpecial, f.unitOwn, f.other].filter((x): x is string => x !== undefined && x !== '');
      if (f.total === '' || parts.length === 0) continue;
      const sum = sumAmounts(parts);
      if (compareAmounts(sum, f.total) === 0) continue;
      out.push(pf(p, index, `funds.${col}.total`, FUND_COLUMN_LABEL[col], f.total, {
        severity: 'error', code: 'selfeval.spent-split-mismatch',
        message: `${FUND_COLUMN_LABEL[col]} ${f.total}${ctx.unit} 不等于${ctx.selfeval.fundRows.filter((r) => r !== 'total').map((r) => FUND_ROW_LABEL[r]).join('、')}之和 ${sum}${ctx.unit}，请核对`,
        suggestion: sum,
      }));
    }
  });

const scoreVsActualRule = rule('selfeval.score-vs-actual', ['selfeval.score-vs-actual', 'selfeval.budget-rate-score'],
  '得分与实际完成情况相符：不高于计算得分（差0.5分以内视为取整）；定性指标得分在所选档次的范围内；未达目标的指标得分不高于同一级指标下已达目标的指标；预算执行率得分不高于权重×执行率',
  (p, se, index, ctx, out) => {
    const s = scoresOf(se, ctx);
    for (const ind of se.indicators) {
      if (ind.score === '') continue;
      const r = s.rows.get(ind.id)!;
      let message: string | null = null;
      let suggestion: string | undefined;
      if (r.kind === 'qualitative' && (gt(r.range[0], ind.score) || gt(ind.score, r.range[1]))) {
        message = `完成情况为“${ind.achievement}”时得分应在 ${r.range[0]}–${r.range[1]} 分之间（分值 ${r.weight}），表中为 ${ind.score}`;
      } else if (r.kind === 'quantitative' && !r.met && !r.implicit && beyond(ind.score, r.computed)) {
        message = `实际完成值 ${r.actualRead} 未达到年度指标值“${ind.target.trim()}”，按完成比例应得 ${r.computed} 分，表中为 ${ind.score} 分，请核对`;
        suggestion = r.computed;
      } else if (r.kind === 'quantitative' && !r.met && r.implicit) {
        // Hebei 2019 prints no indicator 分值: a missed target scoring no less than a met one of the same level is full marks for a miss.
        const key = level1Key(ctx.selfeval, ind.level1);
        const met = se.indicators.find((o) => o !== ind && o.score !== '' && level1Key(ctx.selfeval, o.level1) === key
          && s.rows.get(o.id)!.kind === 'quantitative' && (s.rows.get(o.id) as { met: boolean }).met && !gt(o.score, ind.score));
        if (met) message = `实际完成值 ${r.actualRead} 未达到年度指标值“${ind.target.trim()}”，得分 ${ind.score} 却不低于已达到目标的“${met.name.trim()}”（${met.score} 分），请按完成比例扣分`;
      }
      if (message) out.push(finding(ind.id, 'score', indicatorWhere(index, ind, 'score'), ind.score, { severity: 'warning', code: 'selfeval.score-vs-actual', message, suggestion }));
    }
    const rw = s.budgetRateWeight;
    if (se.budgetRateScore !== '' && s.budgetRateComputed !== '' && rw !== '' && !gt(se.budgetRateScore, rw) && beyond(se.budgetRateScore, s.budgetRateComputed)) {
      out.push(pf(p, index, 'budgetRateScore', '预算执行率得分', se.budgetRateScore, {
        severity: 'warning', code: 'selfeval.budget-rate-score',
        message: `预算执行率为 ${s.budgetRatePercent}%，得分应为 ${rw} × ${s.budgetRatePercent}% = ${s.budgetRateComputed}，表中为 ${se.budgetRateScore}`,
        suggestion: s.budgetRateComputed,
      }));
    }
  });

const actualRule: ProjectRule = {
  ...rule('selfeval.actual', ['selfeval.actual-missing', 'selfeval.actual-unit'],
    '每个指标填写实际完成值；实际完成值与年度指标值单位一致（未写单位的按年度指标值的单位读取）', checkActuals),
  // Actuals written without their unit are the filler's habit: one finding per table, one fix for every cell.
  groups: {
    'selfeval.actual-unit': {
      key: (f) => (f.severity === 'info' ? '' : null),
      message: (cells) => `${cells.length} 个实际完成值没有写单位（${examples(cells)}），已按年度指标值的单位读取，请写明单位`,
    },
  },
};

function checkActuals(p: Project, se: SelfEval, index: number, ctx: RuleContext, out: Finding[]): void {
  const s = scoresOf(se, ctx);
  for (const ind of se.indicators) {
    if (ind.name.trim() === '' && ind.target.trim() === '') continue;
    const where = indicatorWhere(index, ind, 'actual');
    if (ind.actual.trim() === '') {
      out.push(finding(ind.id, 'actual', where, '', { severity: 'warning', code: 'selfeval.actual-missing', message: '实际完成值未填写，请填写（无法计算得分）' }));
      continue;
    }
    const r = s.rows.get(ind.id)!;
    // A count read as a percent only because its target is a percent: the target is the one cause (value.unit-mismatch).
    const wrongTarget = natureOf(ind, ctx.template).kind === 'count' && r.kind === 'quantitative' && r.actualRead.endsWith('%');
    if (r.kind === 'quantitative' && r.unitAssumed && !wrongTarget) {
      out.push(finding(ind.id, 'actual', where, ind.actual, {
        // The reading is unambiguous (the target's unit): a habit of writing, 提示.
        severity: 'info', code: 'selfeval.actual-unit',
        message: `实际完成值“${ind.actual.trim()}”没有写单位，按年度指标值“${ind.target.trim()}”读作 ${r.actualRead}，请写明单位`, suggestion: r.actualRead,
      }));
    } else if (r.kind === 'none' && r.reason === 'unit-differs') {
      out.push(finding(ind.id, 'actual', where, ind.actual, {
        severity: 'warning', code: 'selfeval.actual-unit', message: `实际完成值“${ind.actual.trim()}”与年度指标值“${ind.target.trim()}”的单位不同，无法比较，请统一单位`,
      }));
    }
  }
}

const VALUE_CODES = ['value.unparsed', 'value.duplicated-digits', 'value.rate-over-100', 'value.no-operator', 'value.unit-mismatch', 'value.reverse-direction', 'value.zero-target', 'value.spelling'];

const valuesRule: ProjectRule = { ...rule('selfeval.values', VALUE_CODES,
  '年度指标值与实际完成值适用目标表的指标值规则（可识别、无重复数字、比率不超过100%、单位与指标相符、方向正确、写法统一）',
  (p, se, index, ctx, out) => {
    for (const ind of se.indicators) {
      const nature = natureOf(ind, ctx.template);
      // A target carried over unchanged is reported once, in the target table it came from.
      const source = ind.from === undefined ? undefined : p.indicators.find((x) => x.id === ind.from);
      if (ind.target.trim() !== '' && source?.value !== ind.target) {
        let issues = valueIssues(ind.target, nature, ctx.unit);
        // A count with a percent target: the unit is the one cause; "≥100% means 100%" is not a second finding.
        if (issues.some((i) => i.code === 'value.unit-mismatch')) issues = issues.filter((i) => !(i.code === 'value.rate-over-100' && i.severity !== 'error'));
        for (const issue of issues) out.push(finding(ind.id, 'target', indicatorWhere(index, ind, 'target'), ind.target, issue));
      }
      const actual = parse(ind.actual);
      if (actual.kind !== 'numeric') continue;
      // An actual is a measurement: typed-over digits and impossible rates apply, the operator and direction rules do not.
      const issues = digitIssues(actual, nature);
      const overRate = actual.groups.flat().find((a) => a.kind === 'cmp' && a.value > 100 && (a.unit === '%' || (a.unit === '' && nature.kind === 'percent')));
      if (issues.length === 0 && overRate) issues.push({ severity: 'warning', code: 'value.rate-over-100', message: `比率类指标的实际完成值“${ind.actual.trim()}”超过100%，请核对` });
      for (const issue of issues) out.push(finding(ind.id, 'actual', indicatorWhere(index, ind, 'actual'), ind.actual, issue));
    }
  }),
};

const instructionMemo = new Map<string, RegExp>();
function instructionRe(src: string): RegExp {
  let re = instructionMemo.get(src);
  if (!re) instructionMemo.set(src, (re = new RegExp(src)));
  return re;
}
const TEXT_FIELDS = ['implementer', 'authority', 'goal', 'achieved', 'problems'] as const;

/** A doubled fragment in any sentence of a long text (用于用于). */
function doubled(text: string): string | null {
  for (const part of text.split(/[。；;！!？?\n]/)) {
    const f = repeatedFragment(part);
    if (f) return f;
  }
  return null;
}

const textRule = rule('selfeval.text', ['selfeval.template-text', 'text.merged-cells-suspect'],
  '不保留表格的填写说明；文字中没有连续重复的词（合并单元格或重复粘贴留下的）',
  (p, se, index, ctx, out) => {
    const isInstruction = (s: string) => s.trim() !== '' && ctx.selfeval.instructionPatterns.some((src) => instructionRe(src).test(s.trim()));
    for (const field of TEXT_FIELDS) {
      const v = se[field];
      if (v.trim() === '') continue;
      const label = SELFEVAL_FIELD_LABEL[field];
      if (isInstruction(v)) {
        out.push(pf(p, index, field, label, v, { severity: 'error', code: 'selfeval.template-text', message: `“${label}”仍是表格的填写说明，请替换为实际内容` }));
        continue;
      }
      const f = doubled(v);
      if (f) out.push(pf(p, index, field, label, v, { severity: 'warning', code: 'text.merged-cells-suspect', message: `“${label}”中“${f}”连续出现了两次，请删去多余的部分`, suggestion: v.replace(f + f, f) }));
    }
    for (const ind of se.indicators) {
      const carried = ind.from !== undefined && p.indicators.some((x) => x.id === ind.from && x.name === ind.name);
      const shape = carried ? null : nameShapeIssue(ind.name);
      if (shape) out.push(finding(ind.id, 'name', indicatorWhere(index, ind, 'name'), ind.name, shape));
      if (isInstruction(ind.deviation)) {
        out.push(finding(ind.id, 'deviation', indicatorWhere(index, ind, 'deviation'), ind.deviation, { severity: 'error', code: 'selfeval.template-text', message: '“偏差原因分析及改进措施”仍是表格的填写说明，请替换为实际内容' }));
      }
    }
  });

/** A score typed as a word (优, 良) where the form expects points: kept as typed by the importer, told here. */
const scoreTextRule = rule('selfeval.score-text', ['selfeval.score-text'],
  '得分应为分数：导入时得分为文字（如“优”）的单元格按原文保存，需改为分数',
  (p, se, index, _ctx, out) => {
    const message = (t: string) => `得分“${t}”不是分数，已按文字保存；请改为分数（计算得分、总分和评价等级不计入这一项）`;
    for (const ind of se.indicators) {
      if (ind.scoreText && ind.score === '') out.push(finding(ind.id, 'score', indicatorWhere(index, ind, 'score'), ind.scoreText, { severity: 'error', code: 'selfeval.score-text', message: message(ind.scoreText) }));
    }
    if (se.budgetRateScoreText && se.budgetRateScore === '') {
      out.push(pf(p, index, 'budgetRateScore', '预算执行率得分', se.budgetRateScoreText, { severity: 'error', code: 'selfeval.score-text', message: message(se.budgetRateScoreText) }));
    }
  });

export const SELFEVAL_RULES: ProjectRule[] = [weightSumRule, overWeightRule, totalRule, progressRule, splitRule, scoreVsActualRule, actualRule, valuesRule, textRule, scoreTextRule];
