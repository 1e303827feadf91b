// 指标库 panel: search (name, substring, pinyin initials), filter by 一级 / 部门职责, tick entries and
// insert them into the current project, the department-wide table or the work activity (one undo
// step), delete entries.
import { useEffect, useMemo, useState } from 'react';
import { CommandError, DEPT_WIDE_ID, dutyRows, insertIndicators } from '../../src-shared/commands';
import { entryKey, type LibraryEntry } from '../../src-shared/library/entry'; // not the barrel: it pulls in ExcelJS
import { deleteLibraryEntries, refreshLibrary, suggestionsFor, useLibrary } from '../app/library';
import { confirmDialog } from '../dialogs/modal';
import { editor, useEditor } from '../app/store';

const FILTERS = [
  { id: 'all', label: '全部' }, { id: '产出指标', label: '产出指标' }, { id: '效益指标', label: '效益（效果）指标' },
  { id: '满意度指标', label: '满意度指标' }, { id: '成本指标', label: '成本指标' }, { id: 'duty', label: '部门职责-工作活动' },
] as const;
type FilterId = (typeof FILTERS)[number]['id'];

const SHOWN = 300;

function matchesFilter(e: LibraryEntry, f: FilterId): boolean {
  if (f === 'all') return true;
  if (f === 'duty') return e.kind === 'duty';
  return e.kind === 'project' && e.level1.replace('效果', '效益') === f;
}

/** Where inserted entries go: the current project (项目 tab), the department-wide table (its tab,
 * after its last indicator) or the focused work activity (职责 tab). */
function insertTarget(): { ownerId: string; index: number; label: string } | null {
  const s = editor.get();
  if (!s.doc) return null;
  if (s.tab === 'deptWide') return { ownerId: DEPT_WIDE_ID, index: s.doc.deptWide?.indicators.length ?? 0, label: '部门整体绩效目标表' };
  if (s.tab === 'projects') {
    const p = s.doc.projects.find((x) => x.id === s.projectId);
    return p ? { ownerId: p.id, index: p.indicators.length, label: `项目“${p.name || '未命名'}”` } : null;
  }
  const row = s.dutyFocus && dutyRows(s.doc).find((r) => r.key === s.dutyFocus!.rowKey);
  if (!row) return null;
  const duty = s.doc.dutyTable.duties[row.dutyIndex];
  const owner = row.activityIndex < 0 ? duty : duty.activities[row.activityIndex];
  return { ownerId: owner.id, index: owner.indicators.length, label: `工作活动“${owner.title || '未命名'}”` };
}

/** The tabs whose indicators are project indicators (一级/二级/三级, 指标值). */
const projectKind = (tab: string) => tab === 'projects' || tab === 'deptWide';

export function LibraryPanel() {
  const entries = useLibrary((s) => s.entries);
  const version = useLibrary((s) => s.version);
  const tab = useEditor((s) => s.tab);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<FilterId>(tab === 'duty' ? 'duty' : 'all');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  useEffect(() => { void refreshLibrary(); }, []);
  useEffect(() => { setFilter((f) => (tab === 'duty' ? 'duty' : f === 'duty' ? 'all' : f)); }, [tab]);

  const list = useMemo(() => {
    if (query.trim()) {
      const kinds = filter === 'duty' ? ['duty' as const] : filter === 'all' ? ['project' as const, 'duty' as const] : ['project' as const];
      return kinds.flatMap((k) => suggestionsFor(query, k, undefined, SHOWN)).filter((e) => matchesFilter(e, filter));
    }
    return entries.filter((e) => matchesFilter(e, filter)).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')).slice(0, SHOWN);
    // `version` is a dependency: the index behind suggestionsFor changes with it
  }, [entries, version, query, filter]);

  const toggle = (k: string) => setTicked((t) => { const n = new Set(t); if (n.has(k)) n.delete(k); else n.add(k); return n; });
  const chosen = list.filter((e) => ticked.has(entryKey(e)));

  const insert = () => {
    const target = insertTarget();
    const s = editor.get();
    if (!target || !s.doc) { editor.toast(s.tab === 'projects' ? '请先选择一个项目' : '请先在表格中选择一项工作活动', 'error'); return; }
    const wantKind = projectKind(s.tab) ? 'project' : 'duty';
    const rows = chosen.filter((e) => e.kind === wantKind);
    if (rows.length === 0) { editor.toast(wantKind === 'project' ? '请勾选项目指标' : '请勾选部门职责-工作活动的指标', 'error'); return; }
    try {
      const r = insertIndicators(s.doc, target.ownerId, target.index, rows, '从指标库插入指标');
      if (!r) return;
      editor.dispatch(r.edit);
      editor.focusCell(r.ids[0], 'name');
      editor.toast(`已插入 ${rows.length} 个指标到${target.label}`);
      setTicked(new Set());
    } catch (e) {
      if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e;
    }
  };

  const remove = async () => {
    if (!chosen.length) return;
    if (!(await confirmDialog('删除指标', `从指标库删除勾选的 ${chosen.length} 个指标？（不影响已填写的表格）`, '删除'))) return;
    await deleteLibraryEntries(chosen.map(entryKey));
    setTicked(new Set());
  };

  return (
    <aside className="findings-panel library-panel" data-testid="library-panel" aria-label="指标库">
      <div className="panel-title">指标库 <span className="counts">{entries.length} 个指标</span>
        <button className="icon" title="关闭" onClick={() => editor.set({ libraryOpen: false })}>×</button></div>
      <div className="library-controls">
        <input type="search" placeholder="搜索：名称或拼音首字母（如 myd）" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="library-search" />
        <select value={filter} onChange={(e) => setFilter(e.target.value as FilterId)} data-testid="library-filter">
          {FILTERS.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
        <div className="library-actions">
          <button onClick={insert} disabled={!chosen.length} data-testid="library-insert">插入所选（{chosen.length}）</button>
          <button onClick={() => void remove()} disabled={!chosen.length} data-testid="library-delete">删除</button>
        </div>
      </div>
      <div className="panel-body">
        {list.length === 0 && <div className="empty">{query ? '没有匹配的指标。' : '指标库为空：打开、保存或导入文档时会自动收集指标。'}</div>}
        <ul className="library-list">
          {list.map((e) => {
            const k = entryKey(e);
            return (
              <li key={k} className={ticked.has(k) ? 'ticked' : ''} data-testid="library-entry" onClick={() => toggle(k)}>
                <input type="checkbox" checked={ticked.has(k)} readOnly tabIndex={-1} />
                <div className="entry">
                  <div className="entry-name">{e.name}{e.builtin && <span className="tag">内置</span>}</div>
                  <div className="entry-meta">
                    {e.kind === 'project' ? `${e.level1}${e.level2 ? ` › ${e.level2}` : ''}` : '部门职责-工作活动'}
                    {e.kind === 'project' ? (e.value ? ` · ${e.value}` : '') : e.bands.some(Boolean) ? ` · ${e.bands.join(' / ')}` : ''}
                    {e.count > 0 && ` · 出现 ${e.count} 次`}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </aside>
  );
}
