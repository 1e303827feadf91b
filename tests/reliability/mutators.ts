// Damage to real files, as fast-check arbitraries (seeded, so a run can be repeated): random byte
// edits (as tests/import/fuzz.test.ts makes them), a cut at a random length, and damage inside the
// file's structure — one zip entry of a .docx/.xlsx edited, cut, emptied or removed; one JSON value
// of a .jixiao replaced or removed.
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';

/** Positions and the byte values written there. */
export type ByteEdits = [number, number][];

export function byteEdits(length: number, maxEdits = 20): fc.Arbitrary<ByteEdits> {
  return fc.array(fc.tuple(fc.nat({ max: Math.max(0, length - 1) }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: maxEdits });
}

export function applyByteEdits(bytes: Uint8Array, edits: ByteEdits): Uint8Array {
  const b = bytes.slice();
  for (const [at, v] of edits) if (at < b.length) b[at] = v;
  return b;
}

export type EntryDamage = { how: 'bytes'; edits: ByteEdits } | { how: 'cut'; at: number } | { how: 'empty' } | { how: 'remove' };

export type Mutation =
  | { kind: 'bytes'; edits: ByteEdits }
  | { kind: 'cut'; at: number }
  | { kind: 'entry'; entry: string; damage: EntryDamage }
  | { kind: 'json'; node: number; value?: fc.JsonValue };

/** A file to damage: its bytes, and for a zip its entries, for a .jixiao its JSON. */
export interface Original { name: string; bytes: Uint8Array; entries?: Record<string, Uint8Array>; json?: unknown }

export function original(name: string, bytes: Uint8Array): Original {
  if (name.endsWith('.jixiao')) return { name, bytes, json: JSON.parse(new TextDecoder().decode(bytes)) };
  return { name, bytes, entries: unzipSync(bytes) };
}

/** The mutations that fit this file. */
export function mutationOf(o: Original): fc.Arbitrary<Mutation> {
  const n = o.bytes.length;
  const whole: fc.Arbitrary<Mutation>[] = [
    byteEdits(n).map((edits) => ({ kind: 'bytes' as const, edits })),
    fc.nat({ max: n - 1 }).map((at) => ({ kind: 'cut' as const, at })),
  ];
  if (o.entries) {
    const names = Object.keys(o.entries).sort();
    whole.push(fc.constantFrom(...names).chain((entry) => {
      const len = o.entries![entry].length;
      const damage: fc.Arbitrary<EntryDamage> = fc.oneof(
        byteEdits(len).map((edits) => ({ how: 'bytes' as const, edits })),
        fc.nat({ max: Math.max(0, len - 1) }).map((at) => ({ how: 'cut' as const, at })),
        fc.constant({ how: 'empty' as const }),
        fc.constant({ how: 'remove' as const }),
      );
      return damage.map((d) => ({ kind: 'entry' as const, entry, damage: d }));
    }));
  }
  if (o.json !== undefined) {
    const nodes = countNodes(o.json);
    whole.push(fc.record({ node: fc.nat({ max: nodes - 1 }), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) })
      .map(({ node, value }) => ({ kind: 'json' as const, node, ...(value === undefined ? {} : { value }) })));
  }
  return fc.oneof(...whole);
}

export function applyMutation(o: Original, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'bytes': return applyByteEdits(o.bytes, m.edits);
    case 'cut': return o.bytes.slice(0, m.at);
    case 'entry': {
      const entries = { ...o.entries! };
      const d = m.damage;
      if (d.how === 'remove') delete entries[m.entry];
      else entries[m.entry] = d.how === 'empty' ? new Uint8Array(0) : d.how === 'cut' ? entries[m.entry].slice(0, d.at) : applyByteEdits(entries[m.entry], d.edits);
      return zipSync(entries);
    }
    case 'json': {
      const doc = structuredClone(o.json);
      replaceNode(doc, m.node, m.value);
      return new TextEncoder().encode(JSON.stringify(doc, null, 2));
    }
  }
}

/** Values inside the JSON, in document order (the root not counted). */
function countNodes(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  return Object.values(v).reduce((n: number, c) => n + 1 + countNodes(c), 0);
}

/** Replace (or, with no value, remove) the k-th value in document order. */
function replaceNode(root: unknown, k: number, value: unknown): void {
  let left = k;
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    const container = v as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      if (left-- === 0) {
        if (value !== undefined) container[key] = value;
        else if (Array.isArray(container)) container.splice(Number(key), 1);
        else delete container[key];
        return true;
      }
      if (walk(container[key])) return true;
    }
    return false;
  };
  walk(root);
}
