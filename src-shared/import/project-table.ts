// The 项目绩效目标表 in its three known shapes:
// - Hebei: a heading (`1、…绩效目标表`), the upper block (项目编码/名称, 预算规模及资金用途, 资金支出计划,
//   绩效目标) as label/value rows, then the indicator table (一级 … 指标值确定依据);
// - the national 88号 form (项目支出绩效目标（申报）表, local titles): 项目名称, 主管部门 | 实施单位,
//   项目负责人及电话, 项目属性 | 项目期, 项目资金（万元）with 中期资金总额 / 年度资金总额 / 其中：财政拨款 /
//   其他资金, 总体目标 (中期目标 | 年度目标) and/or 年度目标, then 绩效指标 一级 | 二级 | 三级 (指标内容) |
//   指标值 (| 备注); notes under the grid (注：…) are the form's instructions;
// - the structured list (Sichuan 2023): one row per indicator, 单位名称 | 项目名称 | 预算数 | 年度目标
//   merged down per project, then 一级 … 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性.
// The indicator header may repeat at page breaks. Whether a table is a target table at all is decided
// by the dispatcher (recognise.ts decideFamily), not here.
import { getTemplate, newProject, newProjectIndicator, stripNumbering, type MoneyUnit, type Project } from '../model';
import type { GridCell, GridRow } from './grid';
import { fieldAt, headerKey, isBlank, normalizeLabel, type ColumnMap, type ImportContext, type Line, type TableRecogniser } from './context';
import { levelName, PART_HEADERS, readParts, type PartField } from './indicator-parts';
import type { FoundTable } from './types';

export type IndicatorField = 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis' | PartField;
export const INDICATOR_HEADERS: Record<string, IndicatorField> = {
  一级指标: 'level1', 二级指标: 'level2', 三级指标: 'name', 绩效指标描述: 'description', 指标描述: 'description',
  指标解释: 'description', 指标值: 'value', 年度指标值: 'value', 绩效指标值: 'value', 目标值: 'value', 指标值确定依据: 'basis', 确定依据: 'basis', 指标值设定依据: 'basis', 设定依据: 'basis',
  ...PART_HEADERS,
};
type ProjectLabel = 'code' | 'name' | 'budget' | 'fiscal' | 'other' | 'purpose' | 'authority' | 'implementer' | 'manager' | 'attribute' | 'period' | 'midTermTotal' | 'midTermFiscal' | 'midTermOther' | 'carryOver' | 'goal';
const PROJECT_LABELS: Record<string, ProjectLabel> = {
  项目编码: 'code', 项目名称: 'name', 预算数: 'budget', 其中财政资金: 'fiscal', 财政资金: 'fiscal', 其他资金: 'other', 资金用途: 'purpose',
  主管部门: 'authority', 主管部门及代码: 'authority', 实施单位: 'implementer', 项目负责人及电话: 'manager', 项目负责人: 'manager',
  项目属性: 'attribute', 项目类别: 'attribute', 项目类型: 'attribute', 项目性质: 'attribute', 项目期: 'period', 项目周期: 'period', 实施期限: 'period',
  项目单位: 'implementer', 资金总额: 'budget',
  中期资金总额: 'midTermTotal', 年度资金总额: 'budget', 其中财政拨款: 'fiscal', 财政拨款: 'fiscal', 上年结转: 'carryOver', 其中上年结转: 'carryOver', 上年结转资金: 'carryOver',
};
/** Header fields only the national forms have. */
const NATIONAL_LABELS = new Set<ProjectLabel>(['authority', 'implementer', 'manager', 'attribute', 'period', 'midTermTotal', 'carryOver']);
const AMOUNT_LABELS: Partial<Record<ProjectLabel, string>> = {
  budget: '预算数', fiscal: '财政资金', other: '其他资金', midTermTotal: '中期资金总额', midTermFiscal: '中期财政拨款', midTermOther: '中期其他资金', carryOver: '上年结转',
};
/** 中期 beside 年度 (the 88号 form): a split label left of the 年度资金总额 column belongs to 中期. */
const MID_TERM: Partial<Record<ProjectLabel, ProjectLabel>> = { fiscal: 'midTermFiscal', other: 'midTermOther' };

