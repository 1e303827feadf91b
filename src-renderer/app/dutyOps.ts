// Row operations on the duty table, acting on the focused row: the item is the indicator when the
// focus is in an indicator column, otherwise the duty/activity that owns the row.
import {
  CommandError, deleteRows, deletionSummary, dutyRows, insertActivity, insertDuty, insertDutyIndicator, moveRow, OWNER_FIELDS, setCellsEdit,
  type DutyRow,
} from '../../src-shared/commands';
import { confirmDialog } from '../dialogs/modal';
import { editor } from './store';

export type Where = 'above' | 'below' | 'child';

export function focusedDutyRow(): { row: DutyRow; field: string } | null {
  const s = editor.get();
  if (!s.doc || !s.dutyFocus) return null;
  const row = dutyRows(s.doc).find((r) => r.key === s.dutyFocus!.rowKey);
  return row ? { row, field: s.dutyFocus.field } : null;
}

function run(fn: () => void): void {
  try { fn(); } catch (e) {
    if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e;
  }
}

export function insertDutyAt(where: Where): void {
  const s = editor.get();
  if (!s.doc) return;
  const cur = focusedDutyRow();
  const index = cur ? (where === 'above' ? cur.row.dutyIndex : cur.row.dutyIndex + 1) : s.doc.dutyTable.duties.length;
  run(() => {
    const { edit, id } = insertDuty(s.doc!, index);
    editor.dispatch(edit);
    editor.focusCell(id, 'title');
  });
}

export function insertActivityAt(where: Where): void {
  const s = editor.get();
  if (!s.doc) return;
  const cur = focusedDutyRow();
  if (!cur) { editor.toast('请先选择一项职责或工作活动', 'error'); return; }
  const duty = s.doc.dutyTable.duties[cur.row.dutyIndex];
  let index: number;
  if (cur.row.activityIndex < 0) index = where === 'child' ? duty.activities.length : 0;
  else index = where === 'above' ? cur.row.activityIndex : cur.row.activityIndex + 1;
  run(() => {
    const { edit, id } = insertActivity(s.doc!, duty.id, index);
    editor.dispatch(edit);
    editor.focusCell(id, 'title');
  });
}

export function insertIndicatorAt(where: Where): void {
  const s = editor.get();
  if (!s.doc) return;
  const cur = focusedDutyRow();
  if (!cur) { editor.toast('请先选择一项工作活动', 'error'); return; }
  const { row } = cur;
  const duty = s.doc.dutyTable.duties[row.dutyIndex];
  const owner = row.activityIndex < 0 ? duty : duty.activities[row.activityIndex];
  let index: number;
  if (where === 'child' || row.indicatorIndex < 0) index = where === 'above' ? 0 : owner.indicators.length;
  else index = where === 'above' ? row.indicatorIndex : row.indicatorIndex + 1;
  run(() => {
    const { edit, id } = insertDutyIndicator(s.doc!, row.ownerId, index);
    editor.dispatch(edit);
    editor.focusCell(id, 'name');
  });
}

/** Ctrl+Enter: a sibling below the focused item. */
export function insertSiblingBelow(): void {
  const cur = focusedDutyRow();
  if (!cur) return;
  if (!OWNER_FIELDS.has(cur.field)) insertIndicatorAt('below');
  else if (cur.row.kind === 'duty') insertDutyAt('below');
  else insertActivityAt('below');
}

function currentItemId(row: DutyRow, field: string): string {
  return !OWNER_FIELDS.has(field) && row.indicatorId ? row.indicatorId : row.ownerId;
}

/**
 * 删除行: every item the selected block touches — the duties/activities when the block covers one
 * of their columns, otherwise the indicators of its rows — as one undo step; asks first when more
 * than one row or any row's children go. True when deleted.
 */
export async function deleteFocused(): Promise<boolean> {
  const s = editor.get();
  const cur = focusedDutyRow();
  if (!s.doc || !cur) { editor.toast('请先选择要删除的行', 'error'); return false; }
  const all = dutyRows(s.doc);
  const keys = new Set(s.dutyFocus?.rowKeys ?? [cur.row.key]);
  const field = s.dutyFocus?.blockField ?? cur.field;
  const touched = all.filter((r) => keys.has(r.key));
  const ids = [...new Set((touched.length ? touched : [cur.row]).map((r) => currentItemId(r, field)))];
  const summary = deletionSummary(s.doc, ids);
  if (summary.ask && !(await confirmDialog('删除确认', summary.message, '删除'))) return false;
  const doc = editor.get().doc!;
  const first = dutyRows(doc).findIndex((r) => ids.some((id) => r.indicatorId === id || (r.ownerId === id && r.first)));
  const single = ids.length === 1 && ids[0] === cur.row.indicatorId;
  if (!editor.dispatch(deleteRows(doc, ids, single ? '删除绩效指标' : ids.length > 1 ? `删除 ${summary.rows} 行` : '删除行'))) return false;
  // The row that moved into the (first) deleted one's place is selected (the one above, at the end).
  const rows = dutyRows(editor.get().doc!);
  const next = rows[Math.min(Math.max(0, first), rows.length - 1)];
  if (next) editor.focusCell(OWNER_FIELDS.has(cur.field) || !next.indicatorId ? next.ownerId : next.indicatorId, cur.field);
  return true;
}

export function moveFocused(delta: -1 | 1): void {
  const s = editor.get();
  const cur = focusedDutyRow();
  if (!s.doc || !cur) return;
  const id = currentItemId(cur.row, cur.field);
  const edit = moveRow(s.doc, id, delta);
  if (!edit) { editor.toast(delta < 0 ? '已是第一行' : '已是最后一行'); return; }
  editor.dispatch(edit);
  editor.focusCell(id, cur.field);
}

/** Several cells at once (clear, fill down, cut): one undo step. A merged owner cell counts once. */
export function setDutyCells(cells: { row: DutyRow; field: string; value: string }[], label: string): void {
  const s = editor.get();
  if (!s.doc) return;
  const seen = new Set<string>();
  const changes: { rowId: string; field: string; value: string }[] = [];
  for (const { row, field, value } of cells) {
    const rowId = OWNER_FIELDS.has(field) ? row.ownerId : row.indicatorId;
    if (!rowId) continue;
    const k = `${rowId}|${field}`;
    if (seen.has(k)) continue;
    seen.add(k);
    changes.push({ rowId, field, value });
  }
  run(() => editor.dispatch(setCellsEdit(s.doc!, changes, label)));
}
