// The renderer's copy of the 指标库: fetched from the host when its version moves (the host learns
// on every open/save/import), with a suggestion index built once per version.
import { create } from 'zustand';
// The modules, not the library barrel: it re-exports the worksheet import/export (ExcelJS), which the
// renderer must not bundle (size, and its eval-style polyfills fail npm run check:security).
import { buildSuggestIndex, suggest, type SuggestIndex } from '../../src-shared/library/suggest';
import type { LibraryEntry, LibraryKind } from '../../src-shared/library/entry';
import { invoke } from './api';
import { editor } from './store';

interface LibraryState { version: number | null; entries: LibraryEntry[]; loading: boolean }

export const useLibrary = create<LibraryState>(() => ({ version: null, entries: [], loading: false }));

let index: { version: number | null; index: SuggestIndex } | null = null;
let inflight: Promise<void> | null = null;

/** Bring the copy up to date (cheap when nothing changed: the host answers entries = null). */
export function refreshLibrary(): Promise<void> {
  inflight ??= (async () => {
    useLibrary.setState({ loading: true });
    const r = await invoke('library:snapshot', { knownVersion: useLibrary.getState().version });
    inflight = null;
    if (!r.ok) { useLibrary.setState({ loading: false }); editor.toast(r.message, 'error'); return; }
    if (r.value.warning) editor.toast(r.value.warning, 'error');
    if (r.value.entries) useLibrary.setState({ version: r.value.version, entries: r.value.entries, loading: false });
    else useLibrary.setState({ loading: false });
  })();
  return inflight;
}

export function suggestionsFor(typed: string, kind: LibraryKind, level1?: string, limit = 8): LibraryEntry[] {
  const { version, entries } = useLibrary.getState();
  if (!index || index.version !== version) index = { version, index: buildSuggestIndex(entries) };
  return suggest(index.index, typed, { kind, level1, limit });
}

export async function deleteLibraryEntries(keys: string[]): Promise<void> {
  const r = await invoke('library:delete', { keys });
  if (!r.ok) { editor.toast(r.message, 'error'); return; }
  editor.toast(`已从指标库删除 ${r.value.removed} 个指标`);
  await refreshLibrary();
}
