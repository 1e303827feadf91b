// The 部门预算项目绩效自评表 (Hebei 2019) and the national 项目支出绩效自评表 (2020): a title, the
// （2019年度） line, 填报部门 / 金额单位, then sections that start with a label merged down the first
// column (一、基本情况 … 五、存在问题; national: 项目资金 / 年度总体目标 / 绩效指标), and a foot line
// (填报人 / 联系电话). Each section is a small header-then-values grid; labels are matched on their
// normalized spelling, so a label broken over two lines or written with other brackets still matches.
// Also read: the structured self-evaluation (Sichuan 2023: 预算执行情况（10分）年初预算 | 调整后预算数 |
// 预算执行数 | 预算执行率 | 权重 | 得分 | 原因; 绩效指标（90分）… 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 |
// 得分 | 未完成原因分析; 合计, 评价结论, 存在问题, 改进措施, 项目负责人 / 财务负责人) and other published
// column spellings (全年预算数(A) | 全年执行数(B) | 执行率(B/A); 年度指标值 | 全年实际值 | 未完成原因…).
import { newProject, newSelfEval, newSelfEvalIndicator, parseAmount, type FundColumn, type FundRow, type SelfEval } from '../model';
import { TARGET_PROFILES } from '../profile';
import type { GridCell, GridRow } from './grid';
import { bareLabel, fieldAt, headerKey, isBlank, normalizeLabel, type ColumnMap, type ImportContext, type Line, type TableRecogniser } from './context';
import { columnVocabulary, vocabularyField } from './profile-labels';
import { levelName, PART_HEADERS, readParts, readPoints, splitWeightLabel, type PartField } from './indicator-parts';
import type { FoundTable } from './types';

type Mode = 'info' | 'funds' | 'goals' | 'indicators' | 'problems' | 'conclusion' | 'measures' | 'fundsReason' | 'done';
type FundField = FundColumn | 'progress' | 'weight' | 'rate' | 'score' | 'reason';
/** Fund rows: the model's four, and the structured form's 财政专户管理资金 / 单位资金. */
type FundRowKey = FundRow | 'fiscalSpecial' | 'unitOwn';
type GoalField = 'goal' | 'achieved' | 'completionRate';
type IndicatorField = 'level1' | 'level2' | 'name' | 'description' | 'target' | 'actual' | 'weight' | 'score' | 'deviation' | Exclude<PartField, 'weight'>;

/**
 * `项目支出绩效自评表`, `部门预算项目绩效自评表`, also `2023年度项目支出绩效自评表`, `…（2023年度）`,
 * `竹溪县水利局2023年度项目支出绩效自评表`, `附件3：项目支出绩效自评表` (the year read from it).
 */
