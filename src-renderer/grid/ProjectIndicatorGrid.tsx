// A project's indicator rows in the columns of the document's profile (issue 18): 一级/二级 chosen
// from the template vocabulary, spans over equal runs; in a structured form 指标性质 and 指标方向 are
// dropdowns, 指标值 | 度量单位 their own cells, 权重 summed live and empty 评（扣）分标准 drafted grey.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, ColDef, GridApi, ICellRendererParams, ITooltipParams, SpanRowsParams } from 'ag-grid-community';
import {
  columnChoices, CommandError, DEPT_WIDE_ID, insertDeptIndicator, deleteRows, deletionSummary, indicatorCellText, insertProjectIndicator, moveRow, pasteIndicatorCells, pasteMessage, sortIndicatorsByTemplate, pasteProjectIndicatorBlock, PROJECT_INDICATOR_FIELDS, setCellsEdit, setIndicatorCellsEdit,
} from '../../src-shared/commands';
import { compareAmounts, findLevel1, sumAmounts, templateOrDefault, type Project, type ProjectIndicator } from '../../src-shared/model';
import { columnsOf, DEFAULT_PROFILE_ID, getTargetProfile, valueMode, type ColumnId, type ResolvedColumn, type TargetProfile } from '../../src-shared/profile';
import { editor, useEditor } from '../app/store';
import { confirmDialog } from '../dialogs/modal';
import { cellKey } from '../app/validation';
import { scoringDraftsOf, takeScoringDrafts } from '../app/scoringDrafts';
import { gridLineCounter, HEIGHT_METRICS, registerGridModules } from './agGrid';
import { RowHeightKeeper, rowHeights, type HeightCell } from './rowHeights';
import { rowCommands, spreadsheetGridProps, useCellController, useCellMarks, type GridModel, type MenuItem } from './gridKit';
import type { Cell } from '../../src-shared/grid';
import type { Finding } from '../../src-shared/validate/types';
import { projectFill } from '../../src-shared/library/fill';
import { GridNameSuggest } from './NameSuggest';
import { levelSpansOf } from '../../src-shared/layout/runs';
import { levelSpan, runChanges, sameLevelCell } from './levelRuns';

registerGridModules();

/** The grid's columns: the profile's, each with the model field it edits (colId = the field, as findings name it). */
interface GridColumn extends ResolvedColumn { colId: string }
function gridColumns(p: TargetProfile): GridColumn[] {
  return columnsOf(p).map((c) => ({ ...c, colId: c.field }));
}
/** The profile of a document (the default one when the id is unknown, as templateOrDefault does). */
function targetProfileOf(id: string): TargetProfile {
  return getTargetProfile(id) ?? getTargetProfile(DEFAULT_PROFILE_ID)!;
}

/** `shown`: what a cell shows when it is not its text (a grey draft), so the row is tall enough for it. */
function indicatorRowHeights(inds: ProjectIndicator[], cols: GridColumn[], parts: boolean, shown: (ind: ProjectIndicator, id: ColumnId) => string, widthOf: (colId: string) => number): Map<string, number> {
  const spans = levelSpansOf(inds);
  const cells: HeightCell[][] = inds.map((ind, r) => cols.flatMap(({ id, colId }): HeightCell[] => {
    const text = indicatorCellText(ind, id, parts) || shown(ind, id);
    if (id !== 'level1' && id !== 'level2') return [{ text, widthPx: widthOf(colId), rowSpan: 1 }];
    const s = spans[id][r];
    return s.top === r ? [{ text, widthPx: widthOf(colId), rowSpan: s.bottom - s.top + 1 }] : []; // inside the run above
  }));
  const heights = rowHeights(cells, gridLineCounter(), HEIGHT_METRICS);
  return new Map(inds.map((ind, r) => [ind.id, heights[r]]));
}

