// Suggestions from the 指标库 under a 三级指标 / 绩效指标 cell being edited. The list listens to the
// editor element's keys in the capture phase, so while it is open ↓/↑ move in it, Enter or Tab take
// the highlighted entry, Esc closes only the list; with nothing highlighted, keys go to the editor
// as usual (Enter commits what was typed). Typing during an IME composition does not query.
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { LibraryEntry, LibraryKind } from '../../src-shared/library/entry';
import { refreshLibrary, suggestionsFor } from '../app/library';
import type { Cell } from '../../src-shared/grid';
import type { CellController } from './cellController';

export interface NameSuggestProps {
  /** The editor's input element (textarea / input / contenteditable proxy). */
  anchor: HTMLElement;
  text: string;
  kind: LibraryKind;
  level1?: string;
  onChoose(entry: LibraryEntry): void;
}

const LIST_MAX_PX = 240; // .suggest-list max-height

/** Under the cell, or above it when the window has no room below (a cell at the bottom edge). */
function placeUnder(rect: DOMRect): React.CSSProperties {
  const below = window.innerHeight - rect.bottom;
  return below >= LIST_MAX_PX || below >= rect.top
    ? { left: rect.left, top: rect.bottom + 1 }
    : { left: rect.left, bottom: window.innerHeight - rect.top + 1 };
}

export function NameSuggest({ anchor, text, kind, level1, onChoose }: NameSuggestProps) {
  const [items, setItems] = useState<LibraryEntry[]>([]);
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const [rect, setRect] = useState<DOMRect | null>(null);

  const [libVersion, setLibVersion] = useState(0);
  // Once per edit: bring the library copy up to date (one cheap host call), then re-query.
  useEffect(() => {
    let live = true;
    void refreshLibrary().then(() => { if (live) setLibVersion((v) => v + 1); });
    return () => { live = false; };
  }, []);
  useEffect(() => {
    setItems(text.trim() ? suggestionsFor(text, kind, level1) : []);
    setActive(-1);
    setClosed(false);
  }, [text, kind, level1, libVersion]);
  useLayoutEffect(() => { setRect(anchor.getBoundingClientRect()); }, [anchor, text]);

  const open = !closed && items.length > 0 && !(items.length === 1 && items[0].name === text.trim());

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault(); e.stopPropagation();
        setActive((a) => (e.key === 'ArrowDown' ? Math.min(items.length - 1, a + 1) : Math.max(-1, a - 1)));
      } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0 && !e.altKey) {
        e.preventDefault(); e.stopPropagation();
        onChoose(items[active]);
      } else if (e.key === 'Escape') {
        e.preventDefault(); e.stopPropagation();
        setClosed(true);
      }
    };
    anchor.addEventListener('keydown', onKey, true);
    return () => anchor.removeEventListener('keydown', onKey, true);
  }, [open, items, active, anchor, onChoose]);

  if (!open || !rect) return null;
  // Rendered inside the grid host (position: fixed), not in a portal: a mousedown outside the host
  // commits the edit before the click could take the entry.
  return (
    <ul className="suggest-list" role="listbox" data-testid="name-suggest" style={placeUnder(rect)}>
      {items.map((e, i) => (
        <li key={`${e.kind}|${e.level1}|${e.name}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
          data-testid="name-suggest-item" onMouseDown={(ev) => { ev.preventDefault(); onChoose(e); }}>
          {e.name}
          <span className="meta">{e.kind === 'project' ? [e.level1, e.value].filter(Boolean).join(' · ') : e.bands.filter(Boolean).join(' / ')}{e.builtin ? ' · 内置' : ''}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Library suggestions for a grid's name column: follows the controller's edit session (its own
 * state, so the grid itself does not re-render per keystroke) and shows NameSuggest while a cell
 * of `column` is being edited. `choose` ends the edit and applies the entry as one undo step.
 */
export function GridNameSuggest({ ctl, column, kind, level1Of, choose }: {
  ctl: CellController;
  column: string;
  kind: LibraryKind;
  level1Of?: (cell: Cell) => string;
  choose: (cell: Cell, entry: LibraryEntry) => void;
}) {
  const [session, setSession] = useState<{ cell: Cell; text: string; anchor: HTMLTextAreaElement } | null>(null);
  useEffect(() => {
    ctl.onEdit = (e) => setSession(e && ctl.model.columns[e.cell.col] === column ? e : null);
    return () => { ctl.onEdit = () => {}; };
  }, [ctl, column]);
  const onChoose = useCallback((entry: LibraryEntry) => {
    if (!session) return;
    ctl.cancel();
    choose(session.cell, entry);
  }, [ctl, session, choose]);
  if (!session) return null;
  return <NameSuggest anchor={session.anchor} text={session.text} kind={kind} level1={level1Of?.(session.cell)} onChoose={onChoose} />;
}
