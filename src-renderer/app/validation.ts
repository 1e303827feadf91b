// Live validation: after each committed change (not on the keystroke path) the incremental
// validator re-checks the changed duties/projects and the findings go to the store.
import type { JixiaoDocument } from '../../src-shared/model';
import { createIncrementalValidator, findingCells, type Finding } from '../../src-shared/validate';
import { useEditor } from './store';

export function startLiveValidation(): () => void {
  const validator = createIncrementalValidator();
  let scheduled = false;
  let lastDoc: JixiaoDocument | null = null;
  const run = () => {
    scheduled = false;
    const doc = useEditor.getState().doc;
    if (doc === lastDoc) return;
    lastDoc = doc;
    const findings = doc ? validator.validate(doc) : [];
    useEditor.setState({ findings });
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After the edit is painted: a macrotask queued from the next frame.
    requestAnimationFrame(() => setTimeout(run, 0));
  };
  schedule();
  return useEditor.subscribe((s, prev) => { if (s.doc !== prev.doc) schedule(); });
}

export function cellKey(rowId: string, field: string): string { return `${rowId}|${field}`; }

/** Findings by cell, worst first, for marking grid cells: every cell of a group; 提示 (style) mark none. */
export function indexFindings(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    for (const c of findingCells(f)) {
      const k = cellKey(c.path.rowId, c.path.field);
      const list = m.get(k);
      if (list) list.push(f); else m.set(k, [f]);
    }
  }
  for (const list of m.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return m;
}
