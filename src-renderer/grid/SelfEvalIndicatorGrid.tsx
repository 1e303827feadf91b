// 绩效自评 indicator grid: the template's columns, the computed score beside the typed one (a
// difference highlighted), findings on cells. Keys, block selection, copy/paste, context menu and
// undo are the shared grid kit's, as in the project indicator grid.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellEditRequestEvent, ColDef, GridApi, ITooltipParams, SpanRowsParams, ValueFormatterParams } from 'ag-grid-community';
import { parseClipboard } from '../../src-shared/clipboard';
import {
  amountFromText, applyComputedScoresEdit, CommandError, deleteRows, insertSelfEvalIndicator, moveRow, pasteSelfEvalBlock,
  setCellEdit, setCellsEdit, type SelfEvalIndicatorField,
} from '../../src-shared/commands';
import type { Project, SelfEvalIndicator, SelfevalTemplate } from '../../src-shared/model';
import type { IndicatorScore, SelfEvalScores } from '../../src-shared/selfeval';
import { editor, useEditor } from '../app/store';
import { matchBinding } from '../app/keys';
import { cellKey, indexFindings } from '../app/validation';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights } from './rowHeights';
import { BlockSelection, ContextMenu, isEditing, spreadsheetGridProps, suppressKeys, TextAreaEditor, useBlockTracking, writeBlockToClipboard, type MenuItem } from './gridKit';

registerGridModules();

type Column = SelfEvalIndicatorField | 'computed';
const HEADERS: Record<Column, string> = {
  level1: '一级指标', level2: '二级指标', name: '三级指标', description: '指标说明', target: '年度指标值', actual: '实际完成值',
  achievement: '完成情况', weight: '分值', score: '得分', computed: '计算得分', deviation: '偏差原因分析及改进措施',
};
const WIDTHS: Record<Column, number> = { level1: 9, level2: 10, name: 18, description: 18, target: 10, actual: 10, achievement: 9, weight: 7, score: 7, computed: 9, deviation: 18 };
const NUMERIC = new Set<Column>(['weight', 'score', 'computed']);

const sameRun = (a: SelfEvalIndicator, b: SelfEvalIndicator, field: 'level1' | 'level2') => !!a[field] && a[field] === b[field] && a.level1 === b.level1;

/** The computed score as shown: a number, a range for qualitative targets, or why there is none. */
export function computedText(s: IndicatorScore | undefined): string {
  if (!s) return '';
  if (s.kind === 'quantitative') return s.computed;
  if (s.kind === 'qualitative') return `${s.range[0]}–${s.range[1]}`;
  return { 'no-weight': '无分值', 'no-target': '无指标值', 'target-unreadable': '—', 'no-actual': '待填实际值', 'actual-unreadable': '—', 'unit-differs': '单位不同', 'no-achievement': '选择完成情况' }[s.reason];
}

/** A typed score the computed one disagrees with (outside the range, for qualitative targets). */
export function scoreDiffers(ind: SelfEvalIndicator, s: IndicatorScore | undefined): boolean {
  if (!s || ind.score === '') return false;
  if (s.kind === 'quantitative') return Number(ind.score) !== Number(s.computed);
  if (s.kind === 'qualitative') return Number(ind.score) < Number(s.range[0]) || Number(ind.score) > Number(s.range[1]);
  return false;
}

