// The 部门（单位）整体支出绩效目标（申报）表 (national 88号 department-wide form and its local titles:
// 部门整体支出绩效目标申报表, 部门（单位）整体绩效目标申报表, 部门整体支出绩效目标表 …): a title and
// （2022年度）; 部门（单位）名称; 年度主要任务 — 任务名称 | 主要内容 | 预算金额 over 总额 | 财政拨款 |
// 其他资金 (one header row or two), one row per task, 金额合计; some forms print the budget as its own
// block instead (年度部门整体支出预算 资金总额 | 财政拨款 | 其他资金); 年度总体目标; 年度绩效指标 一级 |
// 二级 | 三级 | 指标值 (| 备注), or the structured columns (指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性).
// The section labels (年度主要任务, 年度绩效指标 …) may be a row of their own or merged down the first
// column. The labels come from the profile (templates/national-88-dept.json) plus the spellings seen in
// published tables; indicator columns are the project table's vocabulary (project-table.ts).
import { newDeptTask, newDeptWide, newProjectIndicator, parseAmount, splitOrgLine, type DeptTask, type DeptWide, type MoneyUnit } from '../model';
import { getTargetProfile } from '../profile';
import type { GridCell, GridRow } from './grid';
import { fieldAt, headerKey, isBlank, normalizeLabel, type ColumnMap, type ImportContext, type Line, type TableRecogniser } from './context';
import { PART_HEADERS, readParts, targetLevelName, type PartField } from './indicator-parts';
import { FORM_NOTE, GRID_SECTION, INDICATOR_HEADERS, YEAR_LINE, type IndicatorField } from './project-table';
import { columnVocabulary, headerVocabulary, vocabularyField } from './profile-labels';
import type { FoundTable } from './types';

export const DEPT_TABLE_NAME = '部门整体支出绩效目标表';
/** `…部门（单位）整体支出绩效目标（申报）表`, `部门整体绩效目标申报表`, `（2022年度）` after it allowed. */
export const DEPT_TITLE = /(部门|单位)(\(单位\))?整体(支出)?绩效目标(\(申报\)|申报)?表(\(.*\))?$/;

const profile = getTargetProfile('national-88-dept');
/** A header field's label and synonyms from the profile, with the spellings of published tables. */
function labels(field: string, seen: string[]): Set<string> {
  const h = profile?.header.find((x) => x.field === field);
  return new Set([...(h ? [h.label, ...h.synonyms] : []), ...seen].map(normalizeLabel));
}
const NAME_LABELS = labels('meta.deptName', ['部门（单位）名称', '单位（部门）名称', '部门名称', '单位名称', '预算部门名称', '预算单位名称', '部门单位名称', '填报单位', '填报单位（盖章）', '编制单位', '编制单位（盖章）']);
/** Whether a cell's text is the department-name label (the dispatcher leaves such a row with `单位：万元` to this table). */
export const isDeptNameLabel = (norm: string) => NAME_LABELS.has(norm);
const UNIT_IN_ROW = /^(金额)?单位(万元|元)$/;
/** Endings of a department's or unit's name (局, 委员会, 中心 …): a title's prefix that is not a place alone. */
const ORG_END = /(局|委|委员会|办|办公室|院|部|中心|所|站|馆|队|会|室|处|厅|政府|学校|医院|小学|中学|幼儿园|社|团|署|司)$/;
/** `邵东市教育局2023年部门整体支出绩效目标表` → 邵东市教育局 ('' when the title names no department). */
function titleDept(title: string): string {
  const t = title.replace(/\s+/g, '');
  const m = /^(.*?)(?:(?:19|20)\d{2}年度?)?(?:部门|单位)(?:[(（]单位[)）])?整体/.exec(t);
  const name = m ? m[1].replace(/^(附件|附表|表)[0-9一二三四五六七八九十-]*[、.：:]?/, '') : '';
  return ORG_END.test(name) ? name : '';
}
/** `2022年度` under the title without brackets. */
const BARE_YEAR = /^\s*(19|20)\d{2}\s*年度?\s*$/;
const TASK_LABELS = labels('deptWide.tasks', ['年度主要任务', '主要任务', '年度重点任务', '年度主要工作任务']);
const TOTAL_LABELS = labels('deptWide.total', ['金额合计', '合计', '总计', '资金合计']);
const GOAL_LABELS = labels('deptWide.goal', ['年度总体目标', '总体目标', '年度目标', '整体绩效目标', '部门整体绩效目标', '年度整体绩效目标']);
/** The budget printed as its own block (年度部门整体支出预算（万元）: 资金总额 | 财政拨款 | 其他资金). */
const BUDGET_SECTION = /^(年度)?(部门(\(单位\))?)?整体支出(年度)?预算(\((万元|元)\))?$|^年度(部门)?(支出)?预算(数|总额)?(\((万元|元)\))?$|^(部门)?(总体|整体)?资金情况(\((万元|元)\))?$/;
/** 部门职能职责概述 (some forms print the department's duties above the goal). */
const FUNCTIONS_SECTION = /^(部门|单位)?(\(单位\))?(主要)?职能(职责)?(概述|简介)?$|^(部门|单位)?(\(单位\))?(主要)?职责(概述|简介)$/;
/** Labels beside the department's name on its row. */
const NAME_ROW_LABELS: Record<string, 'deptCode' | 'preparer' | 'phone' | 'year'> = {
  部门编码: 'deptCode', 单位编码: 'deptCode', 部门代码: 'deptCode', 单位代码: 'deptCode', 联系人: 'preparer', 填报人: 'preparer', 联系电话: 'phone',
  年度: 'year', 预算年度: 'year',
};
const NAME_ROW_WORD = { deptCode: '部门编码', preparer: '填报人', phone: '联系电话', year: '年度' } as const;

