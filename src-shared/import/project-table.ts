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
import { getTemplate, newProject, newProjectIndicator, stripNumbering, type MoneyUnit, type Project, type ProjectIndicator } from '../model';
import type { GridCell, GridRow } from './grid';
import { fieldAt, headerKey, isBlank, normalizeLabel, type ColumnMap, type ImportContext, type Line, type TableRecogniser } from './context';
import { columnVocabulary, headerVocabulary, vocabularyField } from './profile-labels';
import { levelName, PART_HEADERS, readParts, splitWeightLabel, targetLevelName, type PartField } from './indicator-parts';
import type { FoundTable } from './types';

/** The grid columns every target table shares (project-table.ts and dept-table.ts). */
export type IndicatorField = 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis' | PartField;
export const INDICATOR_HEADERS: Record<string, IndicatorField> = {
  一级指标: 'level1', 二级指标: 'level2', 三级指标: 'name', 绩效指标描述: 'description', 指标描述: 'description',
  指标解释: 'description', 指标值: 'value', 年度指标值: 'value', 绩效指标值: 'value', 目标值: 'value', 年度目标值: 'value',
  预期指标值: 'value', 预期目标值: 'value', 指标目标值: 'value', 当年预期实现值: 'value', 预期实现值: 'value', 指标名称: 'name', 指标值说明: 'description',
  指标值确定依据: 'basis', 确定依据: 'basis', 指标值设定依据: 'basis', 设定依据: 'basis',
  ...PART_HEADERS,
};
/** A project grid's columns: the shared ones, 中期指标值 beside 年度指标值 (Anhui) and 序号 (row numbers). */
type GridField = IndicatorField | 'midValue' | 'seq';
const GRID_HEADERS: Record<string, GridField> = {
  ...INDICATOR_HEADERS, 序号: 'seq', 中期指标值: 'midValue', 中期目标值: 'midValue', 总体指标值: 'midValue', 长期指标值: 'midValue',
};
type ProjectLabel = 'code' | 'name' | 'budget' | 'fiscal' | 'other' | 'purpose' | 'authority' | 'implementer' | 'manager' | 'attribute' | 'period' | 'midTermTotal' | 'midTermFiscal' | 'midTermOther' | 'carryOver' | 'goal' | 'managerPhone';
const PROJECT_LABELS: Record<string, ProjectLabel> = {
  项目编码: 'code', 项目名称: 'name', 预算数: 'budget', 其中财政资金: 'fiscal', 财政资金: 'fiscal', 其他资金: 'other', 资金用途: 'purpose',
  主管部门: 'authority', 主管部门及代码: 'authority', 实施单位: 'implementer', 项目负责人及电话: 'manager', 项目负责人: 'manager',
  项目属性: 'attribute', 项目类别: 'attribute', 项目类型: 'attribute', 项目性质: 'attribute', 项目期: 'period', 项目周期: 'period', 实施期限: 'period',
  项目起止时间: 'period', 起止时间: 'period', 实施周期: 'period', 项目实施期: 'period', 项目实施周期: 'period', 项目代码: 'code',
  项目单位: 'implementer', 资金总额: 'budget', 单位名称: 'implementer', 预算单位: 'implementer', 项目实施单位: 'implementer',
  年度预算数: 'budget', 项目金额: 'budget', 预算金额: 'budget', 联系电话: 'managerPhone', 负责人联系电话: 'managerPhone',
  中期资金总额: 'midTermTotal', 年度资金总额: 'budget', 其中财政拨款: 'fiscal', 财政拨款: 'fiscal', 上年结转: 'carryOver', 其中上年结转: 'carryOver', 上年结转资金: 'carryOver',
};
/**
 * `项目名称：城区绿化`, `年度资金总额：1500`, `其中：财政拨款：1300` — a header label and its value in one
 * cell: read as the two cells the form usually has (same place, for the report).
 */
