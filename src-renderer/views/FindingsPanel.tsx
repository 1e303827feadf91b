// 审核结果: findings grouped by table; click jumps to the cell, a suggestion applies with one click.
// A finding with `cells` (one cause on many cells) shows “N 个单元格”, expands to its cells (each
// jumps) and fixes them all as one undo step. 提示 (style) are hidden unless asked for.
import { useMemo, useState } from 'react';
import { CommandError, fixFindingEdit, fixableCells } from '../../src-shared/commands';
import { DEPT_WIDE_ID, type JixiaoDocument } from '../../src-shared/model';
import { countBySeverity, SEVERITY_LABEL, type CellPath, type Finding } from '../../src-shared/validate/types';
import { editor, useEditor } from '../app/store';
import { tooltip } from '../app/keys';

/** `selfeval`: the row lives in the 绩效自评 tab (project-level self-evaluation cells are fields 'selfeval.…'). */
interface RowHome { table: 'duty' | 'deptWide' | 'project' | 'meta'; projectId?: string; projectIndex?: number; selfeval?: boolean }

export function rowHomes(doc: JixiaoDocument): Map<string, RowHome> {
  const m = new Map<string, RowHome>();
  for (const d of doc.dutyTable.duties) {
    m.set(d.id, { table: 'duty' });
    for (const i of d.indicators) m.set(i.id, { table: 'duty' });
    for (const a of d.activities) {
      m.set(a.id, { table: 'duty' });
      for (const i of a.indicators) m.set(i.id, { table: 'duty' });
    }
  }
  // The department-wide table: its own cells (row id DEPT_WIDE_ID), its tasks and indicators.
  if (doc.deptWide) {
    const home: RowHome = { table: 'deptWide' };
    m.set(DEPT_WIDE_ID, home);
    for (const t of doc.deptWide.tasks) m.set(t.id, home);
    for (const i of doc.deptWide.indicators) m.set(i.id, home);
  }
  doc.projects.forEach((p, projectIndex) => {
    m.set(p.id, { table: 'project', projectId: p.id, projectIndex });
    for (const i of p.indicators) m.set(i.id, { table: 'project', projectId: p.id, projectIndex });
    for (const i of p.selfeval?.indicators ?? []) m.set(i.id, { table: 'project', projectId: p.id, projectIndex, selfeval: true });
  });
  return m;
}

export function jumpTo(path: CellPath, home: RowHome | undefined): void {
  if (!home || home.table === 'meta') { editor.set({ tab: 'duty' }); return; }
  if (home.table === 'duty') editor.set({ tab: 'duty' });
  else if (home.table === 'deptWide') editor.set({ tab: 'deptWide' });
  else editor.set({ tab: home.selfeval || path.field.startsWith('selfeval.') ? 'selfeval' : 'projects', projectId: home.projectId });
  editor.focusCell(path.rowId, path.field);
}

/** Apply a finding's suggestion — for a group, every cell's — as one undo step. */
export function applySuggestion(f: Finding): void {
  const doc = editor.get().doc;
  if (!doc) return;
  try {
    editor.dispatch(fixFindingEdit(doc, f));
  } catch (e) {
    if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e;
  }
}

/** The fix button's words: one value for all, or each cell its own. */
function fixLabel(f: Finding): string | null {
  const n = fixableCells(f).length;
  if (n === 0) return null;
  if (f.fix) return `采用建议（${n} 处）`;
  if (!f.cells) return `改为“${f.suggestion}”`;
  return f.suggestion !== undefined ? `全部改为“${f.suggestion}”（${n} 处）` : `全部采用建议（${n} 处）`;
}

// Rendering thousands of findings would slow every edit; the panel shows the first ones in table
// order and says how many more there are (they appear as the ones above are fixed).
const MAX_SHOWN = 200;

