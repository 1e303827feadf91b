// 审核结果: findings grouped by table; click jumps to the cell, a suggestion applies with one click.
import { useMemo } from 'react';
import { CommandError, setCellEdit } from '../../src-shared/commands';
import type { JixiaoDocument } from '../../src-shared/model';
import type { Finding } from '../../src-shared/validate/types';
import { editor, useEditor } from '../app/store';

interface RowHome { table: 'duty' | 'project' | 'meta'; projectId?: string; projectIndex?: number }

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
  doc.projects.forEach((p, projectIndex) => {
    m.set(p.id, { table: 'project', projectId: p.id, projectIndex });
    for (const i of p.indicators) m.set(i.id, { table: 'project', projectId: p.id, projectIndex });
  });
  return m;
}

export function jumpTo(f: Finding, home: RowHome | undefined): void {
  if (!home || home.table === 'meta') { editor.set({ tab: 'duty' }); return; }
  if (home.table === 'duty') editor.set({ tab: 'duty' });
  else editor.set({ tab: 'projects', projectId: home.projectId });
  editor.focusCell(f.path.rowId, f.path.field);
}

export function applySuggestion(f: Finding): void {
  const doc = editor.get().doc;
  if (!doc || f.suggestion === undefined) return;
  try {
    editor.dispatch(setCellEdit(doc, f.path.rowId, f.path.field, f.suggestion, '采用建议'));
  } catch (e) {
    if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e;
  }
}

// Rendering thousands of findings would slow every edit; the panel shows the first ones in table
// order and says how many more there are (they appear as the ones above are fixed).
const MAX_SHOWN = 200;

export function FindingsPanel() {
  const doc = useEditor((s) => s.doc!);
  const findings = useEditor((s) => s.findings);
  const homes = useMemo(() => rowHomes(doc), [doc]);
  const groups = useMemo(() => {
    const g = new Map<string, { title: string; items: Finding[]; order: number }>();
    for (const f of findings) {
      const h = homes.get(f.path.rowId);
      const key = !h || h.table !== 'project' ? (h?.table === 'duty' ? 'duty' : 'meta') : `p:${h.projectId}`;
      const title = key === 'duty' ? '部门职责-工作活动' : key === 'meta' ? '文档' : `项目 ${h!.projectIndex! + 1}：${doc.projects[h!.projectIndex!].name || '（未命名）'}`;
      const order = key === 'meta' ? -2 : key === 'duty' ? -1 : h!.projectIndex!;
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
  const errors = findings.filter((f) => f.severity === 'error').length;

  return (
    <aside className="findings-panel" data-testid="findings-panel" aria-label="审核结果">
      <div className="panel-title">审核结果 <span className="counts">错误 {errors} · 警告 {findings.length - errors}</span>
        <button className="icon" title="关闭 (F8)" onClick={() => editor.set({ findingsOpen: false })}>×</button></div>
      {findings.length === 0 && <div className="empty">未发现问题。</div>}
      <div className="panel-body">
        {groups.map((g) => (
          <section key={g.title} className="finding-group">
            <h3>{g.title} <span className="counts">{g.items.length}</span></h3>
            <ul>
              {g.shown.map((f, i) => (
                <li key={`${f.path.rowId}|${f.path.field}|${f.code}|${i}`} className={`finding ${f.severity}`} data-testid="finding" data-code={f.code}
                  onClick={() => jumpTo(f, homes.get(f.path.rowId))} title={`${f.code} · 点击定位到单元格`}>
                  <div className="finding-head"><span className={`sev ${f.severity}`}>{f.severity === 'error' ? '错误' : '警告'}</span><span className="where">{f.where}</span></div>
                  <div className="message">{f.message}</div>
                  {f.text && <div className="cell-text">“{f.text}”</div>}
                  {f.suggestion !== undefined && (
                    <button className="suggestion" data-testid="apply-suggestion" onClick={(e) => { e.stopPropagation(); applySuggestion(f); }}>
                      改为“{f.suggestion}”
                    </button>
                  )}
                </li>
              ))}
              {g.items.length > g.shown.length && <li className="more">另有 {g.items.length - g.shown.length} 条未显示（修正上面的问题后显示）</li>}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
