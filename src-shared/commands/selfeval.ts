// Self-evaluation commands with inverses: 生成自评表 (carry-over) and 采用计算得分.
import { compareAmounts, newSelfEvalIndicator, SELFEVAL_INDICATOR_LABEL, type JixiaoDocument, type SelfEvalIndicator } from '../model';
import { selfevalTemplateFor, templateOrDefault, type SelfevalTemplate } from '../model/templates';
import { columnsOf, getSelfevalProfile, valueMode, type ColumnId } from '../profile';
import { gradeOf, initSelfEval, scoreSelfEval } from '../selfeval';
import { Draft, CommandError, setCell } from './commands';
import { writeIndicatorCell } from './indicatorCells';
import { pastedAmount, pastedCellRows, pastedText, type PasteLog } from './pasteValues';
import { AMOUNT_FIELDS, CHOICE_FIELDS, locateRow } from './locate';
import { pasteColumns, type PasteResult } from './paste';
import type { Edit } from './patch';

/** 生成自评表: one undo step creating the part of every project that has none. */
export function initSelfEvalEdit(doc: JixiaoDocument): { edit: Edit | null; created: number[]; kept: number[] } {
  const r = initSelfEval(doc, selfevalTemplateFor(doc.meta));
  // One patch of the projects array (untouched projects keep their identity): undo restores the old array.
  const d = new Draft(doc);
  if (r.created.length) d.set(['projects'], r.document.projects);
  return { edit: d.finish('生成自评表'), created: r.created, kept: r.kept };
}

/**
 * 采用计算得分 for one indicator (`indicatorId`) or for the whole part (every indicator and 预算执行率).
 * A qualitative score already inside its range is the clerk's pick and stays. A typed 总分 / 评价等级
 * (always, when applying all) is brought in line, so the printed form agrees with itself. One undo step.
 */
export function applyComputedScoresEdit(doc: JixiaoDocument, projectId: string, indicatorId?: string): Edit | null {
  const loc = locateRow(doc, projectId);
  if (!loc || loc.kind !== 'project') throw new CommandError('请先选择一个项目');
  const se = doc.projects[loc.index].selfeval;
  if (!se) throw new CommandError('该项目还没有绩效自评表，请先生成自评表');
  const t = selfevalTemplateFor(doc.meta);
  const target = templateOrDefault(doc.meta.templateId);
  const scores = scoreSelfEval(se, t, target);
  const d = new Draft(doc);
  const base = [...loc.path, 'selfeval'];
  se.indicators.forEach((ind, k) => {
    if (indicatorId !== undefined && ind.id !== indicatorId) return;
    const s = scores.rows.get(ind.id)!;
    if (s.computed === '') return;
    if (s.kind === 'qualitative' && ind.score !== '' && inRange(ind.score, s.range)) return;
    d.set([...base, 'indicators', k, 'score'], s.computed);
  });
  if (indicatorId === undefined && scores.budgetRateComputed !== '') d.set([...base, 'budgetRateScore'], scores.budgetRateComputed);
  if (d.patches.length === 0) return null;
  const after = scoreSelfEval(d.doc.projects[loc.index].selfeval!, t, target);
  if (indicatorId === undefined || se.total !== '') d.set([...base, 'total'], after.total);
  if (indicatorId === undefined || se.grade !== '') d.set([...base, 'grade'], gradeOf(after.total, t));
  return d.finish(indicatorId === undefined ? '采用全部计算得分' : '采用计算得分');
}

function inRange(score: string, [lo, hi]: [string, string]): boolean {
  return compareAmounts(score, lo) >= 0 && compareAmounts(score, hi) <= 0;
}

/** The self-evaluation indicator cells a user types (the grid's editable columns, in table order). */
export const SELFEVAL_INDICATOR_FIELDS = ['level1', 'level2', 'name', 'description', 'target', 'actual', 'achievement', 'weight', 'score', 'deviation'] as const;
export type SelfEvalIndicatorField = (typeof SELFEVAL_INDICATOR_FIELDS)[number];

/**
 * A column of the 绩效自评 indicator grid. `colId` is the model field findings name (指标值 → `target`).
 * `column`: a column of the form's profile, written as the target grid writes it (indicatorCells.ts);
 * without it, a field of the long-standing Hebei/national grid, or an editor aid the form does not
 * print (`aid`: 完成情况 for qualitative targets, 计算得分).
 */
export interface SelfEvalGridColumn { colId: SelfEvalIndicatorField | 'computed' | 'operator' | 'unit' | 'direction' | 'explanation' | 'scoring' | 'remark' | 'core'; label: string; column?: ColumnId; share?: number; aid?: boolean }

const AIDS: SelfEvalGridColumn[] = [
  { colId: 'achievement', label: '完成情况', share: 0.9, aid: true },
  { colId: 'computed', label: '计算得分', share: 0.9, aid: true },
];

/**
 * The grid's columns for a self-evaluation form. A form whose profile holds the value's parts
 * (一体化: 指标性质 | 指标值 | 度量单位) shows the profile's columns in order, then the aids; the Hebei
 * and national forms keep their long-standing columns.
 */
