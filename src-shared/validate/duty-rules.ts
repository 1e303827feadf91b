// Rules over one duty of the 部门职责-工作活动 table: its budget against its activities, required
// cells, the indicators' names and their 优/良/中/差 bands.
import { BAND_LABEL, DUTY_FIELD_LABEL } from '../model/labels';
import { compareAmounts, subtractAmounts, sumAmounts } from '../model/amount';
import type { Duty, DutyIndicator } from '../model/schema';
import { analyzeBands, type BandAnalysis } from '../expr/bands';
import { COUNT_UNITS, formatValue } from '../expr/parse';
import { indicatorNature, type IndicatorNature } from '../model/indicator-kind';
import { activityWhere, dutyWhere, finding, named, SEP, type DutyRule } from './registry';
import { repeatedFragment, runTogetherNames } from './text-shape';
import { digitIssues, rateIssues, withSpelling, type CellIssue } from './value-checks';
import type { Template } from '../model/templates';
import { proposeBands, redraftBelowBest } from '../propose/bands';

/** Every indicator row of a duty with where it sits (the duty's own first, then each activity's). */
function* indicatorRows(duty: Duty, index: number): Generator<{ ind: DutyIndicator; parentWhere: string; siblings: DutyIndicator[] }> {
  const dw = dutyWhere(duty, index);
  for (const ind of duty.indicators) yield { ind, parentWhere: dw, siblings: duty.indicators };
  for (let a = 0; a < duty.activities.length; a++) {
    const act = duty.activities[a];
    const aw = activityWhere(dw, act.title, a);
    for (const ind of act.indicators) yield { ind, parentWhere: aw, siblings: act.indicators };
  }
}

export const indicatorWhere = (parentWhere: string, ind: DutyIndicator) => `${parentWhere}${SEP}${named(ind.name, '（未填写指标名称）')}`;

const budgetRule: DutyRule = {
  id: 'duty.budget-sum', scope: 'duty', codes: ['budget.sum-mismatch'],
  description: '职责的年度预算数等于其已填写预算的工作活动之和',
  check(duty, index, ctx, out) {
    if (duty.budget === '') return;
    const filled = duty.activities.map((a) => a.budget).filter((b) => b !== '');
    if (filled.length === 0) return;
    if (filled.length === 1 && filled[0] === duty.budget) return; // canonical: same text, same value
    const sum = sumAmounts(filled);
    if (compareAmounts(duty.budget, sum) === 0) return;
    const diff = subtractAmounts(duty.budget, sum);
    out.push(finding(duty.id, 'budget', `${dutyWhere(duty, index)}${SEP}${DUTY_FIELD_LABEL.budget}`, duty.budget, {
      severity: 'error', code: 'budget.sum-mismatch',
      message: `职责年度预算数 ${duty.budget}${ctx.unit} 与所属工作活动预算合计 ${sum}${ctx.unit} 不符（相差 ${diff}${ctx.unit}），请核对职责或工作活动的预算数`,
      suggestion: sum,
    }));
  },
};

const requiredRule: DutyRule = {
  id: 'duty.required', scope: 'duty', codes: ['text.empty-required'],
  description: '职责、工作活动和绩效指标的名称，以及四个评价档次必须填写',
  check(duty, index, ctx, out) {
    const dw = dutyWhere(duty, index);
    const empty = (rowId: string, field: string, where: string, what: string, suggestion?: string) =>
      out.push(finding(rowId, field, where, '', suggestion === undefined
        ? { severity: 'error', code: 'text.empty-required', message: `${what}未填写，请填写` }
        : { severity: 'error', code: 'text.empty-required', message: `${what}未填写，可采用建议“${suggestion}”`, suggestion }));
    if (duty.title.trim() === '') empty(duty.id, 'title', `${dw}${SEP}${DUTY_FIELD_LABEL.title}`, '职责名称');
    duty.activities.forEach((act, a) => {
      if (act.title.trim() === '') empty(act.id, 'title', `${activityWhere(dw, act.title, a)}${SEP}${DUTY_FIELD_LABEL.title}`, '工作活动名称');
    });
    for (const { ind, parentWhere } of indicatorRows(duty, index)) {
      if (ind.name.trim() === '') empty(ind.id, 'name', `${indicatorWhere(parentWhere, ind)}${SEP}绩效指标`, '绩效指标名称');
      if (ind.bands.every((b) => b.trim() !== '')) continue;
      // The drafted bands (issue 19) are the fix of an empty band.
      const nature = indicatorNature(ind.name, ctx.template);
      const p = proposeBands({ name: ind.name, bands: ind.bands, lowerIsBetter: nature.lowerIsBetter, integer: nature.kind === 'count' }, ctx.template.bandSteps);
      ind.bands.forEach((b, k) => {
        if (b.trim() === '') empty(ind.id, `bands.${k}`, `${indicatorWhere(parentWhere, ind)}${SEP}${BAND_LABEL[k]}`, `评价标准“${BAND_LABEL[k]}”档`, p.ok ? p.fill[k] ?? undefined : undefined);
      });
    }
  },
};

