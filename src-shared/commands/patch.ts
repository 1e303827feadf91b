// Document edits as patch pairs. A patch replaces the value at a path (object keys / array indices);
// applying it copies only the nodes along that path (structural sharing), so untouched duties and
// projects keep their identity and the incremental validator re-checks only what changed.
import type { JixiaoDocument } from '../model';

export type Path = readonly (string | number)[];
export interface Patch { path: Path; value: unknown }

/** One user action: its patches and the patches that undo it. */
export interface Edit {
  label: string;
  redo: Patch[];
  undo: Patch[];
}

export function getAt(root: unknown, path: Path): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const key of path) {
    if (node == null) return undefined;
    node = node[key] as Record<string | number, unknown> | undefined;
  }
  return node;
}

function setAt(node: unknown, path: Path, i: number, value: unknown): unknown {
  if (i === path.length) return value;
  const key = path[i];
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[key as number] = setAt(node[key as number], path, i + 1, value);
    return copy;
  }
  const obj = (node ?? {}) as Record<string, unknown>;
  return { ...obj, [key]: setAt(obj[key as string], path, i + 1, value) };
}

export function applyPatches<T = JixiaoDocument>(doc: T, patches: readonly Patch[]): T {
  let out: unknown = doc;
  for (const p of patches) out = setAt(out, p.path, 0, p.value);
  return out as T;
}

/** Build an edit from forward patches, reading the old values from `doc` for the inverse. */
export function makeEdit(doc: JixiaoDocument, label: string, redo: Patch[]): Edit {
  const undo: Patch[] = [];
  // Inverse patches must see the state each forward patch saw, so apply progressively.
  let cur: unknown = doc;
  for (const p of redo) {
    undo.unshift({ path: p.path, value: getAt(cur, p.path) });
    cur = setAt(cur, p.path, 0, p.value);
  }
  return { label, redo, undo };
}

export function applyEdit(doc: JixiaoDocument, edit: Edit, direction: 'redo' | 'undo' = 'redo'): JixiaoDocument {
  return applyPatches(doc, direction === 'redo' ? edit.redo : edit.undo);
}
