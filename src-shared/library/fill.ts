// Choosing a suggestion: the name cell takes the entry's name, the row's other cells take the
// entry's text only where they are blank — typed text is never overwritten.
import type { DutyIndicator, ProjectIndicator } from '../model/schema';
import type { LibraryEntry } from './entry';

const blank = (s: string) => s.trim() === '';

/** Fields to change on a project indicator row (empty object = nothing to change). */
export function projectFill(row: ProjectIndicator, e: LibraryEntry): Partial<ProjectIndicator> {
  const patch: Partial<ProjectIndicator> = {};
  if (row.name !== e.name) patch.name = e.name;
  for (const k of ['level1', 'level2', 'description', 'value', 'basis'] as const) {
    if (blank(row[k]) && !blank(e[k])) patch[k] = e[k];
  }
  return patch;
}

export function dutyFill(row: DutyIndicator, e: LibraryEntry): Partial<DutyIndicator> {
  const patch: Partial<DutyIndicator> = {};
  if (row.name !== e.name) patch.name = e.name;
  if (row.bands.some((b, i) => blank(b) && !blank(e.bands[i]))) {
    patch.bands = row.bands.map((b, i) => (blank(b) ? e.bands[i] : b)) as DutyIndicator['bands'];
  }
  return patch;
}
