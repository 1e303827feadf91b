// 查找 (Ctrl+F) / 查找和替换 (Ctrl+H): a side panel over src-shared/find. The list of hits is a click
// away from each cell (the findings panel's jump); Enter goes to the next hit and keeps the typing
// in the search box; 替换 / 全部替换 are one command each (one Ctrl+Z restores every cell).
import { useDeferredValue, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { create } from 'zustand';
import { countMatches, findAll, replaceAll, replaceOne, type FindHit, type FindOptions, type FindScope, type ReplaceSkip } from '../../src-shared/find';
import { noteSummary } from '../../src-shared/commands/pasteValues';
import { openSettings } from '../app/actions';
import { editor, useEditor, type EditorState } from '../app/store';
import { tooltip } from '../app/keys';
import { jumpTo } from './FindingsPanel';

interface FindState {
  /** null = closed */
  mode: 'find' | 'replace' | null;
  query: string;
  replacement: string;
  /** 全文 or 当前表 */
  scope: 'all' | 'current';
  wholeCell: boolean;
  matchCase: boolean;
  matchWidth: boolean;
  /** index of the selected hit, -1 = none yet */
  current: number;
  /** after 替换 / 全部替换 */
  message: { text: string; skipped: ReplaceSkip[] } | null;
  /** bumped by each Ctrl+F / Ctrl+H: focus the search box */
  focusSeq: number;
}

export const useFind = create<FindState>(() => ({
  mode: null, query: '', replacement: '', scope: 'all', wholeCell: false, matchCase: false, matchWidth: false, current: -1, message: null, focusSeq: 0,
}));

export function openFind(mode: 'find' | 'replace'): void {
  useFind.setState((s) => ({ mode, focusSeq: s.focusSeq + 1 }));
}

/** Changing what is searched starts afresh: no hit selected, no old message. */
const setSearch = (patch: Partial<FindState>) => useFind.setState({ ...patch, current: -1, message: null });

function scopeOf(scope: FindState['scope'], s: Pick<EditorState, 'tab' | 'projectId'>): FindScope {
  if (scope === 'all') return { table: 'all' };
  if (s.tab === 'deptWide') return { table: 'deptWide' };
  if (s.tab !== 'duty' && s.projectId) return { table: s.tab === 'selfeval' ? 'selfeval' : 'project', projectId: s.projectId };
  return { table: 'duty' };
}

/** Go to the cell of a hit (the findings panel's jump). Settings texts open 文档设置 on a click.
 * Returns whether the focus will move to the cell (the 备注 has no cell on screen: its hits switch
 * to the duty table only). */
function goTo(hit: FindHit, byClick: boolean): boolean {
  const { cell } = hit;
  const t = cell.table;
  if (t.table === 'meta') { if (byClick) void openSettings(); return false; }
  const path = { rowId: cell.rowId, field: cell.field };
  const s = editor.get();
  if (t.table === 'duty') {
    jumpTo(path, { table: 'duty' });
    return cell.field !== 'note';
  }
  if (t.table === 'deptWide') { jumpTo(path, { table: 'deptWide' }); return true; }
  const selfeval = t.table === 'selfeval';
  jumpTo(path, { table: 'project', projectId: t.projectId, projectIndex: s.doc!.projects.findIndex((p) => p.id === t.projectId), selfeval });
  return true;
}

/** The jump moves the focus into the grid once the cell is shown (asynchronously, maybe twice); take
 * it back to the search box so Enter keeps going and typing stays there. The watch lasts until the
 * user clicks, leaves the panel with a key (Tab, Esc, a key typed elsewhere) or the panel closes. */
let stopWatch: (() => void) | null = null;
function keepFocusIn(input: HTMLInputElement): void {
  stopWatch?.();
  const panel = input.closest('aside');
  const stop = () => {
    document.removeEventListener('focusin', onFocus, true);
    document.removeEventListener('pointerdown', stop, true);
    document.removeEventListener('keydown', onKey, true);
    stopWatch = null;
  };
  const outside = (e: Event) => !panel?.contains(e.target as Node);
  const onFocus = (e: FocusEvent) => {
    if (!input.isConnected) stop();
    else if (outside(e)) input.focus();
  };
  const onKey = (e: KeyboardEvent) => { if (outside(e) || e.key === 'Tab' || e.key === 'Escape') stop(); };
  document.addEventListener('focusin', onFocus, true);
  document.addEventListener('pointerdown', stop, true);
  document.addEventListener('keydown', onKey, true);
  stopWatch = stop;
}

// A long cell shows the part around its first match.
const SNIPPET = 90;
function Highlighted({ hit }: { hit: FindHit }) {
  const from = hit.text.length > SNIPPET ? Math.max(0, hit.ranges[0][0] - 20) : 0;
  const to = Math.min(hit.text.length, from + SNIPPET);
  const parts: ReactNode[] = [from > 0 ? '…' : ''];
  let at = from;
  hit.ranges.forEach(([s, e], i) => {
    if (e <= from || s >= to) return;
    parts.push(hit.text.slice(at, Math.max(at, s)), <mark key={i}>{hit.text.slice(Math.max(s, from), Math.min(e, to))}</mark>);
    at = Math.min(e, to);
  });
  parts.push(hit.text.slice(at, to), to < hit.text.length ? '…' : '');
  return <div className="cell-text">{parts}</div>;
}

/** Enter and Esc inside an input-method composition belong to the IME (commit / cancel the pinyin). */
const composing = (e: ReactKeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

const MAX_SHOWN = 200;
const KIND_TAG = { money: '金额', percent: '百分比', number: '数字' } as const;

export function FindPanel() {
  const f = useFind();
  // Deferred: an edit paints first, the list follows (a search of a large document takes ~20 ms).
  const doc = useDeferredValue(useEditor((s) => s.doc!));
  const tab = useEditor((s) => s.tab);
  const projectId = useEditor((s) => s.projectId);
  const query = useDeferredValue(f.query);
  const queryRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const { wholeCell, matchCase, matchWidth } = f;
  const scope = scopeOf(f.scope, { tab, projectId });
  const scopeKey = JSON.stringify(scope);
  // Recomputed only when the document or what is searched changes (not on every panel state change).
  const options = useMemo<FindOptions>(() => ({ wholeCell, matchCase, matchWidth, scope: JSON.parse(scopeKey) as FindScope }), [wholeCell, matchCase, matchWidth, scopeKey]);
  const hits = useMemo(() => findAll(doc, query, options), [doc, query, options]);
  const matches = useMemo(() => countMatches(hits), [hits]);
  const current = f.current < hits.length ? f.current : -1;

  useEffect(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, [f.focusSeq]);

  useEffect(() => {
    listRef.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const select = (i: number, byClick: boolean, list: readonly FindHit[] = hits) => {
    const hit = list[i];
    if (!hit) return;
    useFind.setState({ current: i });
    stopWatch?.();
    if (goTo(hit, byClick) && !byClick && queryRef.current) keepFocusIn(queryRef.current);
  };
  /** The hits of what is typed now: the deferred list may lag a key behind. */
  const liveHits = () => (query === f.query && doc === editor.get().doc ? hits : findAll(editor.get().doc!, f.query, options));
  const step = (delta: 1 | -1) => {
    const list = liveHits();
    if (list.length === 0) return;
    const at = list === hits ? current : -1;
    select(at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length, false, list);
  };

  const replaceCurrent = () => {
    if (current < 0) { step(1); return; } // the first press finds, as in Excel
    const s = editor.get();
    const r = replaceOne(s.doc!, hits[current], f.query, f.replacement, options);
    report(r.refused ?? (r.edit ? `已替换 ${r.replaced} 处` : ''), r.skipped, r.notes);
    if (!r.edit) return;
    editor.dispatch(r.edit);
    // Go on to the next hit: the replaced cell leaves the list (unless it still matches).
    const next = findAll(editor.get().doc!, f.query, options);
    const same = next[current]?.cell.path.join('.') === hits[current].cell.path.join('.');
    if (next.length) select(Math.min(current + (same ? 1 : 0), next.length - 1), false, next);
  };
  const replaceEverywhere = () => {
    const r = replaceAll(editor.get().doc!, f.query, f.replacement, options);
    if (r.edit) editor.dispatch(r.edit);
    report(r.refused ?? (r.edit ? `已替换 ${r.replaced} 处` : hits.length ? '没有替换任何内容' : `没有找到“${f.query}”`), r.skipped, r.notes);
  };
  // Amounts converted on the way (50000元 → 5 万元) are said as after a paste.
  const report = (text: string, skipped: ReplaceSkip[], notes: string[]) => {
    const converted = notes.length ? `${text ? '；' : ''}${noteSummary(notes)}` : '';
    const note = skipped.length ? `${text || converted ? '；' : ''}${skipped.length} 个单元格未替换：替换后不是有效的数字` : '';
    useFind.setState({ current: -1, message: { text: text + converted + note, skipped } });
  };

  const replacing = f.mode === 'replace';
  const summary = f.query === '' ? '' : hits.length === 0 ? '没有找到' : `找到 ${hits.length} 个单元格${matches > hits.length ? `，共 ${matches} 处` : ''}`;
  return (
    <aside className="find-panel" data-testid="find-panel" aria-label={replacing ? '查找和替换' : '查找'}
      onKeyDown={(e) => { if (e.key === 'Escape' && !composing(e)) { e.stopPropagation(); useFind.setState({ mode: null }); } }}>
      <div className="panel-title">{replacing ? '查找和替换' : '查找'}
        <button className="icon" title="关闭 (Esc)" onClick={() => useFind.setState({ mode: null })}>×</button></div>
      <div className="find-form">
        <label className="find-row"><span>查找内容</span>
          <input ref={queryRef} value={f.query} data-testid="find-query" placeholder="Enter 查找下一个"
            onChange={(e) => setSearch({ query: e.target.value })}
            onKeyDown={(e) => { if (e.key === 'Enter' && !composing(e)) { e.preventDefault(); step(e.shiftKey ? -1 : 1); } }} /></label>
        {replacing && <label className="find-row"><span>替换为</span>
          <input value={f.replacement} data-testid="find-replacement" onChange={(e) => useFind.setState({ replacement: e.target.value, message: null })}
            onKeyDown={(e) => { if (e.key === 'Enter' && !composing(e)) { e.preventDefault(); replaceCurrent(); } }} /></label>}
        <div className="find-options">
          <span className="scope" role="radiogroup" aria-label="范围">范围：
            <label><input type="radio" name="find-scope" checked={f.scope === 'all'} onChange={() => setSearch({ scope: 'all' })} data-testid="find-scope-all" /> 全文</label>
            <label><input type="radio" name="find-scope" checked={f.scope === 'current'} onChange={() => setSearch({ scope: 'current' })} data-testid="find-scope-current" /> 当前表</label>
          </span>
          <label><input type="checkbox" checked={f.wholeCell} onChange={(e) => setSearch({ wholeCell: e.target.checked })} data-testid="find-whole-cell" /> 单元格完全匹配</label>
          <label><input type="checkbox" checked={f.matchCase} onChange={(e) => setSearch({ matchCase: e.target.checked })} /> 区分大小写</label>
          <label title="不勾选时，全角的２０１９、ＡＢＣ、％与半角的 2019、ABC、% 视为相同"><input type="checkbox" checked={f.matchWidth} onChange={(e) => setSearch({ matchWidth: e.target.checked })} /> 区分全/半角</label>
        </div>
        <div className="find-buttons">
          <button onClick={() => step(-1)} disabled={!hits.length} title="上一个 (Shift+Enter)">上一个</button>
          <button onClick={() => step(1)} disabled={!hits.length} title="下一个 (Enter)" data-testid="find-next">下一个</button>
          {replacing
            ? <>
              <button onClick={replaceCurrent} disabled={!hits.length} data-testid="replace-one" title="替换选中的单元格，并转到下一个">替换</button>
              <button className="primary" onClick={replaceEverywhere} disabled={!hits.length} data-testid="replace-all">全部替换</button>
            </>
            : <button onClick={() => openFind('replace')} title={tooltip('replace', '查找和替换')}>替换…</button>}
        </div>
        <div className="find-status" data-testid="find-status" aria-live="polite">{summary}</div>
        {f.message && (
          <div className={`find-message${f.message.skipped.length ? ' warn' : ''}`} data-testid="find-message" role="status">
            {f.message.text}
            {f.message.skipped.length > 0 && <ul className="find-skipped">{f.message.skipped.slice(0, 20).map((s, i) =>
              <li key={i} title={s.reason}>{s.where}：“{s.text}” → “{s.result}”</li>)}</ul>}
          </div>
        )}
      </div>
      <ul className="find-hits" ref={listRef} data-testid="find-hits">
        {hits.slice(0, MAX_SHOWN).map((h, i) => (
          <li key={h.cell.path.join('.')} className={`find-hit${i === current ? ' current' : ''}`} data-testid="find-hit"
            onClick={() => select(i, true)} title="点击定位到单元格">
            <div className="where">{h.where}{h.cell.kind !== 'text' && <span className="tag">{KIND_TAG[h.cell.kind]}</span>}</div>
            <Highlighted hit={h} />
          </li>
        ))}
        {hits.length > MAX_SHOWN && <li className="more">另有 {hits.length - MAX_SHOWN} 个单元格未列出（按 Enter 逐个查看）</li>}
      </ul>
    </aside>
  );
}