/** The structured list's project columns. */
const LIST_LABELS: Record<string, ProjectLabel> = {
  单位名称: 'implementer', 实施单位: 'implementer', 主管部门: 'authority', 项目编码: 'code', 项目名称: 'name', 预算数: 'budget', 年度预算数: 'budget',
  资金总额: 'budget', 年度资金总额: 'budget', 年度目标: 'goal', 绩效目标: 'goal', 年度绩效目标: 'goal',
};
type Section = 'budget' | 'schedule' | 'goal' | 'overall' | 'funds';
function sectionOf(label: string): Section | null {
  if (label === '预算规模及资金用途' || label === '预算规模') return 'budget';
  if (label.startsWith('资金支出计划')) return 'schedule';
  if (label === '绩效目标' || label === '年度绩效目标' || label === '年度目标' || label === '年度总体目标') return 'goal';
  if (label === '总体目标' || label.startsWith('中期目标')) return 'overall';
  if (/^(项目资金|资金情况|项目资金情况)(\((万元|元)\))?$/.test(label)) return 'funds';
  return null;
}
/** Titles of target tables: Hebei `1、…绩效目标表`, 88号 `项目支出绩效目标申报表`, `…（基础设施建设类）`. */
const TITLE = /绩效目标(申报)?表(\(.*\))?$/;
export const YEAR_LINE = /^[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]$/;
/** The form's own instructions under the grid. */
export const FORM_NOTE = /^\s*(注|说明|填表说明)\s*[:：0-9１-９]/;
/** Leading cells of the indicator header row that name the section, not a column. */
export const GRID_SECTION = /^((年度)?绩效指标|年度绩效目标|绩效目标|年度指标)(\(\d+分?\))?$/;

interface ProjectDraft {
  project: Project;
  heading: string;
  labels: string[];
  scheduleValues: { text: string; cell: GridCell; row: GridRow }[];
  table: FoundTable;
  unit: MoneyUnit;
}

export class ProjectTableRecogniser implements TableRecogniser {
  readonly name = 'project';
  private drafts: ProjectDraft[] = [];
  private draft: ProjectDraft | null = null;
  private mode: 'project' | 'indicators' = 'project';
  private section: Section | null = null;
  private indicatorCols: ColumnMap<IndicatorField> = { fields: [] };
  private scheduleLabelCells: GridCell[] = [];
  private lastLevel1 = '';
  /** The 二级 cell carried down merged rows, per half of a 中期 | 年度 grid ('' = the only one). */
  private lastLevel2s: Record<string, string> = {};
  /** Column where the 年度 half of a side-by-side 88号 grid starts (null: one set of indicators). */
  private scopeSplit: number | null = null;
  /** Goal columns under 总体目标: 中期目标 | 年度目标. */
  private goalCols: ColumnMap<'goal' | 'overallGoal'> = { fields: [] };
  /** The structured list: project columns of the header (null: not a list). */
  private listCols: ColumnMap<ProjectLabel> | null = null;
  /** The last table was a national 88号 or structured form, whose printed notes (注：…) are instructions. */
  private nationalForm = false;
  /** Which official forms the tables were printed in: the document gets that form's profile. */
  private forms = new Set<'national-88-project' | 'structured-project'>();
  /** In a 项目资金 block printed 中期 | 年度 side by side: the column where the 年度 half starts. */
  private yearCol: number | null = null;

  constructor(private ctx: ImportContext) {}

  outside(line: Line, active: TableRecogniser | null): 'close' | 'keep' | null {
    if (line.cells.length !== 1) return null;
    const n = line.norms[0];
    const ctx = this.ctx;
    if (TITLE.test(n) && !n.startsWith('一级指标')) {
      if (ctx.pendingHeading) ctx.report.warnings.push(`标题「${ctx.pendingHeading.text.trim()}」后面没有项目表，未使用。`);
      ctx.pendingHeading = { text: line.cells[0].text, row: line.row };
      ctx.noteYear(line.cells[0].text);
      return 'close';
    }
    if (ctx.pendingHeading && YEAR_LINE.test(line.cells[0].text.trim())) {
      ctx.noteYear(line.cells[0].text.replace(/\s+/g, ''));
      ctx.report.mapped.push(`年度行「${line.cells[0].text.trim()}」（${line.row.sheet} 第 ${line.row.row} 行）`);
      return 'keep';
    }
    if (FORM_NOTE.test(line.cells[0].text) && this.nationalForm && (active === this || active === null)) {
      this.formNote(line.row, line.cells[0]);
      return 'keep';
    }
    return null;
  }

