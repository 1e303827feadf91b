// The duty table flattened into grid rows, as on paper: a duty row, then per activity one row per
// indicator (at least one), the activity's first four cells spanning its indicator rows.
import { activityNumber, dutyNumber, type DutyIndicator, type JixiaoDocument } from '../model';

export const DUTY_FIELDS = ['title', 'budget', 'description', 'goal', 'name', 'bands.0', 'bands.1', 'bands.2', 'bands.3'] as const;
export type DutyField = (typeof DUTY_FIELDS)[number];
export const OWNER_FIELDS = new Set<string>(['title', 'budget', 'description', 'goal']);

export interface DutyRow {
  /** unique per grid row: owner id + indicator id (or '-') */
  key: string;
  kind: 'duty' | 'activity';
  ownerId: string;
  dutyIndex: number;
  /** -1 on the duty's own rows */
  activityIndex: number;
  /** -1 when the owner has no indicator */
  indicatorIndex: number;
  indicatorId: string | null;
  /** generated numbering: 一、 or 1、 */
  number: string;
  /** the owner's first row (where its spanned cells start) */
  first: boolean;
}

export function dutyRows(doc: JixiaoDocument): DutyRow[] {
  const rows: DutyRow[] = [];
  const push = (kind: DutyRow['kind'], ownerId: string, d: number, a: number, inds: DutyIndicator[], number: string, minOne: boolean) => {
    if (inds.length === 0 && minOne) rows.push({ key: `${ownerId}:-`, kind, ownerId, dutyIndex: d, activityIndex: a, indicatorIndex: -1, indicatorId: null, number, first: true });
    inds.forEach((ind, i) => rows.push({ key: `${ownerId}:${ind.id}`, kind, ownerId, dutyIndex: d, activityIndex: a, indicatorIndex: i, indicatorId: ind.id, number, first: i === 0 }));
  };
  doc.dutyTable.duties.forEach((duty, d) => {
    push('duty', duty.id, d, -1, duty.indicators, dutyNumber(d), true);
    duty.activities.forEach((act, a) => push('activity', act.id, d, a, act.indicators, activityNumber(a), true));
  });
  return rows;
}

/** The text of one cell of a duty grid row. */
export function dutyCellValue(doc: JixiaoDocument, row: DutyRow, field: string): string {
  const duty = doc.dutyTable.duties[row.dutyIndex];
  const owner = row.activityIndex < 0 ? duty : duty.activities[row.activityIndex];
  if (OWNER_FIELDS.has(field)) return (owner as unknown as Record<string, string>)[field] ?? '';
  if (row.indicatorIndex < 0) return '';
  const ind = owner.indicators[row.indicatorIndex];
  if (field === 'name') return ind.name;
  return ind.bands[Number(field.slice(6))] ?? '';
}
