// 对比结果: the differences against another file, grouped by table, with a summary line per table.
// Clicking a difference jumps to the row/cell in the current document (as the findings panel does).
import { useMemo } from 'react';
import { DIFF_KIND_LABEL, DIFF_ROW_LABEL, type DiffEntry } from '../../src-shared/cycle/diff';
import { closeCompare } from '../app/cycle';
import { editor, useEditor } from '../app/store';
import { jumpTo, rowHomes } from './FindingsPanel';

const MAX_SHOWN = 300;

function jump(e: DiffEntry, homes: ReturnType<typeof rowHomes>): void {
  if (!e.rowId) return;
  if (e.row === 'meta') { editor.set({ tab: 'duty' }); return; }
  const field = e.kind === 'removed' || !e.field ? (homes.get(e.rowId)?.table === 'duty' ? 'title' : 'name') : e.field;
  jumpTo({ rowId: e.rowId, field }, homes.get(e.rowId));
}

const show = (v: string) => (v === '' ? '（空白）' : v);

export function ComparePanel() {
  const doc = useEditor((s) => s.doc!);
  const compare = useEditor((s) => s.compare!);
  const homes = useMemo(() => rowHomes(doc), [doc]);
  const groups = useMemo(() => {
    const g = new Map<string, DiffEntry[]>();
    for (const e of compare.report.entries.slice(0, MAX_SHOWN)) (g.get(e.group) ?? g.set(e.group, []).get(e.group)!).push(e);
    return [...g];
  }, [compare.report.entries]);
  const total = compare.report.entries.length;
  return (
    <aside className="findings-panel compare-panel" data-testid="compare-panel" aria-label="对比结果">
      <div className="panel-title">对比结果 <span className="counts">{total} 处</span>
        <button className="icon" title="关闭对比" onClick={closeCompare} data-testid="compare-close">×</button></div>
      <div className="compare-source">与 <b>{compare.name}</b>（{compare.other.meta.year} 年）对比</div>
      {total === 0 && <div className="empty">两份文档没有差异。</div>}
      {compare.report.summary.length > 0 && (
        <ul className="compare-summary" data-testid="compare-summary">{compare.report.summary.map((s) => <li key={s.table}>{s.line}</li>)}</ul>
      )}
      <div className="panel-body">
        {groups.map(([title, items]) => (
          <section key={title} className="finding-group">
            <h3>{title} <span className="counts">{items.length}</span></h3>
            <ul>
              {items.map((e) => (
                <li key={e.id} className={`finding diff diff-${e.kind}`} data-testid="difference" data-kind={e.kind}
                  onClick={() => jump(e, homes)} title={e.rowId ? '点击定位' : undefined}>
                  <div className="finding-head"><span className="sev">{DIFF_KIND_LABEL[e.kind]}{e.kind === 'changed' || e.kind === 'renamed' ? '' : DIFF_ROW_LABEL[e.row]}</span><span className="where">{e.kind === 'moved' ? e.new : e.where}</span></div>
                  {e.kind === 'changed' || e.kind === 'renamed' ? (
                    <div className="message"><span className="old">{show(e.old)}</span> → <span className="new">{show(e.new)}</span>{e.percent && <span className="percent">（{e.percent}）</span>}</div>
                  ) : e.kind === 'moved' ? <div className="cell-text">原位置：{e.old}</div> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {total > MAX_SHOWN && <div className="more">另有 {total - MAX_SHOWN} 处未显示（完整报告：jixiao diff --xlsx）</div>}
      </div>
    </aside>
  );
}
