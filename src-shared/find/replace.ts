// 替换 / 全部替换 as ONE command (one undo step restores every cell). Text cells take the new text
// as is. An amount cell takes it only when the result is still a valid amount (stored canonical,
// converted into the document's unit with a note, as typing it would); otherwise the cell is left
// unchanged and reported as skipped, with the reason — the document can never hold an invalid amount.
import { Draft } from '../commands/commands';
import { parseAmountInput, unsavableReason, type AmountTarget } from '../model';
import { getAt, type Edit } from '../commands/patch';
import type { JixiaoDocument } from '../model';
import { findAll, shownText, type FindHit, type FindOptions } from './find';
import { compileMatcher, spliceRanges } from './match';

/** One cell's text before and after (as shown; an amount is stored canonical). */
export interface ReplaceChange { where: string; text: string; result: string }
export interface ReplaceSkip extends ReplaceChange { reason: string }

export interface ReplaceResult {
  /** The command to dispatch; null when no cell changes. */
  edit: Edit | null;
  /** Matches replaced (处). */
  replaced: number;
  /** Cells changed. */
  cells: number;
  changes: ReplaceChange[];
  skipped: ReplaceSkip[];
  /** Amounts converted on the way in (已按万元换算：50000元 = 5万元), as a paste reports them. */
  notes: string[];
  /** Why nothing was replaced at all: the replacement holds a character Word/Excel files cannot hold. */
  refused?: string;
}

const KIND_NAME = { money: '金额', percent: '百分比', number: '数字' } as const;

function replaceHits(doc: JixiaoDocument, hits: readonly FindHit[], query: string, replacement: string): ReplaceResult {
  // Refused as typing it would be. Finding such a character is allowed (to clean an older file).
  const bad = unsavableReason(replacement);
  if (bad) return { edit: null, replaced: 0, cells: 0, changes: [], skipped: [], notes: [], refused: `替换为的内容${bad}，已拒绝` };
  const d = new Draft(doc);
  const changes: ReplaceChange[] = [];
  const skipped: ReplaceSkip[] = [];
  const notes: string[] = [];
  let replaced = 0;
  for (const hit of hits) {
    const result = spliceRanges(hit.text, hit.ranges, replacement);
    let value = result;
    if (hit.cell.kind !== 'text') {
      // The same reading as typing it: 50000元 in a 万元 document is 5, 25% is a percent only.
      const target: AmountTarget = hit.cell.kind === 'money' ? doc.meta.unit : hit.cell.kind === 'percent' ? 'percent' : 'score';
      const amount = parseAmountInput(result, target);
      if (!amount.ok) {
        skipped.push({ where: hit.where, text: hit.text, result, reason: `替换后为“${result}”，不是有效的${KIND_NAME[hit.cell.kind]}，未替换` });
        continue;
      }
      value = amount.amount;
      if (amount.note && value !== hit.cell.value) notes.push(amount.note);
    }
    if (value === hit.cell.value) continue;
    d.set(hit.cell.path, value);
    replaced += hit.ranges.length;
    changes.push({ where: hit.where, text: hit.text, result });
  }
  return { edit: d.finish(`替换“${query}”为“${replacement}”（${replaced} 处）`), replaced, cells: changes.length, changes, skipped, notes };
}

/** 全部替换 over the scope of `o`. */
export function replaceAll(doc: JixiaoDocument, query: string, replacement: string, o: FindOptions): ReplaceResult {
  return replaceHits(doc, findAll(doc, query, o), query, replacement);
}

/** 替换: every match in the cell of one hit. The hit is checked against `doc` (it may be stale). */
export function replaceOne(doc: JixiaoDocument, hit: FindHit, query: string, replacement: string, o: FindOptions): ReplaceResult {
  if (getAt(doc, hit.cell.path) !== hit.cell.value) return replaceHits(doc, [], query, replacement);
  const text = shownText(hit.cell, doc.meta.unit);
  const ranges = compileMatcher(query, o)(text);
  return replaceHits(doc, ranges.length ? [{ ...hit, text, ranges }] : [], query, replacement);
}