const TITLE = /^([^()]{0,30}?)((?:19|20)\d{2}年度?)?(部门预算)?项目(支出)?绩效自评表(\((?:19|20)\d{2}年度?\))?$/;
/** `（2023年度）`, `(2023年)`, also `2023年度` without brackets. */
const YEAR_LINE = /^[（(]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/;
const UNIT = /^\(?(金额)?单位(万元|元)\)?$/;

/** Section labels of the first column, without their numbering (一、…). */
function sectionOf(norm: string): Mode | null {
  // `预算执行情况（10分）`, `绩效指标（90分）`: the weight in the label (sectionWeight) is not part of the name.
  const n = norm.replace(/^[一二三四五六七八九十]+[、.]/, '').replace(/\([0-9.]+分\)$/, '');
  if (n === '基本情况') return 'info';
  if (n === '预算执行情况' || /^项目资金(\((万元|元)\))?$/.test(n)) return 'funds';
  if (n === '目标完成情况' || n === '年度总体目标' || n === '年度总体目标完成情况' || n === '总体目标完成情况' || n === '年度目标完成情况' || n === '总体目标' || n === '年度目标' || n === '年度绩效目标') return 'goals';
  if (n === '年度绩效指标完成情况' || n === '绩效指标' || n === '绩效指标完成情况' || n === '年度绩效指标') return 'indicators';
  if (n.startsWith('存在问题')) return 'problems';
  if (n === '评价结论' || n === '自评结论') return 'conclusion';
  if (n === '改进措施' || n === '整改措施') return 'measures';
  if (n === '预算执行偏差原因') return 'fundsReason'; // our export's row for the structured form's 原因 column
  return null;
}
const sectionWeight = (norm: string) => /\(([0-9.]+)分\)$/.exec(norm)?.[1] ?? null;

const INFO_LABELS: Record<string, 'name' | 'code' | 'implementer' | 'authority' | 'manager' | 'phone'> = {
  项目编码: 'code', 项目负责人: 'manager', 项目负责人及电话: 'manager', 联系电话: 'phone',
  项目名称: 'name', 实施预算单位: 'implementer', 实施单位: 'implementer', 单位名称: 'implementer', 项目单位: 'implementer', 预算单位: 'implementer', 主管部门: 'authority', 主管部门及代码: 'authority', 填报部门: 'authority',
};

const FUND_HEADERS: Record<string, FundField> = {
  '预算安排情况(调整后)': 'planned', 预算安排情况: 'planned', 资金到位情况: 'received', 资金执行情况: 'spent',
  预算执行进度: 'progress', '预算执行进度(%)': 'progress',
  年初预算数: 'initial', 全年预算数: 'planned', 全年执行数: 'spent', 分值: 'weight', 执行率: 'rate', 得分: 'score',
  年初预算: 'initial', 调整后预算数: 'planned', 调整后预算: 'planned', 预算执行数: 'spent', 预算执行率: 'rate', 权重: 'weight', 原因: 'reason',
};
const FUND_ROWS: Record<string, FundRowKey> = {
  总额: 'total', 财政专户管理资金: 'fiscalSpecial', 单位资金: 'unitOwn', 预算数: 'total', 到位数: 'total', 执行数: 'total', 年度资金总额: 'total', 资金总额: 'total',
  其中财政资金: 'fiscal', 财政资金: 'fiscal', 其中本年财政拨款: 'fiscal', 本年财政拨款: 'fiscal', 其中当年财政拨款: 'fiscal',
  当年财政拨款: 'fiscal', 财政拨款: 'fiscal', 其中财政拨款: 'fiscal', 上年结转资金: 'carryOver', 其中上年结转资金: 'carryOver', 上年结转: 'carryOver',
  其他: 'other', 其他资金: 'other',
};
/** The rows under the indicators: 总分 (also 合计, 总计, 自评总分) and 评价等级 (also 自评等级). */
const TOTAL_ROW = new Set(['总分', '合计', '总计', '自评总分', '得分合计']);
const GRADE_ROW = new Set(['评价等级', '自评等级', '等级', '自评结果等级']);
/** 评价等级 as written: the four grades, also spelt out (优秀 → 优). */
const GRADES: Record<string, '优' | '良' | '中' | '差'> = { 优: '优', 良: '良', 中: '中', 差: '差', 优秀: '优', 良好: '良', 中等: '中', 较差: '差' };
/** The national form prints — in the split rows' 分值/执行率/得分 cells. */
const DASH = /^[—–\-－/／]+$/;

const GOAL_HEADERS: Record<string, GoalField> = {
  年度预期目标: 'goal', 预期目标: 'goal', 具体完成情况: 'achieved', 实际完成情况: 'achieved', 总体完成率: 'completionRate',
};
const INDICATOR_HEADERS: Record<string, IndicatorField> = {
  一级指标: 'level1', 二级指标: 'level2', 三级指标: 'name', 指标说明: 'description', 指标解释: 'description', 绩效指标描述: 'description',
  指标描述: 'description', 预期指标值: 'target', 年度指标值: 'target', 指标值: 'target', 目标值: 'target', 年度目标值: 'target', 实际完成值: 'actual', 分值: 'weight',
  权重: 'weight', 自评得分: 'score', 得分: 'score', 偏差原因分析及改进措施: 'deviation', 偏差原因分析: 'deviation',
  完成值: 'actual', 全年实际值: 'actual', 全年完成值: 'actual', 实际值: 'actual', 未完成原因分析: 'deviation', 未完成原因: 'deviation',
  未完成原因及拟采取的改进措施: 'deviation', 偏差原因及改进措施: 'deviation',
  未完成原因和改进措施: 'deviation', 偏差原因分析和改进措施: 'deviation', 偏差原因: 'deviation', 原因分析及改进措施: 'deviation', 偏差原因分析及整改措施: 'deviation',
  全年实际完成值: 'actual', 实际完成数: 'actual', 年度实际完成值: 'actual',
  指标性质: 'operator', 度量单位: 'unit', 计量单位: 'unit', 指标方向性: 'direction', 指标方向: 'direction', '评(扣)分标准': 'scoring', 评分标准: 'scoring',
  是否核心指标: 'core', 备注: 'remark',
};
const PART_FIELDS = new Set<string>(Object.values(PART_HEADERS));
/** A column a self-evaluation profile names in its own words (a new form's 实际完成指标值 …); 指标值 is the target. */
const PROFILE_FIELDS = new Set<IndicatorField>(Object.values(INDICATOR_HEADERS));
const profileColumn = (norm: string): IndicatorField | undefined =>
  vocabularyField(columnVocabulary('self-evaluation'), norm, PROFILE_FIELDS, { value: 'target' }) ?? vocabularyField(columnVocabulary('self-evaluation'), headerKey(norm), PROFILE_FIELDS, { value: 'target' });

const FOOT = /(填报人|填表人|联系电话|填报日期|填表日期|项目负责人|财务负责人)\s*[:：]?\s*/g;
const FOOT_FIELD = { 填报人: 'preparer', 填表人: 'preparer', 联系电话: 'phone', 填报日期: 'date', 填表日期: 'date', 项目负责人: 'manager', 财务负责人: 'financeManager' } as const;
const FOOT_LINE = /^(填报人|填表人|联系电话|填报日期|填表日期|项目负责人|财务负责人)/;
/** Signatures at the foot that the document has no field for. */
const NO_FIELD_FOOT = /^(审核人|复核人|单位负责人|分管领导|审批人)\s*[:：]?/;


interface Draft {
  se: SelfEval;
  name: string;
  /** 填报部门 as printed (Hebei): the document's department; kept in `authority` only when it differs. */
  dept: string;
  table: FoundTable;
  layout: 'hebei-2019' | 'national-2020';
  started: boolean;
  /** The title that opened the draft, if any. */
  title: string;
  /** 项目编码 in 基本情况: the project's code. */
  code: string;
  /** The indicator table has 指标性质 / 度量单位 columns: the structured (一体化) form. */
  structured?: boolean;
}

export class SelfevalTableRecogniser implements TableRecogniser {
  readonly name = 'selfeval';
  private drafts: Draft[] = [];
  private draft: Draft | null = null;
  private mode: Mode = 'info';
  private fundCols: ColumnMap<FundField> = { fields: [] };
  private goalCols: ColumnMap<GoalField> = { fields: [] };
  private indCols: ColumnMap<IndicatorField> = { fields: [] };
  private lastLevel1 = '';
  private lastLevel2 = '';

  constructor(private ctx: ImportContext) {}

  outside(line: Line, active: TableRecogniser | null): 'close' | 'keep' | null {
    const { cells, norms } = line;
    if (cells.length === 1 && TITLE.test(norms[0])) {
      this.newDraft(line.row, true);
      this.draft!.title = cells[0].text.trim();
      this.ctx.report.mapped.push(`标题「${cells[0].text.trim()}」（${line.row.sheet} 第 ${line.row.row} 行）`);
      this.ctx.noteYear(norms[0]);
      if (norms[0].includes('项目支出')) this.draft!.layout = 'national-2020';
      return 'close';
    }
    if (cells.length === 1 && YEAR_LINE.test(cells[0].text.trim()) && this.draft && !this.draft.started) {
      this.ctx.noteYear(cells[0].text.replace(/\s+/g, ''));
      return 'keep';
    }
    // (a 填报部门 cell inside another family's table is that table's business)
    const deptLine = norms.some((n) => n.startsWith('填报部门')) || (this.draft && !this.draft.started && norms.every((n) => UNIT.test(n)));
    if (deptLine && (active === null || active === this)) {
      if (!this.draft || this.draft.started) this.newDraft(line.row, false);
      this.deptLine(line);
      return 'keep';
    }
    return null;
  }

  starts(line: Line, _active: TableRecogniser | null, peek: (k: number) => Line | undefined): boolean {
    if (this.draft && !this.draft.started && line.norms.some((n) => INFO_LABELS[n] === 'name')) return true;
    return this.startsNew(line, peek);
  }

  /** 一、基本情况; or the national form without its title: 项目名称, then 主管部门 / 实施单位. */
  private startsNew(line: Line, peek: (k: number) => Line | undefined): boolean {
    const { norms } = line;
    if (sectionOf(norms[0]) === 'info') return true;
    const next = [peek(1), peek(2)];
    return norms[0] === '项目名称' && next.some((l) => l?.norms.some((n) => n === '主管部门' || n === '实施单位'));
  }

  open(line: Line): void {
    if (!this.draft || this.draft.started) this.newDraft(line.row, false);
    this.draft!.started = true;
    this.draft!.table.reason = this.ctx.decision;
    this.ctx.report.tables.push(this.draft!.table);
    this.mode = 'info';
    this.take(line);
  }

  /** The dispatcher found the table under a self-evaluation title (or 填报部门 line) to be another family's. */
  release(chosen: string): void {
    const d = this.draft;
    if (!d || d.started) return;
    this.drafts.splice(this.drafts.indexOf(d), 1);
    this.draft = null;
    if (d.title) this.ctx.report.warnings.push(`标题「${d.title}」下的表格没有结果列，已按${chosen}导入，请核对。`);
    if (d.dept) this.ctx.noteOrg(d.dept);
  }

  /** Rows of a started table, up to its foot line or the start of the next table. */
  owns(line: Line, peek: (k: number) => Line | undefined): boolean {
    if (!this.draft?.started || this.mode === 'done' || this.startsNew(line, peek)) return false;
    return !line.row.paragraph || line.norms.some((n) => FOOT_LINE.test(n));
  }

  take(line: Line): void {
    const d = this.draft;
    const { row } = line;
    if (!d || this.mode === 'done') { for (const c of line.cells) this.ctx.unplaced(row, c, '自评表之后无法识别的内容'); return; }
    // (项目负责人 inside 基本情况 is an info row of some forms, not the foot)
    if (line.norms.some((n) => FOOT_LINE.test(n)) && !(this.mode === 'info' && !line.norms.some((n) => /^(填报人|填表人|填报日期|填表日期)/.test(n)))) { this.foot(line); this.mode = 'done'; return; }
    let cells = line.cells;
    const sec = sectionOf(line.norms[0]);
    if (sec) {
      this.mode = sec;
      cells = cells.slice(1);
      const w = sectionWeight(line.norms[0]);
      if (w !== null && sec === 'funds') d.se.budgetRateWeight = parseAmount(w) ?? '';
      if (w !== null && sec === 'indicators') this.ctx.report.mapped.push(`「${line.cells[0].text.replace(/\s+/g, '')}」：绩效指标的权重合计 ${w} 分，由各指标的权重得出，不另行保存`);
      const unit = /^项目资金\((万元|元)\)$/.exec(line.norms[0]);
      if (unit) { d.layout = 'national-2020'; this.ctx.noteUnit(unit[1] as '万元' | '元', row); }
    }
    if (cells.length === 0) return;
    const norms = cells.map((c) => normalizeLabel(c.text));
    switch (this.mode) {
      case 'info': return this.info(row, cells, norms);
      case 'funds': return this.funds(row, cells, norms);
      case 'goals': return this.goals(row, cells, norms);
      case 'indicators': return this.indicators(row, cells, norms);
      case 'problems': case 'conclusion': case 'measures': case 'fundsReason': {
        const key = this.mode;
        const text = cells.map((c) => c.text).join('\n');
        d.se[key] = d.se[key] ? `${d.se[key]}\n${text}` : text;
        return;
      }
    }
  }

  close(): void {
    // A table ends at its foot line or at the next table; its draft stays for finish().
    if (this.draft?.started) this.mode = 'done';
  }

  private newDraft(row: GridRow, titled: boolean): void {
    const table: FoundTable = { kind: 'selfeval', sheet: row.sheet, startRow: row.row, indicators: 0 };
    this.draft = { se: newSelfEval(), name: '', dept: '', table, layout: 'hebei-2019', started: false, title: '', code: '' };
    this.drafts.push(this.draft);
    this.mode = 'info';
    this.lastLevel1 = this.lastLevel2 = '';
    this.goalCols = { fields: [] };
    if (!titled) this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：自评表前没有标题，已从这一行开始识别。`);
  }

  /** `填报部门：… | 金额单位：万元` (either may be blank, or label and value in separate cells). */
  private deptLine(line: Line): void {
    const d = this.draft!;
    line.cells.forEach((c, k) => {
      const n = line.norms[k];
      const unit = UNIT.exec(n);
      if (unit) { this.ctx.noteUnit(unit[2] as '万元' | '元', line.row); return; }
      if (n.startsWith('填报部门')) { d.dept = c.text.replace(/^\s*填报部门\s*[:：]?\s*/, '').trim(); return; }
      if (k > 0 && line.norms[k - 1] === '填报部门' && d.dept === '') { d.dept = c.text.trim(); return; }
      this.ctx.unplaced(line.row, c, '填报部门行中无法识别的单元格');
    });
  }

  private info(row: GridRow, cells: GridCell[], norms: string[]): void {
    const d = this.draft!;
    for (let i = 0; i < cells.length; i++) {
      const label = INFO_LABELS[norms[i]];
      if (!label) { this.ctx.unplaced(row, cells[i], '自评表基本情况中无法识别的单元格'); continue; }
      const next = cells[i + 1];
      const value = next && !INFO_LABELS[norms[i + 1]] ? (i++, next.text) : '';
      if (label === 'name') d.name = value.trim();
      else if (label === 'code') d.code = value.trim();
      else d.se[label] = value;
      if (label === 'authority') d.layout = 'national-2020';
    }
  }

  private funds(row: GridRow, cells: GridCell[], norms: string[]): void {
    const se = this.draft!.se;
    const heads = norms.map((n) => FUND_HEADERS[n] ?? FUND_HEADERS[bareLabel(n)] ?? FUND_HEADERS[headerKey(n)]);
    if (heads.filter(Boolean).length >= 2) {
      this.fundCols = { fields: [] };
      cells.forEach((c, k) => {
        const f = heads[k];
        if (f) this.fundCols.fields.push({ field: f, from: c.col, to: c.col + c.span });
        else this.ctx.unplaced(row, c, '预算执行情况表头中无法识别的列');
      });
      if (this.fundCols.fields.some((f) => f.field === 'initial' || f.field === 'weight')) this.draft!.layout = 'national-2020';
      return;
    }
    let kind: FundRowKey | null = null;
    cells.forEach((c, k) => {
      const rowKind = FUND_ROWS[norms[k]];
      if (rowKind) {
        kind = rowKind;
        // The structured form's extra rows exist in this table: blank cells are blank, not absent.
        if (rowKind === 'fiscalSpecial' || rowKind === 'unitOwn') {
          for (const f of this.fundCols.fields) if (f.field === 'initial' || f.field === 'planned' || f.field === 'received' || f.field === 'spent') se.funds[f.field][rowKind] ??= '';
        }
        return;
      }
      const field = fieldAt(this.fundCols, c.col);
      if (!field || (kind === null && field !== 'progress')) { this.ctx.unplaced(row, c, '预算执行情况中找不到对应的列或行'); return; }
      if (DASH.test(c.text.trim())) return;
      if (field === 'progress' || field === 'rate') {
        if (kind === null || kind === 'total') se.progress = c.text;
        else se.progressByRow = { ...se.progressByRow, [kind]: c.text };
        return;
      }
      if (field === 'reason') { se.fundsReason = se.fundsReason ? `${se.fundsReason}\n${c.text}` : c.text; return; }
      if (field === 'weight' || field === 'score') {
        const a = readPoints(this.ctx, row, c, field === 'weight' ? '预算执行率分值' : '预算执行率得分');
        if (a === null && field === 'score') { se.budgetRateScoreText = c.text; this.scoreTextNote(row, c, '预算执行率得分'); return; }
        if (a === null) { this.ctx.unplaced(row, c, '预算执行率分值不是数字'); return; }
        if (field === 'weight') se.budgetRateWeight = a; else se.budgetRateScore = a;
        return;
      }
      se.funds[field][kind!] = this.ctx.amount(c.text, row, c, '金额');
    });
  }

  /** A score typed as a word (优): kept as text, told here and flagged by the audit (selfeval.score-text). */
  private scoreTextNote(row: GridRow, c: GridCell, what: string): void {
    this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}「${c.text}」不是数字，已按文字保存，请改为分数。`);
  }

  private goals(row: GridRow, cells: GridCell[], norms: string[]): void {
    const se = this.draft!.se;
    if (norms.some((n) => GOAL_HEADERS[n])) {
      this.goalCols = { fields: [] };
      cells.forEach((c, k) => {
        const f = GOAL_HEADERS[norms[k]];
        if (f) this.goalCols.fields.push({ field: f, from: c.col, to: c.col + c.span });
        else this.ctx.unplaced(row, c, '目标完成情况表头中无法识别的列');
      });
      return;
    }
    for (const c of cells) {
      // (no 预期目标 | 实际完成情况 heads: `年度目标 | text` gives the goal)
      const f = this.goalCols.fields.length ? fieldAt(this.goalCols, c.col) : 'goal';
      if (!f) { this.ctx.unplaced(row, c, '目标完成情况中不属于任何列'); continue; }
      se[f] = se[f] ? `${se[f]}\n${c.text}` : c.text;
    }
  }

  private indicators(row: GridRow, cells: GridCell[], norms: string[]): void {
    const d = this.draft!;
    const se = d.se;
    if (norms.includes('一级指标')) {
      this.indCols = { fields: [] };
      cells.forEach((c, k) => {
        const f = INDICATOR_HEADERS[norms[k]] ?? INDICATOR_HEADERS[bareLabel(norms[k])] ?? INDICATOR_HEADERS[headerKey(norms[k])] ?? profileColumn(norms[k]);
        if (f) this.indCols.fields.push({ field: f, from: c.col, to: c.col + c.span });
        else this.ctx.unplaced(row, c, '绩效指标表头中无法识别的列');
      });
      if (this.indCols.fields.some((f) => f.field === 'weight' || f.field === 'deviation')) d.layout = 'national-2020';
      if (this.indCols.fields.some((f) => f.field === 'operator' || f.field === 'unit')) d.structured = true;
      this.lastLevel1 = this.lastLevel2 = '';
      return;
    }
    const first = norms[0];
    const foot = TOTAL_ROW.has(first) ? 'total' : GRADE_ROW.has(first) ? 'grade' : null;
    if (foot) {
      for (const c of cells.slice(1)) {
        const f = fieldAt(this.indCols, c.col);
        if (f === 'weight' && foot === 'total') continue; // the form's 100 under 分值 / 权重
        if (f !== 'score' && f !== 'weight' && !(f === 'deviation' && foot === 'grade')) { this.ctx.unplaced(row, c, `${first}行中无法识别的单元格`); continue; }
        if (foot === 'total') {
          const a = readPoints(this.ctx, row, c, first);
          if (a === null) this.ctx.unplaced(row, c, '总分不是数字'); else se.total = a;
        } else {
          const t = c.text.trim();
          const g = GRADES[t.replace(/\s+/g, '')];
          if (g && g !== t) this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：评价等级「${t}」已记为「${g}」。`);
          if (g) se.grade = g;
          else this.ctx.unplaced(row, c, '评价等级应为优、良、中、差之一');
        }
      }
      return;
    }
    if (/^预算执行率/.test(first)) return this.budgetRateRow(row, cells);
    const vals: Partial<Record<IndicatorField | 'scoreText', string>> = {};
    const partCells: Partial<Record<PartField, { text: string; cell: GridCell }>> = {};
    for (const c of cells) {
      let f = fieldAt(this.indCols, c.col);
      // 三级指标 spanning two grid columns: a second cell inside it is the unlabelled description.
      if (f === 'name' && vals.name !== undefined && !this.indCols.fields.some((x) => x.field === 'description')) f = 'description';
      if (!f) { this.ctx.unplaced(row, c, '绩效指标表中不属于任何列'); continue; }
      if (f === 'weight' || f === 'score') {
        // `—` in 分值/得分: not scored; the cell is left blank, said in the report
        if (DASH.test(c.text.trim())) { this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：${f === 'weight' ? '分值' : '得分'}「${c.text.trim()}」读作空白`); continue; }
        const a = readPoints(this.ctx, row, c, f === 'weight' ? '分值' : '得分');
        if (a === null && f === 'score') { vals.scoreText = c.text; this.scoreTextNote(row, c, '得分'); continue; }
        if (a === null) { this.ctx.unplaced(row, c, '分值不是数字'); continue; }
        vals[f] = a;
        continue;
      }
      if (PART_FIELDS.has(f)) { partCells[f as PartField] = { text: c.text, cell: c }; continue; }
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
    }
    let level1 = levelName(this.ctx, vals.level1 ?? '');
    // 数量指标(30分): the model keeps level-1 weights only; a level-2's points are listed, its name used.
    let level2 = pointsOffLevel2(this.ctx, row, cells.find((c) => fieldAt(this.indCols, c.col) === 'level2'), levelName(this.ctx, vals.level2 ?? ''));
    if (!isBlank(level1)) {
      const { name, weight } = splitWeightLabel(level1);
      level1 = name;
      if (weight !== null && !se.level1Weights.some((w) => w.level1 === name)) se.level1Weights.push({ level1: name, weight });
    } else {
      level1 = this.lastLevel1;
      if (isBlank(level2)) level2 = this.lastLevel2;
    }
    this.lastLevel1 = level1;
    this.lastLevel2 = level2;
    // A structured table (指标性质/度量单位 columns): 指标值 is the number, the target their join.
    const has = (f: IndicatorField) => this.indCols.fields.some((x) => x.field === f);
    const { parts, joined } = readParts(this.ctx, row, partCells, vals.target, has('operator') || has('unit'));
    if (has('remark')) parts.remark ??= '';
    delete parts.weight;
    se.indicators.push(newSelfEvalIndicator({
      level1, level2, name: vals.name ?? '', description: vals.description ?? '', target: joined ?? vals.target ?? '', actual: vals.actual ?? '',
      weight: vals.weight ?? '', score: vals.score ?? '', deviation: vals.deviation ?? '', ...parts,
      ...(vals.scoreText !== undefined ? { scoreText: vals.scoreText } : {}),
    }));
    d.table.indicators++;
  }

  /**
   * `预算执行率（10） | 预算执行率 | 资金执行情况 | ≥100% | 98.83% | 9.88`: its weight and score, and the
   * cells published tables fill like an indicator's (name, target, actual), kept in `budgetRateRow`.
   */
  private budgetRateRow(row: GridRow, cells: GridCell[]): void {
    const se = this.draft!.se;
    const w = splitWeightLabel(cells[0].text).weight;
    if (w !== null) se.budgetRateWeight = w;
    const filled: Record<string, string> = {};
    for (const c of cells.slice(1)) {
      let f = fieldAt(this.indCols, c.col);
      if (f === 'level2' && normalizeLabel(c.text) === '预算执行率') continue;
      if (f === 'name' && filled.name !== undefined && !this.indCols.fields.some((x) => x.field === 'description')) f = 'description';
      if (f === 'score' || f === 'weight') {
        if (DASH.test(c.text.trim())) continue; // printed there by the national layout: the row's points are in 项目资金
        const a = readPoints(this.ctx, row, c, f === 'weight' ? '预算执行率分值' : '预算执行率得分');
        if (a !== null) { if (f === 'score') se.budgetRateScore = a; else se.budgetRateWeight = a; continue; }
        if (f === 'score') { se.budgetRateScoreText = c.text; this.scoreTextNote(row, c, '预算执行率得分'); continue; }
      }
      if (f === 'level2' || f === 'name' || f === 'description' || f === 'target' || f === 'actual' || f === 'deviation') { filled[f] = (filled[f] ?? '') + c.text; continue; }
      this.ctx.unplaced(row, c, '预算执行率行中无法识别的单元格');
    }
    if (Object.keys(filled).length) {
      const { level2, description, deviation } = filled;
      se.budgetRateRow = { name: filled.name ?? '', target: filled.target ?? '', actual: filled.actual ?? '', ...(level2 !== undefined ? { level2 } : {}), ...(description !== undefined ? { description } : {}), ...(deviation !== undefined ? { deviation } : {}) };
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：预算执行率行的指标内容（${Object.values(filled).join('、')}）→ 预算执行率行`);
    }
  }

  /** `填报人：张明静 | 联系电话：5776425`, also run together in one cell or with the value in the next cell. */
  private foot(line: Line): void {
    const se = this.draft!.se;
    const { cells, row } = line;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i].text;
      const marks = [...text.matchAll(FOOT)];
      // 审核人 / 单位负责人 … signed at the foot: no field in the document, listed with the reason
      const signer = NO_FIELD_FOOT.exec(text.trim());
      if (signer && (marks.length === 0 || marks[0].index! > text.search(/\S/))) { this.ctx.unplaced(row, cells[i], `表尾的「${signer[1]}」在文档中没有对应的字段`); continue; }
      if (marks.length === 0 || marks[0].index !== text.search(/\S/)) { this.ctx.unplaced(row, cells[i], '填报人行中无法识别的单元格'); continue; }
      marks.forEach((m, k) => {
        const end = k + 1 < marks.length ? marks[k + 1].index : text.length;
        let value = text.slice(m.index + m[0].length, end).trim();
        const next = cells[i + 1];
        if (value === '' && k === marks.length - 1 && next && !FOOT_LINE.test(next.text.trim())) { value = next.text.trim(); i++; }
        se[FOOT_FIELD[m[1] as keyof typeof FOOT_FIELD]] = value;
      });
    }
  }

  /**
   * Each table becomes the self-evaluation part of the project of the same name, or a new project.
   * 填报部门 is the document's department (the editor shows meta.deptName there): it names the
   * department when the file has no org line; a table filed by another department keeps its own in
   * `authority` (printed there again on export).
   */
  finish(): void {
    const { doc, report } = this.ctx;
    const firstDept = this.drafts.find((d) => d.started && d.dept !== '')?.dept;
    if (!this.ctx.orgSeen && firstDept) {
      this.ctx.orgSeen = firstDept;
      doc.meta.deptName = firstDept;
      report.mapped.push(`填报部门「${firstDept}」→ 部门名称`);
    }
    const used = this.drafts.filter((d) => d.started);
    const selfevalId = used.length ? (used[0].structured ? 'selfeval-structured' : `selfeval-${used[0].layout}`) : null;
    // Self-evaluations alone: the document takes the target form they belong to (the structured
    // self-evaluation goes with the structured project table), before its projects are made.
    const targetFound = report.tables.some((t) => t.kind === 'project' || t.kind === 'dept-wide');
    const pair = selfevalId && !targetFound ? TARGET_PROFILES.find((t) => t.selfevalProfile === selfevalId) : undefined;
    if (pair && pair.id !== doc.meta.templateId) {
      doc.meta.templateId = pair.id;
      report.mapped.push(`模板：${pair.name}（与所导入的自评表配套）`);
    }
    for (const d of this.drafts) {
      if (d.dept !== '' && d.dept !== doc.meta.deptName && d.se.authority === '') d.se.authority = d.dept;
      if (!d.started) { report.warnings.push(`${d.table.sheet} 第 ${d.table.startRow} 行的自评表标题后面没有表格，未使用。`); continue; }
      d.table.name = d.name;
      const key = normalizeLabel(d.name);
      let project = doc.projects.find((p) => normalizeLabel(p.name) === key && !p.selfeval);
      if (!project) {
        project = newProject(doc.meta.templateId, { name: d.name, code: d.code });
        doc.projects.push(project);
      } else report.mapped.push(`自评表「${d.name}」→ 同名项目的自评部分`);
      if (d.code && project.code === '') project.code = d.code;
      else if (d.code && project.code !== d.code) report.warnings.push(`自评表「${d.name}」的项目编码「${d.code}」与项目的编码「${project.code}」不同，保留项目的编码。`);
      project.selfeval = d.se;
      this.ctx.noteYear(d.name);
    }
    if (selfevalId) {
      doc.meta.selfevalTemplateId = selfevalId;
      report.mapped.push(`自评表格式：${used[0].structured ? '项目支出绩效自评表（一体化，指标性质 | 指标值 | 度量单位）' : used[0].layout === 'national-2020' ? '项目支出绩效自评表（2020 全国格式）' : '部门预算项目绩效自评表（河北 2019）'}`);
    }
  }
}

/** A level-2 name printed with its points in a self-evaluation: the bare name; the points listed as unplaced (no field). */
function pointsOffLevel2(ctx: ImportContext, row: GridRow, cell: GridCell | undefined, text: string): string {
  const { name, weight } = splitWeightLabel(text);
  if (weight === null || name === '') return text;
  if (cell) ctx.unplaced(row, cell, `二级指标中的分值「${weight}分」在自评表中没有对应的字段（指标级别读作「${name}」）`);
  return name;
}