const nameRule: DutyRule = {
  id: 'duty.indicator-names', scope: 'duty', codes: ['text.duplicate-indicator', 'text.merged-cells-suspect'],
  description: '同一工作活动下指标名称不重复；一个单元格里不应有两个指标名称或重复的片段',
  check(duty, index, _ctx, out) {
    const seen = new Map<DutyIndicator[], Set<string>>();
    for (const { ind, parentWhere, siblings } of indicatorRows(duty, index)) {
      const shape = nameShapeIssue(ind.name);
      if (shape) out.push(finding(ind.id, 'name', `${indicatorWhere(parentWhere, ind)}${SEP}绩效指标`, ind.name, shape));
      const key = compactName(ind.name);
      if (key === '') continue;
      let names = seen.get(siblings);
      if (!names) seen.set(siblings, (names = new Set()));
      if (names.has(key)) {
        out.push(finding(ind.id, 'name', `${indicatorWhere(parentWhere, ind)}${SEP}绩效指标`, ind.name, { severity: 'error', code: 'text.duplicate-indicator', message: `同一工作活动下已有指标“${ind.name.trim()}”，请删除重复的一行或改名` }));
      }
      names.add(key);
    }
  },
};

const nameMemo = new Map<string, CellIssue | null>();

/** Whitespace-free form used to compare names. */
export function compactName(name: string): string {
  return name.replace(/[\s\u3000]/g, '');
}

function computeNameShape(name: string): CellIssue | null {
  const two = runTogetherNames(name);
  if (two) return { severity: 'warning', code: 'text.merged-cells-suspect', message: `“${name.trim()}”像是两个指标名称连在一起（“${two[0]}”和“${two[1]}”），请拆成两个指标` };
  const frag = repeatedFragment(name);
  if (frag) return { severity: 'warning', code: 'text.merged-cells-suspect', message: `“${name.trim()}”中“${frag}”连续出现了两次，像是合并单元格或重复粘贴留下的，请删去多余的部分`, suggestion: name.replace(frag + frag, frag) };
  return null;
}

/** Run-together names and repeated fragments (memoized by name), shared with the project rules. */
export function nameShapeIssue(name: string): CellIssue | null {
  let issue = nameMemo.get(name);
  if (issue === undefined) {
    issue = computeNameShape(name);
    if (nameMemo.size > 50000) nameMemo.clear();
    nameMemo.set(name, issue);
  }
  return issue;
}

// Band tables repeat (100% / ≥90% / ≥80% / <80% …): analyse each distinct one once.
const bandMemo = new Map<string, BandAnalysis>();
function bandsOf(bands: readonly string[], nature: IndicatorNature): BandAnalysis {
  const countName = nature.kind === 'count';
  const key = `${bands.join('\u0001')}\u0002${countName ? 'c' : ''}${nature.lowerIsBetter ? 'L' : ''}`;
  let a = bandMemo.get(key);
  if (!a) {
    a = analyzeBands(bands, { lowerIsBetter: nature.lowerIsBetter });
    // A count named by its name (…次数) is judged on whole numbers even without a unit.
    if (countName && !a.integer && (a.unit === '' || (a.unit !== null && COUNT_UNITS.has(a.unit)))) {
      a = analyzeBands(bands, { lowerIsBetter: nature.lowerIsBetter, integer: true });
    }
    if (bandMemo.size > 20000) bandMemo.clear();
    bandMemo.set(key, a);
  }
  return a;
}

/** The band next to a gap, lowest-ranked: where the fix most likely goes. */
function gapBand(a: BandAnalysis): number {
  const gap = a.issues.find((i) => i.kind === 'gap')?.values;
  if (!gap || !a.regions) return 3;
  let best = 3, found = false;
  a.regions.forEach((r, k) => {
    if (r.length === 0) return;
    const touches = r.some((i) => gap.some((g) => i.lo === g.hi || i.hi === g.lo));
    if (touches) { best = k; found = true; }
  });
  return found ? best : 3;
}

const BAND_CODE: Record<string, string> = {
  unparsed: 'band.unparsed', gap: 'band.gap', unreachable: 'band.unreachable', direction: 'band.direction',
  'unit-mismatch': 'band.unit-mismatch', identical: 'band.identical',
};
const BAND_ADVICE: Record<string, string> = {
  unparsed: '请写成“≥90%”“＜80%”“介于80%—90%之间”这样的形式',
  gap: '请调整相邻档次的界限，使每个可能的值都落在某一档',
  unreachable: '请修改该档或前面档次的界限（各档自上而下依次判断）',
  direction: '请按“优”在最好的一端、“差”在最差的一端重新排列各档',
  'unit-mismatch': '请各档使用同一单位',
  identical: '请为优、良、中、差分别填写不同的标准',
};

