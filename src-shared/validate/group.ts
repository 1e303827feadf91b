// One cause, one finding: when a rule reports the same cause on many cells of one table (a 依据
// written as a document number on every indicator, the same wrong 一级 on every row), the table
// gets one finding that lists the cells. Rules say which of their codes group and by what key
// (`groups` in the registry); codes without a policy stay one finding per cell, because there each
// cell is its own mistake (a band gap, a duplicated indicator, a typed-over number).
import { SEP } from './registry';
import type { Finding, FindingCell, GroupPolicy } from './types';

/** Up to three distinct cell texts, quoted: “冀财社【2019】74号”、“政府批示”等. */
export function examples(cells: readonly Finding[]): string {
  const texts = [...new Set(cells.map((c) => c.text.trim()).filter((t) => t !== ''))];
  return texts.slice(0, 3).map((t) => `“${t.length > 20 ? t.slice(0, 20) + '…' : t}”`).join('、') + (texts.length > 3 ? '等' : '');
}

function cellOf(f: Finding): FindingCell {
  return f.suggestion === undefined ? { path: f.path, where: f.where, text: f.text } : { path: f.path, where: f.where, text: f.text, suggestion: f.suggestion };
}

function merge(list: Finding[], policy: GroupPolicy): Finding {
  const first = list[0];
  const head = first.where.indexOf(SEP);
  const column = head < 0 ? '' : first.where.slice(first.where.lastIndexOf(SEP) + SEP.length);
  const cells: FindingCell[] = new Array(list.length);
  let same = first.suggestion !== undefined;
  for (let k = 0; k < list.length; k++) {
    cells[k] = cellOf(list[k]);
    if (list[k].suggestion !== first.suggestion) same = false;
  }
  const g: Finding = {
    severity: first.severity, code: first.code, path: first.path,
    where: `${head < 0 ? first.where : first.where.slice(0, head)}${column ? SEP + column : ''}（${list.length} 个单元格）`,
    text: first.text,
    message: policy.message ? policy.message(list) : `${list.length} 个指标的${first.message}`,
    cells,
  };
  if (same) g.suggestion = first.suggestion;
  return g;
}

/**
 * Findings of one table (in table order) with each grouped cause merged into one finding at its
 * first cell's place. Returns `findings` itself when nothing groups (keeps caches' identity).
 */
export function groupFindings(findings: Finding[], policies: ReadonlyMap<string, GroupPolicy>): Finding[] {
  if (findings.length < 2 || policies.size === 0) return findings;
  let byKey: Map<string, Finding[]> | null = null;
  let merged = false;
  for (const f of findings) {
    const p = policies.get(f.code);
    const k = p ? p.key(f) : null;
    if (k === null) continue;
    const key = `${f.code}\u0001${f.severity}\u0001${k}`;
    byKey ??= new Map();
    const list = byKey.get(key);
    if (list) { list.push(f); merged = true; } else byKey.set(key, [f]);
  }
  if (!merged) return findings;
  // Each finding's group, then one merged finding where the group's first cell was.
  const groupOf = new Map<Finding, Finding[]>();
  for (const list of byKey!.values()) if (list.length > 1) for (const f of list) groupOf.set(f, list);
  const out: Finding[] = [];
  for (const f of findings) {
    const list = groupOf.get(f);
    if (!list) out.push(f);
    else if (list[0] === f) out.push(merge(list, policies.get(f.code)!));
  }
  return out;
}

/** `value.spelling` (提示): how one person writes values, one finding per table; each cell gets its own spelling. */
export const SPELLING_GROUP: GroupPolicy = {
  key: () => '',
  message: (cells) => `${cells.length} 个单元格的写法可以统一（${examples(cells)}），如半角符号、不留空格`,
};
