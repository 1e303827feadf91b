// What switching a document's profile (文档设置 › 格式模板) changes, in the clerk's words, before it
// happens. Nothing is deleted by a switch: the model keeps every field, the profile only decides
// what the grid shows and the form prints, so a field the new form does not print comes back when
// switched back. The switch itself is `switchProfileEdit` (model/convert.ts, as `jixiao convert`);
// this is its summary for the clerk, counted per kind rather than listed per cell.
import { isStructured, splitValue } from '../expr/parts';
import type { JixiaoDocument, ProjectIndicator } from '../model/schema';
import { indicatorCellText } from './indicatorCells';
import { FAMILY_LABEL, columnsOf, getTargetProfile, valueMode } from '../profile';

export function profileSwitchPreview(doc: JixiaoDocument, fromId: string, toId: string): string[] {
  const from = getTargetProfile(fromId);
  const to = getTargetProfile(toId);
  if (!to || fromId === toId) return [];
  const inds: ProjectIndicator[] = [...doc.projects.flatMap((p) => p.indicators), ...(doc.deptWide?.indicators ?? [])];
  const out: string[] = [];
  const fromParts = from ? valueMode(from) === 'parts' : false;
  const toParts = valueMode(to) === 'parts';
  const filledValues = inds.filter((i) => i.value.trim() !== '');
  if (!fromParts && toParts && filledValues.length) {
    const kept = filledValues.filter((i) => !isStructured(splitValue(i.value))).length;
    out.push(`指标值将分为“指标性质 | 指标值 | 度量单位”三格显示：${filledValues.length - kept} 个可拆分${kept ? `，${kept} 个无法拆分，整段保留在“指标值”格中` : ''}；原文不变。`);
  }
  if (fromParts && !toParts && filledValues.length) out.push(`“指标性质 | 指标值 | 度量单位”将合为一格“指标值”显示（${filledValues.length} 个），原文不变。`);
  const toFields = new Set(columnsOf(to).map((c) => c.field === 'number' ? 'value' : c.field));
  for (const c of from ? columnsOf(from) : []) {
    const field = c.field === 'number' ? 'value' : c.field;
    if (toFields.has(field) || c.id === 'operator' || c.id === 'unit') continue;
    const n = inds.filter((i) => indicatorCellText(i, c.id, fromParts).trim() !== '').length;
    if (n) out.push(`新表式没有“${c.label}”列：${n} 个单元格的内容不显示、不打印，但仍保存在文档中，换回原表式即可看到。`);
  }
  // Project header fields the new form's header block has not (项目编码 in a 88号 form, 主管部门 in a Hebei one).
  const toHeader = new Set<string>(to.header.map((h) => h.field));
  for (const h of from?.header ?? []) {
    if (h.field.includes('.') || h.field === 'schedule' || toHeader.has(h.field)) continue;
    const n = doc.projects.filter((p) => { const v = (p as unknown as Record<string, unknown>)[h.field]; return typeof v === 'string' && v.trim() !== ''; }).length;
    if (n) out.push(`新表式的项目表头没有“${h.label}”：${n} 个项目填写的内容不显示、不打印，但仍保存在文档中，换回原表式即可看到。`);
  }
  const unprinted = doc.projects.reduce((n, p) => n + p.schedule.slice(to.checkpoints.length).filter((v) => v !== '').length, 0);
  if (unprinted) out.push(`新表式${to.checkpoints.length ? `的资金支出计划只有 ${to.checkpoints.length} 个时间节点` : '没有资金支出计划'}：${unprinted} 个已填的支出比例不显示、不打印，但仍保存在文档中。`);
  const duties = doc.dutyTable.duties.length;
  if (duties && !to.tables.includes('duty')) out.push(`新表式不含${FAMILY_LABEL.duty}：已有的 ${duties} 项职责仍保存在文档中。`);
  if (doc.projects.length && !to.tables.includes('project')) out.push(`新表式不含${FAMILY_LABEL.project}：已有的 ${doc.projects.length} 个项目仍保存在文档中。`);
  return out;
}