function splitLabelValue(c: GridCell): GridCell[] {
  const norm = normalizeLabel(c.text);
  if (projectLabel(norm) || sectionOf(norm)) return [c];
  const m = /^\s*((?:其中\s*[:：]\s*)?[\u4e00-\u9fff（）()]{2,12}?)\s*[:：]\s*(\S[\s\S]*)$/.exec(c.text);
  if (!m || !projectLabel(normalizeLabel(m[1]))) return [c];
  return [{ col: c.col, span: 0, text: m[1] }, { col: c.col, span: c.span, text: m[2] }];
}
/** A header label, also with a note or unit in brackets (`年度资金总额（万元）`). */
function projectLabel(norm: string): ProjectLabel | undefined {
  return PROJECT_LABELS[norm] ?? PROJECT_LABELS[headerKey(norm)]
    // A form added as a profile brings its own header words (项目承办单位 …).
    ?? vocabularyField(headerVocabulary('project'), norm, PROFILE_LABEL_FIELDS) ?? vocabularyField(headerVocabulary('project'), headerKey(norm), PROFILE_LABEL_FIELDS);
}
/** Header fields a profile may name that this recogniser reads as label | value rows (goals and the schedule are sections). */
const PROFILE_LABEL_FIELDS = new Set<ProjectLabel>(['code', 'name', 'budget', 'fiscal', 'other', 'purpose', 'authority', 'implementer', 'manager', 'attribute', 'period', 'midTermTotal', 'carryOver']);
/** The grid's column, also by a profile's own words for it. */
function gridField(norm: string): GridField | undefined {
  return GRID_HEADERS[norm] ?? vocabularyField(columnVocabulary('project'), norm, PROFILE_GRID_FIELDS);
}
const PROFILE_GRID_FIELDS = new Set<GridField>(['level1', 'level2', 'name', 'description', 'value', 'basis', 'operator', 'unit', 'direction', 'weight', 'scoring', 'core', 'remark', 'explanation']);
/** Labels only the national forms print (the field itself is shared with Hebei's 预算数 / 财政资金). */
const NATIONAL_SPELLINGS = new Set(['年度资金总额', '其中财政拨款', '财政拨款']);
/** Header fields only the national forms have. */
const NATIONAL_LABELS = new Set<ProjectLabel>(['authority', 'implementer', 'manager', 'attribute', 'period', 'midTermTotal', 'carryOver']);
const AMOUNT_LABELS: Partial<Record<ProjectLabel, string>> = {
  budget: '预算数', fiscal: '财政资金', other: '其他资金', midTermTotal: '中期资金总额', midTermFiscal: '中期财政拨款', midTermOther: '中期其他资金', carryOver: '上年结转',
};
/** 中期 beside 年度 (the 88号 form): a split label left of the 年度资金总额 column belongs to 中期. */
const MID_TERM: Partial<Record<ProjectLabel, ProjectLabel>> = { fiscal: 'midTermFiscal', other: 'midTermOther' };

