// 绩效自评 indicator grid: the template's columns, the computed score beside the typed one (a
// difference highlighted), findings on cells. Selection, the edit modes, IME, copy/paste, fill and
// the context menu are the shared cell controller's, as in the other grids. A form whose profile
// holds the value's parts (一体化) shows the profile's columns, written as the target grid writes
// them (指标性质 a dropdown, `≥95%` in 指标值 fills three cells), with 权重 summed live.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, ColDef, GridApi, ITooltipParams, SpanRowsParams, ValueFormatterParams } from 'ag-grid-community';
import {
  applyComputedScoresEdit, columnChoices, CommandError, deleteRows, deletionSummary, indicatorCellText, insertSelfEvalIndicator, moveRow, pasteIndicatorCells, pasteMessage, pasteSelfEvalBlock,
  SELFEVAL_INDICATOR_FIELDS as SELFEVAL_FIELDS, selfevalGridColumns, selfevalOwnerId, setCellEdit, setCellsEdit, setSelfEvalCellsEdit,
  type SelfEvalGridColumn, type SelfEvalIndicatorField,
} from '../../src-shared/commands';
import { parseAmountInput, type Project, type SelfEvalIndicator, type SelfevalTemplate } from '../../src-shared/model';
import { indicatorWeightTargets, type IndicatorScore, type SelfEvalScores } from '../../src-shared/selfeval';
import { editor, useEditor } from '../app/store';
import { confirmDialog } from '../dialogs/modal';
import { cellKey, indexFindings } from '../app/validation';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights } from './rowHeights';
import { rowCommands, spreadsheetGridProps, useCellController, type GridModel, type MenuItem } from './gridKit';
import type { Cell } from '../../src-shared/grid';
import { levelSpan, runChanges, sameLevelCell } from './levelRuns';
import { WeightSums } from './ProjectIndicatorGrid';

registerGridModules();

type Column = SelfEvalGridColumn['colId'];
// The Hebei/national grid's widths; a profile-columns grid takes the profile's shares.
const WIDTHS: Partial<Record<Column, number>> = { level1: 9, level2: 10, name: 16, description: 16, target: 13, actual: 12, achievement: 9, weight: 7, score: 7, computed: 9, deviation: 14 };
const NUMERIC = new Set<Column>(['weight', 'score', 'computed']);
/** The profile columns with a fixed short width (指标性质, 度量单位 …), as in the target grid. */
const NARROW = new Set<Column>(['operator', 'unit', 'weight', 'score', 'computed']);

/** The computed score as shown: a number, a range for qualitative targets, or why there is none. */
export function computedText(s: IndicatorScore | undefined): string {
  if (!s) return '';
  if (s.kind === 'quantitative') return s.computed;
  if (s.kind === 'qualitative') return `${s.range[0]}–${s.range[1]}`;
  return { 'no-weight': '无分值', 'no-target': '无指标值', 'target-unreadable': '—', 'no-actual': '待填实际值', 'actual-unreadable': '—', 'unit-differs': '单位不同', 'no-achievement': '选择完成情况' }[s.reason];
}

/** A cell as shown: a blank score shows the word an imported table had there (优, flagged by selfeval.score-text). */
function shownValue(ind: SelfEvalIndicator, col: SelfEvalIndicatorField): string {
  return col === 'score' && ind.score === '' && ind.scoreText ? ind.scoreText : ind[col];
}

/** A cell's text (not 计算得分): a profile column as the target grid shows it, else the field. */
function cellText(ind: SelfEvalIndicator, gc: SelfEvalGridColumn, parts: boolean): string {
  return gc.column ? indicatorCellText(ind, gc.column, parts) : shownValue(ind, gc.colId as SelfEvalIndicatorField);
}