/** The foot under the table: 填报人：… 联系电话：… (单位负责人、填报日期 … have no field in the document). */
const FOOT = /(填报人|联系人|联系电话|填报日期|单位负责人|部门负责人|财务负责人|审核人)\s*(?:[（(]?(?:签字|签章|盖章)[)）]?)?\s*[:：]\s*/g;
const FOOT_LINE = /^\s*(填报人|联系人|联系电话|填报日期|单位负责人|部门负责人|财务负责人|审核人)\s*(?:[（(]?(?:签字|签章|盖章)[)）]?)?\s*[:：]/;
const FOOT_FIELD: Record<string, 'preparer' | 'phone'> = { 填报人: 'preparer', 联系人: 'preparer', 联系电话: 'phone' };
/** `部门（单位）名称：隆回县教育局` in one cell. */
const NAME_IN_CELL = /^\s*((?:部门|单位|预算部门|预算单位)\s*(?:[（(]\s*单位\s*[)）])?\s*名称)\s*[:：]\s*([\s\S]*)$/;

type TaskField = 'name' | 'content' | 'total' | 'fiscal' | 'other' | 'seq';
type Money = 'total' | 'fiscal' | 'other';
const TASK_HEADERS: Record<string, TaskField> = {
  序号: 'seq', 任务名称: 'name', 任务: 'name', 主要任务: 'name', 任务内容: 'content', 主要内容: 'content', 主要工作内容: 'content', 具体内容: 'content',
};
const MONEY_HEADERS: Record<string, Money> = {
  总额: 'total', 合计: 'total', 小计: 'total', 资金总额: 'total', 预算总额: 'total', 年度资金总额: 'total', 预算支出总额: 'total', 支出总额: 'total',
  财政拨款: 'fiscal', 其中财政拨款: 'fiscal', 财政资金: 'fiscal', 其中财政资金: 'fiscal', 财政拨款资金: 'fiscal',
  其他资金: 'other', 其中其他资金: 'other', 其他: 'other',
};
for (const t of profile?.taskColumns ?? []) {
  for (const l of [t.label, ...t.synonyms].map(normalizeLabel)) {
    if (t.field === 'name' || t.field === 'content') TASK_HEADERS[l] ??= t.field;
    else MONEY_HEADERS[l] ??= t.field;
  }
}
/** The header over the money columns (预算金额（万元）), its sub-headers on the same or the next row. */
const MONEY_GROUP = /^(预算金额|预算资金|预算数|资金|金额|年度预算)(\((万元|元)\))?$/;
const MONEY_LABEL: Record<Money, string> = { total: '总额', fiscal: '财政拨款', other: '其他资金' };
const TOTAL_FIELD: Record<Money, 'total' | 'totalFiscal' | 'totalOther'> = { total: 'total', fiscal: 'totalFiscal', other: 'totalOther' };
const PART_FIELD_SET = new Set<string>(Object.values(PART_HEADERS));
/** How forms print "no amount" in a money cell. */
const DASH = /^[—–\-－/／]+$/;
/** The next item of a numbered note (注：1.… then `2.…` on its own line). */
const NOTE_ITEM = /^\s*[（(]?[0-9０-９]{1,2}\s*[)）]?\s*[、.．]/;

type Section = 'name' | 'tasks' | 'budget' | 'functions' | 'goal' | 'indicators' | 'list';
/** The list layout (one row per indicator, 单位名称 | 年度总体目标 | 预算数 merged down, then the indicator columns). */
type ListField = 'name' | 'goal' | Money;
function listField(n: string): ListField | undefined {
  if (GRID_SECTION.test(n)) return undefined; // 年度绩效目标 / 绩效指标 merged down beside a grid is its section label
  if (NAME_LABELS.has(n)) return 'name';
  if (GOAL_LABELS.has(n)) return 'goal';
  if (/^(年度)?(部门)?(整体)?(支出)?预算(数|总额|金额)?(\((万元|元)\))?$/.test(n)) return 'total';
  return headerOf(MONEY_HEADERS, n);
}
/** The list layout's header: a department column (name, goal, budget) before 一级指标 | 二级指标 …, no 项目名称. */
function isListHeader(norms: string[]): boolean {
  const first = norms.indexOf('一级指标');
  const lead = norms.slice(0, Math.max(0, first)).map(listField);
  return isIndicatorHeader(norms) && !norms.includes('项目名称') && lead.length > 0 && lead.every(Boolean) && lead.some((f) => f === 'name' || f === 'goal');
}

/** Indicator columns: the project table's headers, then the profiles' words (分值, 指标权重, a new form's own …). */
const VOCAB_FIELDS = new Set<IndicatorField>(['level1', 'level2', 'name', 'description', 'operator', 'value', 'unit', 'weight', 'direction', 'scoring', 'basis', 'remark', 'core', 'explanation']);
const indicatorField = (n: string): IndicatorField | undefined => INDICATOR_HEADERS[n] ?? INDICATOR_HEADERS[headerKey(n)]
  ?? vocabularyField(columnVocabulary('department-wide'), n, VOCAB_FIELDS) ?? vocabularyField(columnVocabulary('department-wide'), headerKey(n), VOCAB_FIELDS);