/** A funds row splitting 财政拨款 by government level (其中：中央补助, 省级资金, 市县配套 …). */
const FUND_LEVEL = /^(其中)?[:：]?(中央|省级|省|市级|市|县级|县|市县|市州|县市区)(财政)?(补助|资金|安排|配套|专项)(资金)?$/;
/** The structured list's project columns. */
const LIST_LABELS: Record<string, ProjectLabel> = {
  单位名称: 'implementer', 实施单位: 'implementer', 主管部门: 'authority', 项目编码: 'code', 项目名称: 'name', 预算数: 'budget', 年度预算数: 'budget',
  资金总额: 'budget', 年度资金总额: 'budget', 年度目标: 'goal', 绩效目标: 'goal', 年度绩效目标: 'goal',
  项目金额: 'budget', 预算金额: 'budget', 项目预算数: 'budget', 预算单位: 'implementer', 项目单位: 'implementer',
};
/** Header labels some forms print above 项目名称 (our structured export: 单位名称 first). */
const LEAD_LABELS = new Set(['单位名称', '实施单位', '项目单位', '预算单位', '项目实施单位', '主管部门', '主管部门及代码']);
/** `单位名称 | 项目名称 | 预算数 | 年度目标 | 绩效指标`: project columns over a group label, no 一级指标 yet. */
function isListTop(line: Line): boolean {
  const { norms } = line;
  if (!norms.includes('项目名称') || norms.includes('一级指标')) return false;
  const listed = norms.filter((n) => LIST_LABELS[n] ?? LIST_LABELS[headerKey(n)]).length;
  return listed >= 2 && norms.every((n) => LIST_LABELS[n] ?? LIST_LABELS[headerKey(n)] ?? (GRID_SECTION.test(headerKey(n)) || n === '序号'));
}
/** A header row printed above 项目名称: a lead label and its value (or two pairs), no grid columns. */
export function isLeadRow(line: Line): boolean {
  return LEAD_LABELS.has(line.norms[0]) && line.cells.length <= 4 && !line.norms.includes('一级指标') && !line.norms.includes('项目名称');
}
type Section = 'budget' | 'schedule' | 'goal' | 'overall' | 'funds';
function sectionOf(label: string): Section | null {
  if (label === '预算规模及资金用途' || label === '预算规模') return 'budget';
  if (label.startsWith('资金支出计划')) return 'schedule';
  if (label === '绩效目标' || label === '项目绩效目标' || label === '年度绩效目标' || label === '年度目标' || label === '年度总体目标') return 'goal';
  if (label === '总体目标' || label.startsWith('中期目标')) return 'overall';
  if (/^(项目资金|资金情况|项目资金情况)(\((万元|元)\))?$/.test(label)) return 'funds';
  return null;
}
/** Titles of target tables: Hebei `1、…绩效目标表`, 88号 `项目支出绩效目标申报表`, `…（基础设施建设类）`. */
const TITLE = /绩效目标(申报)?表(\(.*\))?$/;
/** `（2023年度）`, `(2023年)`, also `2023年度` without brackets. */
export const YEAR_LINE = /^[（(]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/;
/** `附件2`, `表3`, `附表1-2`: the publication's numbering above a table. */
const NUMBER_LINE = /^(附件|附表|表)[0-9一二三四五六七八九十]+(-[0-9]+)?[、.]?$/;
/** The line under a target table: who filled it in, when. */
const FOOT_START = /^(填表人|填报人|联系电话|填报日期|填表日期|审核人|单位负责人)/;
const FOOT_LABEL = /(填表人|填报人|联系电话|填报日期|填表日期|审核人|单位负责人)\s*[:：]?\s*/g;
/** The form's own instructions under the grid. */
export const FORM_NOTE = /^\s*(注|说明|填表说明)\s*[:：0-9１-９]/;
/** Leading cells of the indicator header row that name the section, not a column. */
export const GRID_SECTION = /^((年度|长期|中期|总体)?绩效指标|年度绩效目标|绩效目标|年度指标|绩效目标指标)(\(\d+分?\))?$/;

interface ProjectDraft {
  project: Project;
  heading: string;
  labels: string[];
  scheduleValues: { text: string; cell: GridCell; row: GridRow }[];
  table: FoundTable;
  unit: MoneyUnit;
  /** Indicators of a grid labelled 年度绩效指标: scope 年度 once the project also has a 长期/中期 grid. */
  yearGrid: ProjectIndicator[];
  /** Which label filled each text field (a second label of the same field is reported, not overwritten). */
  filled: Partial<Record<ProjectLabel, string>>;
}

/** 长期绩效指标 / 中期… / 总体… label a grid of the 总体 set, 年度绩效指标 one of the 年度 set. */
function gridScopeOf(label: string): '总体' | '年度' | null {
  return /^(长期|中期|总体)/.test(label) ? '总体' : /^年度/.test(label) ? '年度' : null;
}

export class ProjectTableRecogniser implements TableRecogniser {
  readonly name = 'project';
  private drafts: ProjectDraft[] = [];
  private draft: ProjectDraft | null = null;
  private mode: 'project' | 'indicators' = 'project';
  private section: Section | null = null;
  private indicatorCols: ColumnMap<GridField> = { fields: [] };
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
  /** Amount column heads of a 项目资金 block printed across (年度资金总额 | 其中：财政拨款 | 其他资金). */
  private fundCols: ColumnMap<ProjectLabel> | null = null;
  /** A two-row list header's first row, accepted by `starts`; its project columns until the second row ('repeat': skip it). */
  private listTopLine: Line | null = null;
  private listTop: ColumnMap<ProjectLabel> | 'repeat' | null = null;
  /** A 序号 column in the first row of a two-row list header (merged down): row numbers, not imported. */
  private listTopSeq: ColumnMap<GridField>['fields'] = [];
  /** The set the current grid holds, by its label (长期绩效指标 → 总体, 年度绩效指标 → 年度; '' = unlabelled). */
  private gridScope: '' | '总体' | '年度' = '';
  /** How many indicators the project had when the current grid's header was read (a sub-header comes before any row). */
  private draftStart = 0;
  /** A grid label on a row of its own, for the header row below it. */
  private pendingGrid: string | null = null;
  /** The project was opened by header rows above its 项目名称 row, which continues it. */
  private leadOpen = false;
  /** The lead row `starts` accepted (its family is decided like a 项目名称 row's). */
  private leadLine: Line | null = null;

  constructor(private ctx: ImportContext) {}

  outside(line: Line, active: TableRecogniser | null): 'close' | 'keep' | null {
    const ctx = this.ctx;
    // 填表人：… 联系电话：… 填报日期：… under a project table (one cell, or label and value in cells)
    if (FOOT_START.test(line.norms[0]) && ((active === this && this.mode === 'indicators') || (active === null && ctx.report.tables.at(-1)?.kind === 'project'))) {
      this.foot(line);
      return 'close';
    }
    if (line.cells.length !== 1) return null;
    const n = line.norms[0];
    if (NUMBER_LINE.test(n)) {
      ctx.report.mapped.push(`${line.row.sheet} 第 ${line.row.row} 行：表的编号「${line.cells[0].text.trim()}」不是表格内容，未导入`);
      return 'keep';
    }
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
   * The line under a table: 填表人/填报人 → the document's 填报人 (meta.preparer), 联系电话 → meta.phone;
   * 填报日期, 审核人, 单位负责人 have no field in a target table: a filled one is listed as unplaced.
   */
  private foot(line: Line): void {
    const { ctx } = this;
    const { cells, row } = line;
    const meta = ctx.doc.meta;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i].text;
      const marks = [...text.matchAll(FOOT_LABEL)];
      if (marks.length === 0 || marks[0].index !== text.search(/\S/)) { ctx.unplaced(row, cells[i], '填表人行中无法识别的单元格'); continue; }
      const cell = cells[i];
      marks.forEach((m, k) => {
        const end = k + 1 < marks.length ? marks[k + 1].index : text.length;
        let value = text.slice(m.index + m[0].length, end).trim();
        let at = cell;
        const next = cells[i + 1];
        if (value === '' && k === marks.length - 1 && next && !FOOT_START.test(normalizeLabel(next.text))) { value = next.text.trim(); at = next; i++; }
        const label = m[1] === '填表人' ? '填报人' : m[1] === '填表日期' ? '填报日期' : m[1];
        if (value === '') { ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：表下的「${m[1]}」未填写`); return; }
        const field = label === '填报人' ? 'preparer' : label === '联系电话' ? 'phone' : null;
        if (!field) { ctx.unplaced(row, { ...at, text: at === cell ? text.slice(m.index, end).trim() : value }, `${m[1]}没有对应的字段（绩效目标表不保存${m[1]}）`); return; }
        const had = meta[field];
        if (!had) { meta[field] = value; ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：${m[1]}「${value}」→ 文档的${label}`); }
        else if (had !== value) ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${m[1]}「${value}」与前面的「${had}」不同，已沿用前面的。`);
      });
    }
  }

  /**
   * A note printed on the national forms under the grid (注：1.绩效指标可选择填写…): the form's
   * instructions, not the project's content; said in the report. (Under a Hebei table a note is the
   * clerk's and stays in the unplaced list.)
   */
  private formNote(row: GridRow, cell: GridCell): void {
    this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：表下的填表说明「${cell.text.trim().slice(0, 40)}${cell.text.trim().length > 40 ? '…' : ''}」是表样文字，不是项目内容，未导入`);
  }

  starts(line: Line, _active: TableRecogniser | null, peek: (k: number) => Line | undefined): boolean {
    if (this.opensBeforeName(line, peek)) { this.leadLine = line; return true; }
    const next = peek(1);
    if (isListTop(line) && next && this.isIndicatorHeader(next.norms) && !next.norms.includes('项目名称')) { this.listTopLine = line; return true; }
    return this.startsProject(line.norms, line.cells[0].text) || this.isIndicatorHeader(line.norms);
  }

  private markNational(): void {
    this.nationalForm = true;
    this.forms.add('national-88-project');
  }

  /** Rows that open a new project table (not a repeated indicator header): the dispatcher decides their family. */
  opensProject(line: Line): boolean {
    if (line === this.leadLine) return true;
    if (this.leadOpen) return false; // the 项目名称 row under lead rows continues their project
    // (a list header again while its list is open is a repeat at a page break, not a new table)
    const listOpen = this.listCols !== null && this.draft !== null;
    if (line === this.listTopLine) return !listOpen;
    return this.startsProject(line.norms, line.cells[0].text) || (this.isIndicatorHeader(line.norms) && line.norms.includes('项目名称') && !listOpen);
  }

  /**
   * The first row of a two-row list header: `单位名称 | 项目名称 | 预算数 | 年度目标 | 绩效指标`, the
   * indicator columns (一级指标 …) in the row below, under 绩效指标.
   */
  private openListTop(line: Line, active: TableRecogniser | null): void {
    const { row, cells, norms } = line;
    this.listTopLine = null;
    if (active === this && this.listCols) {
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的表头（跨页），已跳过`);
      this.listTop = 'repeat';
      return;
    }
    const list: ColumnMap<ProjectLabel>['fields'] = [];
    this.listTopSeq = [];
    cells.forEach((c, k) => {
      const l = LIST_LABELS[norms[k]] ?? LIST_LABELS[headerKey(norms[k])];
      if (l) list.push({ field: l, from: c.col, to: c.col + c.span });
      else if (norms[k] === '序号') this.listTopSeq.push({ field: 'seq', from: c.col, to: c.col + c.span });
      else if (!GRID_SECTION.test(headerKey(norms[k]))) this.ctx.unplaced(row, c, '指标表头中无法识别的列');
    });
    this.close();
    this.nationalForm = true;
    this.forms.add('structured-project');
    this.listCols = { fields: list };
    this.listTop = this.listCols;
    this.indicatorCols = { fields: [] };
    this.scopeSplit = null;
    this.mode = 'indicators';
    this.lastLevel1 = ''; this.lastLevel2s = {};
  }

  /** `单位名称 | …` (and more lead rows), then within three rows 项目名称: the project starts here. */
  private opensBeforeName(line: Line, peek: (k: number) => Line | undefined): boolean {
    if (this.leadOpen || !isLeadRow(line)) return false;
    for (let k = 1; k <= 3; k++) {
      const l = peek(k);
      if (!l) return false;
      if (l.norms[0] === '项目名称' || l.norms[0] === '项目编码') return true;
      if (!isLeadRow(l)) return false;
    }
    return false;
  }

  private startsProject(norms: string[], first?: string): boolean {
    // (a list header — 单位名称 | 项目编码 | 项目名称 | … | 一级指标 … — is the grid's header, not a label row)
    if (this.isIndicatorHeader(norms)) return false;
    return norms[0] === '项目编码' || norms[0] === '项目名称' || (norms.includes('项目编码') && norms.includes('项目名称'))
      || (first !== undefined && /^\s*项目(名称|编码)\s*[:：]\s*\S/.test(first)); // `项目名称：…` in one cell
  }

  private isIndicatorHeader(norms: string[]): boolean {
    return norms.includes('一级指标') && (norms.includes('三级指标') || norms.includes('二级指标'));
  }

  open(line: Line, active: TableRecogniser | null): void {
    const { row, cells, norms } = line;
    if (line === this.leadLine || (this.startsProject(norms, cells[0].text) && !(this.leadOpen && active === this))) {
      this.listCols = null;
      this.openProject(row);
      this.leadOpen = line === this.leadLine;
      this.leadLine = null;
      this.mode = 'project';
      this.section = null;
      this.projectRow(row, cells);
      return;
    }
    if (this.startsProject(norms, cells[0].text)) { // 项目名称 under the lead rows
      this.leadOpen = false;
      this.projectRow(row, cells);
      return;
    }
    if (line === this.listTopLine) return this.openListTop(line, active);
    const fields: ColumnMap<GridField>['fields'] = [];
    const list: ColumnMap<ProjectLabel>['fields'] = [];
    const isList = norms.includes('项目名称');
    const first = norms.indexOf('一级指标');
    // 指标内容 is the 三级指标 of forms that have no 三级指标 column, else its description.
    const content: GridField = norms.includes('三级指标') ? 'description' : 'name';
    const seen = new Set<GridField>();
    let split: number | null = null;
    cells.forEach((c, k) => {
      const n = gridField(norms[k]) || norms[k] === '指标内容' ? norms[k] : headerKey(norms[k]);
      const f = n === '指标内容' ? content : gridField(n);
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
    if (fields.some((f) => f.field === 'midValue')) this.markNational(); // 中期指标值 | 年度指标值
    if (fields.some((f) => f.field === 'seq')) this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：「序号」列是行号，不导入`);
    // The second row of a two-row list header: the indicator columns under 绩效指标.
    if (this.listTop !== null && active === this) {
      const top = this.listTop;
      this.listTop = null;
      if (top === 'repeat') { this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的表头（跨页），已跳过`); return; }
      this.indicatorCols = { fields: [...this.listTopSeq, ...fields] };
      if (this.listTopSeq.length) this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：「序号」列是行号，不导入`);
      this.listCols = top;
      return;
    }
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
    // 长期绩效指标 / 年度绩效指标: which set the grid holds (the label merged down the first column, or a row above)
    const labelled = cells.find((c, k) => k < first && GRID_SECTION.test(headerKey(norms[k])));
    const scope = gridScopeOf(labelled ? headerKey(normalizeLabel(labelled.text)) : this.pendingGrid ?? '');
    this.pendingGrid = null;
    if (active === this && this.mode === 'indicators' && this.draft && (scope === null || scope === this.gridScope)) {
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的指标表头（跨页），已跳过`);
      return;
    }
    if (!this.draft || active !== this) {
      this.openProject(row);
      this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标表前没有项目编码等信息，已作为一个新项目导入。`);
    }
    this.gridScope = scope ?? '';
    this.draftStart = this.draft!.project.indicators.length;
    this.lastLevel1 = '';
    this.lastLevel2s = {};
    this.mode = 'indicators';
  }

  take(line: Line): void {
    const { row, cells, norms } = line;
    if (cells.length === 1 && FORM_NOTE.test(cells[0].text) && this.nationalForm) { this.formNote(row, cells[0]); return; }
    // `长期绩效指标` on a row of its own: the label of the grid whose header follows
    if (cells.length === 1 && gridScopeOf(headerKey(norms[0])) && GRID_SECTION.test(headerKey(norms[0]))) { this.pendingGrid = headerKey(norms[0]); return; }
    if (this.mode === 'indicators') {
      if (/^(合计|总计|小计)$/.test(norms[0])) { for (const c of cells) this.ctx.unplaced(row, c, '合计行（合计由软件计算，不导入）'); return; }
      if (cells.length === 1 && cells[0].span >= 3) { this.ctx.unplaced(row, cells[0], '指标表中跨整行的说明文字，没有对应的字段'); return; }
      if (this.listCols) { this.listRow(row, cells); return; }
      if (this.splitsValueColumn(row, cells, norms)) return;
      this.indicatorRow(row, cells);
    } else this.projectRow(row, cells);
  }

  /**
   * `指标值` over two columns, `中期 | 年度` (or 中期指标值 | 年度指标值) in the row below: the grid has both
   * sets (scope 总体 and 年度), as with 中期指标值 | 年度指标值 in one header row.
   */
  private splitsValueColumn(row: GridRow, cells: GridCell[], norms: string[]): boolean {
    const value = this.indicatorCols.fields.find((f) => f.field === 'value');
    if (!value || value.to - value.from < 2 || this.draft?.project.indicators.length !== this.draftStart) return false;
    const heads = norms.map((n): GridField | null => (/^(中期|总体|长期)(指标值|目标值)?$/.test(n) ? 'midValue' : /^年度(指标值|目标值)?$/.test(n) ? 'value' : null));
    if (heads.some((h) => h === null) || !heads.includes('midValue') || cells.some((c) => c.col < value.from || c.col + c.span > value.to)) return false;
    const others = this.indicatorCols.fields.filter((f) => f !== value);
    this.indicatorCols = { fields: [...others, ...cells.map((c, k) => ({ field: heads[k]!, from: c.col, to: c.col + c.span }))] };
    this.markNational();
    this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：指标值分为「${cells.map((c) => c.text.trim()).join('」「')}」两列（中期和年度指标）`);
    return true;
  }

  close(): void {
    if (this.draft) this.drafts.push(this.draft);
    this.draft = null;
    this.section = null;
    this.leadOpen = false;
    this.gridScope = '';
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
    const d: ProjectDraft = { project: newProject(ctx.doc.meta.templateId), heading: ctx.pendingHeading?.text ?? '', labels: [], scheduleValues: [], table, unit: ctx.currentUnit, yearGrid: [], filled: {} };
    d.project.schedule = [];
    ctx.pendingHeading = null;
    this.draft = d;
    if (!this.listCols) this.nationalForm = false;
  }

  private projectRow(row: GridRow, given: GridCell[]): void {
    const ctx = this.ctx;
    const cells = given.flatMap(splitLabelValue);
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
      // 项目资金（万元） / 资金情况 and 总体目标 blocks are the 88号 form's (Hebei prints 预算规模及资金用途, 绩效目标)
      if (sec === 'funds' || sec === 'overall') this.markNational();
    }
    const norms = cells.map((c) => normalizeLabel(c.text));
    // 年度资金总额 | 其中：财政拨款 | 其他资金 as column heads, the amounts in the row below
    const heads = norms.slice(i).map((n) => projectLabel(n));
    if (heads.length >= 2 && heads.every((h) => h !== undefined && AMOUNT_LABELS[h] !== undefined)) {
      this.section = 'funds';
      this.markNational();
      this.fundCols = { fields: cells.slice(i).map((c, k) => ({ field: heads[k]!, from: c.col, to: c.col + c.span })) };
      return;
    }
    if (this.fundCols && !sec && this.section === 'funds' && norms.every((n) => projectLabel(n) === undefined)) {
      for (const c of cells) {
        const f = fieldAt(this.fundCols, c.col);
        if (!f) { ctx.unplaced(row, c, '项目资金行中找不到对应的列'); continue; }
        (p as Record<string, unknown>)[f] = ctx.amount(c.text, row, c, AMOUNT_LABELS[f]!);
      }
      this.fundCols = null;
      return;
    }
    this.fundCols = null;
    if (norms.includes('中期资金总额') && norms.includes('年度资金总额')) this.yearCol = cells[norms.indexOf('年度资金总额')].col;
    for (; i < cells.length; i++) {
      let label = projectLabel(norms[i]);
      const mid = label && this.yearCol !== null && cells[i].col < this.yearCol ? MID_TERM[label] : undefined;
      if (mid) label = mid;
      if (label && sectionOf(normalizeLabel(cells[i].text)) === null) {
        const next = cells[i + 1];
        const hasValue = next && !projectLabel(normalizeLabel(next.text)) && sectionOf(normalizeLabel(next.text)) === null;
        const value = hasValue ? next.text : '';
        const labelCell = cells[i], labelNorm = norms[i];
        if (hasValue) i++;
        const what = AMOUNT_LABELS[label];
        if (label === 'managerPhone') {
          // 项目负责人 | 蒋建华 | 联系电话 | …: the model's field is 项目负责人及电话
          if (!isBlank(value)) {
            p.manager = p.manager ? `${p.manager} ${value.trim()}` : value.trim();
            ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：联系电话「${value.trim()}」接在项目负责人之后（项目负责人及电话）`);
          }
        } else if (what) (p as Record<string, unknown>)[label] = isBlank(value) ? '' : ctx.amount(value, row, next, what);
        else if (d.filled[label] && d.filled[label] !== labelNorm && !isBlank(value) && !isBlank(String((p as Record<string, unknown>)[label] ?? ''))) {
          // two labels of one field (项目类别 and 项目性质 → 项目属性): the first is kept, the second is not dropped silently
          ctx.unplaced(row, next, `${labelCell.text.trim()}：文档中只有一个对应字段，已取自「${d.filled[label]}」`);
        } else { (p as Record<string, unknown>)[label] = value; d.filled[label] = labelNorm; }
        if (label === 'purpose') this.section = null;
        if (NATIONAL_LABELS.has(label) || NATIONAL_SPELLINGS.has(labelNorm)) this.markNational();
        continue;
      }
      rest.push(cells[i]);
    }
    // 总体目标 | 中期目标（…） | 年度目标: the goal columns; the texts follow in the next row.
    const goalHeads = rest.map((c) => goalHead(normalizeLabel(c.text)));
    if ((sec === 'goal' || sec === 'overall') && rest.length > 0 && goalHeads.every((g) => g !== null)) {
      // `总体目标 | 年度目标` side by side are both column heads; `总体目标 | 中期目标 | 年度目标`: the first is the label
      const heads = sec === 'overall' && !goalHeads.includes('overallGoal') ? [cells[0], ...rest] : rest;
      this.goalCols = { fields: heads.map((c) => ({ field: goalHead(normalizeLabel(c.text))!, from: c.col, to: c.col + c.span })) };
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
    if (sec === 'funds' || (this.section === 'funds' && rest.length)) {
      // 财政拨款 by level (其中：中央补助 | 省级补助 | 市县安排): the model keeps the fiscal total only
      const level = rest.length > 0 && FUND_LEVEL.test(normalizeLabel(rest[0].text));
      const why = level ? `财政拨款按级次的拆分「${rest[0].text.trim()}」在文档中没有对应的字段（财政拨款只记合计）` : '项目资金行中无法识别的单元格';
      for (const c of rest) ctx.unplaced(row, c, why);
      return;
    }
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
    // 中期指标值 | 年度指标值 columns (Anhui): one indicator per filled value, scope 总体 and 年度
    if (this.indicatorCols.fields.some((f) => f.field === 'midValue')) {
      const filled = (f: GridField) => cells.some((c) => fieldAt(this.indicatorCols, c.col) === f && !isBlank(c.text));
      const mid = filled('midValue');
      if (mid) this.addIndicator(row, cells, '总体', 'midValue');
      if (filled('value') || !mid) this.addIndicator(row, cells, '年度', 'value', mid);
      return;
    }
    if (split === null) { this.addIndicator(row, cells, ''); return; }
    const first = cells.filter((c) => c.col < split);
    const level1 = first.filter((c) => fieldAt(this.indicatorCols, c.col) === 'level1');
    const second = cells.filter((c) => c.col >= split);
    const filled = (cs: GridCell[]) => cs.some((c) => fieldAt(this.indicatorCols, c.col) !== 'level1' && !isBlank(c.text));
    if (filled(first) || !filled(second)) this.addIndicator(row, first, '总体');
    else if (level1.length) this.lastLevel1 = splitWeightLabel(levelName(this.ctx, level1[0].text)).name || levelName(this.ctx, level1[0].text); // the 一级 cell of a row with 年度 only
    if (filled(second)) this.addIndicator(row, [...level1, ...second], '年度');
  }

  /**
   * One indicator from a row's cells. In a grid with 中期指标值 and 年度指标值 columns, `valueFrom`
   * says which of them is this indicator's 指标值 (the row gives two; `again` for the second).
   */
  private addIndicator(row: GridRow, cells: GridCell[], scope: '' | '总体' | '年度', valueFrom?: 'value' | 'midValue', again = false): void {
    const d = this.draft!;
    const p = d.project;
    const vals: Partial<Record<GridField, string>> = {};
    const partCells: Partial<Record<PartField, { text: string; cell: GridCell }>> = {};
    for (const c of cells) {
      let f = fieldAt(this.indicatorCols, c.col);
      if (!f) { if (!again) this.ctx.unplaced(row, c, '指标表中不属于任何列'); continue; }
      if (f === 'seq') { if (!/^\s*[0-9０-９]+[.、．]?\s*$/.test(c.text) && !again) this.ctx.unplaced(row, c, '序号列中不是序号'); continue; }
      if (valueFrom && (f === 'value' || f === 'midValue')) { if (f !== valueFrom) continue; f = 'value'; }
      // 三级指标 spanning two grid columns: a second cell inside it is the unlabelled description (as in self-evaluations)
      if (f === 'name' && vals.name !== undefined && !this.indicatorCols.fields.some((x) => x.field === 'description')) f = 'description';
      if (f in PART_FIELDS) partCells[f as PartField] = { text: c.text, cell: c };
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
    }
    const has = (f: GridField) => this.indicatorCols.fields.some((x) => x.field === f);
    const key = ['level1', 'level2', 'name', 'value', 'operator', 'unit'] as const;
    if (key.every((k) => isBlank(vals[k] ?? '')) && p.indicators.length > 0 && !valueFrom) {
      // Page-break continuation: append description / basis to the previous indicator.
      const last = p.indicators[p.indicators.length - 1];
      if (vals.description) last.description += vals.description;
      if (vals.basis) last.basis += vals.basis;
      this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：内容接在上一条指标之后（跨页拆开的行）。`);
      return;
    }
    const cellOf = (f: GridField) => (again ? undefined : cells.find((c) => fieldAt(this.indicatorCols, c.col) === f));
    let level1 = targetLevelName(this.ctx, row, cellOf('level1'), vals.level1 ?? '', '一级指标');
    let level2 = targetLevelName(this.ctx, row, cellOf('level2'), vals.level2 ?? '', '二级指标');
    // (the 二级 cell is carried per half of a side-by-side grid; one 二级 column serves both scopes)
    const carry = valueFrom ? '' : scope;
    if (isBlank(level1)) { level1 = this.lastLevel1; if (isBlank(level2)) level2 = this.lastLevel2s[carry] ?? ''; }
    this.lastLevel1 = level1;
    this.lastLevel2s[carry] = level2;
    // A structured table (指标性质/度量单位 columns): 指标值 is the number, the one-cell value their join.
    // A 计量单位 column alone (an 88号 form with the unit apart) does not make the structured form.
    const structured = has('operator') || has('unit');
    if (has('operator') || has('weight') || has('direction')) this.forms.add('structured-project');
    const { parts, joined } = readParts(this.ctx, row, partCells, vals.value, structured);
    if (has('remark')) parts.remark ??= '';
    if (has('scoring')) parts.scoring ??= '';
    const ind = newProjectIndicator({
      level1, level2, name: vals.name ?? '', description: vals.description ?? '', value: joined ?? vals.value ?? '', basis: vals.basis ?? '', ...parts, ...(scope ? { scope } : {}),
    });
    if (!scope && this.gridScope === '总体') ind.scope = '总体';
    if (!scope && this.gridScope === '年度') d.yearGrid.push(ind);
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
      // both sets printed as two grids (长期绩效指标, 年度绩效指标): the 年度 grid's indicators get their scope
      if (d.yearGrid.length && p.indicators.some((i) => i.scope === '总体')) for (const i of d.yearGrid) i.scope ??= '年度';
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
