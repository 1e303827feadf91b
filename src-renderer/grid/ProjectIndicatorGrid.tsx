// A project's indicator rows: 一级/二级 chosen from the template vocabulary, spans over equal runs.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellEditRequestEvent, ColDef, GridApi, ITooltipParams, SpanRowsParams } from 'ag-grid-community';
import { parseClipboard } from '../../src-shared/clipboard';
import {
  CommandError, deleteRows, insertProjectIndicator, moveRow, sortIndicatorsByTemplate, pasteProjectIndicatorBlock, PROJECT_INDICATOR_FIELDS, setCellEdit, setCellsEdit,
} from '../../src-shared/commands';
import { findLevel1, templateOrDefault, type Project, type ProjectIndicator } from '../../src-shared/model';
import { editor, useEditor } from '../app/store';
import { useDiffMarks } from '../app/cycle';
import { matchBinding } from '../app/keys';
import { cellKey, indexFindings } from '../app/validation';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights, type HeightCell } from './rowHeights';
import { BlockSelection, ContextMenu, isEditing, spreadsheetGridProps, suppressKeys, TextAreaEditor, useBlockTracking, writeBlockToClipboard, type MenuItem } from './gridKit';

registerGridModules();

const HEADERS: Record<string, string> = { level1: '一级指标', level2: '二级指标', name: '三级指标', description: '绩效指标描述', value: '指标值', basis: '指标值确定依据' };
const WIDTHS: Record<string, number> = { level1: 10, level2: 12, name: 22, description: 28, value: 12, basis: 16 };

/** 一级 cells span runs of the same 一级, 二级 cells runs of the same 一级 + 二级 (as the grid spans them). */
const sameRun = (a: ProjectIndicator, b: ProjectIndicator, field: 'level1' | 'level2') => !!a[field] && a[field] === b[field] && a.level1 === b.level1;
function runLength(inds: ProjectIndicator[], r: number, field: 'level1' | 'level2'): number {
  let n = 1;
  while (r + n < inds.length && sameRun(inds[r], inds[r + n], field)) n++;
  return n;
}

function indicatorRowHeights(inds: ProjectIndicator[], widthOf: (colId: string) => number): Map<string, number> {
  const cells: HeightCell[][] = inds.map((ind, r) => PROJECT_INDICATOR_FIELDS.flatMap((field): HeightCell[] => {
    const spanned = field === 'level1' || field === 'level2';
    if (spanned && r > 0 && sameRun(inds[r - 1], ind, field)) return []; // inside the run above
    return [{ text: ind[field], widthPx: widthOf(field), rowSpan: spanned ? runLength(inds, r, field) : 1 }];
  }));
  const heights = rowHeights(cells, gridLineCounter(), HEIGHT_METRICS);
  return new Map(inds.map((ind, r) => [ind.id, heights[r]]));
}