/** A finding's field as the grid's column: the parts form's 指标值 column shows the `number` part. */
const columnOfField = (field: string) => (field === 'number' ? 'value' : field);
/** The findings at a cell of column `colId` (a `number` finding is at the 指标值 column). */
function marksAt(index: Map<string, Finding[]>, rowId: string, colId: string): Finding[] | undefined {
  const own = index.get(cellKey(rowId, colId));
  const part = colId === 'value' ? index.get(cellKey(rowId, 'number')) : undefined;
  return own && part ? [...own, ...part] : own ?? part;
}

/** The Hebei/national column order: these grids paste with the long-standing block paste. */
const ONE_CELL_FIELDS: readonly string[] = PROJECT_INDICATOR_FIELDS;
const run = (fn: () => void) => { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } };

/**
 * 权重 summed live: per project against the profile's total, and per 一级 where the profile fixes
 * them (a 一级 matched by name or synonym). Red where a sum differs. (The 绩效自评 grid passes its
 * form's 一级 weights in the same shape.)
 */
export function WeightSums({ weights: w, indicators }: { weights: TargetProfile['weights']; indicators: readonly { level1: string; weight?: string }[] }) {
  const sum = (inds: readonly { weight?: string }[]) => sumAmounts(inds.map((i) => i.weight ?? ''));
  const item = (key: string, label: string, got: string, want: string | undefined) => {
    const bad = want !== undefined && compareAmounts(got || '0', want) !== 0;
    return (
      <span key={key} className={`weight-sum${bad ? ' mismatch' : ''}`} data-testid={`weight-sum-${key}`} title={bad ? `应为 ${want}` : undefined}>
        {label} {got || '0'}{want !== undefined ? ` / ${want}` : ''}
      </span>
    );
  };
  return (
    <div className="weight-sums" data-testid="weight-sums">
      {item('total', '权重合计', sum(indicators), w?.total)}
      {w?.level1.map((l) => item(l.level1, l.level1, sum(indicators.filter((i) => i.level1 === l.level1 || l.synonyms.includes(i.level1))), l.weight))}
    </div>
  );
}