  /**
   * A note printed on the national forms under the grid (注：1.绩效指标可选择填写…): the form's
   * instructions, not the project's content; said in the report. (Under a Hebei table a note is the
   * clerk's and stays in the unplaced list.)
   */
  private formNote(row: GridRow, cell: GridCell): void {
    this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：表下的填表说明「${cell.text.trim().slice(0, 40)}${cell.text.trim().length > 40 ? '…' : ''}」是表样文字，不是项目内容，未导入`);
  }

  starts(line: Line): boolean {
    return this.startsProject(line.norms) || this.isIndicatorHeader(line.norms);
  }

  /** Rows that open a new project table (not a repeated indicator header): the dispatcher decides their family. */
  opensProject(line: Line): boolean {
    return this.startsProject(line.norms) || (this.isIndicatorHeader(line.norms) && line.norms.includes('项目名称'));
  }

  private startsProject(norms: string[]): boolean {
    return norms[0] === '项目编码' || norms[0] === '项目名称' || (norms.includes('项目编码') && norms.includes('项目名称'));
  }

  private isIndicatorHeader(norms: string[]): boolean {
    return norms.includes('一级指标') && (norms.includes('三级指标') || norms.includes('二级指标'));
  }

  open(line: Line, active: TableRecogniser | null): void {
    const { row, cells, norms } = line;
    if (this.startsProject(norms)) {
      this.listCols = null;
      this.openProject(row);
      this.mode = 'project';
      this.section = null;
      this.projectRow(row, cells);
      return;
    }
    const fields: ColumnMap<IndicatorField>['fields'] = [];
    const list: ColumnMap<ProjectLabel>['fields'] = [];
    const isList = norms.includes('项目名称');
    const first = norms.indexOf('一级指标');
    // 指标内容 is the 三级指标 of forms that have no 三级指标 column, else its description.
    const content: IndicatorField = norms.includes('三级指标') ? 'description' : 'name';
    const seen = new Set<IndicatorField>();
    let split: number | null = null;
    cells.forEach((c, k) => {
      const n = INDICATOR_HEADERS[norms[k]] || norms[k] === '指标内容' ? norms[k] : headerKey(norms[k]);
      const f = n === '指标内容' ? content : INDICATOR_HEADERS[n];
      // The same columns again: the 年度 half of a 中期 | 年度 grid.
      if (f && f !== 'level1' && seen.has(f) && split === null) split = c.col;
      if (f) seen.add(f);
      const l = isList && k < first ? LIST_LABELS[n] : undefined;
      if (l) list.push({ field: l, from: c.col, to: c.col + c.span });
      else if (f) fields.push({ field: f, from: c.col, to: c.col + c.span });
      else if (k < first && GRID_SECTION.test(n)) return; // the section label merged down the first column
      else this.ctx.unplaced(row, c, '指标表头中无法识别的列');
    });
    this.scopeSplit = isList ? null : split;
    if (isList && active === this && this.listCols) {
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的表头（跨页），已跳过`);
      return;
    }
    this.indicatorCols = { fields };
    if (isList) {
      this.close();
      this.nationalForm = true;
      this.forms.add('structured-project');
      this.listCols = { fields: list };
      this.mode = 'indicators';
      this.lastLevel1 = ''; this.lastLevel2s = {};
      return;
    }
    this.listCols = null;
    if (active === this && this.mode === 'indicators' && this.draft) {
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的指标表头（跨页），已跳过`);
      return;
    }
    if (!this.draft || active !== this) {
      this.openProject(row);
      this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标表前没有项目编码等信息，已作为一个新项目导入。`);
    }
    this.lastLevel1 = '';
    this.lastLevel2s = {};
    this.mode = 'indicators';
  }

  take(line: Line): void {
    const { row, cells, norms } = line;
    if (cells.length === 1 && FORM_NOTE.test(cells[0].text) && this.nationalForm) { this.formNote(row, cells[0]); return; }
    if (this.mode === 'indicators') {
      if (/^(合计|总计|小计)$/.test(norms[0])) { for (const c of cells) this.ctx.unplaced(row, c, '合计行（合计由软件计算，不导入）'); return; }
      if (cells.length === 1 && cells[0].span >= 3) { this.ctx.unplaced(row, cells[0], '指标表中跨整行的说明文字，没有对应的字段'); return; }
      if (this.listCols) { this.listRow(row, cells); return; }
      this.indicatorRow(row, cells);
    } else this.projectRow(row, cells);
  }

  close(): void {
    if (this.draft) this.drafts.push(this.draft);
    this.draft = null;
    this.section = null;
  }

  /** A row of the structured list: a project name starts the next project; the rest is its indicator. */
  private listRow(row: GridRow, cells: GridCell[]): void {
    const own: GridCell[] = [];
    const vals: Partial<Record<ProjectLabel, { text: string; cell: GridCell }>> = {};
    for (const c of cells) {
      const f = fieldAt(this.listCols!, c.col);
      if (f) vals[f] = { text: c.text, cell: c }; else own.push(c);
    }
    const name = vals.name?.text;
    if (name !== undefined && (!this.draft || normalizeLabel(name) !== normalizeLabel(this.draft.project.name))) {
      this.openProject(row);
      this.lastLevel1 = ''; this.lastLevel2s = {};
    }
    if (!this.draft) { for (const c of cells) this.ctx.unplaced(row, c, '指标行前没有项目名称'); return; }
    const p = this.draft.project;
    for (const [f, v] of Object.entries(vals) as [ProjectLabel, { text: string; cell: GridCell }][]) {
      const what = AMOUNT_LABELS[f];
      if (what) (p as Record<string, unknown>)[f] = isBlank(v.text) ? '' : this.ctx.amount(v.text, row, v.cell, what);
      else if (f === 'name') p.name = v.text.trim();
      else (p as Record<string, unknown>)[f] = v.text;
    }
    if (own.length) this.indicatorRow(row, own);
  }

  private openProject(row: GridRow): void {
    this.close();
    const ctx = this.ctx;
    const table: FoundTable = { kind: 'project', sheet: row.sheet, startRow: row.row, indicators: 0, reason: ctx.decision };
    ctx.report.tables.push(table);
    const d: ProjectDraft = { project: newProject(ctx.doc.meta.templateId), heading: ctx.pendingHeading?.text ?? '', labels: [], scheduleValues: [], table, unit: ctx.currentUnit };
    d.project.schedule = [];
    ctx.pendingHeading = null;
    this.draft = d;
    if (!this.listCols) this.nationalForm = false;
  }

  private projectRow(row: GridRow, cells: GridCell[]): void {
    const ctx = this.ctx;
    const d = this.draft!;
    const p = d.project;
    let i = 0;
    const first = normalizeLabel(cells[0].text);
    const sec = sectionOf(first);
    const rest: GridCell[] = [];
    if (sec) {
      this.section = sec;
      this.yearCol = null;
      i = 1;
      const unit = /\((万元|元)\)$/.exec(first);
      if (sec === 'funds' && unit) ctx.noteUnit(unit[1] as MoneyUnit, row);
    }
    const norms = cells.map((c) => normalizeLabel(c.text));
    if (norms.includes('中期资金总额') && norms.includes('年度资金总额')) this.yearCol = cells[norms.indexOf('年度资金总额')].col;
    for (; i < cells.length; i++) {
      let label = PROJECT_LABELS[norms[i]];
      const mid = label && this.yearCol !== null && cells[i].col < this.yearCol ? MID_TERM[label] : undefined;
      if (mid) label = mid;
      if (label && sectionOf(normalizeLabel(cells[i].text)) === null) {
        const next = cells[i + 1];
        const hasValue = next && !PROJECT_LABELS[normalizeLabel(next.text)] && sectionOf(normalizeLabel(next.text)) === null;
        const value = hasValue ? next.text : '';
        if (hasValue) i++;
        const what = AMOUNT_LABELS[label];
        if (what) (p as Record<string, unknown>)[label] = isBlank(value) ? '' : ctx.amount(value, row, next, what);
        else (p as Record<string, unknown>)[label] = value;
        if (label === 'purpose') this.section = null;
        if (NATIONAL_LABELS.has(label)) { this.nationalForm = true; this.forms.add('national-88-project'); }
        continue;
      }
      rest.push(cells[i]);
    }
    // 总体目标 | 中期目标（…） | 年度目标: the goal columns; the texts follow in the next row.
    const goalHeads = rest.map((c) => goalHead(normalizeLabel(c.text)));
    if ((sec === 'goal' || sec === 'overall') && rest.length > 0 && goalHeads.every((g) => g !== null)) {
      this.goalCols = { fields: rest.map((c, k) => ({ field: goalHeads[k]!, from: c.col, to: c.col + c.span })) };
      return;
    }
    if (sec === 'goal' || sec === 'overall') this.goalCols = { fields: [] };
    if (sec === 'overall') { p.overallGoal = rest.map((c) => c.text).join('\n'); return; }
    if ((this.section === 'goal' || this.section === 'overall') && !sec && this.goalCols.fields.length) {
      for (const c of rest) {
        const f = fieldAt(this.goalCols, c.col);
        if (!f) { ctx.unplaced(row, c, '目标行中找不到对应的列'); continue; }
        p[f] = p[f] ? `${p[f]}\n${c.text}` : c.text;
      }
      return;
    }
    if (sec === 'funds' || (this.section === 'funds' && rest.length)) { for (const c of rest) ctx.unplaced(row, c, '项目资金行中无法识别的单元格'); return; }
    if (sec === 'schedule') {
      d.labels = rest.map((c) => c.text);
      this.scheduleLabelCells = rest;
      return;
    }
    if (sec === 'goal') { p.goal = rest.map((c) => c.text).join('\n'); return; }
    if (rest.length === 0) return;
    if (sec === 'budget') { for (const c of rest) ctx.unplaced(row, c, '预算规模行中无法识别的单元格'); return; }
    // A row without a section label continues the current section.
    if (this.section === 'budget') {
      p.purpose = p.purpose ? p.purpose + '\n' + rest.map((c) => c.text).join('\n') : rest.map((c) => c.text).join('\n');
      return;
    }
    if (this.section === 'schedule') {
      for (const c of rest) {
        const k = this.scheduleLabelCells.findIndex((l) => c.col >= l.col && c.col < l.col + l.span);
        if (k < 0) { ctx.unplaced(row, c, '资金支出计划中找不到对应的时间节点'); continue; }
        d.scheduleValues[k] = { text: c.text, cell: c, row };
      }
      return;
    }
    if (this.section === 'goal') { p.goal += '\n' + rest.map((c) => c.text).join('\n'); return; }
    if (this.section === 'overall') { p.overallGoal += '\n' + rest.map((c) => c.text).join('\n'); return; }
    for (const c of rest) ctx.unplaced(row, c, '项目表中无法识别的单元格');
  }

  /**
   * One grid row. The 88号 form prints the 中期 and 年度 indicators side by side (一级 | 二级 | 三级 | 指标值 |
   * 二级 | 三级 | 指标值): one indicator per half, scope 总体 and 年度, sharing the 一级 cell.
   */
  private indicatorRow(row: GridRow, cells: GridCell[]): void {
    const split = this.scopeSplit;
    if (split === null) { this.addIndicator(row, cells, ''); return; }
    const first = cells.filter((c) => c.col < split);
    const level1 = first.filter((c) => fieldAt(this.indicatorCols, c.col) === 'level1');
    const second = cells.filter((c) => c.col >= split);
    const filled = (cs: GridCell[]) => cs.some((c) => fieldAt(this.indicatorCols, c.col) !== 'level1' && !isBlank(c.text));
    if (filled(first) || !filled(second)) this.addIndicator(row, first, '总体');
    else if (level1.length) this.lastLevel1 = levelName(this.ctx, level1[0].text); // the 一级 cell of a row with 年度 only
    if (filled(second)) this.addIndicator(row, [...level1, ...second], '年度');
  }

  private addIndicator(row: GridRow, cells: GridCell[], scope: '' | '总体' | '年度'): void {
    const d = this.draft!;
    const p = d.project;
    const vals: Partial<Record<IndicatorField, string>> = {};
    const partCells: Partial<Record<PartField, { text: string; cell: GridCell }>> = {};
    for (const c of cells) {
      const f = fieldAt(this.indicatorCols, c.col);
      if (!f) { this.ctx.unplaced(row, c, '指标表中不属于任何列'); continue; }
      if (f in PART_FIELDS) partCells[f as PartField] = { text: c.text, cell: c };
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
    }
    const has = (f: IndicatorField) => this.indicatorCols.fields.some((x) => x.field === f);
    const key = ['level1', 'level2', 'name', 'value', 'operator', 'unit'] as const;
    if (key.every((k) => isBlank(vals[k] ?? '')) && p.indicators.length > 0) {
      // Page-break continuation: append description / basis to the previous indicator.
      const last = p.indicators[p.indicators.length - 1];
      if (vals.description) last.description += vals.description;
      if (vals.basis) last.basis += vals.basis;
      this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：内容接在上一条指标之后（跨页拆开的行）。`);
      return;
    }
    let level1 = levelName(this.ctx, vals.level1 ?? '');
    let level2 = levelName(this.ctx, vals.level2 ?? '');
    if (isBlank(level1)) { level1 = this.lastLevel1; if (isBlank(level2)) level2 = this.lastLevel2s[scope] ?? ''; }
    this.lastLevel1 = level1;
    this.lastLevel2s[scope] = level2;
    // A structured table (指标性质/度量单位 columns): 指标值 is the number, the one-cell value their join.
    const structured = has('operator') || has('unit');
    if (structured) this.forms.add('structured-project');
    const { parts, joined } = readParts(this.ctx, row, partCells, vals.value, structured);
    if (has('remark')) parts.remark ??= '';
    const ind = newProjectIndicator({
      level1, level2, name: vals.name ?? '', description: vals.description ?? '', value: joined ?? vals.value ?? '', basis: vals.basis ?? '', ...parts, ...(scope ? { scope } : {}),
    });
    p.indicators.push(ind);
    d.table.indicators++;
  }

  /** Name from the heading, template from the 一级/checkpoints seen, schedule by checkpoint. */
  finish(): void {
    this.close();
    const ctx = this.ctx;
    const { doc, report } = ctx;
    if (ctx.pendingHeading) report.warnings.push(`标题「${ctx.pendingHeading.text.trim()}」后面没有项目表，未使用。`);
    const drafts = this.drafts;
    const level1s = new Set(drafts.flatMap((d) => d.project.indicators.map((i) => normalizeLabel(i.level1))));
    const anyLabels = drafts.flatMap((d) => d.labels.map(normalizeLabel));
    // The form the tables were printed in (structured columns win: they hold the most), else the
    // Hebei/national vocabulary by its 成本指标 and checkpoints.
    // A department-wide table makes the document the 88号 department set (its projects print in the 88号 form).
    const templateId = ctx.report.tables.some((t) => t.kind === 'dept-wide') ? 'national-88-dept'
      : this.forms.has('structured-project') ? 'structured-project'
      : this.forms.has('national-88-project') ? 'national-88-project'
      : level1s.has('成本指标') || anyLabels.includes('9月底') ? 'national-2021' : 'hebei-2020';
    doc.meta.templateId = templateId;
    const template = getTemplate(templateId)!;
    report.mapped.push(`模板：${template.name}${level1s.has('成本指标') ? '（成本指标为一级指标）' : ''}`);
    drafts.forEach((d, k) => {
      const p = d.project;
      if (isBlank(p.name) && d.heading) {
        p.name = stripNumbering(d.heading).rest.replace(/\s*绩效目标表\s*$/, '');
        report.mapped.push(`项目 ${k + 1}：项目名称取自标题「${d.heading.trim()}」`);
      }
      ctx.noteYear(p.name);
      const cps = template.checkpoints;
      if (d.labels.length && d.labels.map(normalizeLabel).join('|') !== cps.map(normalizeLabel).join('|')) {
        report.warnings.push(`项目 ${k + 1}「${p.name}」的资金支出计划节点（${d.labels.join('、')}）与模板（${cps.join('、')}）不同，已按顺序对应。`);
      }
      p.schedule = cps.map((_, i) => {
        const v = d.scheduleValues[i];
        return v ? ctx.percent(v.text, v.row, v.cell, '资金支出计划') : '';
      });
      for (let i = cps.length; i < d.scheduleValues.length; i++) {
        const v = d.scheduleValues[i];
        if (v) ctx.unplaced(v.row, v.cell, `资金支出计划多出的节点「${d.labels[i] ?? ''}」`);
      }
      d.table.name = p.name;
      doc.projects.push(p);
    });
  }
}

const PART_FIELDS: Record<PartField, true> = { operator: true, unit: true, direction: true, weight: true, scoring: true, core: true, remark: true, explanation: true };

/** Column heads under 总体目标: 中期目标（2021年—2023年） / 总体目标 → overallGoal, 年度目标 → goal. */
function goalHead(n: string): 'goal' | 'overallGoal' | null {
  if (n === '年度目标' || n === '年度绩效目标') return 'goal';
  if (n.startsWith('中期目标') || n === '总体目标' || n.startsWith('长期目标')) return 'overallGoal';
  return null;
}
