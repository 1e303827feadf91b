// The one recogniser: walks the grid rows of any source (Word tables and paragraphs, Excel sheets)
// and finds the duty table and the project tables wherever they start and however many there are.
// Headers are matched on a normalized spelling (NFKC, no spaces, no colons); cell text is kept
// exactly, except the numbering prefix and indentation of duty/activity titles, lifted into structure.
// Every non-empty cell ends up in the document, in a recognised header/label, or in `unplaced`.
import {
  convertAmount, getTemplate, newActivity, newDocument, newDuty, newDutyIndicator, newProject, newProjectIndicator,
  parseAmount, splitOrgLine, stripNumbering,
  type Activity, type Duty, type DutyIndicator, type JixiaoDocument, type MoneyUnit, type Project,
} from '../model';
import type { GridCell, GridRow, GridStream } from './grid';
import type { FoundTable, ImportReport, UnplacedCell } from './types';

/** For matching only: full-width → half-width, no whitespace, no colons. */
export function normalizeLabel(s: string): string {
  // Labels and headings are short; long cell text is never matched, so skip the NFKC cost.
  if (s.length > 200) return s;
  return s.normalize('NFKC').replace(/[\s:：]+/g, '');
}

const isBlank = (s: string) => s.trim() === '';

type DutyField = 'title' | 'budget' | 'description' | 'goal' | 'indicator' | 'b0' | 'b1' | 'b2' | 'b3';
type IndicatorField = 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis';

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

const UNIT_CELL = /^单位(万元|元)$/;
const ORG_LINE = /^\s*\d{3,12}\s*[\u4e00-\u9fff]{2,}/;
const YEAR = /((?:19|20)\d{2})\s*年/;

