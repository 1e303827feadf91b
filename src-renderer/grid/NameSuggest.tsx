// Suggestions from the 指标库 under a 三级指标 / 绩效指标 cell being edited. The list listens to the
// editor element's keys in the capture phase, so while it is open ↓/↑ move in it, Enter or Tab take
// the highlighted entry, Esc closes only the list; with nothing highlighted, keys go to the editor
// as usual (Enter commits what was typed). Typing during an IME composition does not query.
import { useEffect, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { LibraryEntry, LibraryKind } from '../../src-shared/library';
import { refreshLibrary, suggestionsFor } from '../app/library';

export interface NameSuggestProps {
  /** The editor's input element (textarea / input / contenteditable proxy). */
  anchor: HTMLElement;
  text: string;
  kind: LibraryKind;
  level1?: string;
  onChoose(entry: LibraryEntry): void;
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
  return createPortal(
    <ul className="suggest-list" role="listbox" data-testid="name-suggest" style={{ left: rect.left, top: rect.bottom + 1 }}>
      {items.map((e, i) => (
        <li key={`${e.kind}|${e.level1}|${e.name}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
          data-testid="name-suggest-item" onMouseDown={(ev) => { ev.preventDefault(); onChoose(e); }}>
          {e.name}
          <span className="meta">{e.kind === 'project' ? [e.level1, e.value].filter(Boolean).join(' · ') : e.bands.filter(Boolean).join(' / ')}{e.builtin ? ' · 内置' : ''}</span>
        </li>
      ))}
    </ul>,
    document.body,
  );
}
