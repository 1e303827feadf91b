// The 项目绩效目标表: a heading (`1、…绩效目标表`), the upper block (项目编码/名称, 预算规模及资金用途,
// 资金支出计划, 绩效目标) as label/value rows, then the indicator table (一级 … 指标值确定依据) whose
// header may repeat at page breaks.
import { getTemplate, newProject, newProjectIndicator, stripNumbering, type MoneyUnit, type Project } from '../model';
import type { GridCell, GridRow } from './grid';
import { fieldAt, isBlank, normalizeLabel, type ColumnMap, type ImportContext, type Line, type TableRecogniser } from './context';
import type { FoundTable } from './types';

type IndicatorField = 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis';
const INDICATOR_HEADERS: Record<string, IndicatorField> = {
  一级指标: 'level1', 二级指标: 'level2', 三级指标: 'name', 绩效指标描述: 'description', 指标描述: 'description',
  指标解释: 'description', 指标值: 'value', 指标值确定依据: 'basis', 确定依据: 'basis', 指标值设定依据: 'basis', 设定依据: 'basis',
};
type ProjectLabel = 'code' | 'name' | 'budget' | 'fiscal' | 'other' | 'purpose';
const PROJECT_LABELS: Record<string, ProjectLabel> = {
  项目编码: 'code', 项目名称: 'name', 预算数: 'budget', 其中财政资金: 'fiscal', 财政资金: 'fiscal', 其他资金: 'other', 资金用途: 'purpose',
};
type Section = 'budget' | 'schedule' | 'goal';
function sectionOf(label: string): Section | null {
  if (label === '预算规模及资金用途' || label === '预算规模') return 'budget';
  if (label.startsWith('资金支出计划')) return 'schedule';
  if (label === '绩效目标' || label === '年度绩效目标') return 'goal';
  return null;
}

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
  private lastLevel2 = '';

  constructor(private ctx: ImportContext) {}

  outside(line: Line): 'close' | 'keep' | null {
    if (line.cells.length !== 1) return null;
    const n = line.norms[0];
    if (n.endsWith('绩效目标表') && !n.startsWith('一级指标')) {
      const ctx = this.ctx;
      if (ctx.pendingHeading) ctx.report.warnings.push(`标题「${ctx.pendingHeading.text.trim()}」后面没有项目表，未使用。`);
      ctx.pendingHeading = { text: line.cells[0].text, row: line.row };
      ctx.noteYear(line.cells[0].text);
      return 'close';
    }
    return null;
  }

  starts(line: Line): boolean {
    return this.startsProject(line.norms) || this.isIndicatorHeader(line.norms);
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
      this.openProject(row);
      this.mode = 'project';
      this.section = null;
      this.projectRow(row, cells);
      return;
    }
    const fields: ColumnMap<IndicatorField>['fields'] = [];
    cells.forEach((c, k) => {
      const f = INDICATOR_HEADERS[norms[k]];
      if (f) fields.push({ field: f, from: c.col, to: c.col + c.span });
      else this.ctx.unplaced(row, c, '指标表头中无法识别的列');
    });
    this.indicatorCols = { fields };
    if (active === this && this.mode === 'indicators' && this.draft) {
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的指标表头（跨页），已跳过`);
      return;
    }
    if (!this.draft || active !== this) {
      this.openProject(row);
      this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标表前没有项目编码等信息，已作为一个新项目导入。`);
    }
    this.lastLevel1 = '';
    this.lastLevel2 = '';
    this.mode = 'indicators';
  }

  take(line: Line): void {
    const { row, cells, norms } = line;
    if (this.mode === 'indicators') {
      if (/^(合计|总计|小计)$/.test(norms[0])) { for (const c of cells) this.ctx.unplaced(row, c, '合计行（合计由软件计算，不导入）'); return; }
      if (cells.length === 1 && cells[0].span >= 3) { this.ctx.unplaced(row, cells[0], '指标表中跨整行的说明文字，没有对应的字段'); return; }
      this.indicatorRow(row, cells);
    } else this.projectRow(row, cells);
  }

  close(): void {
    if (this.draft) this.drafts.push(this.draft);
    this.draft = null;
    this.section = null;
  }

  private openProject(row: GridRow): void {
    this.close();
    const ctx = this.ctx;
    const table: FoundTable = { kind: 'project', sheet: row.sheet, startRow: row.row, indicators: 0 };
    ctx.report.tables.push(table);
    const d: ProjectDraft = { project: newProject(ctx.doc.meta.templateId), heading: ctx.pendingHeading?.text ?? '', labels: [], scheduleValues: [], table, unit: ctx.currentUnit };
    d.project.schedule = [];
    ctx.pendingHeading = null;
    this.draft = d;
  }

  private projectRow(row: GridRow, cells: GridCell[]): void {
    const ctx = this.ctx;
    const d = this.draft!;
    const p = d.project;
    let i = 0;
    const first = normalizeLabel(cells[0].text);
    const sec = sectionOf(first);
    const rest: GridCell[] = [];
    if (sec) { this.section = sec; i = 1; }
    for (; i < cells.length; i++) {
      const label = PROJECT_LABELS[normalizeLabel(cells[i].text)];
      if (label && sectionOf(normalizeLabel(cells[i].text)) === null) {
        const next = cells[i + 1];
        const hasValue = next && !PROJECT_LABELS[normalizeLabel(next.text)] && sectionOf(normalizeLabel(next.text)) === null;
        const value = hasValue ? next.text : '';
        if (hasValue) i++;
        if (label === 'budget' || label === 'fiscal' || label === 'other') p[label] = isBlank(value) ? '' : ctx.amount(value, row, next, label === 'budget' ? '预算数' : label === 'fiscal' ? '财政资金' : '其他资金');
        else p[label] = value;
        if (label === 'purpose') this.section = null;
        continue;
      }
      rest.push(cells[i]);
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
    for (const c of rest) ctx.unplaced(row, c, '项目表中无法识别的单元格');
  }

  private indicatorRow(row: GridRow, cells: GridCell[]): void {
    const d = this.draft!;
    const p = d.project;
    const vals: Partial<Record<IndicatorField, string>> = {};
    for (const c of cells) {
      const f = fieldAt(this.indicatorCols, c.col);
      if (!f) { this.ctx.unplaced(row, c, '指标表中不属于任何列'); continue; }
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
    }
    const key = ['level1', 'level2', 'name', 'value'] as const;
    if (key.every((k) => isBlank(vals[k] ?? '')) && p.indicators.length > 0) {
      // Page-break continuation: append description / basis to the previous indicator.
      const last = p.indicators[p.indicators.length - 1];
      if (vals.description) last.description += vals.description;
      if (vals.basis) last.basis += vals.basis;
      this.ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：内容接在上一条指标之后（跨页拆开的行）。`);
      return;
    }
    let level1 = vals.level1 ?? '';
    let level2 = vals.level2 ?? '';
    if (isBlank(level1)) { level1 = this.lastLevel1; if (isBlank(level2)) level2 = this.lastLevel2; }
    this.lastLevel1 = level1;
    this.lastLevel2 = level2;
    p.indicators.push(newProjectIndicator({ level1, level2, name: vals.name ?? '', description: vals.description ?? '', value: vals.value ?? '', basis: vals.basis ?? '' }));
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
    const templateId = level1s.has('成本指标') || anyLabels.includes('9月底') ? 'national-2021' : 'hebei-2020';
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
