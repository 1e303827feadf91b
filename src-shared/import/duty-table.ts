// The 部门职责-工作活动绩效目标 table: a header (职责活动 … 评价标准, then 优/良/中/差), then duty and
// activity rows told apart by indentation and numbering, each with its indicators below it.
import { newActivity, newDuty, newDutyIndicator, stripNumbering, type Activity, type Duty, type DutyIndicator } from '../model';
import type { GridCell, GridRow } from './grid';
import { fieldAt, isBlank, type ColumnMap, type ImportContext, type Line, type TableRecogniser } from './context';
import type { FoundTable } from './types';

type DutyField = 'title' | 'budget' | 'description' | 'goal' | 'indicator' | 'b0' | 'b1' | 'b2' | 'b3';

const DUTY_HEADERS: Record<string, DutyField> = {
  职责活动: 'title', 部门职责活动: 'title', '职责/活动': 'title', 职责: 'title', 年度预算数: 'budget', 预算数: 'budget',
  内容描述: 'description', 绩效目标: 'goal', 绩效指标: 'indicator', 评价标准: 'b0',
};
/** 职责活动 in its spellings: 部门职责-工作活动, 职责/活动, 职责活动名称 … */
const TITLE_HEADER = /^(部门)?职责[-—–/、]?(工作)?活动(名称)?$/;
function dutyHeaderField(norm: string): DutyField | undefined {
  return TITLE_HEADER.test(norm) ? 'title' : DUTY_HEADERS[norm];
}
const BAND_HEADERS: Record<string, DutyField> = { 优: 'b0', 良: 'b1', 中: 'b2', 差: 'b3' };

