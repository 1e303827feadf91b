// Shared readers for export tests: the bytes are unzipped (fflate) and parsed (fast-xml-parser), so
// the assertions look at what Excel/Word will read, not at our own model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';

export const SEEDS_DIR = join(import.meta.dirname, '..', 'fixtures', 'seeds');
export const SEEDS = ['linxi-2019', 'laishui-2020-a'] as const;

export function loadSeed(name: string): JixiaoDocument {
  return DocumentSchema.parse(JSON.parse(readFileSync(join(SEEDS_DIR, `${name}.jixiao`), 'utf8')));
}

export function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

const ARRAYS = new Set(['row', 'c', 'mergeCell', 'sheet', 'definedName', 'font', 'xf', 'numFmt', 'w:tbl', 'w:tr', 'w:tc', 'w:p', 'w:r', 'w:gridCol', 'w:t', 'w:instrText', 'si']);
export const xml = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, parseTagValue: false, trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

/** Runs a Python snippet with the Debian python3 (openpyxl / python-docx); returns its JSON output. */
export function python<T>(code: string, file: string): T {
  const r = spawnSync('/usr/bin/python3', ['-c', code, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Column letters → 0-based index. */
export function colIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** Text of a docx paragraph/cell subtree. */
export function wText(node: unknown): string {
  if (node == null) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(wText).join('');
  const o = node as Record<string, unknown>;
  let s = '';
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith('@')) continue;
    if (k === 'w:t') s += (v as unknown[]).map((t) => (typeof t === 'object' && t ? (t as Record<string, string>)['#text'] ?? '' : String(t))).join('');
    else if (k === 'w:br') s += '\n';
    else if (k !== 'w:instrText') s += wText(v);
  }
  return s;
}
