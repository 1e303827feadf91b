// Suggestions while the clerk types a 三级指标 / 绩效指标: prefix, then substring of the name, then
// the pinyin initials (`mydf` → 满意度…). The index is built once per library version; a keystroke
// is one linear scan of precomputed strings (20,000 entries well under 10 ms, see the bench).
import { pinyin } from 'pinyin-pro';
import { entryKey, normalizeName, type LibraryEntry, type LibraryKind } from './entry';

export interface SuggestItem { key: string; entry: LibraryEntry; name: string; initials: string }
export type SuggestIndex = SuggestItem[];

/** `服务对象满意度（%）` → `fwdxmyd`: first letters of the Han characters, ASCII letters and digits kept. */
export function pinyinInitials(name: string): string {
  const letters = pinyin(name.normalize('NFKC'), { pattern: 'first', toneType: 'none', type: 'array' });
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function buildSuggestIndex(entries: readonly LibraryEntry[]): SuggestIndex {
  return entries.map((entry) => ({ key: entryKey(entry), entry, name: normalizeName(entry.name), initials: pinyinInitials(entry.name) }));
}

export interface SuggestOptions {
  kind: LibraryKind;
  /** Project indicators: prefer entries under this 一级 (效果/效益 alike); others still match. */
  level1?: string;
  limit?: number;
}

const ASCII_QUERY = /^[a-z0-9]+$/;

/** Ranked matches for what is typed: 0 name prefix, 1 name substring, 2 initials prefix, 3 initials substring. */
export function suggest(index: SuggestIndex, typed: string, opts: SuggestOptions): LibraryEntry[] {
  const q = normalizeName(typed);
  if (!q) return [];
  const byInitials = ASCII_QUERY.test(q);
  const wantLevel1 = opts.level1 ? normalizeName(opts.level1).replace('效果', '效益') : '';
  const hits: { item: SuggestItem; rank: number }[] = [];
  for (const item of index) {
    if (item.entry.kind !== opts.kind) continue;
    let rank: number;
    if (item.name.startsWith(q)) rank = 0;
    else if (item.name.includes(q)) rank = 1;
    else if (byInitials && item.initials.startsWith(q)) rank = 2;
    else if (byInitials && item.initials.includes(q)) rank = 3;
    else continue;
    if (wantLevel1 && normalizeName(item.entry.level1).replace('效果', '效益') !== wantLevel1) rank += 4;
    hits.push({ item, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || b.item.entry.count - a.item.entry.count || a.item.name.length - b.item.name.length || a.item.name.localeCompare(b.item.name));
  return hits.slice(0, opts.limit ?? 8).map((h) => h.item.entry);
}
