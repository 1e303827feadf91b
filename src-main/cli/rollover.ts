// `jixiao rollover <last.jixiao|.docx|.xlsx> -o <new.jixiao> [--year N] [--keep-amounts] [--dry-run] [--force]`
// Next year's document from last year's (src-shared/cycle/rollover.ts). Exit 0: done (or listed);
// 1: the output exists (without --force) or cannot be written; 2: bad arguments or unreadable input.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyYearProposals, rollover } from '../../src-shared/cycle';
import { isJixiaoError } from '../services/errors';
import { readAnyDocument } from '../services/read-document';
import { saveDocumentFile } from '../services/storage';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const ROLLOVER_USAGE = `用法：jixiao rollover <上年文件.jixiao|.docx|.xlsx> -o <新文件.jixiao> [--year 年度] [--keep-amounts] [--dry-run] [--force]
  从上年的绩效目标表生成新年度的文档：职责、工作活动、项目和指标全部保留（新编号，并记录来源行，便于对比），
  评价标准、指标值和确定依据保留；年度预算数、项目预算数和资金支出计划清空（除非 --keep-amounts）；自评表部分不带入。
  文字中表示预算年度的年份（如“2020年城乡居民……”）改为新年度；属于引用的年份不改：文号【2019】〔2019〕(2019)、
  《…》中的标题、年份区间、依据中的日期（2019年12月31日）。
  不加 --dry-run 时，所有年份替换建议全部采用后写入新文件；在编辑器中（文件 › 从上年生成…）可以逐条取消。
  -o, --output 文件   新文档（.jixiao）
  --year 年度         新的预算年度（默认：上年 + 1）
  --keep-amounts     保留金额和资金支出计划
  --dry-run          只列出年份替换建议（位置、原文、新文），不写文件
  --force            新文件已存在时覆盖（原文件保留为 .bak）
  退出码：0 成功；1 文件已存在或无法写入；2 参数不正确或输入文件无法读取`;

export async function runRollover(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let input: string, output: string | undefined, year: number | undefined, keepAmounts: boolean, dryRun: boolean, force: boolean;
  try {
    const { values, positionals } = parseCliArgs(argv, {
      output: { type: 'string', short: 'o' }, year: { type: 'string' }, 'keep-amounts': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new CliUsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '请指定上年的文件（.jixiao、.docx 或 .xlsx）。');
    input = positionals[0];
    dryRun = values['dry-run'] === true;
    keepAmounts = values['keep-amounts'] === true;
    force = values.force === true;
    output = values.output;
    if (!dryRun && !output) throw new CliUsageError('请用 -o 指定新文档的文件名，例如 -o 2021.jixiao（或加 --dry-run 只查看年份替换建议）。');
    if (output && !output.endsWith('.jixiao')) throw new CliUsageError(`新文档的文件名应以 .jixiao 结尾：${output}`);
    if (values.year !== undefined) {
      year = Number(values.year);
      if (!/^\d{4}$/.test(values.year.trim()) || year < 1990 || year > 2200) throw new CliUsageError(`--year 应为四位数的年度（1990–2200），收到：${values.year}`);
    }
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(ROLLOVER_USAGE); return 2; }
    throw e;
  }
  if (output && resolve(output) === resolve(input)) { err('新文档不能与上年文件相同。'); return 2; }
  const read = await readAnyDocument(input);
  if (!read.ok) { err(`${read.message}（${read.code}）`); return 2; }
  const last = read.document;
  const { document, proposals } = rollover(last, { year, keepAmounts });
  const head = `${last.meta.year} 年 → ${document.meta.year} 年：${proposals.length} 处年份替换建议`;
  if (dryRun) {
    out(head);
    for (const p of proposals) out(`  ${p.where}\n    原文：${p.old}\n    新文：${p.new}`);
    return 0;
  }
  if (!force && existsSync(output!)) {
    err(`文件已存在：${output}。如需覆盖，请加 --force（原文件会保留为 ${output}.bak）。`);
    return 1;
  }
  try {
    await saveDocumentFile(output!, applyYearProposals(document, proposals));
  } catch (e) {
    err(isJixiaoError(e) ? e.message : `保存失败：${String(e)}`);
    return 1;
  }
  out(`${head}，已全部采用。`);
  out(`金额和资金支出计划：${keepAmounts ? '保留' : '已清空'}；自评表部分未带入。`);
  out(`已保存：${output}`);
  return 0;
}

export const rolloverCommand: CliCommand = { usage: ROLLOVER_USAGE, run: runRollover };