/** A row whose one cell is `部门（单位）名称：…`, seen as label | value. */
function nameSplit(line: Line): { cells: GridCell[]; norms: string[] } {
  const m = line.cells.length === 1 ? NAME_IN_CELL.exec(line.cells[0].text) : null;
  if (!m || !NAME_LABELS.has(normalizeLabel(m[1]))) return line;
  const c = line.cells[0];
  const cells = [{ col: c.col, span: 1, text: m[1] }, ...(isBlank(m[2]) ? [] : [{ col: c.col + 1, span: Math.max(1, c.span - 1), text: m[2] }])];
  return { cells, norms: cells.map((x) => normalizeLabel(x.text)) };
}

/** A label as printed, without its colon (`填报单位（盖章）：` → `填报单位（盖章）`). */
const labelText = (c: GridCell) => c.text.trim().replace(/\s*[:：]$/, '');

const headerOf = <F>(map: Record<string, F>, norm: string): F | undefined => map[norm] ?? map[headerKey(norm)];
const isTaskHeader = (norms: string[]) => norms.some((n) => headerOf(TASK_HEADERS, n) === 'name');
const isIndicatorHeader = (norms: string[]) => norms.includes('一级指标') && (norms.includes('二级指标') || norms.includes('三级指标'));

export class DeptTableRecogniser implements TableRecogniser {
  readonly name = 'dept';
  private wide: DeptWide | null = null;
  private table: FoundTable | null = null;
  private active = false;
  /** A second department-wide table in the same file: the document has one, its cells are reported. */
  private extra = false;
  /** The department named in front of the title (邵东市教育局2023年部门整体支出绩效目标表), for a table without a name row. */
  private titleDept = '';
  /** A department-wide title waiting for its table. */
  private title: { text: string; row: GridRow } | null = null;
  private section: Section | null = null;
  private nameSeen = false;
  private taskCols: ColumnMap<TaskField> = { fields: [] };
  /** 预算金额 spanning the money columns, until the next row says whether sub-headers split it. */
  private moneyGroup: { from: number; to: number } | null = null;
  private budgetCols: ColumnMap<Money> = { fields: [] };
  private listCols: ColumnMap<ListField> = { fields: [] };
  private indCols: ColumnMap<IndicatorField> = { fields: [] };
  private lastLevel1 = '';
  private lastLevel2 = '';
  /** The previous line was a form note: a numbered line after it is the note's next item. */
  private noteOpen = false;

  constructor(private ctx: ImportContext) {}

  outside(line: Line, active: TableRecogniser | null): 'close' | 'keep' | null {
    const ours = this.table !== null && (active === this || (active === null && this.ctx.report.tables.at(-1) === this.table));
    const noteGoesOn = this.noteOpen;
    this.noteOpen = false;
    if (ours && noteGoesOn && line.cells.length === 1 && NOTE_ITEM.test(line.cells[0].text)) { this.formNote(line.row, line.cells[0]); return 'keep'; }
    // A section label printed as a paragraph between the Word tables of one form (年度绩效指标).
    if (active === this && !this.extra && line.row.paragraph && line.cells.length === 1 && this.sectionOf(line.norms[0], []) && this.sectionOf(line.norms[0], []) !== 'name') {
      this.section = this.sectionOf(line.norms[0], []);
      this.ctx.report.mapped.push(`${line.row.sheet} 第 ${line.row.row} 行：段落「${line.cells[0].text.trim()}」是部门整体支出绩效目标表的分节标题`);
      return 'keep';
    }
    // 填报人：… 联系电话：… under the table (a row of it, or a paragraph below it)
    if (ours && !this.extra && FOOT_LINE.test(line.cells[0].text) && !line.norms.some((n) => NAME_LABELS.has(n))) { this.foot(line); return 'keep'; }
    if (line.cells.length !== 1) return null;
    const n = line.norms[0], text = line.cells[0].text;
    if (DEPT_TITLE.test(n) && n.length < 80) {
      if (this.title) this.ctx.report.warnings.push(`标题「${this.title.text.trim()}」后面没有部门整体支出绩效目标表，未使用。`);
      this.title = { text, row: line.row };
      this.titleDept = titleDept(text);
      this.ctx.noteYear(text);
      this.ctx.report.mapped.push(`标题「${text.trim()}」（${line.row.sheet} 第 ${line.row.row} 行）`);
      return 'close';
    }
    if (this.title && (YEAR_LINE.test(text.trim()) || BARE_YEAR.test(text))) {
      this.ctx.noteYear(text.replace(/\s+/g, ''));
      this.ctx.report.mapped.push(`年度行「${text.trim()}」（${line.row.sheet} 第 ${line.row.row} 行）`);
      return 'keep';
    }
    // The form's printed instructions under the grid (注：1.…), in the table's last row or below it.
    if (FORM_NOTE.test(text) && ours) {
      this.formNote(line.row, line.cells[0]);
      return 'keep';
    }
    return null;
  }

