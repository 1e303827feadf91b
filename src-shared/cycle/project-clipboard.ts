// 复制为新项目 across documents: a project travels on the clipboard as JSON under its own type
// (PROJECT_CLIPBOARD_TYPE) and as plain text (the same JSON, so it survives the system clipboard of
// any host). Pasting inserts a copy with new ids and `from` links, amounts converted to the target's
// unit, the schedule fitted to the target's template, no self-evaluation part.
import { insertProject, type Edit } from '../commands';
import { convertAmount, ProjectSchema, type JixiaoDocument, type MoneyUnit, type Project } from '../model';
import { carryProject } from './rollover';

export const PROJECT_CLIPBOARD_TYPE = 'application/x-jixiao-project+json';
const FORMAT = 'jixiao-project';

export function projectClipboardText(doc: JixiaoDocument, projectId: string): string | null {
  const project = doc.projects.find((p) => p.id === projectId);
  if (!project) return null;
  const { selfeval: _selfeval, ...rest } = project;
  return JSON.stringify({ format: FORMAT, unit: doc.meta.unit, templateId: doc.meta.templateId, year: doc.meta.year, project: rest });
}

export interface ClipboardProject { project: Project; unit: MoneyUnit; templateId: string }

/** The project on the clipboard, or null when the text is anything else (never throws). */
export function parseProjectClipboard(text: string): ClipboardProject | null {
  if (!text.trimStart().startsWith('{')) return null;
  try {
    const v = JSON.parse(text) as { format?: unknown; unit?: unknown; templateId?: unknown; project?: unknown };
    if (v.format !== FORMAT || (v.unit !== '万元' && v.unit !== '元')) return null;
    const p = ProjectSchema.safeParse(v.project);
    return p.success ? { project: p.data, unit: v.unit, templateId: typeof v.templateId === 'string' ? v.templateId : '' } : null;
  } catch {
    return null;
  }
}

/** Insert the clipboard project as a new project at `index` (one undo step). */
export function pasteProjectEdit(doc: JixiaoDocument, clip: ClipboardProject, index: number): { edit: Edit; id: string } {
  // carryProject keeps the schedule only where the checkpoints line up (same count).
  const { id: _id, ...carried } = carryProject(clip.project, { keepAmounts: true, templateId: doc.meta.templateId });
  const money = (a: string) => convertAmount(a, clip.unit, doc.meta.unit);
  const { edit, id } = insertProject(doc, index, { ...carried, budget: money(carried.budget), fiscal: money(carried.fiscal), other: money(carried.other) });
  return { edit: { ...edit, label: '粘贴为新项目' }, id };
}
