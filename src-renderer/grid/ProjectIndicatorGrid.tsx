// A project's indicator rows: 一级/二级 chosen from the template vocabulary, spans over equal runs.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, ColDef, GridApi, ITooltipParams, SpanRowsParams } from 'ag-grid-community';
import {
  CommandError, deleteRows, deletionSummary, insertProjectIndicator, moveRow, sortIndicatorsByTemplate, pasteMessage, pasteProjectIndicatorBlock, PROJECT_INDICATOR_FIELDS, setCellEdit, setCellsEdit,
} from '../../src-shared/commands';
import { findLevel1, templateOrDefault, type Project, type ProjectIndicator } from '../../src-shared/model';
import { editor, useEditor } from '../app/store';
import { confirmDialog } from '../dialogs/modal';
import { cellKey } from '../app/validation';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights, type HeightCell } from './rowHeights';
import { rowCommands, spreadsheetGridProps, useCellController, useCellMarks, type GridModel, type MenuItem } from './gridKit';
import type { Cell } from '../../src-shared/grid';
import { projectFill } from '../../src-shared/library/fill';
import { GridNameSuggest } from './NameSuggest';
import { levelSpansOf } from '../../src-shared/layout/runs';
import { levelSpan, runChanges, sameLevelCell } from './levelRuns';

registerGridModules();

const HEADERS: Record<string, string> = { level1: '一级指标', level2: '二级指标', name: '三级指标', description: '绩效指标描述', value: '指标值', basis: '指标值确定依据' };
const WIDTHS: Record<string, number> = { level1: 10, level2: 12, name: 22, description: 28, value: 12, basis: 16 };

function indicatorRowHeights(inds: ProjectIndicator[], widthOf: (colId: string) => number): Map<string, number> {
  const spans = levelSpansOf(inds);
  const cells: HeightCell[][] = inds.map((ind, r) => PROJECT_INDICATOR_FIELDS.flatMap((field): HeightCell[] => {
    if (field !== 'level1' && field !== 'level2') return [{ text: ind[field], widthPx: widthOf(field), rowSpan: 1 }];
    const s = spans[field][r];
    return s.top === r ? [{ text: ind[field], widthPx: widthOf(field), rowSpan: s.bottom - s.top + 1 }] : []; // inside the run above
  }));
  const heights = rowHeights(cells, gridLineCounter(), HEIGHT_METRICS);
  return new Map(inds.map((ind, r) => [ind.id, heights[r]]));
}

const FIELDS = PROJECT_INDICATOR_FIELDS;
const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };

export function ProjectIndicatorGrid({ project }: { project: Project }) {
  const templateId = useEditor((s) => s.doc!.meta.templateId);
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<ProjectIndicator> | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const template = templateOrDefault(templateId);
  const heights = useMemo(() => new RowHeightKeeper(), []);
  heights.setSource(project.indicators, (widthOf) => indicatorRowHeights(project.indicators, widthOf));
  useEffect(() => heights.apply(apiRef.current), [heights, project.indicators]);

  // The store's current indicators of this project (the controller may act before React re-renders).
  const current = (): ProjectIndicator[] => editor.get().doc?.projects.find((p) => p.id === project.id)?.indicators ?? [];
  const at = (c: Cell) => current()[c.row] as (ProjectIndicator & Record<string, string>) | undefined;
  const rowsRef = useRef(project.indicators);
  rowsRef.current = project.indicators;
  const model: GridModel = {
    columns: FIELDS,
    rowCount: () => current().length,
    span: (r, c) => levelSpan(current(), r, FIELDS[c]),
    text: (c) => at(c)?.[FIELDS[c.col]] ?? '',
    copyText: (c) => at(c)?.[FIELDS[c.col]] ?? '',
    // A merged 一级/二级 cell is one cell: what is typed there goes to every row of its run.
    commit: (c, text) => {
      const doc = editor.get().doc;
      const changes = runChanges(current(), c.row, FIELDS[c.col], text);
      if (doc && changes.length) run(() => editor.dispatch(changes.length > 1 ? setCellsEdit(doc, changes, '编辑合并单元格') : setCellEdit(doc, changes[0].rowId, changes[0].field, text)));
      return true;
    },
    commitMany: (changes, label) => {
      const doc = editor.get().doc;
      if (!doc) return;
      const list = changes.flatMap(({ cell, text }) => runChanges(current(), cell.row, FIELDS[cell.col], text));
      run(() => editor.dispatch(setCellsEdit(doc, list, label)));
    },
    paste: (c, matrix) => {
      const doc = editor.get().doc!;
      const res = pasteProjectIndicatorBlock(doc, project.id, c.row, c.col, matrix);
      editor.dispatch(res.edit);
      editor.toast(pasteMessage(res, HEADERS[FIELDS[FIELDS.length - 1]]), res.dropped.count ? 'error' : 'info');
    },
    // 一级/二级 come from the template's vocabulary: the editor lists them, filtered by what is typed.
    options: (c, text) => {
      const field = FIELDS[c.col];
      if (field !== 'level1' && field !== 'level2') return [];
      const ind = at(c);
      const l1 = ind ? findLevel1(template, ind.level1) : undefined;
      const all = field === 'level1' ? template.level1.map((l) => l.name) : l1 ? l1.level2 : template.level1.flatMap((l) => l.level2);
      const hits = all.filter((v) => v.includes(text.trim()));
      return hits.length ? hits : all;
    },
    command: rowCommands({ move: (d) => move(d), insertBelow: () => insert('below'), remove: () => void remove() }),
    menuItems: () => menuItems,
  };
  const { ctl, menu } = useCellController(hostRef, model);
  const gridProps = useMemo(() => spreadsheetGridProps<ProjectIndicator>({ rowId: (r) => r.id, heights, apiRef, ctl, widthsKey: 'project' }), [heights, ctl]);

  const { findingsRef, diffRef } = useCellMarks(apiRef);

  const columnDefs = useMemo<ColDef<ProjectIndicator>[]>(() => FIELDS.map((field) => {
    const def: ColDef<ProjectIndicator> = {
      colId: field, field, headerName: HEADERS[field], flex: WIDTHS[field], minWidth: 80, sortable: false, suppressMovable: true, wrapText: true,
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
        return cls.join(' ');
      },
    };
    if (field === 'level1' || field === 'level2') {
      def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<ProjectIndicator>) => sameLevelCell(rowsRef.current, nodeA, nodeB, field);
    }
    return def;
  }), []);

  // Jump to a cell on request (findings panel, inserted rows): the selection is state, so it holds
  // whether or not the virtualised row is rendered yet.
  const handledSeq = useRef(0);
  // A jump that mounts this grid (from another tab or project) waits until its rows are rendered.
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!focusRequest || handledSeq.current === focusRequest.seq || !rendered) return;
    const index = project.indicators.findIndex((i) => i.id === focusRequest.rowId);
    if (index < 0) return;
    handledSeq.current = focusRequest.seq;
    ctl.selectCell(index, (FIELDS as readonly string[]).includes(focusRequest.field) ? focusRequest.field : 'name');
  }, [focusRequest, project, ctl, rendered]);

  const insert = (where: 'above' | 'below') => {
    const doc = editor.get().doc!;
    const inds = current();
    const a = inds.length ? ctl.sel.active : null;
    const index = a ? (where === 'above' ? a.row : ctl.shape().span(a.row, a.col).bottom + 1) : inds.length;
    // A new row starts with blank 一级/二级, so it stands alone (blank cells never merge) and what the
    // clerk picks there changes this row only; picking the 一级/二级 of the row above merges it into that run.
    run(() => {
      const { edit, id } = insertProjectIndicator(doc, project.id, index);
      editor.dispatch(edit);
      editor.focusCell(id, 'level1');
    });
  };
  // 删除行: every row the selected block touches, one undo step (asked first when more than one).
  const remove = async () => {
    const a = ctl.sel.active;
    const b = ctl.block();
    const ids = current().slice(b.r0, b.r1 + 1).map((i) => i.id);
    if (!ids.length) return;
    const summary = deletionSummary(editor.get().doc!, ids);
    if (summary.ask && !(await confirmDialog('删除确认', summary.message, '删除'))) { ctl.focus(); return; }
    const doc = editor.get().doc!;
    if (editor.dispatch(deleteRows(doc, ids, ids.length > 1 ? `删除 ${ids.length} 个指标` : '删除指标')) && current().length) ctl.selectCell(Math.min(b.r0, current().length - 1), FIELDS[a.col], 'nearest');
  };
  const move = (delta: -1 | 1) => {
    const a = ctl.sel.active;
    const doc = editor.get().doc!;
    const ind = current()[a.row];
    if (!ind) return;
    const edit = moveRow(doc, ind.id, delta);
    if (edit) { editor.dispatch(edit); editor.focusCell(ind.id, FIELDS[a.col]); }
  };
  const sortByTemplate = () => {
    const edit = sortIndicatorsByTemplate(editor.get().doc!, project.id);
    if (edit) editor.dispatch(edit); else editor.toast('指标已是模板顺序');
  };
  const menuItems: MenuItem[] = [
    { label: '在上方插入指标', action: () => insert('above') },
    { label: '在下方插入指标', shortcut: 'Ctrl+Enter', action: () => insert('below') },
    { separator: true, label: '' },
    { label: '上移', shortcut: 'Alt+↑', action: () => move(-1) },
    { label: '下移', shortcut: 'Alt+↓', action: () => move(1) },
    { label: '按模板顺序排列指标', action: sortByTemplate },
    { label: '删除行', shortcut: 'Ctrl+Delete', action: () => void remove() },
  ];

  return (
    <div className="project-indicators">
      <div className="subtoolbar">
        <span className="subtitle">绩效指标</span>
        <button onClick={() => insert('above')} data-testid="pi-insert-above">上方插入</button>
        <button onClick={() => insert('below')} data-testid="pi-insert-below">下方插入</button>
        <button onClick={() => void remove()} data-testid="pi-delete">删除</button>
        <button onClick={() => move(-1)}>上移</button>
        <button onClick={() => move(1)}>下移</button>
        <button onClick={sortByTemplate} data-testid="pi-sort-template" title="把本项目的指标按模板的一级/二级顺序重排（可撤销）">按模板顺序排列指标</button>
      </div>
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid="project-indicator-grid">
        <AgGridReact<ProjectIndicator>
          {...gridProps}
          rowData={project.indicators}
          columnDefs={columnDefs}
          onFirstDataRendered={(e) => { gridProps.onFirstDataRendered?.(e); setRendered(true); }}
          overlayNoRowsTemplate={'<span class="empty-hint">还没有指标：点击“下方插入”，或从 Excel/WPS 复制后粘贴。</span>'}
        />
        {menu}
        <GridNameSuggest ctl={ctl} column="name" kind="project" level1Of={(c) => at(c)?.level1 ?? ''} choose={(c, entry) => {
          const ind = at(c);
          const doc = editor.get().doc;
          if (!ind || !doc) return;
          const changes = Object.entries(projectFill(ind, entry)).map(([field, value]) => ({ rowId: ind.id, field, value: value as string }));
          run(() => editor.dispatch(setCellsEdit(doc, changes, '从指标库填入')));
        }} />
      </div>
    </div>
  );
}