  /** The 部门（单位）名称 row followed by 年度主要任务, or 年度主要任务 itself, after a title or before task headers. */
  starts(line: Line, _active: TableRecogniser | null, peek: (k: number) => Line | undefined): boolean {
    const { norms } = nameSplit(line);
    // the list layout: after a department-wide title, or headed by 部门名称 / 年度总体目标
    if (isListHeader(norms)) return this.title !== null || norms.some((n) => n !== '单位名称' && (NAME_LABELS.has(n) || GOAL_LABELS.has(n)));
    // (年度主要任务 | 项目名称 | 主要内容: some forms head the task column 项目名称)
    if (TASK_LABELS.has(norms[0]) && norms.includes('主要内容')) return true;
    if (norms.some((n) => n === '项目名称' || n === '项目编码' || n === '一级指标')) return false;
    // the next lines, up to a project table's first row
    const ahead = (k: number, test: (l: Line) => boolean) => {
      for (let j = 1; j <= k; j++) {
        const l = peek(j);
        if (!l || l.norms[0] === '项目名称' || l.norms[0] === '项目编码') return false;
        if (test(l)) return true;
      }
      return false;
    };
    if (NAME_LABELS.has(norms[0]) && norms.length <= 6) {
      // (部门职能职责概述 and the budget block may come between the name and the tasks)
      return this.title !== null || ahead(6, (l) => TASK_LABELS.has(l.norms[0]) || isTaskHeader(l.norms) || FUNCTIONS_SECTION.test(l.norms[0]) || BUDGET_SECTION.test(l.norms[0]));
    }
    if (TASK_LABELS.has(norms[0])) return this.title !== null || isTaskHeader(norms) || ahead(2, (l) => isTaskHeader(l.norms));
    return false;
  }

  /** The rows of the table, up to the start of another table (a title closes it before this is asked). */
  owns(line: Line, peek: (k: number) => Line | undefined): boolean {
    if (!this.active || line.row.paragraph) return false;
    const { norms } = nameSplit(line);
    // a task header whose name column says 项目名称 is still this table's
    const taskHead = TASK_LABELS.has(norms[0]) || (this.section === 'tasks' && norms.includes('主要内容'));
    if (!taskHead && (norms[0] === '项目名称' || norms[0] === '项目编码' || norms.includes('项目名称') || /基本情况$/.test(norms[0]))) return false;
    if (norms.some((n) => /^(部门)?职责[-—–/、]?(工作)?活动(名称)?$/.test(n))) return false;
    if (this.section === 'list' && isListHeader(norms)) return true; // the list's header repeated at a page break
    // another name row, after this table's content and followed by tasks: the next department-wide table
    // (else a second name row of this one: 填报单位 then 部门（单位）名称)
    const w = this.wide;
    const filled = !!w && (w.tasks.length > 0 || w.indicators.length > 0 || w.goal !== '');
    return !(NAME_LABELS.has(norms[0]) && this.nameSeen && filled && [1, 2, 3].some((k) => { const l = peek(k); return !!l && (TASK_LABELS.has(l.norms[0]) || isTaskHeader(l.norms)); }));
  }

