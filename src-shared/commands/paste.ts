// Paste of a cell block (from the clipboard parser) into a grid at the focused cell, as one edit.
// The table grows as needed: extra rows become new indicator rows of the last activity, or new
// activities when the block carries activity cells (职责活动 … 绩效目标) for them.
import { newActivity, newDuty, newDutyIndicator, newProjectIndicator, stripNumbering, type JixiaoDocument } from '../model';
import { Draft, type PasteProblem } from './commands';
import { noteSummary, pastedAmount, pastedCellRows, pastedText, type PasteLog } from './pasteValues';
import { DUTY_FIELDS, OWNER_FIELDS, dutyRows } from './dutyRows';
import type { Edit, Path } from './patch';

export interface PasteResult {
  edit: Edit | null; problems: PasteProblem[]; rows: number; cols: number;
  /** amounts converted on the way in (已按万元换算：50000元 = 5万元), for the note after the paste */
  notes: string[];
  /** the block's columns past the table's right edge, not pasted: how many, and their first row's texts */
  dropped: { count: number; firstRow: string[] };
}

/**
 * Where a pasted block goes, and what does not fit. A block exactly as wide as the table (a whole
 * table copied from Excel/WPS) starts at the table's first column wherever the clerk is; any other
 * block starts at the selected column, and its columns past the table's right edge are not pasted —
 * the result says so (pasteMessage), never silently.
 */
export function pasteColumns(anchorCol: number, matrix: string[][], tableCols: number): { col: number; width: number; dropped: PasteResult['dropped'] } {
  const blockWidth = Math.max(0, ...matrix.map((r) => r.length));
  const col = blockWidth === tableCols ? 0 : Math.min(Math.max(0, anchorCol), tableCols);
  const width = Math.min(blockWidth, tableCols - col);
  const firstRow = matrix.find((r) => r.slice(width).some((t) => t.trim() !== '')) ?? matrix[0] ?? [];
  return { col, width, dropped: { count: blockWidth - width, firstRow: firstRow.slice(width, blockWidth).map((t) => t ?? '') } };
}

/** The note after a paste: 已粘贴 4 行 × 4 列；超出表格的 2 列未粘贴（“指标值确定依据”右侧：“a”、“b”）；已按万元换算 1 个金额：… */
export function pasteMessage(res: PasteResult, lastColumn: string): string {
  let m = `已粘贴 ${res.rows} 行 × ${res.cols} 列`;
  const { count, firstRow } = res.dropped;
  if (count > 0) {
    const sample = firstRow.filter((t) => t.trim() !== '').map((t) => `“${t.length > 12 ? `${t.slice(0, 12)}…` : t}”`).join('、');
    m += `；超出表格的 ${count} 列未粘贴（“${lastColumn}”右侧${sample ? `：${sample}` : ''}）`;
  }
  if (res.notes.length) m += `；${noteSummary(res.notes)}`;
  if (res.problems.length) m += `；${res.problems.length} 个单元格未粘贴：${res.problems[0].message}`;
  return m;
}

const PROJECT_INDICATOR_FIELDS = ['level1', 'level2', 'name', 'description', 'value', 'basis'] as const;
export { PROJECT_INDICATOR_FIELDS };

function cellValue(doc: JixiaoDocument, field: string, text: string, log: PasteLog, r: number, c: number): string | null {
  if (pastedText(text, r, c, log) === null) return null;
  if (field === 'budget') return pastedAmount(text, doc.meta.unit, r, c, log);
  if (field === 'title') return stripNumbering(text).rest;
  return text;
}