type PrefixKind = 'cn' | 'digit' | 'paren' | 'none';
function prefixKind(prefix: string): PrefixKind {
  if (!prefix) return 'none';
  if (/^[（(]/.test(prefix)) return 'paren';
  if (/^\d/.test(prefix)) return 'digit';
  return 'cn';
}

export class DutyTableRecogniser implements TableRecogniser {
  readonly name = 'duty';
  private cols: ColumnMap<DutyField> = { fields: [] };
  private table: FoundTable | null = null;
  private duty: Duty | null = null;
  private activity: Activity | null = null;
  private lastIndicator: DutyIndicator | null = null;
  private dutyPrefixKind: PrefixKind | null = null;

  constructor(private ctx: ImportContext) {}

  outside(line: Line, active: TableRecogniser | null): 'close' | 'keep' | null {
    if (line.cells.length !== 1) return null;
    const n = line.norms[0];
    const text = line.cells[0].text;
    if (/职责.?工作活动绩效目标(表)?$/.test(n) || n === '部门职责-工作活动绩效目标表') {
      this.ctx.noteYear(text);
      this.ctx.report.mapped.push(`标题「${text.trim()}」（${line.row.sheet} 第 ${line.row.row} 行）`);
      return 'close';
    }
    const beforeProjects = active === null && this.table && !this.ctx.report.tables.some((t) => t.kind !== 'duty');
    if (/^\s*(备注|注)[:：]/.test(text) && (active === this || beforeProjects)) {
      // The exporters add the 备注： label; the document stores the note without it.
      this.ctx.doc.dutyTable.note = text.replace(/^\s*备注[:：]\s*/, '');
      this.ctx.report.mapped.push(`备注（${line.row.sheet} 第 ${line.row.row} 行）→ 职责活动表备注`);
      return 'close';
    }
    return null;
  }

  starts(line: Line): boolean {
    const { norms } = line;
    return norms.some((n) => TITLE_HEADER.test(n)) && (norms.includes('绩效指标') || norms.includes('内容描述') || norms.includes('评价标准'));
  }

  /** The header row (repeated at page breaks → skipped). */
  open(line: Line, active: TableRecogniser | null): void {
    const { row, cells, norms } = line;
    const fields: ColumnMap<DutyField>['fields'] = [];
    cells.forEach((c, k) => {
      const f = dutyHeaderField(norms[k]);
      if (!f) { this.ctx.unplaced(row, c, '职责活动表头中无法识别的列'); return; }
      // 评价标准 spanning the four band columns: split it until the 优/良/中/差 row says otherwise.
      if (f === 'b0' && c.span >= 4) {
        for (let b = 0; b < 4; b++) fields.push({ field: `b${b}` as DutyField, from: c.col + b * Math.floor(c.span / 4), to: c.col + (b + 1) * Math.floor(c.span / 4) + (b === 3 ? c.span % 4 : 0) });
      } else fields.push({ field: f, from: c.col, to: c.col + c.span });
    });
    this.cols = { fields };
    if (active === this && this.table) { this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的职责活动表头（跨页），已跳过`); return; }
    if (!this.table) {
      this.table = { kind: 'duty', sheet: row.sheet, startRow: row.row, duties: 0, activities: 0, indicators: 0 };
      this.ctx.report.tables.push(this.table);
    } else {
      this.ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：职责活动表的续表，并入同一张表`);
    }
    this.ctx.dropHeading('职责活动表');
  }

  take(line: Line): void {
    const { row, cells, norms } = line;
    if (cells.length >= 2 && cells.every((_, k) => BAND_HEADERS[norms[k]])) {
      const bandFields = cells.map((c, k) => ({ field: BAND_HEADERS[norms[k]], from: c.col, to: c.col + c.span }));
      this.cols = { fields: [...this.cols.fields.filter((f) => !/^b\d$/.test(f.field)), ...bandFields] };
      return;
    }
    if (/^(合计|总计|小计)$/.test(norms[0])) {
      for (const c of cells) this.ctx.unplaced(row, c, '合计行（合计由软件计算，不导入）');
      return;
    }
    this.dutyRow(row, cells);
  }

  close(): void { /* rows after another table's start never continue this one */ }
  finish(): void { /* duties are pushed into the document as they are read */ }

  private dutyRow(row: GridRow, cells: GridCell[]): void {
    const ctx = this.ctx;
    const table = this.table!;
    const vals: Partial<Record<DutyField, string>> = {};
    const cellOf: Partial<Record<DutyField, GridCell>> = {};
    for (const c of cells) {
      const f = fieldAt(this.cols, c.col);
      if (!f) { ctx.unplaced(row, c, '职责活动表中不属于任何列'); continue; }
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
      cellOf[f] ??= c;
    }
    const bands = (['b0', 'b1', 'b2', 'b3'] as const).map((b) => vals[b] ?? '') as [string, string, string, string];
    const hasIndicator = vals.indicator !== undefined || bands.some((b) => b !== '');
    const title = vals.title ?? '';
    if (!isBlank(title)) {
      const { prefix, rest } = stripNumbering(title);
      const indented = /^[\s\u3000]/.test(title);
      // Duty vs activity: indentation, then the prefix kind the first duty used, then the kind itself
      // (一、 duty; 1、/1. activity; （一） one level below 一、), then "rows with indicators are activities".
      const kind = prefixKind(prefix);
      let isDuty: boolean;
      if (indented) isDuty = false;
      else if (kind !== 'none' && this.dutyPrefixKind !== null && kind === this.dutyPrefixKind) isDuty = true;
      else if (kind === 'cn') isDuty = true;
      else if (kind === 'digit') isDuty = false;
      else if (kind === 'paren') isDuty = !this.duty;
      else isDuty = !hasIndicator;
      if (isDuty && this.dutyPrefixKind === null && kind !== 'none') this.dutyPrefixKind = kind;
      const fields = {
        title: rest,
        budget: vals.budget !== undefined ? ctx.amount(vals.budget, row, cellOf.budget!, '年度预算数') : '',
        description: vals.description ?? '',
        goal: vals.goal ?? '',
      };
      this.lastIndicator = null;
      if (isDuty) {
        this.duty = newDuty(fields);
        ctx.doc.dutyTable.duties.push(this.duty);
        this.activity = null;
        table.duties = (table.duties ?? 0) + 1;
      } else {
        if (!this.duty) {
          this.duty = newDuty();
          ctx.doc.dutyTable.duties.push(this.duty);
          ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：工作活动「${rest}」之前没有职责，已放入一个无标题的职责。`);
        }
        this.activity = newActivity(fields);
        this.duty.activities.push(this.activity);
        table.activities = (table.activities ?? 0) + 1;
      }
      if (hasIndicator) {
        this.lastIndicator = newDutyIndicator({ name: vals.indicator ?? '', bands });
        (this.activity ?? this.duty).indicators.push(this.lastIndicator);
        table.indicators++;
      }
      return;
    }
    const owner = this.activity ?? this.duty;
    if (!owner) { for (const c of cells) ctx.unplaced(row, c, '职责活动表中，此行之前没有职责或活动'); return; }
    if (!isBlank(vals.indicator ?? '')) {
      this.lastIndicator = newDutyIndicator({ name: vals.indicator!, bands });
      owner.indicators.push(this.lastIndicator);
      table.indicators++;
      this.appendSplit(owner, vals, row, cellOf);
      return;
    }
    // Key cells empty but others carry text: the rest of a row split by a page break → append.
    this.appendSplit(owner, vals, row, cellOf);
    if (bands.some((b) => b !== '')) {
      if (this.lastIndicator) {
        this.lastIndicator.bands = this.lastIndicator.bands.map((b, i) => b + bands[i]) as [string, string, string, string];
        ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：评价标准接在上一行之后（跨页拆开的行）。`);
      } else {
        this.lastIndicator = newDutyIndicator({ name: '', bands });
        owner.indicators.push(this.lastIndicator);
        table.indicators++;
      }
    }
  }

  private appendSplit(owner: Duty | Activity, vals: Partial<Record<DutyField, string>>, row: GridRow, cellOf: Partial<Record<DutyField, GridCell>>): void {
    const ctx = this.ctx;
    for (const f of ['description', 'goal'] as const) {
      if (!isBlank(vals[f] ?? '')) {
        owner[f] += vals[f];
        ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：「${vals[f]}」接在上一行的${f === 'description' ? '内容描述' : '绩效目标'}之后（跨页拆开的行）。`);
      }
    }
    if (!isBlank(vals.budget ?? '')) {
      if (owner.budget === '') owner.budget = ctx.amount(vals.budget!, row, cellOf.budget!, '年度预算数');
      else ctx.unplaced(row, cellOf.budget!, '年度预算数已填写，这一行又给出一个金额');
    }
  }
}
