// Live validation: after each committed change (not on the keystroke path) the incremental
// validator re-checks the changed duties/projects and the findings go to the store.
import type { JixiaoDocument } from '../../src-shared/model';
import type { Finding } from '../../src-shared/validate/types';
import { useEditor } from './store';

type ValidateFn = (doc: JixiaoDocument) => Finding[];
interface ValidateModule {
  createIncrementalValidator?: () => unknown;
  validateDocument?: (doc: JixiaoDocument) => unknown;
}
// src-shared/validate is written by another engineer; looked up by glob so the editor builds
// (without findings) until it lands.
const modules = import.meta.glob<ValidateModule>('../../src-shared/validate/index.ts', { eager: true });

function asFindings(r: unknown): Finding[] {
  if (Array.isArray(r)) return r as Finding[];
  if (r && typeof r === 'object' && Array.isArray((r as { findings?: unknown }).findings)) return (r as { findings: Finding[] }).findings;
  return [];
}

export function makeValidator(): ValidateFn {
  const mod = Object.values(modules)[0];
  if (mod?.createIncrementalValidator) {
    const v = mod.createIncrementalValidator() as unknown;
    if (typeof v === 'function') return (doc) => asFindings((v as (d: JixiaoDocument) => unknown)(doc));
    const o = v as { validate?: (d: JixiaoDocument) => unknown; update?: (d: JixiaoDocument) => unknown; run?: (d: JixiaoDocument) => unknown };
    const f = o.validate ?? o.update ?? o.run;
    if (f) return (doc) => asFindings(f.call(o, doc));
  }
  if (mod?.validateDocument) return (doc) => asFindings(mod.validateDocument!(doc));
  return () => [];
}

export function startLiveValidation(): () => void {
  const validate = makeValidator();
  let scheduled = false;
  let lastDoc: JixiaoDocument | null = null;
  const run = () => {
    scheduled = false;
    const doc = useEditor.getState().doc;
    if (doc === lastDoc) return;
    lastDoc = doc;
    const findings = doc ? validate(doc) : [];
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

/** Findings by cell, worst first, for marking grid cells. */
export function indexFindings(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = cellKey(f.path.rowId, f.path.field);
    const list = m.get(k);
    if (list) list.push(f); else m.set(k, [f]);
  }
  for (const list of m.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return m;
}