export function selfevalGridColumns(t: SelfevalTemplate): { parts: boolean; columns: SelfEvalGridColumn[] } {
  const profile = getSelfevalProfile(t.id);
  if (profile && valueMode(profile) === 'parts') {
    const cols = columnsOf(profile).map((c): SelfEvalGridColumn => ({
      colId: (c.id === 'value' ? 'target' : c.field) as SelfEvalGridColumn['colId'], label: c.label, column: c.id, share: c.share,
    }));
    return { parts: true, columns: [...cols, ...AIDS] };
  }
  const fields = ['level1', 'level2', 'name', ...(t.descriptionColumn ? ['description' as const] : []), 'target', 'actual', 'achievement', 'weight', 'score', 'computed', 'deviation'] as const;
  return { parts: false, columns: fields.map((f) => ({ colId: f, label: f === 'computed' ? '计算得分' : SELFEVAL_INDICATOR_LABEL[f] })) };
}

/**
 * Cells of a profile-columns (parts) self-evaluation grid typed or filled as one undo step: a profile
 * column as the target grid writes it (`≥95%` in 指标值 fills 指标性质 | 指标值 | 度量单位; 权重/得分
 * through the amount input rules), 完成情况 from its choices; 计算得分 takes nothing. Throws
 * CommandError (Chinese) when a cell is refused; converted amounts add their notes to `notes`.
 */
export function setSelfEvalCellsEdit(doc: JixiaoDocument, changes: { rowId: string; col: SelfEvalGridColumn; text: string }[], parts: boolean, label = '编辑单元格', notes?: string[]): Edit | null {
  const d = new Draft(doc);
  for (const { rowId, col, text } of changes) {
    if (col.column) writeIndicatorCell(d, rowId, col.column, text, parts, notes);
    else if (col.colId === 'achievement') setCell(d, rowId, 'achievement', text.trim());
    else if (col.colId !== 'computed') setCell(d, rowId, col.colId, text);
  }
  return d.finish(label);
}

function partPath(doc: JixiaoDocument, projectId: string): (string | number)[] {
  const loc = locateRow(doc, projectId);
  if (!loc || loc.kind !== 'project') throw new CommandError('请先选择一个项目');
  if (!doc.projects[loc.index].selfeval) throw new CommandError('该项目还没有绩效自评表，请先生成自评表');
  return [...loc.path, 'selfeval'];
}

export function insertSelfEvalIndicator(doc: JixiaoDocument, projectId: string, index: number, init: Partial<SelfEvalIndicator> = {}): { edit: Edit; id: string } {
  const base = partPath(doc, projectId);
  const d = new Draft(doc);
  const ind = newSelfEvalIndicator(init);
  const arr = d.get([...base, 'indicators']) as SelfEvalIndicator[];
  const i = Math.max(0, Math.min(index, arr.length));
  d.set([...base, 'indicators'], [...arr.slice(0, i), ind, ...arr.slice(i)]);
  return { edit: d.finish('插入自评指标')!, id: ind.id };
}

/**
 * Paste a block into the indicator grid at (row, column of `fields`), one undo step; rows past the
 * end are added. A cell a column cannot take (a word in 分值/得分, an unknown 完成情况) is reported, not pasted.
 */
export function pasteSelfEvalBlock(doc: JixiaoDocument, projectId: string, anchorRow: number, fields: readonly SelfEvalIndicatorField[], anchorCol: number, matrix: string[][]): PasteResult {
  const base = partPath(doc, projectId);
  const d = new Draft(doc);
  const log: PasteLog = { problems: [], notes: [] };
  const problems = log.problems;
  const { col: startCol, width, dropped } = pasteColumns(anchorCol, matrix, fields.length);
  anchorCol = startCol;
  const before = d.get([...base, 'indicators']) as SelfEvalIndicator[];
  matrix.forEach((cells, r) => {
    const i = anchorRow + r;
    const inds = d.get([...base, 'indicators']) as SelfEvalIndicator[];
    if (i >= inds.length) d.set([...base, 'indicators'], [...inds, newSelfEvalIndicator()]);
    for (let c = 0; c < width; c++) {
      const field = fields[anchorCol + c];
      let text = cells[c] ?? '';
      if (pastedText(text, r, c, log) === null) continue;
      if (AMOUNT_FIELDS.has(field)) {
        const a = pastedAmount(text, 'score', r, c, log);
        if (a === null) continue;
        text = a;
      } else if (field === 'achievement' && !CHOICE_FIELDS.achievement.includes(text.trim())) {
        problems.push({ row: r, col: c, text, message: `“${text}”不是 达成/部分达成/未达成，未粘贴` });
        continue;
      }
      for (const j of pastedCellRows(before, i, field, matrix.length)) d.set([...base, 'indicators', j, field], field === 'achievement' ? text.trim() : text);
    }
  });
  return { edit: d.finish(`粘贴 ${matrix.length} 行`), ...log, rows: matrix.length, cols: width, dropped };
}
