// 查找: the cells whose text matches, each with where it is and the match ranges.
// Amounts are searched as the editor shows them (1673.50 in a 万元 document, 25.00 in a schedule),
// so what the clerk sees is what is found; replace.ts decides whether a changed amount is valid.
import { formatAmount, type JixiaoDocument, type MoneyUnit } from '../model';
import { documentCells, type CellKind, type DocCell, type FindScope } from './cells';
import { compileMatcher, type MatchOptions, type Range } from './match';

export interface FindOptions extends MatchOptions { scope: FindScope }

export interface FindHit {
  cell: DocCell;
  where: string;
  /** The cell's text as shown (amounts formatted). */
  text: string;
  /** Match ranges in `text`, at least one. */
  ranges: Range[];
}

/** A value's text as the editor shows it. */
export function shownValue(value: string, kind: CellKind, unit: MoneyUnit): string {
  if (value === '') return '';
  if (kind === 'money') return formatAmount(value, unit);
  if (kind === 'percent') return formatAmount(value, 'percent');
  return value;
}

export const shownText = (cell: DocCell, unit: MoneyUnit) => shownValue(cell.value, cell.kind, unit);

export function findAll(doc: JixiaoDocument, query: string, o: FindOptions): FindHit[] {
  if (query === '') return [];
  const match = compileMatcher(query, o);
  const unit = doc.meta.unit;
  // The filter matches each value; the accepted cells come back in the same order.
  const found: { text: string; ranges: Range[] }[] = [];
  const cells = documentCells(doc, o.scope, (value, kind) => {
    if (value === '') return false;
    const text = shownValue(value, kind, unit);
    const ranges = match(text);
    if (ranges.length === 0) return false;
    found.push({ text, ranges });
    return true;
  });
  return cells.map((cell, i) => ({ cell, where: cell.where(), ...found[i] }));
}

/** Matches over all hits (a cell may hold several). */
export const countMatches = (hits: readonly FindHit[]) => hits.reduce((n, h) => n + h.ranges.length, 0);