/** A typed score the computed one disagrees with (outside the range, for qualitative targets). */
export function scoreDiffers(ind: SelfEvalIndicator, s: IndicatorScore | undefined): boolean {
  if (!s || ind.score === '') return false;
  if (s.kind === 'quantitative') return Number(ind.score) !== Number(s.computed);
  if (s.kind === 'qualitative') return Number(ind.score) < Number(s.range[0]) || Number(ind.score) > Number(s.range[1]);
  return false;
}

const ACHIEVEMENTS = ['', '达成', '部分达成', '未达成'];
const isField = (c: Column): c is SelfEvalIndicatorField => (SELFEVAL_FIELDS as readonly string[]).includes(c);
const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };

export function SelfEvalIndicatorGrid({ project, template, scores }: { project: Project; template: SelfevalTemplate; scores: SelfEvalScores }) {
  const inds = project.selfeval!.indicators;
  const findings = useEditor((s) => s.findings);
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<SelfEvalIndicator> | null>(null);
  const findingsRef = useRef(indexFindings([]));
  const scoresRef = useRef(scores);
  const { parts, columns: gridCols } = useMemo(() => selfevalGridColumns(template), [template]);
  const columns = useMemo<Column[]>(() => gridCols.map((c) => c.colId), [gridCols]);
  const editable = useMemo(() => columns.filter((c): c is SelfEvalIndicatorField => c !== 'computed'), [columns]);
  // The profile's own columns (not the aids): what a paste fills, in order.
  const profileCols = useMemo(() => gridCols.flatMap((c) => (c.column ? [c.column] : [])), [gridCols]);
  const hostRef = useRef<HTMLDivElement>(null);
  // Findings and jumps may arrive before the grid exists (the tab was just opened): redo them when it is ready.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    findingsRef.current = indexFindings(findings);
    scoresRef.current = scores;
    apiRef.current?.refreshCells({ force: true });
  }, [findings, scores, ready]);
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(inds, (widthOf) => {
    // A merged 一级/二级 cell's text counts once, over the rows it spans.
    const cells = inds.map((ind, r) => gridCols.flatMap((gc) => {
      if (gc.colId === 'computed') return [];
      const s = levelSpan(inds, r, gc.colId);
      const text = parts ? cellText(ind, gc, parts) : ind[gc.colId as SelfEvalIndicatorField];
      return s.top === r ? [{ text, widthPx: widthOf(gc.colId), rowSpan: s.bottom - s.top + 1 }] : [];
    }));
    const h = rowHeights(cells, gridLineCounter(), HEIGHT_METRICS);
    return new Map(inds.map((ind, r) => [ind.id, h[r]]));
  });
  useEffect(() => heights.apply(apiRef.current), [heights, inds]);

  // The store's current indicators (the controller may act before React re-renders).
  const current = (): SelfEvalIndicator[] => editor.get().doc?.projects.find((p) => p.id === project.id)?.selfeval?.indicators ?? [];
  const at = (c: Cell) => current()[c.row];
  const rowsRef = useRef(inds);
  rowsRef.current = inds;
  const model: GridModel = {
    columns,
    rowCount: () => current().length,
    span: (r, c) => levelSpan(current(), r, columns[c]),
    editable: (c) => columns[c.col] !== 'computed',
    text: (c) => { const ind = at(c); const gc = gridCols[c.col]; return !ind || gc.colId === 'computed' ? '' : cellText(ind, gc, parts); },
    copyText: (c) => {
      const ind = at(c);
      const gc = gridCols[c.col];
      return !ind ? '' : gc.colId === 'computed' ? computedText(scoresRef.current.rows.get(ind.id)) : cellText(ind, gc, parts);
    },
    commit: (c, text) => {
      const doc = editor.get().doc;
      const ind = at(c);
      const field = columns[c.col];
      if (!doc || !ind || field === 'computed') return true;
      if (parts) {
        // A merged 一级/二级 cell is one cell; a text the column refuses is said at the cell.
        const changes = runChanges(current(), c.row, field, text).map((ch) => ({ rowId: ch.rowId, col: gridCols[c.col], text }));
        const notes: string[] = [];
        try {
          editor.dispatch(setSelfEvalCellsEdit(doc, changes, parts, changes.length > 1 ? '编辑合并单元格' : '编辑单元格', notes));
        } catch (e) { if (e instanceof CommandError) return e.message; throw e; }
        if (notes.length) editor.toast(notes.join('；'));
        return true;
      }
      if (!isField(field)) return true;
      let value = text;
      let note: string | null = null;
      if (field === 'weight' || field === 'score') {
        const a = parseAmountInput(value, 'score');
        if (!a.ok) return a.reason;
        value = a.amount;
        note = a.note;
      }
      // A merged 一级/二级 cell is one cell: what is typed there goes to every row of its run.
      const changes = runChanges(current(), c.row, field, value);
      // A typed score replaces the word an imported table had there (优).
      if (field === 'score' && ind.scoreText) changes.push({ rowId: ind.id, field: 'scoreText', value: '' });
      run(() => editor.dispatch(changes.length > 1 ? setCellsEdit(doc, changes, field === 'score' ? '编辑单元格' : '编辑合并单元格') : setCellEdit(doc, ind.id, field, value)));
      if (note) editor.toast(note);
      return true;
    },
    commitMany: (changes, label) => {
      if (parts) {
        const list = changes.flatMap(({ cell, text }) => runChanges(current(), cell.row, columns[cell.col], text).map((ch) => ({ rowId: ch.rowId, col: gridCols[cell.col], text })));
        const notes: string[] = [];
        run(() => editor.dispatch(setSelfEvalCellsEdit(editor.get().doc!, list, parts, label, notes)));
        if (notes.length) editor.toast(notes.join('；'));
        return;
      }
      const list = changes.flatMap(({ cell, text }) => (columns[cell.col] !== 'computed' ? runChanges(current(), cell.row, columns[cell.col], text) : []));
      run(() => editor.dispatch(setCellsEdit(editor.get().doc!, list, label)));
    },
    paste: (c, matrix) => {
      if (parts) {
        // The profile's columns take a block as the target grid's do; the aids after them take none.
        if (!gridCols[c.col].column) { editor.toast(`“${gridCols[c.col].label}”列不能粘贴，请从表式的列开始粘贴`, 'error'); return; }
        run(() => {
          const res = pasteIndicatorCells(editor.get().doc!, selfevalOwnerId(project.id), Math.min(c.row, current().length), c.col, matrix, profileCols, parts);
          editor.dispatch(res.edit);
          editor.toast(pasteMessage(res, gridCols[profileCols.length - 1].label), res.problems.length || res.dropped.count ? 'error' : 'info');
        });
        return;
      }
      // The computed column takes nothing: a paste there starts at the next editable column.
      const col = Math.max(0, editable.indexOf((columns[c.col] === 'computed' ? columns[c.col + 1] : columns[c.col]) as SelfEvalIndicatorField));
      run(() => {
        const res = pasteSelfEvalBlock(editor.get().doc!, project.id, Math.min(c.row, current().length), editable, col, matrix);
        editor.dispatch(res.edit);
        editor.toast(pasteMessage(res, gridCols.find((x) => x.colId === editable[editable.length - 1])!.label), res.problems.length || res.dropped.count ? 'error' : 'info');
      });
    },
    options: (c, text) => {
      const gc = gridCols[c.col];
      if (gc.column) return [...columnChoices(gc.column)];
      return gc.colId === 'achievement' ? ACHIEVEMENTS.filter((a) => a.includes(text.trim())) : [];
    },
    command: rowCommands({ move: (d) => move(d), insertBelow: () => insert('below'), remove: () => void remove() }),
    menuItems: () => menuItems,
  };
  const { ctl, menu } = useCellController(hostRef, model);
  // Column widths the clerk set are kept per form (the structured form's columns are others).
  const widthsKey = parts ? `selfeval:${template.id}` : 'selfeval';
  const gridProps = useMemo(() => spreadsheetGridProps<SelfEvalIndicator>({ rowId: (r) => r.id, heights, apiRef, ctl, widthsKey }), [heights, ctl, widthsKey]);

  const worst = (p: CellClassParams<SelfEvalIndicator>, col: Column) => (p.data ? findingsRef.current.get(cellKey(p.data.id, col))?.[0].severity : undefined);
  const columnDefs = useMemo<ColDef<SelfEvalIndicator>[]>(() => gridCols.map((gc) => {
    const col = gc.colId;
    const def: ColDef<SelfEvalIndicator> = {
      colId: col, headerName: gc.label, sortable: false, suppressMovable: true, wrapText: true,
      ...(parts ? { flex: gc.share, minWidth: NARROW.has(col) ? 56 : 72 } : { flex: WIDTHS[col], minWidth: NUMERIC.has(col) ? 48 : 60 }),
      // Eleven columns beside the project list and the findings panel at 1366 px: every column
      // stays on screen and a header wraps onto a second line rather than ending in “…”.
      wrapHeaderText: true, autoHeaderHeight: true,
      valueGetter: (p) => (!p.data ? '' : col === 'computed' ? computedText(scoresRef.current.rows.get(p.data.id)) : cellText(p.data, gc, parts)),
      tooltipValueGetter: (p: ITooltipParams<SelfEvalIndicator>) => {
        const list = p.data ? findingsRef.current.get(cellKey(p.data.id, col)) : undefined;
        return list ? list.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n') : undefined;
      },
      cellClass: [`col-${col}`, ...(NUMERIC.has(col) ? ['amount'] : []), ...(col === 'computed' ? ['computed'] : []), ...(parts && gc.aid ? ['aid'] : [])],
      ...(parts && gc.aid ? { headerTooltip: col === 'computed' ? '按指标值、完成值和权重计算的得分（不打印）' : '定性指标的完成情况：达成、部分达成、未达成，用于计算得分（不打印）' } : {}),
      // Rules, not a cellClass function: AG Grid re-evaluates rules on refreshCells (findings and scores arrive after the edit).
      cellClassRules: {
        implicit: (p: CellClassParams<SelfEvalIndicator>) => col === 'weight' && p.data?.weight === '' && !!scoresRef.current.rows.get(p.data.id)?.weight,
        'score-diff': (p: CellClassParams<SelfEvalIndicator>) => (col === 'score' || col === 'computed') && !!p.data && scoreDiffers(p.data, scoresRef.current.rows.get(p.data.id)),
        'cell-error': (p: CellClassParams<SelfEvalIndicator>) => worst(p, col) === 'error',
        'cell-warning': (p: CellClassParams<SelfEvalIndicator>) => worst(p, col) === 'warning',
      },
    };
    // A blank 分值 shows its implicit share (the level-1 weight spread over the level), greyed.
    if (col === 'weight') def.valueFormatter = (p: ValueFormatterParams<SelfEvalIndicator>) => (p.data && p.data.weight === '' ? scoresRef.current.rows.get(p.data.id)?.weight ?? '' : String(p.value ?? ''));
    if (col === 'level1' || col === 'level2') def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<SelfEvalIndicator>) => sameLevelCell(rowsRef.current, nodeA, nodeB, col);
    return def;
  }), [gridCols, parts]);

  // Jump to a cell on request: the selection is state, so it holds whether or not the row is rendered yet.
  const handledSeq = useRef(0);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq || !ready) return;
    const index = inds.findIndex((i) => i.id === focusRequest.rowId);
    if (index < 0) return;
    handledSeq.current = focusRequest.seq;
    ctl.selectCell(index, (columns as string[]).includes(focusRequest.field) ? focusRequest.field : 'name');
  }, [focusRequest, inds, columns, ready, ctl]);

  const focused = () => {
    const list = current();
    const a = ctl.sel.active;
    return list[a.row] ? { index: a.row, field: columns[a.col] } : null;
  };
  const insert = (where: 'above' | 'below') => run(() => {
    const f = focused();
    // Blank 一级/二级: the new row stands alone until the clerk fills them (as in the project grid).
    const index = f ? (where === 'above' ? f.index : levelSpan(current(), f.index, f.field).bottom + 1) : current().length;
    const { edit, id } = insertSelfEvalIndicator(editor.get().doc!, project.id, index);
    editor.dispatch(edit);
    editor.focusCell(id, 'level1');
  });
  // 删除指标: every row the selected block touches, one undo step (asked first when more than one).
  const remove = async () => {
    const f = focused();
    if (!f) return;
    const b = ctl.block();
    const ids = current().slice(b.r0, b.r1 + 1).map((i) => i.id);
    const summary = deletionSummary(editor.get().doc!, ids);
    if (summary.ask && !(await confirmDialog('删除确认', summary.message, '删除'))) { ctl.focus(); return; }
    if (editor.dispatch(deleteRows(editor.get().doc!, ids, ids.length > 1 ? `删除 ${ids.length} 个自评指标` : '删除自评指标')) && current().length) {
      ctl.selectCell(Math.min(b.r0, current().length - 1), f.field, 'nearest');
    }
  };
  const move = (delta: -1 | 1) => {
    const f = focused();
    const ind = f ? current()[f.index] : undefined;
    if (!f || !ind) return;
    const edit = moveRow(editor.get().doc!, ind.id, delta);
    if (edit) { editor.dispatch(edit); editor.focusCell(ind.id, f.field); }
  };
  /** 采用计算得分 for the selected row. */
  const acceptRow = () => {
    const f = focused();
    const ind = f ? current()[f.index] : undefined;
    if (!ind) { editor.toast('请先选中一个指标', 'error'); return; }
    run(() => {
      const edit = applyComputedScoresEdit(editor.get().doc!, project.id, ind.id);
      if (edit) editor.dispatch(edit);
      else editor.toast('该指标没有可采用的计算得分（或已一致）');
    });
  };
  const menuItems: MenuItem[] = [
    { label: '采用本行计算得分', action: acceptRow },
    { separator: true, label: '' },
    { label: '在上方插入指标', action: () => insert('above') },
    { label: '在下方插入指标', command: 'insert-below', action: () => insert('below') },
    { label: '上移', command: 'move-up', action: () => move(-1) },
    { label: '下移', command: 'move-down', action: () => move(1) },
    { label: '删除指标', command: 'delete-rows', action: () => void remove() },
  ];

  return (
    <div className="project-indicators">
      <div className="subtoolbar">
        <span className="subtitle">年度绩效指标完成情况</span>
        <button onClick={acceptRow} data-testid="se-accept-row" title="把选中指标的得分改为计算得分（可撤销）">采用本行计算得分</button>
        <button onClick={() => insert('below')}>下方插入</button>
        <button onClick={() => void remove()} data-testid="se-delete">删除</button>
        <button onClick={() => move(-1)}>上移</button>
        <button onClick={() => move(1)}>下移</button>
        <span className="hint-inline">{template.perIndicatorWeight ? '' : '未填的分值按一级指标权重平均分配（灰色）'}</span>
      </div>
      {parts && columns.includes('weight') && <WeightSums weights={indicatorWeightTargets(project.selfeval!, template)} indicators={inds} />}
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid="selfeval-indicator-grid">
        <AgGridReact<SelfEvalIndicator>
          {...gridProps}
          rowData={inds}
          columnDefs={columnDefs}
          onGridReady={(e) => { gridProps.onGridReady?.(e); setReady(true); }}
          overlayNoRowsTemplate={'<span class="empty-hint">没有指标：点击“下方插入”，或从 Excel/WPS 复制后粘贴。</span>'}
        />
        {menu}
      </div>
    </div>
  );
}
