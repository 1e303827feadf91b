// `jixiao import <in.docx|in.xlsx> [-o out.jixiao] [--report]` — read last year's table or the
// bureau's template into a .jixiao document. Exit 0: at least one table recognised; 1: none;
// 2: the input cannot be read (not Office, encrypted, legacy, too large, corrupt) or bad arguments.
import { dirname, extname, basename, join, resolve } from 'node:path';
import { formatReport } from '../../src-shared/import';
import { countBySeverity, validateDocument } from '../../src-shared/validate';
import { importFile, writeImportedDocument } from '../services/import-files';
import { isJixiaoError } from '../services/errors';
import { openDocumentFile } from '../services/storage';
import type { CliCommand, Print } from './command';

export const IMPORT_USAGE = `用法：jixiao import <输入.docx|输入.xlsx> [-o 输出.jixiao] [--into 文档.jixiao] [--report]
  识别 Word / Excel 文件中的部门职责-工作活动表、项目绩效目标表和绩效自评表，保存为 .jixiao 文档（源文件不会被修改）。
  -o, --output 文件   输出的 .jixiao 文件（默认：与输入同名、同目录；有 --into 时为该文档本身）
  --into 文档         把文件中的绩效自评表并入已有文档：每张自评表放到同名项目下，没有同名项目时新建项目
  --report           在标准输出打印导入报告的 JSON（识别到的表、对应关系、提示、未能放置的单元格）
  退出码：0 至少识别到一张表；1 没有可识别的表；2 文件无法读取（不是 Office 文件、加密、旧格式、过大、损坏）或参数不正确`;

interface ImportArgs { input: string; output: string; json: boolean; into: string | null }

function parseArgs(argv: string[]): ImportArgs | string {
  let input: string | null = null;
  let output: string | null = null;
  let json = false;
  let into: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) return `${a} 后面需要输出文件名。`;
      output = v;
    } else if (a === '--into') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) return `${a} 后面需要 .jixiao 文档。`;
      into = v;
    } else if (a === '--report' || a === '--json') json = true;
    else if (a.startsWith('-')) return `不认识的选项：${a}`;
    else if (input === null) input = a;
    else return `多余的参数：${a}`;
  }
  if (input === null) return '请指定要导入的 .docx 或 .xlsx 文件。';
  output ??= into ?? join(dirname(resolve(input)), basename(input, extname(input)) + '.jixiao');
  return { input, output, json, into };
}

export async function runImport(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') { err(args); err(IMPORT_USAGE); return 2; }
  let into;
  if (args.into) {
    try {
      into = (await openDocumentFile(args.into)).document;
    } catch (e) {
      err(isJixiaoError(e) ? e.message : `无法打开「${args.into}」：${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  }
  const result = await importFile(args.input, { into });
  if (!result.ok) {
    if (args.json) out(JSON.stringify({ ok: false, code: result.code, message: result.message }, null, 2));
    else err(`${result.message}（${result.code}）`);
    return result.code === 'import.no-table' ? 1 : 2;
  }
  let written: string;
  try {
    written = await writeImportedDocument(result.document, args.output, args.input);
  } catch (e) {
    err(`保存失败：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const findings = validateDocument(result.document);
  const { error: errors, warning: warnings } = countBySeverity(findings);
  if (args.json) {
    out(JSON.stringify({ ok: true, output: written, report: result.report, validation: { errors, warnings } }, null, 2));
  } else {
    out(formatReport(result.report));
    out(`已保存：${written}`);
    out(`审核：${errors} 个错误，${warnings} 个警告（详情：jixiao validate "${written}"）`);
  }
  return 0;
}

export const importCommand: CliCommand = { usage: IMPORT_USAGE, run: runImport };
