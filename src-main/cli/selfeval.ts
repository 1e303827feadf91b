// `jixiao selfeval init <file.jixiao> [--template <自评表模板>]` — 生成自评表 from the command line:
// every project without a self-evaluation part gets one, carried over from its target table; the
// file is saved atomically (the old one kept as .bak). Existing self-evaluations are never touched.
import { initSelfEvalEdit } from '../../src-shared/commands/selfeval';
import { applyEdit } from '../../src-shared/commands/patch';
import { SELFEVAL_TEMPLATES, getSelfevalTemplate, selfevalTemplateFor } from '../../src-shared/model/templates';
import { isJixiaoError } from '../services/errors';
import { openDocumentFile, saveDocumentFile } from '../services/storage';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const SELFEVAL_USAGE = `用法：jixiao selfeval init <文件.jixiao> [--template <自评表模板>]
  生成自评表：为每个还没有绩效自评表的项目，从其项目绩效目标表带入指标、指标值（作为年度指标值）、
  绩效目标（作为年度预期目标）和预算数，并按 产出50 / 效益30 / 满意度10 / 预算执行率10 设置默认权重。
  已有的绩效自评内容不会被改动。文件原样保留为 .bak 后保存。
  --template  自评表模板：${SELFEVAL_TEMPLATES.map((t) => `${t.id}（${t.name}）`).join('，')}；
              不指定时沿用文件中的设置
  退出码：0 成功（包括无需生成）；1 无法保存；2 文件无法读取或参数不正确`;

export async function runSelfeval(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let file: string;
  let templateId: string | undefined;
  try {
    const { values, positionals } = parseCliArgs(argv, { template: { type: 'string' } });
    if (positionals[0] !== 'init') throw new CliUsageError(positionals.length ? `没有名为“${positionals[0]}”的子命令，可用：init` : '请指定子命令，例如：jixiao selfeval init 文件.jixiao');
    if (positionals.length !== 2) throw new CliUsageError(positionals.length > 2 ? `多余的参数：${positionals.slice(2).join(' ')}` : '请指定 .jixiao 文件。');
    file = positionals[1];
    templateId = values.template;
    if (templateId !== undefined && !getSelfevalTemplate(templateId)) {
      throw new CliUsageError(`没有名为“${templateId}”的自评表模板，可用：${SELFEVAL_TEMPLATES.map((t) => t.id).join('、')}`);
    }
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(SELFEVAL_USAGE); return 2; }
    throw e;
  }
  let opened;
  try {
    opened = await openDocumentFile(file);
  } catch (e) {
    err(isJixiaoError(e) ? `无法读取：${e.message}` : `无法读取：${String(e)}`);
    return 2;
  }
  let doc = opened.document;
  const templateChanged = templateId !== undefined && templateId !== doc.meta.selfevalTemplateId;
  if (templateChanged) doc = { ...doc, meta: { ...doc.meta, selfevalTemplateId: templateId } };
  const { edit, created, kept } = initSelfEvalEdit(doc);
  if (edit) doc = applyEdit(doc, edit);
  const t = selfevalTemplateFor(doc.meta);
  const name = (i: number) => `项目 ${i + 1}${doc.projects[i].name.trim() ? ` ${doc.projects[i].name.trim()}` : ''}`;
  if (!edit && !templateChanged) {
    out(doc.projects.length === 0 ? '文件中没有项目，未生成自评表。' : `所有 ${kept.length} 个项目都已有绩效自评表，文件未改动。`);
    return 0;
  }
  try {
    await saveDocumentFile(file, doc, { expectedStamp: opened.stamp });
  } catch (e) {
    err(isJixiaoError(e) ? `保存失败：${e.message}` : `保存失败：${String(e)}`);
    return 1;
  }
  for (const r of opened.repairs) out(`读取时已修复：${r}`);
  out(`已为 ${created.length} 个项目生成绩效自评表（模板：${t.name}）：`);
  for (const i of created) {
    const se = doc.projects[i].selfeval!;
    const budget = se.funds.planned.total;
    out(`  ${name(i)}：${se.indicators.length} 个指标${budget ? `，预算数 ${budget}${doc.meta.unit}` : ''}`);
  }
  if (kept.length) out(`已有绩效自评表、未改动：${kept.map(name).join('、')}`);
  out(`已保存：${file}`);
  return 0;
}

export const selfevalCommand: CliCommand = { usage: SELFEVAL_USAGE, run: runSelfeval };