/** `project`: a project, or the department-wide table (id DEPT_WIDE_ID) with its indicators. */
export function ProjectIndicatorGrid({ project }: { project: Pick<Project, 'id' | 'indicators'> }) {
  const isDept = project.id === DEPT_WIDE_ID;
  const templateId = useEditor((s) => s.doc!.meta.templateId);
  const doc = useEditor((s) => s.doc!);
  const focusRequest = useEditor((s) => s.focusRequest);
  const apiRef = useRef<GridApi<ProjectIndicator> | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const template = templateOrDefault(templateId);
  const profile = targetProfileOf(templateId);
  const cols = useMemo(() => gridColumns(profile), [profile]);
  const parts = valueMode(profile) === 'parts';
  const FIELDS = useMemo(() => cols.map((c) => c.colId), [cols]);
  const oneCellOrder = FIELDS.length === ONE_CELL_FIELDS.length && FIELDS.every((f, i) => f === ONE_CELL_FIELDS[i]);
  // Drafted 评（扣）分标准 show grey in empty cells of that column.
  const hasScoring = cols.some((c) => c.id === 'scoring');
  const scoringDraftsRef = useRef(scoringDraftsOf(doc));
  scoringDraftsRef.current = hasScoring ? scoringDraftsOf(doc) : new Map();
  const heights = useMemo(() => new RowHeightKeeper(), []);
  const drafts = scoringDraftsRef.current;
  heights.setSource(project.indicators, (widthOf) => indicatorRowHeights(project.indicators, cols, parts, (ind, id) => (id === 'scoring' ? drafts.get(ind.id) ?? '' : ''), widthOf));
  useEffect(() => heights.apply(apiRef.current), [heights, project.indicators]);

  // The store's current indicators of this project (the controller may act before React re-renders).
  const current = (): ProjectIndicator[] => {
    const d = editor.get().doc;
    return (isDept ? d?.deptWide?.indicators : d?.projects.find((p) => p.id === project.id)?.indicators) ?? [];
  };
  const at = (c: Cell) => current()[c.row];
  const columnAt = (c: Cell): ColumnId => cols[c.col].id;
  const cellText = (c: Cell) => { const ind = at(c); return ind ? indicatorCellText(ind, columnAt(c), parts) : ''; };
  const rowsRef = useRef(project.indicators);
  rowsRef.current = project.indicators;
  // A merged 一级/二级 cell is one cell: what is typed there goes to every row of its run.
  const cellChanges = (c: Cell, text: string) => runChanges(current(), c.row, FIELDS[c.col], text).map((ch) => ({ rowId: ch.rowId, column: columnAt(c), text }));
  const model: GridModel = {
    columns: FIELDS,
    rowCount: () => current().length,
    span: (r, c) => levelSpan(current(), r, FIELDS[c]),
    text: cellText,
    copyText: cellText,
    commit: (c, text) => {
      const d = editor.get().doc;
      const changes = cellChanges(c, text);
      // A text the column refuses (指标性质, 指标方向, 权重) is said at the cell; the document is unchanged.
      try {
        if (d && changes.length) editor.dispatch(setIndicatorCellsEdit(d, changes, parts, changes.length > 1 ? '编辑合并单元格' : '编辑单元格'));
      } catch (e) { if (e instanceof CommandError) return e.message; throw e; }
      return true;
    },
    commitMany: (changes, label) => {
      const d = editor.get().doc;
      if (!d) return;
      const list = changes.flatMap(({ cell, text }) => cellChanges(cell, text));
      run(() => editor.dispatch(setIndicatorCellsEdit(d, list, parts, label)));
    },
    paste: (c, matrix) => {
      const d = editor.get().doc!;
      const res = oneCellOrder && !isDept
        ? pasteProjectIndicatorBlock(d, project.id, c.row, c.col, matrix)
        : pasteIndicatorCells(d, project.id, c.row, c.col, matrix, cols.map((x) => x.id), parts);
      editor.dispatch(res.edit);
      editor.toast(pasteMessage(res, cols[cols.length - 1].label), res.dropped.count || res.problems.length ? 'error' : 'info');
    },
    // 一级/二级 come from the template's vocabulary, 指标性质/指标方向 from the form's choices: the
    // editor lists them, filtered by what is typed.
    options: (c, text) => {
      const id = columnAt(c);
      const choices = columnChoices(id);
      if (choices.length) return [...choices];
      if (id !== 'level1' && id !== 'level2') return [];
      const ind = at(c);
      const l1 = ind ? findLevel1(template, ind.level1) : undefined;
      const all = id === 'level1' ? template.level1.map((l) => l.name) : l1 ? l1.level2 : template.level1.flatMap((l) => l.level2);
      const hits = all.filter((v) => v.includes(text.trim()));
      return hits.length ? hits : all;
    },
    command: rowCommands({ move: (d) => move(d), insertBelow: () => insert('below'), remove: () => void remove() }),
    menuItems: () => menuItems,
    take: (c) => {
      const ind = at(c);
      const d = editor.get().doc;
      if (!ind || !d || columnAt(c) !== 'scoring' || (ind.scoring ?? '') !== '') return;
      if (scoringDraftsOf(d).has(ind.id)) takeScoringDrafts(new Set([ind.id]));
    },
  };
  const { ctl, menu } = useCellController(hostRef, model);
  const gridProps = useMemo(() => spreadsheetGridProps<ProjectIndicator>({ rowId: (r) => r.id, heights, apiRef, ctl, widthsKey: `${isDept ? 'dept' : 'project'}:${templateId}` }), [heights, ctl, isDept, templateId]);

  const { findingsRef, diffRef } = useCellMarks(apiRef);

  const columnDefs = useMemo<ColDef<ProjectIndicator>[]>(() => cols.map(({ id, colId, label, share }) => {
    const scoring = id === 'scoring';
    const draftOf = (ind?: ProjectIndicator) => (scoring && ind && (ind.scoring ?? '') === '' ? scoringDraftsRef.current.get(ind.id) : undefined);
    const def: ColDef<ProjectIndicator> = {
      colId, headerName: label, flex: share, minWidth: id === 'operator' || id === 'unit' || id === 'weight' ? 64 : 80, sortable: false, suppressMovable: true, wrapText: true,
      // The structured forms' narrow columns (指标性质, 度量单位) show their whole label.
      ...(oneCellOrder ? {} : { wrapHeaderText: true, autoHeaderHeight: true }),
      valueGetter: (p) => (p.data ? indicatorCellText(p.data, id, parts) : ''),
      tooltipValueGetter: (p: ITooltipParams<ProjectIndicator>) => {
        const list = p.data ? marksAt(findingsRef.current, p.data.id, colId) : undefined;
        if (list) return list.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n');
        return draftOf(p.data) ? '建议的评（扣）分标准：按 Tab 或再次单击采用' : undefined;
      },
      cellClass: (p: CellClassParams<ProjectIndicator>) => {
        const cls: string[] = [`col-${colId}`];
        const list = p.data ? marksAt(findingsRef.current, p.data.id, colId) : undefined;
        if (list) cls.push(list[0].severity === 'error' ? 'cell-error' : 'cell-warning');
        const mark = p.data ? diffRef.current.get(cellKey(p.data.id, colId)) : undefined;
        if (mark) cls.push(mark);
        if (draftOf(p.data)) cls.push('band-draft');
        if (id === 'weight') cls.push('amount');
        return cls.join(' ');
      },
    };
    if (id === 'level1' || id === 'level2') {
      def.spanRows = ({ nodeA, nodeB }: SpanRowsParams<ProjectIndicator>) => sameLevelCell(rowsRef.current, nodeA, nodeB, id);
    }
    // The draft is decoration, not the cell's text: drawn by CSS from data-draft, so copy, find and
    // the cell's textContent still see an empty cell.
    if (scoring) {
      def.cellRenderer = (p: ICellRendererParams<ProjectIndicator>) => {
        const draft = p.value ? undefined : draftOf(p.data);
        return draft ? <span className="draft" data-draft={draft} /> : (p.value ?? '');
      };
    }
    return def;
  }), [cols, parts, oneCellOrder, findingsRef, diffRef]);

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
    const field = columnOfField(focusRequest.field);
    ctl.selectCell(index, FIELDS.includes(field) ? field : 'name');
  }, [focusRequest, project, ctl, rendered, FIELDS]);

  const insert = (where: 'above' | 'below') => {
    const doc = editor.get().doc!;
    const inds = current();
    const a = inds.length ? ctl.sel.active : null;
    const index = a ? (where === 'above' ? a.row : ctl.shape().span(a.row, a.col).bottom + 1) : inds.length;
    // A new row starts with blank 一级/二级, so it stands alone (blank cells never merge) and what the
    // clerk picks there changes this row only; picking the 一级/二级 of the row above merges it into that run.
    run(() => {
      const { edit, id } = isDept ? insertDeptIndicator(doc, index) : insertProjectIndicator(doc, project.id, index);
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
    { label: '在下方插入指标', command: 'insert-below', action: () => insert('below') },
    { separator: true, label: '' },
    { label: '上移', command: 'move-up', action: () => move(-1) },
    { label: '下移', command: 'move-down', action: () => move(1) },
    ...(isDept ? [] : [{ label: '按模板顺序排列指标', action: sortByTemplate }]),
    { label: '删除行', command: 'delete-rows', action: () => void remove() },
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
        {!isDept && <button onClick={sortByTemplate} data-testid="pi-sort-template" title="把本项目的指标按模板的一级/二级顺序重排（可撤销）">按模板顺序排列指标</button>}
        {hasScoring && <button onClick={() => takeScoringDrafts(new Set(current().map((i) => i.id)))} data-testid="pi-fill-scoring" title="把灰色的建议评（扣）分标准填入本项目所有空白单元格（可撤销）">填写建议评（扣）分标准</button>}
      </div>
      {cols.some((c) => c.id === 'weight') && <WeightSums weights={profile.weights} indicators={project.indicators} />}
      <div ref={hostRef} className="grid-host indicator-grid-host" data-testid={isDept ? 'dept-indicator-grid' : 'project-indicator-grid'}>
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
