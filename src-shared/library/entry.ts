// 指标库 — the indicator library: indicators seen in documents (and a small built-in set), offered
// again when the clerk types a 三级指标 / 绩效指标. An entry is one indicator "idea": deduplicated by
// kind + level-1 + normalized name, with the last non-blank cells seen for it.
import * as z from 'zod'; // a namespace import: the bundlers drop what is unused (zod's 350 KB of locales)
import { parseValue } from '../expr/parse';

export const LIBRARY_FORMAT = 'jixiao-library';
export const LIBRARY_VERSION = 1;

/** Where an entry was seen: department, year, document name. */
export const LibrarySourceSchema = z.object({ dept: z.string(), year: z.number().int(), document: z.string() });

const text = z.string();

export const LibraryEntrySchema = z.object({
  /** `project` = a 项目绩效目标表 indicator (一级/二级/三级); `duty` = a 部门职责-工作活动 indicator. */
  kind: z.enum(['project', 'duty']),
  level1: text,
  level2: text,
  /** Duty indicators: the activity it was seen under (context only, not part of the key). */
  context: text,
  name: text,
  description: text,
  value: text,
  /** 优/良/中/差 (duty indicators); empty strings for project indicators. */
  bands: z.tuple([text, text, text, text]),
  basis: text,
  unit: text,
  seen: z.array(LibrarySourceSchema),
  /** How many distinct documents it was seen in. */
  count: z.number().int().min(0),
  builtin: z.boolean(),
});

export type LibrarySource = z.infer<typeof LibrarySourceSchema>;
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;
export type LibraryKind = LibraryEntry['kind'];

/** The user's library file (`<userData>/indicator-library.json`): learned entries and hidden keys. */
export const LibraryFileSchema = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(LIBRARY_VERSION),
  entries: z.array(z.unknown()),
  /** Keys of built-in entries the user deleted. */
  hidden: z.array(z.string()).default([]),
});

/** Keep at most this many sources per entry (the most recent); `count` keeps counting. */
export const MAX_SOURCES = 20;

const LEVEL1_SYNONYMS: Record<string, string> = { 效果指标: '效益指标' };

/** Name as compared: NFKC (full-width digits/brackets → half-width), no spaces, lower case. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function normalizeLevel1(level1: string): string {
  const n = normalizeName(level1);
  return LEVEL1_SYNONYMS[n] ?? n;
}

/** The dedup key: kind + level-1 (效果/效益 are one) + normalized name. */
export function entryKey(e: Pick<LibraryEntry, 'kind' | 'level1' | 'name'>): string {
  return `${e.kind}|${e.kind === 'project' ? normalizeLevel1(e.level1) : ''}|${normalizeName(e.name)}`;
}

/** Unit of an indicator: from its value (`≥95%` → %), else from a bracket in its name (`（家）`). */
export function unitOf(name: string, value: string): string {
  const p = parseValue(value);
  if (p.kind === 'numeric' && p.units.length > 0 && p.units[0] !== '') return p.units[0];
  const m = /[（(]\s*([^（）()\s]{1,4})\s*[）)]\s*$/.exec(name.normalize('NFKC'));
  return m ? m[1] : '';
}

export function newEntry(init: Partial<LibraryEntry> & Pick<LibraryEntry, 'kind' | 'name'>): LibraryEntry {
  return {
    level1: '', level2: '', context: '', description: '', value: '', bands: ['', '', '', ''], basis: '', unit: '',
    seen: [], count: 0, builtin: false, ...init,
  };
}
