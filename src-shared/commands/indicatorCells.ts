// The cells of a project indicator as a profile's grid shows them (issue 18): one column of the
// profile's vocabulary ↔ the model fields. In a 'parts' form 指标值 shows the number part, and the
// parts (指标性质 | 指标值 | 度量单位) are written together with the one-cell text they join to, so
// the two views of the value never disagree (model/parts.ts). Typing a whole value (`≥95%`) into
// 指标值 fills the three parts in one edit. A self-evaluation indicator is written the same way (its
// one-cell text is `target`; its result columns 完成值 | 得分 | 未完成原因 are its own).
import { OPERATORS, PART_NUMBER, splitValue, type Operator, type ValueParts } from '../expr/parts';
import { indicatorParts, partsPatch, targetParts, valueTextPatch } from '../model/parts';
import { newProjectIndicator, newSelfEvalIndicator } from '../model/factory';
import { DIRECTIONS, type JixiaoDocument, type ProjectIndicator, type SelfEvalIndicator } from '../model/schema';
import { COLUMN_VOCABULARY, type ColumnId } from '../profile';
import { parseAmountInput } from '../model/amount-input';
import { CommandError, Draft, setCell } from './commands';
import { locateRow } from './locate';
import type { Edit, Path } from './patch';
import { DEPT_WIDE_ID } from './deptWide';
import { pasteColumns, type PasteResult } from './paste';
import { pastedAmount, pastedCellRows, pastedText, type PasteLog } from './pasteValues';

/** The owner id of a project's self-evaluation indicators (the 绩效自评 grid). */
export function selfevalOwnerId(projectId: string): string {
  return `selfeval:${projectId}`;
}

/** Where an owner's indicators are: a project's, the department-wide table's (owner id `deptWide`),
 * or a project's self-evaluation's (selfevalOwnerId). */
export function indicatorListPath(doc: JixiaoDocument, ownerId: string): Path | null {
  if (ownerId === DEPT_WIDE_ID) return doc.deptWide ? ['deptWide', 'indicators'] : null;
  if (ownerId.startsWith('selfeval:')) {
    const p = doc.projects.findIndex((x) => x.id === ownerId.slice('selfeval:'.length));
    return p < 0 || !doc.projects[p].selfeval ? null : ['projects', p, 'selfeval', 'indicators'];
  }
  const p = doc.projects.findIndex((x) => x.id === ownerId);
  return p < 0 ? null : ['projects', p, 'indicators'];
}

type AnyIndicator = ProjectIndicator | SelfEvalIndicator;
const isSelfEval = (ind: AnyIndicator): ind is SelfEvalIndicator => typeof (ind as SelfEvalIndicator).target === 'string';
const valueParts = (ind: AnyIndicator): ValueParts => (isSelfEval(ind) ? targetParts(ind) : indicatorParts(ind));

/** The choices of a dropdown column (指标性质, 指标方向); empty for free text. */
export function columnChoices(column: ColumnId): readonly string[] {
  if (column === 'operator') return OPERATORS.filter((o) => o !== '');
  if (column === 'direction') return DIRECTIONS.filter((d) => d !== '');
  return [];
}

/** The text a cell of `column` shows for this indicator (`parts`: the form splits 指标值). */
export function indicatorCellText(ind: AnyIndicator, column: ColumnId, parts: boolean): string {
  switch (column) {
    case 'value': return parts ? valueParts(ind).number : isSelfEval(ind) ? ind.target : ind.value;
    case 'operator': return valueParts(ind).operator;
    case 'unit': return valueParts(ind).unit;
    case 'core': return ind.core === undefined ? '' : ind.core ? '是' : '否';
    // A blank 得分 shows the word an imported table had there (优, flagged by selfeval.score-text).
    case 'score': return isSelfEval(ind) ? (ind.score === '' && ind.scoreText ? ind.scoreText : ind.score) : '';
    case 'actual': case 'deviation': return isSelfEval(ind) ? ind[column] : '';
    default: {
      const v = (ind as Record<string, unknown>)[COLUMN_VOCABULARY[column].field];
      return typeof v === 'string' ? v : '';
    }
  }
}

/** A whole value typed into 指标值 (an operator, a unit, a range, a qualitative word or text the
 * parts cannot hold), as opposed to a bare number that keeps the row's operator and unit. */
function isWholeValue(text: string): boolean {
  if (text.trim() === '') return false;
  const s = splitValue(text);
  return !(s.operator === '' && s.unit === '' && PART_NUMBER.test(s.number));
}

/**
 * Write what the clerk typed into one indicator cell; throws CommandError (Chinese) when refused.
 * An amount converted on the way in (全角数字, 8分) adds its note to `notes`.
 */
