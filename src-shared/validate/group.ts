// One cause, one finding: when a rule reports the same cause on many cells of one table (a 依据
// written as a document number on every indicator, the same wrong 一级 on every row), the table
// gets one finding that lists the cells. Rules say which of their codes group and by what key
// (`groups` in the registry); codes without a policy stay one finding per cell, because there each
// cell is its own mistake (a band gap, a duplicated indicator, a typed-over number).
import { SEP } from './registry';
import type { Finding, FindingCell } from './types';

export interface GroupPolicy {
  /** Findings of this code with the same key in one table are one cause; null keeps one apart. */
  key(f: Finding): string | null;
  /** The group's message for its cells (n ≥ 2). Default: “N 个指标的” + the cells' (equal) message. */
  message?(cells: Finding[]): string;
}

/** Up to three distinct cell texts, quoted: “冀财社【2019】74号”、“政府批示”等. */
export function examples(cells: readonly Finding[]): string {
  const texts = [...new Set(cells.map((c) => c.text.trim()).filter((t) => t !== ''))];
  return texts.slice(0, 3).map((t) => `“${t.length > 20 ? t.slice(0, 20) + '…' : t}”`).join('、') + (texts.length > 3 ? '等' : '');
}

function cellOf(f: Finding): FindingCell {
  const c: FindingCell = { path: f.path, where: f.where, text: f.text };
  if (f.suggestion !== undefined) c.suggestion = f.suggestion;
  return c;
}

function merge(list: Finding[], policy: GroupPolicy): Finding {
  const first = list[0];
  const parts = first.where.split(SEP);
  const column = parts.length > 1 ? parts[parts.length - 1] : '';
  const g: Finding = {
    severity: first.severity, code: first.code, path: first.path,
    where: `${parts[0]}${column ? SEP + column : ''}（${list.length} 个单元格）`,
    text: first.text,
    message: policy.message ? policy.message(list) : `${list.length} 个指标的${first.message}`,
    cells: list.map(cellOf),
  };
  const s = first.suggestion;
  if (s !== undefined && list.every((f) => f.suggestion === s)) g.suggestion = s;
  return g;
}

/**
 * Findings of one table (in table order) with each grouped cause merged into one finding at its
 * first cell's place. Returns `findings` itself when nothing groups (keeps caches' identity).
 */
export function groupFindings(findings: Finding[], policies: ReadonlyMap<string, GroupPolicy>): Finding[] {
  if (findings.length < 2 || policies.size === 0) return findings;
  const byKey = new Map<string, Finding[]>();
  const keyOf: (string | null)[] = findings.map((f) => {
    const p = policies.get(f.code);
    const k = p ? p.key(f) : null;
    if (k === null) return null;
    const key = `${f.code}\u0001${f.severity}\u0001${k}`;
    const list = byKey.get(key);
    if (list) list.push(f); else byKey.set(key, [f]);
    return key;
  });
  if (![...byKey.values()].some((l) => l.length > 1)) return findings;
  const out: Finding[] = [];
  const done = new Set<string>();
  findings.forEach((f, i) => {
    const key = keyOf[i];
    const list = key === null ? undefined : byKey.get(key)!;
    if (!list || list.length < 2) { out.push(f); return; }
    if (done.has(key!)) return;
    done.add(key!);
    out.push(merge(list, policies.get(f.code)!));
  });
  return out;
}
