// Import into the open document as one undo step: the document that attachSelfevals
// (src-shared/import/attach.ts) returned, turned into patches of only what it changed — the
// self-evaluation parts it set and the projects it added — so untouched projects keep their identity.
import type { JixiaoDocument } from '../model';
import { makeEdit, type Edit, type Patch } from './patch';

export function attachSelfevalsEdit(doc: JixiaoDocument, attached: JixiaoDocument, label = '导入绩效自评表'): Edit | null {
  const redo: Patch[] = [];
  let changed = attached.projects.length !== doc.projects.length;
  // One patch of the projects array (its length may grow); unchanged projects are the same objects.
  const projects = attached.projects.map((p, i) => {
    const old = doc.projects[i];
    if (old && JSON.stringify(p.selfeval) === JSON.stringify(old.selfeval)) return old;
    changed = true;
    return old ? { ...old, selfeval: p.selfeval } : p;
  });
  if (changed) redo.push({ path: ['projects'], value: projects });
  if (attached.meta.selfevalTemplateId !== doc.meta.selfevalTemplateId) redo.push({ path: ['meta', 'selfevalTemplateId'], value: attached.meta.selfevalTemplateId });
  return redo.length ? makeEdit(doc, label, redo) : null;
}
