// The library in memory: entries by key, learning from documents, the file form. Built-in entries
// (templates/indicator-library.json) are merged in at load and never written to the user's file;
// deleting one records its key in `hidden`.
import type { JixiaoDocument } from '../model/schema';
import { BUILTIN_INDICATOR_LIBRARY as builtinData } from '../profile';
import {
  LIBRARY_FORMAT, LIBRARY_VERSION, LibraryEntrySchema, LibraryFileSchema, MAX_SOURCES,
  entryKey, newEntry, unitOf, type LibraryEntry, type LibrarySource,
} from './entry';

export interface IndicatorLibrary {
  entries: Map<string, LibraryEntry>;
  hidden: Set<string>;
}

export interface LibraryFile { format: typeof LIBRARY_FORMAT; version: typeof LIBRARY_VERSION; entries: LibraryEntry[]; hidden: string[] }

interface BuiltinRow { kind: 'project' | 'duty'; level1?: string; level2?: string; name: string; description?: string; value?: string; bands?: [string, string, string, string]; basis?: string }

export function builtinEntries(): LibraryEntry[] {
  return (builtinData.entries as BuiltinRow[]).map((b) => newEntry({ ...b, unit: unitOf(b.name, b.value ?? b.bands?.[0] ?? ''), builtin: true }));
}

export function emptyLibrary(): IndicatorLibrary {
  const lib: IndicatorLibrary = { entries: new Map(), hidden: new Set() };
  for (const e of builtinEntries()) lib.entries.set(entryKey(e), e);
  return lib;
}

/** Visible entries, most often seen first. */
export function libraryEntries(lib: IndicatorLibrary): LibraryEntry[] {
  return [...lib.entries.entries()].filter(([k]) => !lib.hidden.has(k)).map(([, e]) => e);
}

export function toLibraryFile(lib: IndicatorLibrary): LibraryFile {
  return {
    format: LIBRARY_FORMAT, version: LIBRARY_VERSION,
    entries: [...lib.entries.values()].filter((e) => !e.builtin),
    hidden: [...lib.hidden].sort(),
  };
}

export type ReadLibraryResult =
  | { ok: true; library: IndicatorLibrary; dropped: number }
  | { ok: false; message: string };

/** Parse the user's file; bad entries are dropped (and counted), a bad envelope is a failure. */
export function readLibraryFile(text: string): ReadLibraryResult {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { return { ok: false, message: '指标库文件不是有效的 JSON。' }; }
  const file = LibraryFileSchema.safeParse(raw);
  if (!file.success) return { ok: false, message: '指标库文件的格式不正确。' };
  const lib = emptyLibrary();
  let dropped = 0;
  for (const item of file.data.entries) {
    const e = LibraryEntrySchema.safeParse(item);
    if (!e.success || !e.data.name.trim()) { dropped++; continue; }
    lib.entries.set(entryKey(e.data), { ...e.data, builtin: false });
  }
  for (const k of file.data.hidden) lib.hidden.add(k);
  return { ok: true, library: lib, dropped };
}

let builtinKeys: Set<string> | null = null;
const isBuiltinKey = (k: string) => (builtinKeys ??= new Set(builtinEntries().map(entryKey))).has(k);

/** Delete entries; a built-in one (or a learned one that shadows it) is hidden so it stays gone. */
export function deleteEntries(lib: IndicatorLibrary, keys: Iterable<string>): number {
  let n = 0;
  for (const k of keys) {
    const e = lib.entries.get(k);
    if (!e || lib.hidden.has(k)) continue;
    if (isBuiltinKey(k)) lib.hidden.add(k);
    if (!e.builtin) lib.entries.delete(k);
    n++;
  }
  return n;
}

const sameSource = (a: LibrarySource, b: LibrarySource) => a.dept === b.dept && a.year === b.year && a.document === b.document;

/**
 * Add one observation. A new source counts once (re-learning the same document on every save does
 * not inflate `count`); cells from the newest year win, older ones only fill blanks.
 */