export function SelfEvalIndicatorGrid({ project, template, scores }: { project: Project; template: SelfevalTemplate; scores: SelfEvalScores }) {
  const inds = project.selfeval!.indicators;
  const findings = useEditor((s) => s.findings);
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<SelfEvalIndicator> | null>(null);
  const findingsRef = useRef(indexFindings([]));
  const scoresRef = useRef(scores);
  const columns = useMemo<Column[]>(() => ['level1', 'level2', 'name', ...(template.descriptionColumn ? ['description' as const] : []),
    'target', 'actual', 'achievement', 'weight', 'score', 'computed', 'deviation'], [template]);
  const editable = useMemo(() => columns.filter((c): c is SelfEvalIndicatorField => c !== 'computed'), [columns]);
  const sel = useMemo(() => new BlockSelection(), []);
  const hostRef = useRef<HTMLDivElement>(null);
  useBlockTracking(hostRef, sel, columns);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  // Findings and jumps may arrive before the grid exists (the tab was just opened): redo them when it is ready.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    findingsRef.current = indexFindings(findings);
    scoresRef.current = scores;
    apiRef.current?.refreshCells({ force: true });
  }, [findings, scores, ready]);
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(inds, (widthOf) => {
    const h = rowHeights(inds.map((ind) => editable.map((f) => ({ text: ind[f], widthPx: widthOf(f), rowSpan: 1 }))), gridLineCounter(), HEIGHT_METRICS);
    return new Map(inds.map((ind, r) => [ind.id, h[r]]));
  });
  useEffect(() => heights.apply(apiRef.current), [heights, inds]);
  const gridProps = useMemo(() => spreadsheetGridProps<SelfEvalIndicator>({ rowId: (r) => r.id, heights, apiRef, openMenu: setMenu }), [heights]);


  useEffect(() => { sel.onChange = () => apiRef.current?.refreshCells({ force: true }); }, [sel]);

  const worst = (p: CellClassParams<SelfEvalIndicator>, col: Column) => (p.data ? findingsRef.current.get(cellKey(p.data.id, col))?.[0].severity : undefined);
  const columnDefs = useMemo<ColDef<SelfEvalIndicator>[]>(() => columns.map((col, colIndex) => {
    const def: ColDef<SelfEvalIndicator> = {
      colId: col, headerName: HEADERS[col], flex: WIDTHS[col], minWidth: NUMERIC.has(col) ? 60 : 80, editable: col !== 'computed', sortable: false, suppressMovable: true,
      suppressKeyboardEvent: suppressKeys, wrapText: true,
      valueGetter: (p) => (!p.data ? '' : col === 'computed' ? computedText(scoresRef.current.rows.get(p.data.id)) : p.data[col]),
      tooltipValueGetter: (p: ITooltipParams<SelfEvalIndicator>) => {
        const list = p.data ? findingsRef.current.get(cellKey(p.data.id, col)) : undefined;
        return list ? list.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n') : undefined;
      },
      cellClass: [`col-${col}`, ...(NUMERIC.has(col) ? ['amount'] : []), ...(col === 'computed' ? ['computed'] : [])],
      // Rules, not a cellClass function: AG Grid re-evaluates rules on refreshCells (findings and scores arrive after the edit).
      cellClassRules: {
        implicit: (p: CellClassParams<SelfEvalIndicator>) => col === 'weight' && p.data?.weight === '' && !!scoresRef.current.rows.get(p.data.id)?.weight,
        'score-diff': (p: CellClassParams<SelfEvalIndicator>) => (col === 'score' || col === 'computed') && !!p.data && scoreDiffers(p.data, scoresRef.current.rows.get(p.data.id)),
        'cell-error': (p: CellClassParams<SelfEvalIndicator>) => worst(p, col) === 'error',
        'cell-warning': (p: CellClassParams<SelfEvalIndicator>) => worst(p, col) === 'warning',
        'in-block': (p: CellClassParams<SelfEvalIndicator>) => sel.isMulti() && p.node.rowIndex != null && sel.contains(p.node.rowIndex, colIndex),
      },
    };
    // A blank 分值 shows its implicit share (the level-1 weight spread over the level), greyed.
    if (col === 'weight') def.valueFormatter = (p: ValueFormatterParams<SelfEvalIndicator>) => (p.data && p.data.weight === '' ? scoresRef.current.rows.get(p.data.id)?.weight ?? '' : String(p.value ?? ''));
    if (col === 'level1' || col === 'level2') def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<SelfEvalIndicator>) => !!nodeA?.data && !!nodeB?.data && sameRun(nodeA.data, nodeB.data, col);
    if (col === 'achievement') {
      def.cellEditor = 'agSelectCellEditor';
      def.cellEditorParams = { values: ['', '达成', '部分达成', '未达成'] };
    } else if (col !== 'computed') {
      def.cellEditor = TextAreaEditor; def.cellEditorPopup = true;
    }
    return def;
  }), [columns, sel]);

  const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<SelfEvalIndicator>) => {
    const doc = editor.get().doc;
    if (!doc) return;
    const field = e.column.getColId();
    let value = e.newValue == null ? '' : String(e.newValue);
    if (field === 'weight' || field === 'score') {
      const a = amountFromText(value.replace(/分/g, ''));
      if (a === null) { editor.toast(`“${value}”不是数字`, 'error'); return; }
      value = a;
    }
    run(() => editor.dispatch(setCellEdit(doc, e.data.id, field, value)));
  }, []);


  const handledSeq = useRef(0);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq) return;
    const t = setTimeout(() => {
      const api = apiRef.current;
      const index = inds.findIndex((i) => i.id === focusRequest.rowId);
      if (!api || index < 0) return;
      handledSeq.current = focusRequest.seq;
      const col = (columns as string[]).includes(focusRequest.field) ? focusRequest.field : 'name';
      api.ensureIndexVisible(index, 'middle');
      requestAnimationFrame(() => requestAnimationFrame(() => api.setFocusedCell(index, col)));
    }, 0);
    return () => clearTimeout(t);
  }, [focusRequest, inds, columns, ready]);

  const focused = () => {
    const c = apiRef.current?.getFocusedCell();
    return c ? { index: c.rowIndex, field: c.column.getColId() } : null;
  };
  const insert = (where: 'above' | 'below') => run(() => {
    const f = focused();
    const cur = f ? inds[f.index] : undefined;
    const index = f ? (where === 'above' ? f.index : f.index + 1) : inds.length;
    const { edit, id } = insertSelfEvalIndicator(editor.get().doc!, project.id, index, cur ? { level1: cur.level1, level2: cur.level2 } : {});
    editor.dispatch(edit);
    editor.focusCell(id, 'name');
  });
  const remove = () => {
    const f = focused();
    if (f && inds[f.index]) editor.dispatch(deleteRows(editor.get().doc!, [inds[f.index].id], '删除自评指标'));
  };
  const move = (delta: -1 | 1) => {
    const f = focused();
    const ind = f ? inds[f.index] : undefined;
    if (!f || !ind) return;
    const edit = moveRow(editor.get().doc!, ind.id, delta);
    if (edit) { editor.dispatch(edit); editor.focusCell(ind.id, f.field); }
  };
  const clear = () => {
    const b = sel.block();
    if (!b) return;
    const changes: { rowId: string; field: string; value: string }[] = [];
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) {
      const ind = inds[r];
      if (ind && columns[c] !== 'computed') changes.push({ rowId: ind.id, field: columns[c], value: '' });
    }
    run(() => editor.dispatch(setCellsEdit(editor.get().doc!, changes, '清除内容')));
  };
  /** 采用计算得分 for the focused row. */
  const acceptRow = () => {
    const f = focused();
    const ind = f ? inds[f.index] : undefined;
    if (!ind) { editor.toast('请先选中一个指标', 'error'); return; }
    run(() => {
      const edit = applyComputedScoresEdit(editor.get().doc!, project.id, ind.id);
      if (edit) editor.dispatch(edit);
      else editor.toast('该指标没有可采用的计算得分（或已一致）');
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (isEditing(apiRef.current) || menu) return;
    const cmd = matchBinding(e, 'grid');
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    if (cmd === 'moveUp') move(-1);
    else if (cmd === 'moveDown') move(1);
    else if (cmd === 'clearCells') clear();
    else if (cmd === 'insertBelow') insert('below');
    else if (cmd === 'deleteRows') remove();
  };
  const onCopy = (e: React.ClipboardEvent) => {
    if (isEditing(apiRef.current)) return;
    const b = sel.block();
    if (!b) return;
    const m: string[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const ind = inds[r];
      if (ind) m.push(columns.slice(b.c0, b.c1 + 1).map((c) => (c === 'computed' ? computedText(scoresRef.current.rows.get(ind.id)) : ind[c])));
    }
    writeBlockToClipboard(e, m);
  };
  const onPaste = (e: React.ClipboardEvent) => {
    if (isEditing(apiRef.current)) return;
    e.preventDefault();
    const matrix = parseClipboard({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') });
    const f = focused();
    const at = f ? columns.indexOf(f.field as Column) : 0;
    // The computed column takes nothing: a paste there starts at the next editable column.
    const col = Math.max(0, editable.indexOf((columns[at] === 'computed' ? columns[at + 1] : columns[at]) as SelfEvalIndicatorField));
    run(() => {
      const res = pasteSelfEvalBlock(editor.get().doc!, project.id, f ? f.index : inds.length, editable, col, matrix);
      editor.dispatch(res.edit);
      editor.toast(res.problems.length ? `已粘贴 ${res.rows} 行；${res.problems.length} 个单元格未粘贴：${res.problems[0].message}` : `已粘贴 ${res.rows} 行 × ${res.cols} 列`, res.problems.length ? 'error' : 'info');
    });
  };
  const menuItems: MenuItem[] = [
    { label: '采用本行计算得分', action: acceptRow },
    { separator: true, label: '' },
    { label: '在上方插入指标', action: () => insert('above') },
    { label: '在下方插入指标', shortcut: 'Ctrl+Enter', action: () => insert('below') },
    { label: '上移', shortcut: 'Alt+↑', action: () => move(-1) },
    { label: '下移', shortcut: 'Alt+↓', action: () => move(1) },
    { label: '清除内容', shortcut: 'Delete', action: clear },
    { label: '删除指标', shortcut: 'Ctrl+Delete', action: remove },
  ];

  return (
    <div className="project-indicators">
      <div className="subtoolbar">
        <span className="subtitle">年度绩效指标完成情况</span>
        <button onClick={acceptRow} data-testid="se-accept-row" title="把选中指标的得分改为计算得分（可撤销）">采用本行计算得分</button>
        <button onClick={() => insert('below')}>下方插入</button>
        <button onClick={remove}>删除</button>
        <button onClick={() => move(-1)}>上移</button>
        <button onClick={() => move(1)}>下移</button>
        <span className="hint-inline">{template.perIndicatorWeight ? '' : '未填的分值按一级指标权重平均分配（灰色）'}</span>
      </div>
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid="selfeval-indicator-grid" onKeyDown={onKeyDown} onCopy={onCopy} onPaste={onPaste}>
        <AgGridReact<SelfEvalIndicator>
          {...gridProps}
          rowData={inds}
          columnDefs={columnDefs}
          onCellEditRequest={onCellEditRequest}
          onGridReady={(e) => { gridProps.onGridReady?.(e); setReady(true); }}
          overlayNoRowsTemplate={'<span class="empty-hint">没有指标：点击“下方插入”，或从 Excel/WPS 复制后粘贴。</span>'}
        />
        {menu && <ContextMenu x={menu.x} y={menu.y} items={menuItems} onClose={() => setMenu(null)} />}
      </div>
    </div>
  );
}