function FindingItem({ f, homes }: { f: Finding; homes: Map<string, RowHome> }) {
  const [open, setOpen] = useState(false);
  const fix = fixLabel(f);
  // A cell's row within its table (the table and the column are in the group's `where`).
  const where = (w: string) => w.split(' › ').slice(1, -1).join(' › ') || w;
  return (
    <li className={`finding ${f.severity}`} data-testid="finding" data-code={f.code}
      onClick={() => jumpTo(f.path, homes.get(f.path.rowId))} title={`${f.code} · 点击定位到单元格`}>
      <div className="finding-head"><span className={`sev ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span><span className="where">{f.where}</span></div>
      <div className="message">{f.message}</div>
      {f.text && !f.cells && <div className="cell-text">“{f.text}”</div>}
      <div className="finding-actions">
        {f.cells && (
          <button className="cells-toggle" data-testid="finding-cells-toggle" aria-expanded={open}
            onClick={(e) => { e.stopPropagation(); setOpen(!open); }}>{open ? '▾' : '▸'} {f.cells.length} 个单元格</button>
        )}
        {fix && (
          <button className="suggestion" data-testid={f.cells ? 'apply-group-fix' : 'apply-suggestion'}
            onClick={(e) => { e.stopPropagation(); applySuggestion(f); }}>{fix}</button>
        )}
      </div>
      {f.cells && open && (
        <ul className="finding-cells">
          {f.cells.map((c) => (
            <li key={`${c.path.rowId}|${c.path.field}`} data-testid="finding-cell" title="点击定位到单元格"
              onClick={(e) => { e.stopPropagation(); jumpTo(c.path, homes.get(c.path.rowId)); }}>
              <span className="where">{where(c.where)}</span>{c.text && <span className="cell-text">“{c.text}”</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function FindingsPanel() {
  const doc = useEditor((s) => s.doc!);
  const all = useEditor((s) => s.findings);
  const [showInfo, setShowInfo] = useState(false);
  const homes = useMemo(() => rowHomes(doc), [doc]);
  const counts = useMemo(() => countBySeverity(all), [all]);
  const findings = useMemo(() => (showInfo ? all : all.filter((f) => f.severity !== 'info')), [all, showInfo]);
  const groups = useMemo(() => {
    const g = new Map<string, { title: string; items: Finding[]; order: number }>();
    for (const f of findings) {
      const h = homes.get(f.path.rowId);
      const key = !h || h.table !== 'project' ? (h?.table === 'duty' || h?.table === 'deptWide' ? h.table : 'meta') : `p:${h.projectId}`;
      const title = key === 'duty' ? '部门职责-工作活动' : key === 'deptWide' ? '部门整体绩效目标表' : key === 'meta' ? '文档' : `项目 ${h!.projectIndex! + 1}：${doc.projects[h!.projectIndex!].name || '（未命名）'}`;
      // In the order of the tabs.
      const order = key === 'meta' ? -3 : key === 'duty' ? -2 : key === 'deptWide' ? -1 : h!.projectIndex!;
      if (!g.has(key)) g.set(key, { title, items: [], order });
      g.get(key)!.items.push(f);
    }
    let budget = MAX_SHOWN;
    return [...g.values()].sort((a, b) => a.order - b.order).map((grp) => {
      const shown = grp.items.slice(0, Math.max(0, budget));
      budget -= shown.length;
      return { ...grp, shown };
    });
  }, [findings, homes, doc.projects]);

  return (
    <aside className="findings-panel" data-testid="findings-panel" aria-label="审核结果">
      <div className="panel-title">审核结果 <span className="counts">错误 {counts.error} · 警告 {counts.warning}</span>
        <button className="icon" title={tooltip('findings', '关闭')} onClick={() => editor.set({ findingsOpen: false })}>×</button></div>
      {counts.info > 0 && (
        <label className="info-toggle" title="提示是写法上的建议（如依据的写法），不计入错误和警告">
          <input type="checkbox" data-testid="toggle-info" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} />
          显示提示（{counts.info}）
        </label>
      )}
      {findings.length === 0 && <div className="empty">{counts.info > 0 ? '未发现错误或警告。' : '未发现问题。'}</div>}
      <div className="panel-body">
        {groups.map((g) => (
          <section key={g.title} className="finding-group">
            <h3>{g.title} <span className="counts">{g.items.length}</span></h3>
            <ul>
              {g.shown.map((f, i) => <FindingItem key={`${f.path.rowId}|${f.path.field}|${f.code}|${i}`} f={f} homes={homes} />)}
              {g.items.length > g.shown.length && <li className="more">另有 {g.items.length - g.shown.length} 条未显示（修正上面的问题后显示）</li>}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