export function pasteDutyBlock(doc: JixiaoDocument, anchorRow: number, anchorCol: number, matrix: string[][]): PasteResult {
  const log: PasteLog = { problems: [], notes: [] };
  const d = new Draft(doc);
  const rows = dutyRows(doc);
  const { col: startCol, width, dropped } = pasteColumns(anchorCol, matrix, DUTY_FIELDS.length);
  anchorCol = startCol;
  let lastOwner: Path | null = null;
  for (let r = 0; r < matrix.length; r++) {
    const line = matrix[r];
    const target = rows[anchorRow + r];
    let ownerPath: Path;
    let indPath: Path | null;
    let first: boolean;
    if (target) {
      ownerPath = target.activityIndex < 0 ? ['dutyTable', 'duties', target.dutyIndex] : ['dutyTable', 'duties', target.dutyIndex, 'activities', target.activityIndex];
      indPath = target.indicatorIndex >= 0 ? [...ownerPath, 'indicators', target.indicatorIndex] : null;
      first = target.first;
    } else {
      // Beyond the table: grow. A row with activity cells starts a new activity (under the duty of
      // the last row touched); a row without them is one more indicator of the current activity.
      const hasOwnerText = line.some((t, c) => c < width && OWNER_FIELDS.has(DUTY_FIELDS[anchorCol + c]) && t.trim() !== '');
      if (hasOwnerText || lastOwner === null || lastOwner.length < 5) {
        let di = lastOwner ? (lastOwner[2] as number) : d.doc.dutyTable.duties.length - 1;
        if (di < 0) { d.set(['dutyTable', 'duties'], [newDuty()]); di = 0; }
        const acts = d.doc.dutyTable.duties[di].activities;
        d.set(['dutyTable', 'duties', di, 'activities'], [...acts, newActivity()]);
        ownerPath = ['dutyTable', 'duties', di, 'activities', acts.length];
        first = true;
      } else {
        ownerPath = lastOwner;
        first = false;
      }
      const inds = d.get([...ownerPath, 'indicators']) as unknown[];
      d.set([...ownerPath, 'indicators'], [...inds, newDutyIndicator()]);
      indPath = [...ownerPath, 'indicators', inds.length];
    }
    lastOwner = ownerPath;
    for (let c = 0; c < width; c++) {
      const text = line[c] ?? '';
      const field = DUTY_FIELDS[anchorCol + c];
      if (OWNER_FIELDS.has(field)) {
        // Merged cells arrive blank below their first row: keep the activity's text there.
        if (text === '' && !first) continue;
        const v = cellValue(doc, field, text, log, r, c);
        if (v !== null) d.set([...ownerPath, field], v);
      } else {
        if (pastedText(text, r, c, log) === null) continue;
        if (!indPath) {
          if (text === '') continue;
          const inds = d.get([...ownerPath, 'indicators']) as unknown[];
          d.set([...ownerPath, 'indicators'], [...inds, newDutyIndicator()]);
          indPath = [...ownerPath, 'indicators', inds.length];
        }
        d.set(field === 'name' ? [...indPath, 'name'] : [...indPath, 'bands', Number(field.slice(6))], text);
      }
    }
  }
  return { edit: d.finish(`粘贴 ${matrix.length} 行`), ...log, rows: matrix.length, cols: width, dropped };
}

export function pasteProjectIndicatorBlock(doc: JixiaoDocument, projectId: string, anchorRow: number, anchorCol: number, matrix: string[][]): PasteResult {
  const log: PasteLog = { problems: [], notes: [] };
  const d = new Draft(doc);
  const p = doc.projects.findIndex((x) => x.id === projectId);
  const { col: startCol, width, dropped } = pasteColumns(anchorCol, matrix, PROJECT_INDICATOR_FIELDS.length);
  if (p < 0) return { edit: null, problems: [], notes: [], rows: 0, cols: 0, dropped };
  anchorCol = startCol;
  const before = doc.projects[p].indicators;
  let prev: Record<string, string> | null = null;
  for (let r = 0; r < matrix.length; r++) {
    const i = anchorRow + r;
    const inds = d.get(['projects', p, 'indicators']) as unknown[];
    if (i >= inds.length) d.set(['projects', p, 'indicators'], [...inds, newProjectIndicator()]);
    const row: Record<string, string> = {};
    for (let c = 0; c < width; c++) {
      const field = PROJECT_INDICATOR_FIELDS[anchorCol + c];
      let text = matrix[r][c] ?? '';
      // 一级/二级 merged down in the source arrive blank below the first row: repeat the run.
      if (text === '' && (field === 'level1' || field === 'level2') && prev) text = prev[field] ?? '';
      row[field] = text;
      if (pastedText(text, r, c, log) === null) continue;
      for (const j of pastedCellRows(before, i, field, matrix.length)) d.set(['projects', p, 'indicators', j, field], text);
    }
    prev = row;
  }
  return { edit: d.finish(`粘贴 ${matrix.length} 行`), ...log, rows: matrix.length, cols: width, dropped };
}
