// Import into the open document: each self-evaluation table found in a file becomes the `selfeval`
// part of the project of the same name (name compared on its normalized spelling), or a new project
// when there is none. What the file's layout does not print is kept from the part it replaces
// (Hebei 2019 prints no 年初预算数, 上年结转, per-indicator 分值 or 偏差原因; the national form no 到位数,
// 总体完成率 or 指标说明), and indicators keep their ids and carry-over links where they match by name.
import { convertAmount, newProject, selfevalTemplateFor, type FundSplit, type JixiaoDocument, type SelfEval } from '../model';
import { normalizeLabel } from './context';

/** Documents are plain JSON (no DOM lib here, so no structuredClone). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export interface AttachResult { document: JixiaoDocument; mapped: string[]; warnings: string[] }

export function attachSelfevals(target: JixiaoDocument, imported: JixiaoDocument): AttachResult {
  const document = clone(target);
  const mapped: string[] = [];
  const warnings: string[] = [];
  const layout = selfevalTemplateFor(imported.meta).layout;
  const from = imported.meta.unit, to = document.meta.unit;
  for (const src of imported.projects) {
    if (!src.selfeval) continue;
    const incoming = clone(src.selfeval);
    if (from !== to) {
      for (const col of [incoming.funds.initial, incoming.funds.planned, incoming.funds.received, incoming.funds.spent]) for (const k of ['total', 'fiscal', 'carryOver', 'other'] as const) col[k] = convertAmount(col[k], from, to);
      warnings.push(`自评表「${src.name}」的金额单位为${from}，已按当前文档的${to}换算。`);
    }
    const key = normalizeLabel(src.name);
    const project = document.projects.find((p) => normalizeLabel(p.name) === key);
    if (project) {
      project.selfeval = project.selfeval ? keepUnprinted(project.selfeval, incoming, layout) : incoming;
      mapped.push(`自评表「${src.name}」→ 项目「${project.name}」的绩效自评`);
    } else {
      document.projects.push(newProject(document.meta.templateId, { name: src.name, selfeval: incoming }));
      mapped.push(`自评表「${src.name}」→ 新建项目（当前文档中没有同名项目）`);
    }
  }
  document.meta.selfevalTemplateId ??= imported.meta.selfevalTemplateId;
  const targets = imported.dutyTable.duties.length + imported.projects.filter((p) => !p.selfeval).length + (imported.deptWide ? 1 : 0);
  if (targets > 0) warnings.push('文件中的绩效目标表（职责活动表、项目绩效目标表或部门整体支出绩效目标表）未并入当前文档；如需导入，请作为新文档导入。');
  return { document, mapped, warnings };
}

function keepUnprinted(old: SelfEval, incoming: SelfEval, layout: 'hebei-2019' | 'national-2020'): SelfEval {
  const out = { ...old, ...incoming };
  const keepSplit = (col: 'initial' | 'planned' | 'received' | 'spent', fields: (keyof FundSplit)[]) => {
    for (const f of fields) out.funds[col][f] = old.funds[col][f];
  };
  if (layout === 'hebei-2019') {
    keepSplit('initial', ['total', 'fiscal', 'carryOver', 'other']);
    for (const col of ['planned', 'received', 'spent'] as const) keepSplit(col, ['carryOver']);
  } else {
    keepSplit('received', ['total', 'fiscal', 'carryOver', 'other']);
    out.completionRate = old.completionRate;
  }
  if (out.level1Weights.length === 0) out.level1Weights = old.level1Weights;
  const pool = [...old.indicators];
  out.indicators = incoming.indicators.map((ind) => {
    const k = pool.findIndex((o) => normalizeLabel(o.level1) === normalizeLabel(ind.level1) && normalizeLabel(o.name) === normalizeLabel(ind.name));
    if (k < 0) return ind;
    const [o] = pool.splice(k, 1);
    const kept = { ...ind, id: o.id, from: o.from, achievement: o.achievement };
    if (layout === 'hebei-2019') Object.assign(kept, { weight: o.weight, deviation: o.deviation });
    else kept.description = o.description;
    if (kept.from === undefined) delete kept.from;
    return kept;
  });
  return out;
}