export function learnEntry(lib: IndicatorLibrary, seen: LibraryEntry, source: LibrarySource): 'added' | 'updated' | 'unchanged' {
  const key = entryKey(seen);
  lib.hidden.delete(key);
  const old = lib.entries.get(key);
  if (!old) {
    lib.entries.set(key, { ...seen, seen: [source], count: 1, builtin: false });
    return 'added';
  }
  const newest = old.seen.every((s) => s.year <= source.year);
  const pick = (a: string, b: string) => (b.trim() && (newest || !a.trim()) ? b : a);
  const merged: LibraryEntry = {
    ...old,
    level2: pick(old.level2, seen.level2), context: pick(old.context, seen.context),
    description: pick(old.description, seen.description), value: pick(old.value, seen.value),
    bands: old.bands.map((b, i) => pick(b, seen.bands[i])) as LibraryEntry['bands'],
    basis: pick(old.basis, seen.basis), unit: pick(old.unit, seen.unit), builtin: false,
  };
  if (!old.seen.some((s) => sameSource(s, source))) {
    merged.seen = [...old.seen, source].slice(-MAX_SOURCES);
    merged.count = old.count + 1;
  }
  const changed = JSON.stringify(merged) !== JSON.stringify(old);
  lib.entries.set(key, merged);
  return changed ? 'updated' : 'unchanged';
}

/** Every named indicator of a document, as library observations. */
export function documentIndicators(doc: JixiaoDocument): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  for (const d of doc.dutyTable.duties) {
    for (const owner of [d, ...d.activities]) {
      for (const ind of owner.indicators) {
        if (!ind.name.trim()) continue;
        out.push(newEntry({ kind: 'duty', name: ind.name.trim(), context: owner.title, bands: [...ind.bands], unit: unitOf(ind.name, ind.bands[0]) }));
      }
    }
  }
  // Project indicators: the projects', and the department-wide table's (the same kind of row).
  for (const inds of [...doc.projects.map((p) => p.indicators), doc.deptWide?.indicators ?? []]) {
    for (const ind of inds) {
      if (!ind.name.trim()) continue;
      out.push(newEntry({
        kind: 'project', level1: ind.level1.trim(), level2: ind.level2.trim(), name: ind.name.trim(),
        description: ind.description, value: ind.value, basis: ind.basis, unit: unitOf(ind.name, ind.value),
      }));
    }
  }
  return out;
}

export interface LearnResult { added: number; updated: number }

export function learnFromDocument(lib: IndicatorLibrary, doc: JixiaoDocument, documentName: string): LearnResult {
  const source: LibrarySource = { dept: doc.meta.deptName, year: doc.meta.year, document: documentName };
  const r: LearnResult = { added: 0, updated: 0 };
  // One observation per key and document: the first row wins (the same name in twelve projects
  // must not flip the entry's cells back and forth on every save).
  const once = new Map<string, LibraryEntry>();
  for (const e of documentIndicators(doc)) if (!once.has(entryKey(e))) once.set(entryKey(e), e);
  for (const e of once.values()) {
    const what = learnEntry(lib, e, source);
    if (what === 'added') r.added++; else if (what === 'updated') r.updated++;
  }
  return r;
}

/** Add entries from a shared sheet: new ones as they are, known ones fill blanks and join sources. */
export function mergeEntries(lib: IndicatorLibrary, entries: readonly LibraryEntry[]): LearnResult {
  const r: LearnResult = { added: 0, updated: 0 };
  for (const e of entries) {
    const key = entryKey(e);
    const old = lib.entries.get(key);
    lib.hidden.delete(key);
    if (!old) { lib.entries.set(key, { ...e, builtin: false }); r.added++; continue; }
    const fill = (a: string, b: string) => (a.trim() ? a : b);
    const seen = [...old.seen, ...e.seen.filter((s) => !old.seen.some((o) => sameSource(o, s)))].slice(-MAX_SOURCES);
    const merged: LibraryEntry = {
      ...old, level2: fill(old.level2, e.level2), context: fill(old.context, e.context), description: fill(old.description, e.description),
      value: fill(old.value, e.value), bands: old.bands.map((b, i) => fill(b, e.bands[i])) as LibraryEntry['bands'],
      basis: fill(old.basis, e.basis), unit: fill(old.unit, e.unit), seen,
      count: Math.max(old.count, e.count, seen.length), builtin: old.builtin && e.builtin,
    };
    if (JSON.stringify(merged) !== JSON.stringify(old)) { lib.entries.set(key, merged); r.updated++; }
  }
  return r;
}
