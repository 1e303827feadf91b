// `jixiao diff <old> <new> [--json] [--xlsx <report.xlsx>]` — what changed between two documents
// (.jixiao, or any file the importer reads). Exit 0: no differences; 1: differences found;
// 2: bad arguments or a file cannot be read / the report cannot be written.
import { basename, resolve } from 'node:path';
import { diffDocuments, formatDiff } from '../../src-shared/cycle';
import { diffToXlsx } from '../../src-shared/cycle/report-xlsx';
import { writeFileAtomic } from '../services/atomic-write';
import { readAnyDocument } from '../services/read-document';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const DIFF_USAGE = `用法：jixiao diff <上年或旧文件> <新文件> [--json] [--xlsx 报告.xlsx]
  对比两份绩效目标表（.jixiao、.docx 或 .xlsx）：新增、删除、改名、移动的职责、工作活动、项目和指标，
  修改的单元格（原 → 新；预算数附变化百分比），每张表一行汇总。
  行按“来源行”（新年度生成时记录）对应；没有来源记录时按名称对应（先相同，再相近）。
  --json          在标准输出打印对比结果的 JSON（entries、summary）
  --xlsx 文件      另存为 Excel 报告（“对比明细”和“汇总”两张工作表）
  退出码：0 没有差异；1 有差异；2 参数不正确、文件无法读取或报告无法写入`;

export async function runDiff(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let files: string[], json: boolean, xlsx: string | undefined;
  try {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' }, xlsx: { type: 'string' } });
    if (positionals.length !== 2) throw new CliUsageError(positionals.length > 2 ? `多余的参数：${positionals.slice(2).join(' ')}` : '请指定要对比的两个文件：旧文件 新文件。');
    files = positionals;
    json = values.json === true;
    xlsx = values.xlsx;
    if (xlsx !== undefined && !xlsx.toLowerCase().endsWith('.xlsx')) throw new CliUsageError(`报告文件名应以 .xlsx 结尾：${xlsx}`);
    if (xlsx && files.some((f) => resolve(f) === resolve(xlsx!))) throw new CliUsageError('报告文件不能与要对比的文件相同。');
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(DIFF_USAGE); return 2; }
    throw e;
  }
  const docs = [];
  for (const f of files) {
    const r = await readAnyDocument(f);
    if (!r.ok) { err(`${r.message}（${r.code}）`); return 2; }
    docs.push(r.document);
  }
  const report = diffDocuments(docs[0], docs[1]);
  if (xlsx) {
    try {
      await writeFileAtomic(resolve(xlsx), await diffToXlsx(report, { old: basename(files[0]), new: basename(files[1]) }));
    } catch (e) {
      err(`报告无法写入：${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  }
  if (json) out(JSON.stringify(report, null, 2));
  else {
    for (const line of formatDiff(report)) out(line);
    if (xlsx) out(`\n已保存报告：${resolve(xlsx)}`);
  }
  return report.entries.length ? 1 : 0;
}

export const diffCommand: CliCommand = { usage: DIFF_USAGE, run: runDiff };
