// `jixiao replace <file.jixiao> <from> <to> [--dry-run] [--whole-cell] [--match-case] [--match-width]`
// — find and replace over the whole document, as 全部替换 in the editor (src-shared/find).
// Exit 0: something was replaced (with --dry-run: would be); 1: nothing to replace (the file is
// left as it was) or the save failed; 2: the file cannot be read, or bad arguments.
import { applyEdit } from '../../src-shared/commands';
import { replaceAll } from '../../src-shared/find';
import { isJixiaoError } from '../services/errors';
import { saveDocumentFile } from '../services/storage';
import { openForCommand } from './open';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const REPLACE_USAGE = `用法：jixiao replace <文件.jixiao> <查找内容> <替换为> [--dry-run] [--whole-cell] [--match-case] [--match-width]
  在整个文档中查找并替换：部门职责-工作活动表、每个项目的绩效目标表和绩效自评表、文档设置中的文字。
  逐处列出（位置：原文 → 新文）和替换的处数；保存前原文件保留为 .bak。
  --dry-run       只列出将要替换的内容，不修改文件
  --whole-cell    单元格匹配：单元格的全部内容等于查找内容时才替换
  --match-case    区分大小写（默认 ABC 与 abc 视为相同）
  --match-width   区分全/半角（默认 ２０１９ 与 2019 视为相同）
  金额按表中显示的样子查找（万元保留两位小数，如 1673.00）；替换后不是有效数字的金额单元格不替换，并列出原因。
  <替换为> 可以是空字符串 ""（删除查找内容）。
  退出码：0 已替换（--dry-run 时：有可替换的内容）；1 没有可替换的内容（文件未改动）或无法保存；2 文件无法读取或参数不正确`;

export async function runReplace(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let file: string, from: string, to: string;
  let opts: { dryRun: boolean; wholeCell: boolean; matchCase: boolean; matchWidth: boolean };
  try {
    const { values, positionals } = parseCliArgs(argv, {
      'dry-run': { type: 'boolean' }, 'whole-cell': { type: 'boolean' }, 'match-case': { type: 'boolean' }, 'match-width': { type: 'boolean' },
    });
    if (positionals.length < 3) throw new CliUsageError(['请指定 .jixiao 文件。', '请指定要查找的内容。', '请指定替换为的内容（删除可写 ""）。'][positionals.length]);
    if (positionals.length > 3) throw new CliUsageError(`多余的参数：${positionals.slice(3).join(' ')}（含空格的内容请加引号）`);
    [file, from, to] = positionals;
    if (from === '') throw new CliUsageError('查找内容不能为空。');
    opts = { dryRun: values['dry-run'] === true, wholeCell: values['whole-cell'] === true, matchCase: values['match-case'] === true, matchWidth: values['match-width'] === true };
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(REPLACE_USAGE); return 2; }
    throw e;
  }
  const opened = await openForCommand(file, err);
  if (!opened) return 2;
  const r = replaceAll(opened.document, from, to, { ...opts, scope: { table: 'all' } });
  if (r.refused) { err(`${r.refused}；文件未改动。`); return 2; }
  for (const c of r.changes) out(`${c.where}：“${c.text}” → “${c.result}”`);
  // Amounts read with a unit are converted into the document's (50000元 → 5 万元): said, never silent.
  for (const n of r.notes) out(n);
  if (r.skipped.length) {
    out('');
    out(`未替换 ${r.skipped.length} 个单元格：`);
    for (const s of r.skipped) out(`  ${s.where}：“${s.text}”——${s.reason}`);
  }
  if (!r.edit) {
    out(r.skipped.length ? `没有替换任何内容，文件未改动。` : `没有找到“${from}”，文件未改动。`);
    return 1;
  }
  const summary = `${r.replaced} 处（${r.cells} 个单元格）`;
  if (opts.dryRun) { out(`将替换 ${summary}；未修改文件（--dry-run）。`); return 0; }
  try {
    await saveDocumentFile(file, applyEdit(opened.document, r.edit), { expectedStamp: opened.stamp });
  } catch (e) {
    err(isJixiaoError(e) ? `保存失败：${e.message}` : `保存失败：${String(e)}`);
    return 1;
  }
  out(`已替换 ${summary}，已保存：${file}（原文件保留为 ${file}.bak）`);
  if (opened.repairs.length) out(`读取时自动修复了 ${opened.repairs.length} 处问题，已一并保存。`);
  return 0;
}

export const replaceCommand: CliCommand = { usage: REPLACE_USAGE, run: runReplace };