const bandRule: DutyRule = {
  id: 'duty.bands', scope: 'duty',
  codes: ['band.unparsed', 'band.gap', 'band.unreachable', 'band.direction', 'band.unit-mismatch', 'band.identical', 'value.duplicated-digits', 'value.rate-over-100', 'value.no-operator', 'value.unit-mismatch', 'value.spelling'],
  description: '评价标准优/良/中/差自上而下判断：可识别、无空档、每档可达、方向一致、单位一致、不全相同；写法统一',
  check(duty, index, ctx, out) {
    for (const { ind, parentWhere } of indicatorRows(duty, index)) {
      const issues = bandIssues(ind, ctx.template);
      if (issues.length === 0) continue;
      const iw = indicatorWhere(parentWhere, ind);
      for (const { band, issue, fix } of issues) {
        const f = finding(ind.id, `bands.${band}`, `${iw}${SEP}${BAND_LABEL[band]}`, ind.bands[band] ?? '', issue);
        // The redrafted 良/中/差 (the typed 优 kept): one click fixes the table, one undo step.
        if (fix) f.fix = [1, 2, 3].filter((k) => fix[k] !== ind.bands[k]).map((k) => ({ path: { rowId: ind.id, field: `bands.${k}` }, value: fix[k] }));
        out.push(f);
      }
    }
  },
};

type BandIssue = { band: number; issue: CellIssue; fix?: readonly string[] };
const bandIssueMemo = new Map<string, BandIssue[]>();

const TABLE_ISSUES = new Set(['gap', 'unreachable', 'direction', 'identical']);

/** All findings on one indicator's four bands, as (band, issue); memoized by name and bands. */
function bandIssues(ind: DutyIndicator, template: Template): BandIssue[] {
  const key = `${template.id}\u0002${ind.name}\u0002${ind.bands.join('\u0001')}`;
  let out = bandIssueMemo.get(key);
  if (out) return out;
  out = [];
  const nature = indicatorNature(ind.name, template);
  const a = bandsOf(ind.bands, nature);
  const fix = a.issues.some((i) => TABLE_ISSUES.has(i.kind)) ? redraftBelowBest(ind.bands, nature.lowerIsBetter, template.bandSteps, nature.kind === 'count') : null;
  for (const issue of a.issues) {
    if (issue.kind === 'empty') continue; // text.empty-required
    const band = issue.band ?? (issue.kind === 'gap' ? gapBand(a) : 0);
    const advice = fix && TABLE_ISSUES.has(issue.kind) ? `可采用建议：${fix.join(' / ')}` : BAND_ADVICE[issue.kind];
    const item: BandIssue = { band, issue: { severity: 'error', code: BAND_CODE[issue.kind], message: `${issue.detail}。${advice}` } };
    if (fix && TABLE_ISSUES.has(issue.kind)) item.fix = fix;
    out.push(item);
  }
  // Cell-level checks on each band.
  a.parsed.forEach((p, band) => {
    if (p.kind !== 'numeric') return;
    for (const issue of [...digitIssues(p, nature), ...rateIssues(p, nature).filter((i) => i.severity === 'error')]) out!.push({ band, issue });
  });
  for (const band of a.bare) {
    const p = a.parsed[band];
    const op = a.direction === 'lower' ? '≤' : '≥';
    out.push({ band, issue: {
      severity: 'warning', code: 'value.no-operator',
      message: `“${BAND_LABEL[band]}”档“${p.source}”没有比较符号，按“等于”判断；如指“${op}”请写明`,
      suggestion: `${op}${formatValue(p)}`,
    } });
  }
  if (a.unit !== null) {
    const mismatch = (nature.kind === 'count' && a.unit === '%') || (nature.kind === 'percent' && (COUNT_UNITS.has(a.unit) || a.unit.endsWith('元')));
    if (mismatch) {
      out.push({ band: 0, issue: { severity: 'warning', code: 'value.unit-mismatch', message: nature.kind === 'count' ? '这是数量类指标，评价标准却是百分比，请核对单位或指标名称' : '这是比率类指标，评价标准却不是百分比，请核对单位或指标名称' } });
    }
  }
  a.parsed.forEach((p, band) => {
    if (p.kind !== 'numeric') return;
    const mine = out!.filter((x) => x.band === band).map((x) => x.issue);
    for (const issue of withSpelling(p, mine).slice(mine.length)) out!.push({ band, issue });
  });
  if (bandIssueMemo.size > 50000) bandIssueMemo.clear();
  bandIssueMemo.set(key, out);
  return out;
}

export const DUTY_RULES: DutyRule[] = [budgetRule, requiredRule, nameRule, bandRule];
