// `jixiao export <file.jixiao> [--xlsx out.xlsx] [--docx out.docx] [--projects 1,3-5]
//   [--sheet-per-project] [--no-duty] [--no-dept-wide]` — without --xlsx/--docx, writes both next to the input
// with the default names {部门名称}{年度}年绩效目标表.xlsx|.docx.
import { resolve } from 'node:path';
import type { CliCommand } from './command';
import { exportExchangeXlsx } from '../../src-shared/export';
import { writeFileAtomic } from '../services/atomic-write';
import { isJixiaoError } from '../services/errors';
import { defaultExportPath, writeExport, type ExportChoice, type OfficeFormat } from '../services/export-files';
import { openDocumentFile } from '../services/storage';

export const EXPORT_USAGE = `用法：jixiao export <文件.jixiao> [--selfeval] [--exchange 输出.xlsx] [--xlsx 输出.xlsx] [--docx 输出.docx] [--projects 1,3-5] [--sheet-per-project] [--no-duty] [--no-projects] [--no-dept-wide]
  不指定 --xlsx/--docx 时，在输入文件旁同时生成 Excel 和 Word 两种格式（文件名：部门名称+年度+年绩效目标表）。
  --selfeval           导出绩效自评表（按文档选定的自评表格式，A4 纵向；Excel 每个项目一个工作表，Word 每页一张表；
                       文件名：部门名称+年度+年绩效自评表）；没有自评内容的项目不导出
  --projects 1,3-5     只导出第 1、3、4、5 个项目（按文档中的编号）
  --sheet-per-project  Excel 中每个项目单独一个工作表
  --no-duty            不导出部门职责-工作活动表
  --no-projects        不导出项目绩效目标表
  --no-dept-wide       不导出部门（单位）整体支出绩效目标表（文档格式带有该表时）
  --exchange 输出.xlsx  导出“指标导入表”：每条指标一行（项目编码 | 项目名称 | 一级指标 | 二级指标 | 三级指标 | 指标内容 |
                       评（扣）分标准 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向 | 备注），部门整体指标在第二个工作表；
                       供粘贴或导入预算管理一体化系统，jixiao import 可原样读回
  空白文档（没有任何内容）导出所选格式的空白表样：标题、表头和几行空行，可打印后手工填写；
  加 --selfeval 时导出自评表格式的空白绩效自评表（预算执行情况、各一级指标下的空行、合计、评价结论等）。`;

export interface ExportArgs {
  input: string;
  outputs: { format: OfficeFormat; path: string | null }[];
  options: ExportChoice;
  /** 1-based project numbers as typed, for checking against the document. */
  projectNumbers: number[] | null;
  /** --exchange: the indicator exchange sheet's path. */
  exchange: string | null;
}

export class UsageError extends Error {}

/** "1,3-5" → [1,3,4,5] (1-based, as printed in the headings). */
export function parseProjectList(spec: string): number[] {
  const out = new Set<number>();
  for (const part of spec.split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*[-–~]\s*(\d+))?$/.exec(part);
    if (!m) throw new UsageError(`--projects 的写法不正确：“${part}”，应为 1,3-5 这样的编号列表。`);
    const a = Number(m[1]), b = m[2] ? Number(m[2]) : a;
    if (a < 1 || b < a) throw new UsageError(`--projects 的范围不正确：“${part}”。`);
    for (let i = a; i <= b; i++) out.add(i);
  }
  if (out.size === 0) throw new UsageError('--projects 后面需要项目编号，例如 1,3-5。');
  return [...out].sort((x, y) => x - y);
}

export function parseExportArgs(argv: string[]): ExportArgs {
  let input: string | null = null;
  const outputs: ExportArgs['outputs'] = [];
  const options: ExportChoice = {};
  let projectNumbers: number[] | null = null;
  let exchange: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} 后面需要一个值。`);
      return v;
    };
    if (a === '--xlsx' || a === '--docx') outputs.push({ format: a.slice(2) as OfficeFormat, path: value() });
    else if (a === '--projects') projectNumbers = parseProjectList(value());
    else if (a === '--exchange') {
      exchange = value();
      if (!exchange.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--exchange 的文件名应以 .xlsx 结尾：${exchange}`);
    }
    else if (a === '--sheet-per-project') options.sheetPerProject = true;
    else if (a === '--selfeval') options.selfeval = true;
    else if (a === '--no-duty') options.dutyTable = false;
    else if (a === '--no-projects') options.projects = 'none';
    else if (a === '--no-dept-wide') options.deptWide = false;
    else if (a.startsWith('--')) throw new UsageError(`不认识的选项：${a}`);
    else if (input === null) input = a;
    else throw new UsageError(`多余的参数：${a}`);
  }
  if (input === null) throw new UsageError('请指定要导出的 .jixiao 文件。');
  if (outputs.length === 0 && exchange === null) outputs.push({ format: 'xlsx', path: null }, { format: 'docx', path: null });
  if (projectNumbers) options.projects = projectNumbers.map((n) => n - 1);
  return { input, outputs, options, projectNumbers, exchange };
}

/** Runs the command; returns the process exit code (0 ok, 1 failure, 2 usage). */
export async function runExport(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let args: ExportArgs;
  try {
    args = parseExportArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { err(e.message); err(EXPORT_USAGE); return 2; }
    throw e;
  }
  try {
    const { document } = await openDocumentFile(args.input);
    if (args.projectNumbers) {
      const missing = args.projectNumbers.filter((n) => n > document.projects.length);
      if (missing.length) { err(`文档只有 ${document.projects.length} 个项目，没有第 ${missing.join('、')} 个。`); return 2; }
    }
    if (args.exchange) {
      const path = resolve(args.exchange);
      await writeFileAtomic(path, await exportExchangeXlsx(document));
      const n = document.projects.reduce((s, p) => s + p.indicators.length, 0) + (document.deptWide?.indicators.length ?? 0);
      out(`已导出指标导入表（${n} 条指标）：${path}`);
    }
    for (const o of args.outputs) {
      const path = await writeExport(document, o.format, o.path ?? defaultExportPath(document, o.format, args.input, args.options.selfeval), args.options);
      out(`已导出：${path}`);
    }
    return 0;
  } catch (e) {
    if (isJixiaoError(e)) { err(e.message); return 1; }
    err(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

export const exportCommand: CliCommand = { usage: EXPORT_USAGE, run: runExport };
