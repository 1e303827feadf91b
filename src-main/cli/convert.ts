// `jixiao convert <in.jixiao> --template <id> -o <out.jixiao> [--dry-run] [--force]`: switch a
// document to another form (src-shared/model/convert.ts) and list what changes. Nothing is deleted.
// Exit 0: done (or listed); 1: the output exists (without --force) or cannot be written; 2: bad
// arguments, unknown template or unreadable input.
import { existsSync } from 'node:fs';
import { convertDocument } from '../../src-shared/model/convert';
import { PROFILES, getProfile } from '../../src-shared/profile';
import { isJixiaoError } from '../services/errors';
import { openDocumentFile, saveDocumentFile } from '../services/storage';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const CONVERT_USAGE = `用法：jixiao convert <文件.jixiao> --template <模板> -o <新文件.jixiao> [--dry-run] [--force]
  把文档换成另一种表格格式，并列出变化：指标值拆分为 指标性质|指标值|度量单位（或由各项合成一格），
  新格式不打印的列、表头项和表格。不删除任何内容：新格式不打印的内容保留在文件中，换回原格式即可看到。
  --template 模板   目标格式（jixiao templates 列出全部）；自评表格式只换自评表部分
  -o, --output 文件 新文档（.jixiao）；可与原文件相同（须加 --force，原文件保留为 .bak）
  --dry-run        只列出变化，不写文件
  --force          新文件已存在时覆盖（原文件保留为 .bak）
  退出码：0 成功；1 文件已存在或无法写入；2 参数不正确、模板不存在或输入文件无法读取`;

export async function runConvert(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let input: string, output: string | undefined, templateId: string, dryRun: boolean, force: boolean;
  try {
    const { values, positionals } = parseCliArgs(argv, {
      template: { type: 'string' }, output: { type: 'string', short: 'o' }, 'dry-run': { type: 'boolean' }, force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new CliUsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '请指定要转换的文件（.jixiao）。');
    input = positionals[0];
    if (!values.template) throw new CliUsageError('请用 --template 指定目标格式（jixiao templates 列出全部）。');
    templateId = values.template;
    if (!getProfile(templateId)) throw new CliUsageError(`没有名为“${templateId}”的模板，可用：${PROFILES.map((p) => p.id).join('、')}`);
    dryRun = values['dry-run'] === true;
    force = values.force === true;
    output = values.output;
    if (!dryRun && !output) throw new CliUsageError('请用 -o 指定新文档的文件名（或加 --dry-run 只查看变化）。');
    if (output && !output.endsWith('.jixiao')) throw new CliUsageError(`新文档的文件名应以 .jixiao 结尾：${output}`);
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(CONVERT_USAGE); return 2; }
    throw e;
  }
  let doc;
  try {
    doc = (await openDocumentFile(input)).document;
  } catch (e) {
    err(isJixiaoError(e) ? `${e.message}（${e.code}）` : `无法读取：${String(e)}`);
    return 2;
  }
  const r = convertDocument(doc, templateId);
  if (!r.ok) { err(r.message); return 2; }
  out(`${r.changes.length} 处变化：`);
  for (const c of r.changes) out(`  ${c.where}：${c.message}`);
  if (dryRun) return 0;
  if (!force && existsSync(output!)) {
    err(`文件已存在：${output}。如需覆盖，请加 --force（原文件会保留为 ${output}.bak）。`);
    return 1;
  }
  try {
    await saveDocumentFile(output!, r.document);
  } catch (e) {
    err(isJixiaoError(e) ? e.message : `保存失败：${String(e)}`);
    return 1;
  }
  out(`已保存：${output}`);
  return 0;
}

export const convertCommand: CliCommand = { usage: CONVERT_USAGE, run: runConvert };
