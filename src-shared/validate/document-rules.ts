// Rules that look across projects. Kept cheap (one pass) because they run after every edit.
import { PROJECT_FIELD_LABEL } from '../model/labels';
import { finding, projectWhere, SEP, type DocumentRule } from './registry';

const codeDuplicateRule: DocumentRule = {
  id: 'document.project-code-duplicate', scope: 'document', codes: ['project.code-duplicate'],
  description: '项目编码在本文档中不重复',
  check(doc, _ctx, out) {
    const byCode = new Map<string, number[]>();
    doc.projects.forEach((p, i) => {
      const code = p.code.trim().toUpperCase();
      if (code === '') return;
      const list = byCode.get(code);
      if (list) list.push(i); else byCode.set(code, [i]);
    });
    for (const list of byCode.values()) {
      if (list.length < 2) continue;
      for (const i of list) {
        const p = doc.projects[i];
        const others = list.filter((j) => j !== i).map((j) => `项目 ${j + 1}`).join('、');
        out.push(finding(p.id, 'code', `${projectWhere(i)}${SEP}${PROJECT_FIELD_LABEL.code}`, p.code, {
          severity: 'error', code: 'project.code-duplicate', message: `项目编码“${p.code.trim()}”与${others}重复，每个项目的编码应唯一，请核对`,
        }));
      }
    }
  },
};

export const DOCUMENT_RULES: DocumentRule[] = [codeDuplicateRule];