  open(line: Line): void {
    const { row } = line;
    const ctx = this.ctx;
    // A title the project table took for its own (`…整体支出绩效目标表` without 部门) is this table's.
    if (ctx.pendingHeading && /整体/.test(ctx.pendingHeading.text)) {
      ctx.report.mapped.push(`标题「${ctx.pendingHeading.text.trim()}」是${DEPT_TABLE_NAME}的标题`);
      ctx.pendingHeading = null;
    }
    this.active = true;
    this.section = null;
    this.taskCols = { fields: [] };
    this.indCols = { fields: [] };
    this.budgetCols = { fields: [] };
    this.listCols = { fields: [] };
    this.moneyGroup = null;
    this.lastLevel1 = this.lastLevel2 = '';
    this.nameSeen = false;
    ctx.dropHeading(DEPT_TABLE_NAME);
    if (this.table) {
      this.extra = true;
      ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：又一张部门整体支出绩效目标表；一个文档只有一张，这张表的内容列入未能放置的单元格，请分别导入。`);
    } else {
      const why = isListHeader(line.norms) ? '表头是部门的列（单位名称、年度总体目标 …）和指标列，一行一条指标'
        : TASK_LABELS.has(line.norms[0]) ? '表的开头是「年度主要任务」' : `表的开头是「${labelText(nameSplit(line).cells[0])}」，其后是年度主要任务`;
      const reason = `识别为${DEPT_TABLE_NAME}：${why}`;
      this.table = { kind: 'dept-wide', sheet: row.sheet, startRow: row.row, tasks: 0, indicators: 0, reason };
      ctx.report.tables.push(this.table);
      ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：${reason}`);
      this.wide = newDeptWide();
      ctx.doc.deptWide = this.wide;
    }
    this.title = null;
    this.take(line);
  }

  take(line: Line): void {
    const { row } = line;
    const ctx = this.ctx;
    if (this.extra || !this.wide) { for (const c of line.cells) ctx.unplaced(row, c, '文件中的第二张部门整体支出绩效目标表（一个文档只有一张）'); return; }
    if (line.cells.length === 1 && FORM_NOTE.test(line.cells[0].text)) { this.formNote(row, line.cells[0]); return; }
    let { cells, norms } = nameSplit(line);
    if (isListHeader(norms)) { this.listHeader(row, cells, norms); return; }
    if (this.section === 'list') { this.listRow(row, cells, norms); return; }
    // A section label: a row of its own, or merged down the first column.
    const sec = this.sectionOf(norms[0], norms.slice(1));
    if (sec) {
      this.section = sec;
      if (sec !== 'name') this.moneyGroup = null;
      const unit = /\((万元|元)\)$/.exec(norms[0]);
      if (unit) ctx.noteUnit(unit[1] as MoneyUnit, row);
      if (sec === 'name') { this.nameRow(row, cells.slice(1), norms.slice(1), cells[0]); return; }
      cells = cells.slice(1); norms = norms.slice(1);
      if (sec === 'goal' || sec === 'functions') this.text(sec, cells);
      if (cells.length === 0 || sec === 'goal' || sec === 'functions') return;
    }
    // Rows before any section label: a table that starts with the task header.
    if (isIndicatorHeader(norms)) { this.section = 'indicators'; this.indicatorHeader(row, cells, norms); return; }
    switch (this.section) {
      case 'tasks': return this.taskRow(row, cells, norms);
      case 'budget': return this.budgetRow(row, cells, norms);
      case 'goal': case 'functions': return this.text(this.section, cells);
      case 'indicators': return this.indicatorRow(row, cells, norms);
      default: for (const c of cells) ctx.unplaced(row, c, '部门整体支出绩效目标表中无法识别的单元格');
    }
  }

  close(): void {
    this.active = false;
    this.extra = false;
  }

  finish(): void {
    this.close();
    if (this.title) this.ctx.report.warnings.push(`标题「${this.title.text.trim()}」后面没有部门整体支出绩效目标表，未使用。`);
    const w = this.wide;
    if (w && this.table) {
      // no 部门（单位）名称 row and no 填报单位 line: the department is the one the title names
      if (!this.ctx.orgSeen && this.titleDept) this.ctx.noteOrg(this.titleDept, '标题中的部门名称');
      this.table.name = this.ctx.doc.meta.deptName;
      this.ctx.report.mapped.push(`${DEPT_TABLE_NAME}：${w.tasks.length} 项年度主要任务、金额合计「${w.total}」、${w.goal ? '年度总体目标、' : ''}${w.indicators.length} 条年度绩效指标`);
    }
  }

  private sectionOf(n: string, rest: string[]): Section | null {
    if (NAME_LABELS.has(n)) return 'name';
    if (TASK_LABELS.has(n) || /^年度主要任务\(.*\)$/.test(n)) return 'tasks';
    if (GOAL_LABELS.has(n)) return 'goal';
    // any profile's label for it too (a province's form that prints it: docs/profiles.md)
    if (FUNCTIONS_SECTION.test(n) || headerVocabulary('department-wide').get(n) === 'deptWide.functions') return 'functions';
    if (BUDGET_SECTION.test(n)) return 'budget';
    if (GRID_SECTION.test(n) && !isIndicatorHeader([n])) {
      // 年度绩效目标 followed by text (not a grid header) is the goal of some forms.
      if (/^(年度)?绩效目标$/.test(n) && rest.length > 0 && !isIndicatorHeader(rest) && this.section !== 'indicators') return 'goal';
      return 'indicators';
    }
    return null;
  }

  /** 填报人：张三  联系电话：… → meta.preparer / meta.phone; a filled label without a field is reported. */
  private foot(line: Line): void {
    const { row } = line;
    // a label with its value in the next cell (填报人： | 张三)
    let pending: string | null = null;
    for (const c of line.cells) {
      const parts = c.text.split(FOOT); // [before, label, value, label, value …]
      if (!isBlank(parts[0])) {
        if (pending === null) { this.ctx.unplaced(row, c, '表尾行中无法识别的文字'); continue; }
        this.footValue(row, c, pending, parts[0].trim());
      }
      pending = null;
      for (let k = 1; k + 1 < parts.length; k += 2) {
        const value = parts[k + 1].trim();
        if (value) this.footValue(row, c, parts[k], value);
        else pending = parts[k];
      }
    }
  }

  private footValue(row: GridRow, c: GridCell, label: string, value: string): void {
    const f = FOOT_FIELD[label];
    if (!f) { this.ctx.unplaced(row, { ...c, text: `${label}：${value}` }, `表尾的「${label}」在文档中没有对应的字段`); return; }
    this.ctx.doc.meta[f] = value;
    this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：${label}「${value}」→ 文档的${f === 'phone' ? '联系电话' : '填报人'}`);
  }

  /** An amount cell (ImportContext.amount); a dash (—, -, /) is how forms print "none": read as blank, said. */
  private amount(text: string, row: GridRow, cell: GridCell, what: string): string {
    if (!DASH.test(text.trim())) return this.ctx.amount(text, row, cell, what);
    this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：${what}「${text.trim()}」表示没有金额，按空白导入`);
    return '';
  }

  private formNote(row: GridRow, cell: GridCell): void {
    this.noteOpen = true;
    const t = cell.text.trim();
    this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：表下的填表说明「${t.slice(0, 40)}${t.length > 40 ? '…' : ''}」是表样文字，不是部门整体绩效目标的内容，未导入`);
  }

  /** 部门（单位）名称 | name (| 联系人 | … | 联系电话 | …): the document's department. */
  private nameRow(row: GridRow, cells: GridCell[], norms: string[], labelCell: GridCell): void {
    const ctx = this.ctx;
    this.nameSeen = true;
    let named = false;
    for (let i = 0; i < cells.length; i++) {
      const unit = UNIT_IN_ROW.exec(norms[i]);
      if (unit) { ctx.noteUnit(unit[2] as MoneyUnit, row); continue; }
      const label = NAME_ROW_LABELS[norms[i]];
      if (label) {
        const next = cells[i + 1];
        const value = next && !NAME_ROW_LABELS[norms[i + 1]] ? (i++, next.text.trim()) : '';
        if (label === 'year') ctx.noteYear(/年/.test(value) ? value : `${value}年`);
        else if (value) ctx.doc.meta[label] = value;
        ctx.report.mapped.push(`${cells[i - (value ? 1 : 0)].text.trim().replace(/[:：]$/, '')}「${value}」→ ${NAME_ROW_WORD[label]}`);
        continue;
      }
      if (!named) { this.deptName(cells[i].text, labelText(labelCell)); named = true; continue; }
      ctx.unplaced(row, cells[i], '部门（单位）名称行中无法识别的单元格');
    }
    if (!named) ctx.report.mapped.push(`「${labelText(labelCell)}」：部门名称为空`);
  }

  /** The table's own 部门（单位）名称 is the document's department (a code in front of it is the code). */
  private deptName(text: string, label: string): void {
    const ctx = this.ctx;
    const meta = ctx.doc.meta;
    if (isBlank(text)) { ctx.report.mapped.push(`「${label}」：部门名称为空`); return; }
    if (!ctx.orgSeen) { ctx.noteOrg(text, label); return; }
    const { deptCode, deptName } = splitOrgLine(text);
    if (normalizeLabel(deptName) === normalizeLabel(meta.deptName) && (deptCode === '' || deptCode === meta.deptCode)) {
      ctx.report.mapped.push(`${label}「${text.trim()}」与单位行一致`);
      return;
    }
    ctx.report.warnings.push(`${label}「${text.trim()}」与单位行「${ctx.orgSeen.trim()}」不同，文档的部门名称取表中的「${deptName}」${deptCode ? `、部门编码「${deptCode}」` : ''}。`);
    meta.deptName = deptName;
    if (deptCode) meta.deptCode = deptCode;
  }

  /** 年度总体目标 / 部门职能职责概述: the texts of the row (and of the rows under a label merged down), one per line. */
  private text(field: 'goal' | 'functions', cells: GridCell[]): void {
    const w = this.wide!;
    for (const c of cells) { const t = w[field]; w[field] = t ? `${t}\n${c.text}` : c.text; }
    if (field === 'functions') w.functions ??= '';
  }

  /** A row of the 年度主要任务 block: the header (one row or two), a task, or 金额合计. */
  private taskRow(row: GridRow, cells: GridCell[], norms: string[]): void {
    const ctx = this.ctx;
    // The money sub-headers under 预算金额 (总额 | 财政拨款 | 其他资金) on the next row.
    if (this.moneyGroup && norms.every((n) => headerOf(MONEY_HEADERS, n) || isBlank(n))) {
      const g = this.moneyGroup;
      this.taskCols.fields = this.taskCols.fields.filter((f) => f.from < g.from || f.from >= g.to);
      cells.forEach((c, k) => this.taskCols.fields.push({ field: headerOf(MONEY_HEADERS, norms[k])!, from: c.col, to: c.col + c.span }));
      this.moneyGroup = null;
      return;
    }
    this.moneyGroup = null;
    if (isTaskHeader(norms) || (norms.includes('项目名称') && norms.includes('主要内容'))) { this.taskHeader(row, cells, norms); return; }
    if (TOTAL_LABELS.has(norms[0])) { this.totalRow(row, cells.slice(1), cells[0]); return; }
    if (this.taskCols.fields.length === 0) {
      for (const c of cells) ctx.unplaced(row, c, '年度主要任务没有表头（任务名称、主要内容、预算金额），无法对应到列');
      return;
    }
    const w = this.wide!;
    const vals: Partial<Record<TaskField, { text: string; cell: GridCell }>> = {};
    for (const c of cells) {
      const f = fieldAt(this.taskCols, c.col);
      if (!f) { ctx.unplaced(row, c, '年度主要任务中不属于任何列'); continue; }
      // 序号 is the row's place in the list: kept by the order of the tasks.
      if (f === 'seq') { if (!/^\s*\d{1,3}\s*$/.test(c.text)) ctx.unplaced(row, c, '序号列中不是序号的文字'); continue; }
      if (vals[f]) { ctx.unplaced(row, c, `年度主要任务的「${f === 'name' ? '任务名称' : f === 'content' ? '主要内容' : MONEY_LABEL[f as Money]}」列中又一个单元格`); continue; }
      vals[f] = { text: c.text, cell: c };
    }
    // A task split by a page break: its content goes on after the previous task's.
    const last = w.tasks.at(-1);
    if (last && isBlank(vals.name?.text ?? '') && vals.content && !vals.total && !vals.fiscal && !vals.other && this.taskCols.fields.some((f) => f.field === 'name')) {
      last.content += vals.content.text;
      ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：「${vals.content.text}」接在上一项任务的主要内容之后（跨页拆开的行）。`);
      return;
    }
    const task: DeptTask = newDeptTask({ name: vals.name?.text ?? '', content: vals.content?.text ?? '' });
    for (const m of ['total', 'fiscal', 'other'] as const) {
      const v = vals[m];
      if (v && !isBlank(v.text)) task[m] = this.amount(v.text, row, v.cell, `任务「${task.name}」的${MONEY_LABEL[m]}`);
    }
    w.tasks.push(task);
    this.table!.tasks = (this.table!.tasks ?? 0) + 1;
  }

  private taskHeader(row: GridRow, cells: GridCell[], norms: string[]): void {
    const fields: ColumnMap<TaskField>['fields'] = [];
    cells.forEach((c, k) => {
      const n = norms[k];
      const task = headerOf(TASK_HEADERS, n) ?? (n === '项目名称' ? 'name' : undefined);
      const unit = /\((万元|元)\)$/.exec(n);
      if (task) fields.push({ field: task, from: c.col, to: c.col + c.span });
      else if (MONEY_GROUP.test(n)) {
        // one amount column (总额) unless the next row splits it: 总额 | 财政拨款 | 其他资金
        fields.push({ field: 'total', from: c.col, to: c.col + c.span });
        this.moneyGroup = { from: c.col, to: c.col + c.span };
      } else if (headerOf(MONEY_HEADERS, n)) fields.push({ field: headerOf(MONEY_HEADERS, n)!, from: c.col, to: c.col + c.span });
      else { this.ctx.unplaced(row, c, '年度主要任务表头中无法识别的列'); return; }
      if (unit) this.ctx.noteUnit(unit[1] as MoneyUnit, row);
    });
    this.taskCols = { fields };
  }

  /** 金额合计 | (blank) | 总额 | 财政拨款 | 其他资金: the sums as printed. */
  private totalRow(row: GridRow, cells: GridCell[], label: GridCell): void {
    const ctx = this.ctx;
    const w = this.wide!;
    for (const c of cells) {
      const f = fieldAt(this.taskCols, c.col);
      if (f !== 'total' && f !== 'fiscal' && f !== 'other') { ctx.unplaced(row, c, `「${label.text.trim()}」行中不在金额列的单元格`); continue; }
      w[TOTAL_FIELD[f]] = this.amount(c.text, row, c, `金额合计（${MONEY_LABEL[f]}）`);
    }
    ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：「${label.text.trim()}」→ 金额合计`);
  }

  /** The budget block of some forms: 资金总额 | 财政拨款 | 其他资金, then the amounts (or label | amount). */
  private budgetRow(row: GridRow, cells: GridCell[], norms: string[]): void {
    const ctx = this.ctx;
    const w = this.wide!;
    const heads = norms.map((n) => headerOf(MONEY_HEADERS, n));
    if (heads.some(Boolean) && heads.every((h, k) => h || isBlank(norms[k]))) {
      // label | amount pairs on one row, or a header row with the amounts on the next
      if (cells.length >= 2 && heads.every((h, k) => (k % 2 === 0) === !!h)) {
        for (let k = 0; k + 1 < cells.length; k += 2) w[TOTAL_FIELD[heads[k]!]] = this.amount(cells[k + 1].text, row, cells[k + 1], `部门整体支出预算（${MONEY_LABEL[heads[k]!]}）`);
        return;
      }
      this.budgetCols = { fields: cells.map((c, k) => ({ field: heads[k]!, from: c.col, to: c.col + c.span })) };
      return;
    }
    if (heads.some(Boolean) && cells.length === 2 && heads[0]) {
      w[TOTAL_FIELD[heads[0]]] = this.amount(cells[1].text, row, cells[1], `部门整体支出预算（${MONEY_LABEL[heads[0]]}）`);
      return;
    }
    if (this.budgetCols.fields.length === 0 && cells.length === 1) { w.total = this.amount(cells[0].text, row, cells[0], '部门整体支出预算'); return; }
    for (const c of cells) {
      const f = fieldAt(this.budgetCols, c.col);
      if (!f) { ctx.unplaced(row, c, '部门整体支出预算中找不到对应的列'); continue; }
      w[TOTAL_FIELD[f]] = this.amount(c.text, row, c, `部门整体支出预算（${MONEY_LABEL[f]}）`);
    }
  }

  /**
   * 合计 under the grid: a 权重 sum equal to the indicators' weights is the software's sum (said in the
   * report, not stored); anything else is reported as unplaced.
   */
  private weightSum(row: GridRow, cells: GridCell[]): void {
    const ctx = this.ctx;
    const sum = this.wide!.indicators.reduce((s, i) => s + (Number(i.weight) || 0), 0);
    const [label, ...rest] = cells;
    const weights = rest.filter((c) => fieldAt(this.indCols, c.col) === 'weight' && !isBlank(c.text));
    const others = rest.filter((c) => !weights.includes(c) && !isBlank(c.text));
    const typed = weights.length === 1 ? parseAmount(weights[0].text) : null;
    if (typed !== null && others.length === 0 && Math.abs(Number(typed) - sum) < 1e-9) {
      ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：「${label.text.trim()}」权重 ${weights[0].text.trim()} 与各指标权重之和一致（由软件计算，不另保存）`);
      return;
    }
    for (const c of cells) ctx.unplaced(row, c, '合计行（合计由软件计算，不导入）');
  }

  /** The list layout's header: the department's columns, then the indicator grid's (repeated at page breaks). */
  private listHeader(row: GridRow, cells: GridCell[], norms: string[]): void {
    if (this.section === 'list') { this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的表头（跨页），已跳过`); return; }
    const first = norms.indexOf('一级指标');
    this.listCols = { fields: cells.slice(0, first).map((c, k) => ({ field: listField(norms[k])!, from: c.col, to: c.col + c.span })) };
    this.indicatorHeader(row, cells.slice(first), norms.slice(first));
    this.section = 'list';
    for (const n of norms.slice(0, first)) {
      const unit = /\((万元|元)\)$/.exec(n);
      if (unit) this.ctx.noteUnit(unit[1] as MoneyUnit, row);
    }
  }

  /** A row of the list: the department's cells (merged down: on the first row only), then its indicator. */
  private listRow(row: GridRow, cells: GridCell[], norms: string[]): void {
    const ctx = this.ctx;
    const w = this.wide!;
    const own: GridCell[] = [], ownNorms: string[] = [];
    cells.forEach((c, k) => {
      const f = fieldAt(this.listCols, c.col);
      if (!f) { own.push(c); ownNorms.push(norms[k]); return; }
      if (f === 'name') {
        if (!this.nameSeen) { this.nameSeen = true; this.deptName(c.text, '单位名称'); }
        else if (normalizeLabel(c.text) !== normalizeLabel(ctx.doc.meta.deptName)) ctx.unplaced(row, c, '另一个单位的名称（一个文档只有一张部门整体支出绩效目标表）');
      } else if (f === 'goal') {
        if (normalizeLabel(c.text) !== normalizeLabel(w.goal)) w.goal = w.goal ? `${w.goal}\n${c.text}` : c.text;
      } else w[TOTAL_FIELD[f]] = this.amount(c.text, row, c, `部门整体支出预算（${MONEY_LABEL[f]}）`);
    });
    if (own.length) this.indicatorRow(row, own, ownNorms);
  }

  /** 一级指标 | 二级指标 | 三级指标 | 指标值 (| 备注), or the structured columns; repeated at page breaks. */
  private indicatorHeader(row: GridRow, cells: GridCell[], norms: string[]): void {
    if (this.indCols.fields.length) { this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的指标表头（跨页），已跳过`); return; }
    const first = norms.indexOf('一级指标');
    // 指标内容 is the 三级指标 of forms that have no 三级指标 column, else its description.
    const content: IndicatorField = norms.includes('三级指标') ? 'description' : 'name';
    const fields: ColumnMap<IndicatorField>['fields'] = [];
    cells.forEach((c, k) => {
      const n = norms[k];
      const f = n === '指标内容' ? content : indicatorField(n);
      if (f) fields.push({ field: f, from: c.col, to: c.col + c.span });
      else if (k < first && GRID_SECTION.test(n)) return;
      else this.ctx.unplaced(row, c, '指标表头中无法识别的列');
    });
    this.indCols = { fields };
  }

  private indicatorRow(row: GridRow, cells: GridCell[], norms: string[]): void {
    const ctx = this.ctx;
    const w = this.wide!;
    if (/^(合计|总计|小计|权重合计)$/.test(norms[0])) { this.weightSum(row, cells); return; }
    if (this.indCols.fields.length === 0) { for (const c of cells) ctx.unplaced(row, c, '年度绩效指标没有表头（一级指标、二级指标、三级指标、指标值），无法对应到列'); return; }
    if (cells.length === 1 && cells[0].span >= 3) { ctx.unplaced(row, cells[0], '指标表中跨整行的说明文字，没有对应的字段'); return; }
    const vals: Partial<Record<IndicatorField, string>> = {};
    const partCells: Partial<Record<PartField, { text: string; cell: GridCell }>> = {};
    for (const c of cells) {
      const f = fieldAt(this.indCols, c.col);
      if (!f) { ctx.unplaced(row, c, '指标表中不属于任何列'); continue; }
      if (PART_FIELD_SET.has(f)) partCells[f as PartField] = { text: c.text, cell: c };
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
    }
    const has = (f: IndicatorField) => this.indCols.fields.some((x) => x.field === f);
    const key = ['level1', 'level2', 'name', 'value', 'operator', 'unit'] as const;
    const last = w.indicators.at(-1);
    if (last && key.every((k) => isBlank(vals[k] ?? ''))) {
      // Page-break continuation: the rest of the previous indicator's text cells.
      for (const f of ['description', 'basis', 'remark', 'scoring'] as const) if (vals[f]) last[f] = (last[f] ?? '') + vals[f];
      for (const c of cells) {
        const f = fieldAt(this.indCols, c.col);
        if (f && !['description', 'basis', 'remark', 'scoring'].includes(f) && !isBlank(c.text)) ctx.unplaced(row, c, '跨页拆开的指标行中无法接上的单元格');
      }
      ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：内容接在上一条指标之后（跨页拆开的行）。`);
      return;
    }
    const cellOf = (f: IndicatorField) => cells.find((c) => fieldAt(this.indCols, c.col) === f);
    let level1 = targetLevelName(ctx, row, cellOf('level1'), vals.level1 ?? '', '一级指标');
    let level2 = targetLevelName(ctx, row, cellOf('level2'), vals.level2 ?? '', '二级指标');
    if (isBlank(level1)) { level1 = this.lastLevel1; if (isBlank(level2)) level2 = this.lastLevel2; }
    this.lastLevel1 = level1;
    this.lastLevel2 = level2;
    const { parts, joined } = readParts(ctx, row, partCells, vals.value, has('operator') || has('unit'));
    if (has('remark')) parts.remark ??= '';
    if (has('scoring')) parts.scoring ??= '';
    w.indicators.push(newProjectIndicator({
      level1, level2, name: vals.name ?? '', description: vals.description ?? '', value: joined ?? vals.value ?? '', basis: vals.basis ?? '', ...parts,
    }));
    this.table!.indicators++;
  }
}