export function writeIndicatorCell(d: Draft, rowId: string, column: ColumnId, text: string, parts: boolean, notes?: string[]): void {
  const loc = locateRow(d.doc, rowId);
  if (!loc || (loc.kind !== 'projectIndicator' && loc.kind !== 'deptIndicator' && loc.kind !== 'selfevalIndicator')) throw new CommandError(`找不到指标 ${rowId}`);
  const ind = d.get(loc.path) as AnyIndicator;
  const selfeval = loc.kind === 'selfevalIndicator';
  // The one-cell text is `value` on a target indicator, `target` on a self-evaluation indicator.
  const textField = selfeval ? 'target' : 'value';
  const setAll = ({ value, ...p }: { value: string } & ValueParts) => {
    for (const [f, v] of Object.entries({ [textField]: value, ...p })) setCell(d, rowId, f, v);
  };
  const points = (label: string) => {
    const a = parseAmountInput(text, 'score');
    if (!a.ok) throw new CommandError(`${label}：${a.reason}`);
    if (a.note) notes?.push(a.note);
    return a.amount;
  };
  const cur = valueParts(ind);
  switch (column) {
    case 'value':
      if (!parts) return setCell(d, rowId, textField, text);
      return setAll(isWholeValue(text) ? valueTextPatch(text) : partsPatch({ ...cur, number: text.trim() }));
    case 'operator': {
      const op = text.trim();
      if (!(OPERATORS as readonly string[]).includes(op)) throw new CommandError(`“${text}”不是可选的指标性质（${columnChoices('operator').join(' ')}）`);
      return setAll(partsPatch({ ...cur, operator: op as Operator }));
    }
    case 'unit': return setAll(partsPatch({ ...cur, unit: text.trim() }));
    case 'weight': return setCell(d, rowId, 'weight', points('权重'));
    case 'direction': {
      const v = text.trim();
      if (!(DIRECTIONS as readonly string[]).includes(v)) throw new CommandError(`“${text}”不是可选的指标方向（正向、反向）`);
      return setCell(d, rowId, 'direction', v);
    }
    case 'core': {
      const v = text.trim();
      if (v !== '是' && v !== '否') throw new CommandError(`“${text}”：是否核心指标请填“是”或“否”`);
      d.set([...loc.path, 'core'], v === '是');
      return;
    }
    case 'actual': case 'score': case 'deviation':
      if (!selfeval) throw new CommandError(`“${COLUMN_VOCABULARY[column].label}”属于自评表，不能在目标表中填写`);
      if (column !== 'score') return setCell(d, rowId, column, text);
      setCell(d, rowId, 'score', points('得分'));
      // Typed points replace the word an imported table had there (优).
      if ((ind as SelfEvalIndicator).scoreText) setCell(d, rowId, 'scoreText', '');
      return;
    default: return setCell(d, rowId, COLUMN_VOCABULARY[column].field, text);
  }
}

/** The cells written as one undo step; amounts converted on the way in add their notes to `notes`. */
export function setIndicatorCellsEdit(doc: JixiaoDocument, changes: { rowId: string; column: ColumnId; text: string }[], parts: boolean, label = '编辑单元格', notes?: string[]): Edit | null {
  const d = new Draft(doc);
  for (const c of changes) writeIndicatorCell(d, c.rowId, c.column, c.text, parts, notes);
  return d.finish(label);
}

/**
 * Paste a block into a profile's indicator grid (columns in the grid's order; where it goes and what
 * does not fit as pasteColumns says); rows past the end are added. A cell the column refuses is left as it was and reported (row/col within the block).
 */
export function pasteIndicatorCells(doc: JixiaoDocument, ownerId: string, anchorRow: number, anchorCol: number, matrix: string[][], columns: readonly ColumnId[], parts: boolean): PasteResult {
  const d = new Draft(doc);
  const list = indicatorListPath(doc, ownerId);
  const { col: startCol, width, dropped } = pasteColumns(anchorCol, matrix, columns.length);
  if (!list) return { edit: null, problems: [], notes: [], rows: 0, cols: 0, dropped };
  anchorCol = startCol;
  const log: PasteLog = { problems: [], notes: [] };
  const selfeval = list.includes('selfeval');
  const before = d.get(list) as AnyIndicator[];
  let prev: Partial<Record<ColumnId, string>> | null = null;
  for (let r = 0; r < matrix.length; r++) {
    const i = anchorRow + r;
    const inds = d.get(list) as ProjectIndicator[];
    if (i >= inds.length) d.set(list, [...inds, selfeval ? newSelfEvalIndicator() : newProjectIndicator()]);
    const row: Partial<Record<ColumnId, string>> = {};
    for (let c = 0; c < width; c++) {
      const column = columns[anchorCol + c];
      let text = matrix[r][c] ?? '';
      // 一级/二级 merged down in the source arrive blank below the first row: repeat the run.
      if (text === '' && (column === 'level1' || column === 'level2') && prev) text = prev[column] ?? '';
      row[column] = text;
      if (pastedText(text, r, c, log) === null) continue;
      // 权重 is read as typed (十分 → 10, with a note) or left out with the reason, as amounts are.
      const value = column === 'weight' ? pastedAmount(text, 'score', r, c, log) : text;
      if (value === null) continue;
      try {
        // one value onto a merged 一级/二级 cell: every row of its run
        for (const j of pastedCellRows(before, i, column, matrix.length)) writeIndicatorCell(d, (d.get([...list, j]) as AnyIndicator).id, column, value, parts, log.notes);
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        log.problems.push({ row: r, col: c, text, message: `${e.message}，未粘贴` });
      }
    }
    prev = row;
  }
  return { edit: d.finish(`粘贴 ${matrix.length} 行`), problems: log.problems, notes: log.notes, rows: matrix.length, cols: width, dropped };
}