type PrefixKind = 'cn' | 'digit' | 'paren' | 'none';
function prefixKind(prefix: string): PrefixKind {
  if (!prefix) return 'none';
  if (/^[（(]/.test(prefix)) return 'paren';
  if (/^\d/.test(prefix)) return 'digit';
  return 'cn';
}

interface ColumnMap<F> { fields: { field: F; from: number; to: number }[] }

function fieldAt<F>(map: ColumnMap<F>, col: number): F | null {
  for (const f of map.fields) if (col >= f.from && col < f.to) return f.field;
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

/** Document properties (docProps/core.xml), used only when the tables themselves name no year. */
export interface SourceHints { title?: string; created?: string; creator?: string }

export function recognise(stream: GridStream, fileName: string, hints: SourceHints = {}): { document: JixiaoDocument; report: ImportReport } {
  const report: ImportReport = { format: stream.format, fileName, tables: [], mapped: [], warnings: [], unplaced: [] };
  const doc = newDocument();
  const unplaced = (row: GridRow, cell: GridCell, reason: string) =>
    report.unplaced.push({ sheet: row.sheet, row: row.row, column: cell.col + 1, text: cell.text, reason } satisfies UnplacedCell);
  for (const s of stream.stray) report.unplaced.push({ ...s });
  report.warnings.push(...(stream.warnings ?? []));

  let docUnit: MoneyUnit | null = null;
  let currentUnit: MoneyUnit = '万元';
  let orgSeen = '';
  const years: number[] = [];
  let pendingHeading: { text: string; row: GridRow } | null = null;
  let mode: 'none' | 'duty' | 'project' | 'indicators' = 'none';

  // Duty table state.
  let dutyCols: ColumnMap<DutyField> = { fields: [] };
  let dutyTable: FoundTable | null = null;
  let duty: Duty | null = null;
  let activity: Activity | null = null;
  let lastIndicator: DutyIndicator | null = null;
  let dutyPrefixKind: PrefixKind | null = null;

  // Project state.
  const drafts: ProjectDraft[] = [];
  let draft: ProjectDraft | null = null;
  let section: Section | null = null;
  let indicatorCols: ColumnMap<IndicatorField> = { fields: [] };
  let scheduleLabelCells: GridCell[] = [];

  const amount = (text: string, row: GridRow, cell: GridCell, what: string): string => {
    // `6123.00万元` in a 万元 table: the unit repeated in the cell is not part of the number.
    const a = parseAmount(text.trim().endsWith(currentUnit) && !(currentUnit === '元' && text.trim().endsWith('万元')) ? text.trim().slice(0, -currentUnit.length) : text);
    if (a === null) {
      unplaced(row, cell, `${what}不是数字`);
      report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}「${text}」不是数字，未填入，已列入未能放置的单元格。`);
      return '';
    }
    if (docUnit && currentUnit !== docUnit && a !== '') return convertAmount(a, currentUnit, docUnit);
    return a;
  };

  const noteOrg = (raw: string) => {
    // `编制单位：涞水县…` — the label is not part of the name.
    const text = raw.replace(/^\s*(编制|填报|预算)?单位(名称)?[:：]\s*/, '');
    if (!orgSeen) {
      orgSeen = text;
      const { deptCode, deptName } = splitOrgLine(text);
      doc.meta.deptCode = deptCode;
      doc.meta.deptName = deptName;
      report.mapped.push(`单位行「${text.trim()}」→ 部门编码「${deptCode}」、部门名称「${deptName}」`);
    } else if (normalizeLabel(text) !== normalizeLabel(orgSeen)) {
      report.warnings.push(`发现不同的单位行「${text.trim()}」，已沿用第一个「${orgSeen.trim()}」。`);
    }
  };

  const noteUnit = (unit: MoneyUnit, row: GridRow) => {
    currentUnit = unit;
    if (!docUnit) {
      docUnit = unit;
      doc.meta.unit = unit;
      report.mapped.push(`金额单位：${unit}（${row.sheet} 第 ${row.row} 行）`);
    } else if (unit !== docUnit) {
      report.warnings.push(`${row.sheet} 第 ${row.row} 行的表格金额单位为${unit}，与文档单位${docUnit}不同，金额已按${docUnit}换算。`);
    }
  };

  const noteYear = (text: string) => { const m = YEAR.exec(text); if (m) years.push(Number(m[1])); };

  const closeProject = () => {
    if (draft) drafts.push(draft);
    draft = null;
    section = null;
  };

  const openProject = (row: GridRow): ProjectDraft => {
    closeProject();
    const table: FoundTable = { kind: 'project', sheet: row.sheet, startRow: row.row, indicators: 0 };
    report.tables.push(table);
    const d: ProjectDraft = { project: newProject(doc.meta.templateId), heading: pendingHeading?.text ?? '', labels: [], scheduleValues: [], table, unit: currentUnit };
    d.project.schedule = [];
    pendingHeading = null;
    draft = d;
    return d;
  };

  // ---- duty table rows -------------------------------------------------------------------------
  const dutyRow = (row: GridRow, cells: GridCell[]) => {
    const vals: Partial<Record<DutyField, string>> = {};
    const cellOf: Partial<Record<DutyField, GridCell>> = {};
    for (const c of cells) {
      const f = fieldAt(dutyCols, c.col);
      if (!f) { unplaced(row, c, '职责活动表中不属于任何列'); continue; }
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
      else if (kind !== 'none' && dutyPrefixKind !== null && kind === dutyPrefixKind) isDuty = true;
      else if (kind === 'cn') isDuty = true;
      else if (kind === 'digit') isDuty = false;
      else if (kind === 'paren') isDuty = !duty;
      else isDuty = !hasIndicator;
      if (isDuty && dutyPrefixKind === null && kind !== 'none') dutyPrefixKind = kind;
      const fields = {
        title: rest,
        budget: vals.budget !== undefined ? amount(vals.budget, row, cellOf.budget!, '年度预算数') : '',
        description: vals.description ?? '',
        goal: vals.goal ?? '',
      };
      lastIndicator = null;
      if (isDuty) {
        duty = newDuty(fields);
        doc.dutyTable.duties.push(duty);
        activity = null;
        dutyTable!.duties = (dutyTable!.duties ?? 0) + 1;
      } else {
        if (!duty) {
          duty = newDuty();
          doc.dutyTable.duties.push(duty);
          report.warnings.push(`${row.sheet} 第 ${row.row} 行：工作活动「${rest}」之前没有职责，已放入一个无标题的职责。`);
        }
        activity = newActivity(fields);
        duty.activities.push(activity);
        dutyTable!.activities = (dutyTable!.activities ?? 0) + 1;
      }
      if (hasIndicator) {
        lastIndicator = newDutyIndicator({ name: vals.indicator ?? '', bands });
        (activity ?? duty).indicators.push(lastIndicator);
        dutyTable!.indicators++;
      }
      return;
    }
    const owner = activity ?? duty;
    if (!owner) { for (const c of cells) unplaced(row, c, '职责活动表中，此行之前没有职责或活动'); return; }
    if (!isBlank(vals.indicator ?? '')) {
      lastIndicator = newDutyIndicator({ name: vals.indicator!, bands });
      owner.indicators.push(lastIndicator);
      dutyTable!.indicators++;
      appendSplit(owner, vals, row, cellOf);
      return;
    }
    // Key cells empty but others carry text: the rest of a row split by a page break → append.
    appendSplit(owner, vals, row, cellOf);
    if (bands.some((b) => b !== '')) {
      if (lastIndicator) {
        lastIndicator.bands = lastIndicator.bands.map((b, i) => b + bands[i]) as [string, string, string, string];
        report.warnings.push(`${row.sheet} 第 ${row.row} 行：评价标准接在上一行之后（跨页拆开的行）。`);
      } else {
        lastIndicator = newDutyIndicator({ name: '', bands });
        owner.indicators.push(lastIndicator);
        dutyTable!.indicators++;
      }
    }
  };

  const appendSplit = (owner: Duty | Activity, vals: Partial<Record<DutyField, string>>, row: GridRow, cellOf: Partial<Record<DutyField, GridCell>>) => {
    for (const f of ['description', 'goal'] as const) {
      if (!isBlank(vals[f] ?? '')) {
        owner[f] += vals[f];
        report.warnings.push(`${row.sheet} 第 ${row.row} 行：「${vals[f]}」接在上一行的${f === 'description' ? '内容描述' : '绩效目标'}之后（跨页拆开的行）。`);
      }
    }
    if (!isBlank(vals.budget ?? '')) {
      if (owner.budget === '') owner.budget = amount(vals.budget!, row, cellOf.budget!, '年度预算数');
      else unplaced(row, cellOf.budget!, '年度预算数已填写，这一行又给出一个金额');
    }
  };

  // ---- project rows ----------------------------------------------------------------------------
  const projectRow = (row: GridRow, cells: GridCell[]) => {
    const d = draft!;
    const p = d.project;
    let i = 0;
    const first = normalizeLabel(cells[0].text);
    const sec = sectionOf(first);
    const rest: GridCell[] = [];
    if (sec) { section = sec; i = 1; }
    for (; i < cells.length; i++) {
      const label = PROJECT_LABELS[normalizeLabel(cells[i].text)];
      if (label && sectionOf(normalizeLabel(cells[i].text)) === null) {
        const next = cells[i + 1];
        const hasValue = next && !PROJECT_LABELS[normalizeLabel(next.text)] && sectionOf(normalizeLabel(next.text)) === null;
        const value = hasValue ? next.text : '';
        if (hasValue) i++;
        if (label === 'budget' || label === 'fiscal' || label === 'other') p[label] = isBlank(value) ? '' : amount(value, row, next, label === 'budget' ? '预算数' : label === 'fiscal' ? '财政资金' : '其他资金');
        else p[label] = value;
        if (label === 'purpose') section = null;
        continue;
      }
      rest.push(cells[i]);
    }
    if (sec === 'schedule') {
      d.labels = rest.map((c) => c.text);
      scheduleLabelCells = rest;
      return;
    }
    if (sec === 'goal') { p.goal = rest.map((c) => c.text).join('\n'); return; }
    if (rest.length === 0) return;
    if (sec === 'budget') { for (const c of rest) unplaced(row, c, '预算规模行中无法识别的单元格'); return; }
    // A row without a section label continues the current section.
    if (section === 'budget') {
      p.purpose = p.purpose ? p.purpose + '\n' + rest.map((c) => c.text).join('\n') : rest.map((c) => c.text).join('\n');
      return;
    }
    if (section === 'schedule') {
      for (const c of rest) {
        const k = scheduleLabelCells.findIndex((l) => c.col >= l.col && c.col < l.col + l.span);
        if (k < 0) { unplaced(row, c, '资金支出计划中找不到对应的时间节点'); continue; }
        d.scheduleValues[k] = { text: c.text, cell: c, row };
      }
      return;
    }
    if (section === 'goal') { p.goal += '\n' + rest.map((c) => c.text).join('\n'); return; }
    for (const c of rest) unplaced(row, c, '项目表中无法识别的单元格');
  };

  let lastLevel1 = '';
  let lastLevel2 = '';
  const indicatorRow = (row: GridRow, cells: GridCell[]) => {
    const p = draft!.project;
    const vals: Partial<Record<IndicatorField, string>> = {};
    for (const c of cells) {
      const f = fieldAt(indicatorCols, c.col);
      if (!f) { unplaced(row, c, '指标表中不属于任何列'); continue; }
      vals[f] = vals[f] === undefined ? c.text : vals[f] + c.text;
    }
    const key = ['level1', 'level2', 'name', 'value'] as const;
    if (key.every((k) => isBlank(vals[k] ?? '')) && p.indicators.length > 0) {
      // Page-break continuation: append description / basis to the previous indicator.
      const last = p.indicators[p.indicators.length - 1];
      if (vals.description) last.description += vals.description;
      if (vals.basis) last.basis += vals.basis;
      report.warnings.push(`${row.sheet} 第 ${row.row} 行：内容接在上一条指标之后（跨页拆开的行）。`);
      return;
    }
    let level1 = vals.level1 ?? '';
    let level2 = vals.level2 ?? '';
    if (isBlank(level1)) { level1 = lastLevel1; if (isBlank(level2)) level2 = lastLevel2; }
    lastLevel1 = level1;
    lastLevel2 = level2;
    p.indicators.push(newProjectIndicator({ level1, level2, name: vals.name ?? '', description: vals.description ?? '', value: vals.value ?? '', basis: vals.basis ?? '' }));
    draft!.table.indicators++;
  };

  // ---- the row loop ----------------------------------------------------------------------------
  for (const row of stream.rows) {
    let cells = row.cells.filter((c) => !isBlank(c.text));
    if (cells.length === 0) continue;
    // A Word paragraph `323002涞水县…<tab>单位：万元`: org and unit separated by tabs or spaces.
    if (cells.length === 1) {
      const m = /^([\s\S]*?\S)[\t \u3000]*(单位[:：]\s*(?:万元|元))\s*$/.exec(cells[0].text);
      if (m) cells = [{ col: cells[0].col, span: 1, text: m[1] }, { col: cells[0].col + 1, span: 1, text: m[2] }];
    }
    const norms = cells.map((c) => normalizeLabel(c.text));

    // Org line and unit: `323002涞水县…  单位：万元`, inside or above any table.
    const unitIdx = norms.findIndex((n) => UNIT_CELL.test(n));
    if (unitIdx >= 0) {
      noteUnit(UNIT_CELL.exec(norms[unitIdx])![1] as MoneyUnit, row);
      cells.forEach((c, k) => {
        if (k === unitIdx) return;
        if (k === 0 || ORG_LINE.test(c.text)) noteOrg(c.text);
        else unplaced(row, c, '单位行中无法识别的单元格');
      });
      continue;
    }
    if (cells.length === 1) {
      const n = norms[0];
      if (/职责.?工作活动绩效目标(表)?$/.test(n) || n === '部门职责-工作活动绩效目标表') {
        noteYear(cells[0].text);
        report.mapped.push(`标题「${cells[0].text.trim()}」（${row.sheet} 第 ${row.row} 行）`);
        closeProject(); mode = 'none';
        continue;
      }
      if (n.endsWith('绩效目标表') && !n.startsWith('一级指标')) {
        if (pendingHeading) report.warnings.push(`标题「${pendingHeading.text.trim()}」后面没有项目表，未使用。`);
        pendingHeading = { text: cells[0].text, row };
        noteYear(cells[0].text);
        closeProject(); mode = 'none';
        continue;
      }
      // A lone org line only outside tables (inside, `2020年…` text must not be mistaken for one).
      if (ORG_LINE.test(cells[0].text) && !/^\s*\d{4}\s*年/.test(cells[0].text) && cells[0].text.length < 80 && (mode === 'none' || row.paragraph)) {
        noteOrg(cells[0].text);
        continue;
      }
      if (/^\s*(备注|注)[:：]/.test(cells[0].text) && (mode === 'duty' || (mode === 'none' && dutyTable && drafts.length === 0 && !draft))) {
        // The exporters add the 备注： label; the document stores the note without it.
        doc.dutyTable.note = cells[0].text.replace(/^\s*备注[:：]\s*/, '');
        report.mapped.push(`备注（${row.sheet} 第 ${row.row} 行）→ 职责活动表备注`);
        mode = 'none';
        continue;
      }
    }

    // Duty table header (repeated at page breaks → skipped).
    if (norms.some((n) => TITLE_HEADER.test(n)) && (norms.includes('绩效指标') || norms.includes('内容描述') || norms.includes('评价标准'))) {
      const fields: ColumnMap<DutyField>['fields'] = [];
      cells.forEach((c, k) => {
        const f = dutyHeaderField(norms[k]);
        if (!f) { unplaced(row, c, '职责活动表头中无法识别的列'); return; }
        // 评价标准 spanning the four band columns: split it until the 优/良/中/差 row says otherwise.
        if (f === 'b0' && c.span >= 4) {
          for (let b = 0; b < 4; b++) fields.push({ field: `b${b}` as DutyField, from: c.col + b * Math.floor(c.span / 4), to: c.col + (b + 1) * Math.floor(c.span / 4) + (b === 3 ? c.span % 4 : 0) });
        } else fields.push({ field: f, from: c.col, to: c.col + c.span });
      });
      closeProject();
      if (mode === 'duty' && dutyTable) { report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的职责活动表头（跨页），已跳过`); dutyCols = { fields }; continue; }
      dutyCols = { fields };
      mode = 'duty';
      if (!dutyTable) {
        dutyTable = { kind: 'duty', sheet: row.sheet, startRow: row.row, duties: 0, activities: 0, indicators: 0 };
        report.tables.push(dutyTable);
      } else {
        report.mapped.push(`${row.sheet} 第 ${row.row} 行：职责活动表的续表，并入同一张表`);
      }
      if (pendingHeading) { report.warnings.push(`标题「${pendingHeading.text.trim()}」后面是职责活动表，未使用。`); pendingHeading = null; }
      continue;
    }
    if (mode === 'duty' && cells.every((_, k) => BAND_HEADERS[norms[k]]) && cells.length >= 2) {
      const bandFields = cells.map((c, k) => ({ field: BAND_HEADERS[norms[k]], from: c.col, to: c.col + c.span }));
      dutyCols = { fields: [...dutyCols.fields.filter((f) => !/^b\d$/.test(f.field)), ...bandFields] };
      continue;
    }

    // Project table.
    if (norms[0] === '项目编码' || norms[0] === '项目名称' || (norms.includes('项目编码') && norms.includes('项目名称'))) {
      openProject(row);
      mode = 'project';
      section = null;
      projectRow(row, cells);
      continue;
    }
    if (norms.includes('一级指标') && (norms.includes('三级指标') || norms.includes('二级指标'))) {
      const fields: ColumnMap<IndicatorField>['fields'] = [];
      cells.forEach((c, k) => {
        const f = INDICATOR_HEADERS[norms[k]];
        if (f) fields.push({ field: f, from: c.col, to: c.col + c.span });
        else unplaced(row, c, '指标表头中无法识别的列');
      });
      indicatorCols = { fields };
      if (mode === 'indicators' && draft) { report.mapped.push(`${row.sheet} 第 ${row.row} 行：重复的指标表头（跨页），已跳过`); continue; }
      if (!draft || mode === 'none' || mode === 'duty') {
        openProject(row);
        report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标表前没有项目编码等信息，已作为一个新项目导入。`);
      }
      lastLevel1 = '';
      lastLevel2 = '';
      mode = 'indicators';
      continue;
    }

    // A Word paragraph is outside every table by definition; it never continues a table's rows.
    if (row.paragraph) for (const c of cells) unplaced(row, c, '表格之外的段落');
    else if ((mode === 'duty' || mode === 'indicators') && /^(合计|总计|小计)$/.test(norms[0])) {
      for (const c of cells) unplaced(row, c, '合计行（合计由软件计算，不导入）');
    } else if (mode === 'indicators' && cells.length === 1 && cells[0].span >= 3) {
      unplaced(row, cells[0], '指标表中跨整行的说明文字，没有对应的字段');
    }
    else if (mode === 'duty') dutyRow(row, cells);
    else if (mode === 'project') projectRow(row, cells);
    else if (mode === 'indicators') indicatorRow(row, cells);
    else for (const c of cells) unplaced(row, c, row.paragraph ? '表格之外的段落' : '不在任何可识别的表格中');
  }
  closeProject();
  if (pendingHeading) report.warnings.push(`标题「${pendingHeading.text.trim()}」后面没有项目表，未使用。`);

  // ---- finish projects: name from the heading, template, schedule --------------------------------
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
    noteYear(p.name);
    const cps = template.checkpoints;
    if (d.labels.length && d.labels.map(normalizeLabel).join('|') !== cps.map(normalizeLabel).join('|')) {
      report.warnings.push(`项目 ${k + 1}「${p.name}」的资金支出计划节点（${d.labels.join('、')}）与模板（${cps.join('、')}）不同，已按顺序对应。`);
    }
    p.schedule = cps.map((_, i) => {
      const v = d.scheduleValues[i];
      return v ? scheduleAmount(v.text, v.row, v.cell, report) : '';
    });
    for (let i = cps.length; i < d.scheduleValues.length; i++) {
      const v = d.scheduleValues[i];
      if (v) unplaced(v.row, v.cell, `资金支出计划多出的节点「${d.labels[i] ?? ''}」`);
    }
    d.table.name = p.name;
    doc.projects.push(p);
  });

  const titleYear = hints.title ? YEAR.exec(hints.title) : null;
  // Our own xlsx export stamps the creation date as 1 January of the document's year.
  const stamped = hints.creator === 'jixiao' ? /^((?:19|20)\d{2})-01-01T00:00:00/.exec(hints.created ?? '') : null;
  if (titleYear) {
    doc.meta.year = Number(titleYear[1]);
    report.mapped.push(`年度：${doc.meta.year}（取自文件属性中的标题「${hints.title}」）`);
  } else if (stamped) {
    doc.meta.year = Number(stamped[1]);
    report.mapped.push(`年度：${doc.meta.year}（取自本软件导出时写入的文件属性）`);
  } else if (years.length) {
    doc.meta.year = years[0];
    report.mapped.push(`年度：${years[0]}（取自标题或项目名称）`);
  } else {
    report.warnings.push(`文件中没有找到年度，已使用今年（${doc.meta.year}），请核对。`);
  }
  if (!docUnit) report.warnings.push('文件中没有找到“单位：万元/元”，已按万元导入，请核对。');
  if (!orgSeen) report.warnings.push('文件中没有找到单位行（部门编码和名称），请在文档信息中填写。');
  return { document: doc, report };
}

function scheduleAmount(text: string, row: GridRow, cell: GridCell, report: ImportReport): string {
  const a = parseAmount(text.replace(/%\s*$/, ''));
  if (a === null) {
    report.unplaced.push({ sheet: row.sheet, row: row.row, column: cell.col + 1, text, reason: '资金支出计划不是数字' });
    report.warnings.push(`${row.sheet} 第 ${row.row} 行：资金支出计划「${text}」不是数字，未填入，已列入未能放置的单元格。`);
    return '';
  }
  return a;
}
