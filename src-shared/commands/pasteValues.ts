// What a pasted cell becomes in an amount column: the exact amount (with a note when it was
// converted, e.g. 50000元 → 5 万元) or nothing, with the reason, in the paste's problem list.
// Kept apart from the paste commands (paste.ts, selfeval.ts), which decide where cells go.
import { parseAmountInput, unsavableReason, type AmountTarget } from '../model';
import { levelSpansOf, type LevelRow } from '../layout/runs';
import type { PasteProblem } from './commands';

export interface PasteLog { problems: PasteProblem[]; notes: string[] }

/** The canonical amount for a pasted `text`, or null (the problem is logged, the cell is not pasted). */
export function pastedAmount(text: string, target: AmountTarget, row: number, col: number, log: PasteLog): string | null {
  const r = parseAmountInput(text, target);
  if (!r.ok) {
    log.problems.push({ row, col, text, message: `${r.reason}，未粘贴` });
    return null;
  }
  if (r.note) log.notes.push(r.note);
  return r.amount;
}

/**
 * A pasted text as it is, or null when it holds a character Word/Excel files cannot hold (U+FFFE,
 * control characters; model/text.ts): the cell is not pasted and the problem names the character.
 */
export function pastedText(text: string, row: number, col: number, log: PasteLog): string | null {
  const bad = unsavableReason(text);
  if (!bad) return text;
  log.problems.push({ row, col, text, message: `${bad}，未粘贴` });
  return null;
}

/** The conversions of a paste by kind, the first few of each: 已按万元换算 2 个金额：50000元 = 5万元；八十万 = 80万元 */
export function noteSummary(notes: readonly string[]): string {
  const byKind = new Map<string, string[]>();
  for (const n of notes) {
    const k = n.indexOf('：');
    const kind = k < 0 ? '' : n.slice(0, k);
    byKind.set(kind, [...(byKind.get(kind) ?? []), k < 0 ? n : n.slice(k + 1)]);
  }
  return [...byKind].map(([kind, list]) =>
    `${kind} ${list.length} 个${kind.endsWith('换算') ? '金额' : '数'}：${list.slice(0, 3).join('；')}${list.length > 3 ? ' 等' : ''}`).join('；');
}

/**
 * The rows one pasted cell goes to. A single pasted line onto a merged 一级/二级 cell fills every row
 * of its run, as typing there does (layout/runs.ts: the runs of the table before the paste); a
 * block of several lines goes line by line, each to its own row.
 */
export function pastedCellRows(rows: readonly LevelRow[], row: number, field: string, lines: number): number[] {
  if (lines !== 1 || (field !== 'level1' && field !== 'level2') || !rows[row]) return [row];
  const { top, bottom } = levelSpansOf(rows)[field][row];
  return Array.from({ length: bottom - top + 1 }, (_, k) => top + k);
}