export function ProjectIndicatorGrid({ project }: { project: Project }) {
  const templateId = useEditor((s) => s.doc!.meta.templateId);
  const findings = useEditor((s) => s.findings);
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<ProjectIndicator> | null>(null);
  const findingsRef = useRef(indexFindings([]));
  const sel = useMemo(() => new BlockSelection(), []);
  const hostRef = useRef<HTMLDivElement>(null);
  useBlockTracking(hostRef, sel, PROJECT_INDICATOR_FIELDS);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const template = templateOrDefault(templateId);
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(project.indicators, (widthOf) => indicatorRowHeights(project.indicators, widthOf));
  useEffect(() => heights.apply(apiRef.current), [heights, project.indicators]);
  const gridProps = useMemo(() => spreadsheetGridProps<ProjectIndicator>({ rowId: (r) => r.id, heights, apiRef, openMenu: setMenu }), [heights]);

  useEffect(() => {
    findingsRef.current = indexFindings(findings);
    apiRef.current?.refreshCells({ force: true });
  }, [findings]);
  useEffect(() => { sel.onChange = () => apiRef.current?.refreshCells({ force: true }); }, [sel]);
  const diffMarks = useDiffMarks();
  const diffRef = useRef(diffMarks);
  useEffect(() => { diffRef.current = diffMarks; apiRef.current?.refreshCells({ force: true }); }, [diffMarks]);

  const columnDefs = useMemo<ColDef<ProjectIndicator>[]>(() => PROJECT_INDICATOR_FIELDS.map((field, colIndex) => {
    const def: ColDef<ProjectIndicator> = {
      colId: field, field, headerName: HEADERS[field], flex: WIDTHS[field], minWidth: 80, editable: true, sortable: false, suppressMovable: true,
      suppressKeyboardEvent: suppressKeys, wrapText: true,
      tooltipValueGetter: (p: ITooltipParams<ProjectIndicator>) => {
        const list = p.data ? findingsRef.current.get(cellKey(p.data.id, field)) : undefined;
        return list ? list.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n') : undefined;
      },
      cellClass: (p: CellClassParams<ProjectIndicator>) => {
        const cls: string[] = [`col-${field}`];
        const list = p.data ? findingsRef.current.get(cellKey(p.data.id, field)) : undefined;
        if (list) cls.push(list[0].severity === 'error' ? 'cell-error' : 'cell-warning');
        const mark = p.data ? diffRef.current.get(cellKey(p.data.id, field)) : undefined;
        if (mark) cls.push(mark);
        if (sel.isMulti() && p.node.rowIndex != null && sel.contains(p.node.rowIndex, colIndex)) cls.push('in-block');
        return cls.join(' ');
      },
    };
    if (field === 'level1' || field === 'level2') {
      def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<ProjectIndicator>) => !!nodeA?.data && !!nodeB?.data && sameRun(nodeA.data, nodeB.data, field);
    }
    if (field === 'level1') {
      def.cellEditor = 'agSelectCellEditor';
      def.cellEditorParams = { values: ['', ...template.level1.map((l) => l.name)] };
    } else if (field === 'level2') {
      def.cellEditor = 'agSelectCellEditor';
      def.cellEditorParams = (p: { data?: ProjectIndicator }) => {
        const l1 = p.data ? findLevel1(template, p.data.level1) : undefined;
        return { values: ['', ...(l1 ? l1.level2 : template.level1.flatMap((l) => l.level2))] };
      };
    } else {
      def.cellEditor = TextAreaEditor; def.cellEditorPopup = true;
    }
    return def;
  }), [template, sel]);

  const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<ProjectIndicator>) => {
    const doc = editor.get().doc;
    if (!doc) return;
    run(() => editor.dispatch(setCellEdit(doc, e.data.id, e.column.getColId(), e.newValue == null ? '' : String(e.newValue))));
  }, []);

  const handledSeq = useRef(0);
  // A jump to another project mounts this grid afresh: the request waits until its rows are rendered.
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq) return;
    const t = setTimeout(() => {
      const api = apiRef.current;
      if (!api) return;
      const index = project.indicators.findIndex((i) => i.id === focusRequest.rowId);
      if (index < 0) return;
      handledSeq.current = focusRequest.seq;
      const col = (PROJECT_INDICATOR_FIELDS as readonly string[]).includes(focusRequest.field) ? focusRequest.field : 'name';
      api.ensureIndexVisible(index, 'middle');
      requestAnimationFrame(() => requestAnimationFrame(() => api.setFocusedCell(index, col)));
    }, 0);
    return () => clearTimeout(t);
  }, [focusRequest, project, rendered]);

  const focused = () => {
    const c = apiRef.current?.getFocusedCell();
    return c ? { index: c.rowIndex, field: c.column.getColId() } : null;
  };

  const insert = (where: 'above' | 'below') => {
    const doc = editor.get().doc!;
    const f = focused();
    const cur = f ? project.indicators[f.index] : undefined;
    const index = f ? (where === 'above' ? f.index : f.index + 1) : project.indicators.length;
    // A new row continues the current 一级/二级 run: the usual next step is one more indicator there.
    run(() => {
      const { edit, id } = insertProjectIndicator(doc, project.id, index, cur ? { level1: cur.level1, level2: cur.level2 } : {});
      editor.dispatch(edit);
      editor.focusCell(id, 'name');
    });
  };
  const remove = () => {
    const f = focused();
    const doc = editor.get().doc!;
    if (!f || !project.indicators[f.index]) return;
    editor.dispatch(deleteRows(doc, [project.indicators[f.index].id], '删除指标'));
  };
  const move = (delta: -1 | 1) => {
    const f = focused();
    const doc = editor.get().doc!;
    const ind = f ? project.indicators[f.index] : undefined;
    if (!f || !ind) return;
    const edit = moveRow(doc, ind.id, delta);
    if (edit) { editor.dispatch(edit); editor.focusCell(ind.id, f.field); }
  };
  const sortByTemplate = () => {
    const edit = sortIndicatorsByTemplate(editor.get().doc!, project.id);
    if (edit) editor.dispatch(edit); else editor.toast('指标已是模板顺序');
  };
  const clear = () => {
    const b = sel.block();
    const doc = editor.get().doc!;
    if (!b) return;
    const changes: { rowId: string; field: string; value: string }[] = [];
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) {
      const ind = project.indicators[r];
      if (ind) changes.push({ rowId: ind.id, field: PROJECT_INDICATOR_FIELDS[c], value: '' });
    }
    run(() => editor.dispatch(setCellsEdit(doc, changes, '清除内容')));
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
      const ind = project.indicators[r] as unknown as Record<string, string> | undefined;
      if (ind) m.push(PROJECT_INDICATOR_FIELDS.slice(b.c0, b.c1 + 1).map((f) => ind[f]));
    }
    writeBlockToClipboard(e, m);
  };
  const pasteMatrix = (matrix: string[][]) => {
    const doc = editor.get().doc!;
    const f = focused();
    const index = f ? f.index : project.indicators.length;
    const col = f ? PROJECT_INDICATOR_FIELDS.indexOf(f.field as (typeof PROJECT_INDICATOR_FIELDS)[number]) : 0;
    const res = pasteProjectIndicatorBlock(doc, project.id, index, Math.max(0, col), matrix);
    editor.dispatch(res.edit);
    editor.toast(`已粘贴 ${res.rows} 行 × ${res.cols} 列`);
  };
  const onPaste = (e: React.ClipboardEvent) => {
    if (isEditing(apiRef.current)) return;
    e.preventDefault();
    pasteMatrix(parseClipboard({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }));
  };
  const menuItems: MenuItem[] = [
    { label: '在上方插入指标', action: () => insert('above') },
    { label: '在下方插入指标', shortcut: 'Ctrl+Enter', action: () => insert('below') },
    { separator: true, label: '' },
    { label: '上移', shortcut: 'Alt+↑', action: () => move(-1) },
    { label: '下移', shortcut: 'Alt+↓', action: () => move(1) },
    { label: '按模板顺序排列指标', action: sortByTemplate },
    { label: '清除内容', shortcut: 'Delete', action: clear },
    { label: '删除指标', shortcut: 'Ctrl+Delete', action: remove },
  ];

  return (
    <div className="project-indicators">
      <div className="subtoolbar">
        <span className="subtitle">绩效指标</span>
        <button onClick={() => insert('above')}>上方插入</button>
        <button onClick={() => insert('below')} data-testid="pi-insert-below">下方插入</button>
        <button onClick={remove}>删除</button>
        <button onClick={() => move(-1)}>上移</button>
        <button onClick={() => move(1)}>下移</button>
        <button onClick={sortByTemplate} data-testid="pi-sort-template" title="把本项目的指标按模板的一级/二级顺序重排（可撤销）">按模板顺序排列指标</button>
      </div>
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid="project-indicator-grid" onKeyDown={onKeyDown} onCopy={onCopy} onPaste={onPaste}>
        <AgGridReact<ProjectIndicator>
          {...gridProps}
          rowData={project.indicators}
          columnDefs={columnDefs}
          onCellEditRequest={onCellEditRequest}
          onFirstDataRendered={() => setRendered(true)}
          overlayNoRowsTemplate={'<span class="empty-hint">还没有指标：点击“下方插入”，或从 Excel/WPS 复制后粘贴。</span>'}
        />
        {menu && <ContextMenu x={menu.x} y={menu.y} items={menuItems} onClose={() => setMenu(null)} />}
      </div>
    </div>
  );
}
