// `jixiao audit <文件夹或文件…> -o 审核汇总.xlsx [--html 报告.html] [--per-file 目录] [--json]` —
// the finance bureau's first pass over the tables departments sent in. Exit 0: every file read and
// none has errors; 1: some have errors; 2: some could not be read (or bad arguments).
import { isJixiaoError } from '../services/errors';
import cliProgress from 'cli-progress';
import { exitCodeOf, totalsLine, totalsOf } from '../../src-shared/audit/summary';
import type { AuditEntry, AuditProgress } from '../../src-shared/audit/types';
import { auditFiles, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../audit/pool';
import { writeAuditOutputs } from '../audit/outputs';
import { collectAuditFiles } from '../audit/walk';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const AUDIT_USAGE = `用法：jixiao audit <文件夹或文件…> -o 审核汇总.xlsx [--html 报告.html] [--per-file 目录] [--json]
  批量审核收到的绩效目标表：读取文件夹中（含子文件夹）所有 .jixiao、.xlsx、.docx 文件，逐个导入并审核，
  生成审核汇总工作簿（工作表：汇总、问题明细、无法读取、已跳过）。其他文件列为“已跳过”。
  -o, --output 文件    审核汇总 .xlsx
  --html 文件          同样内容的单页 HTML 报告（可离线打开）
  --per-file 目录      为每个文件生成一份“审核意见” .docx（按表分组列出问题，可直接退回部门）
  --json               在标准输出打印每个文件的审核结果（JSON）
  --timeout 秒         每个文件的读取时限（默认 ${DEFAULT_TIMEOUT_MS / 1000}），超时的文件列为“超时”
  --memory MB          每个读取线程的内存上限（默认 ${DEFAULT_MEMORY_MB}）
  --jobs N             并行读取的线程数（默认：CPU 核数，最多 8）
  在终端中运行时，标准错误上显示进度（已完成/总数、当前文件、用时）。
  退出码：0 全部读取且没有错误；1 有文件存在错误；2 有文件无法读取，或参数不正确`;

interface AuditArgs {
  paths: string[]; xlsx?: string; html?: string; perFile?: string; json: boolean;
  timeoutMs: number; memoryMb: number; jobs?: number;
}

function positiveNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(Number.isFinite(n) && n > 0)) throw new CliUsageError(`${name} 需要一个正数，而不是“${v}”。`);
  return n;
}

function parseArgs(argv: string[]): AuditArgs {
  const { values, positionals } = parseCliArgs(argv, {
    output: { type: 'string', short: 'o' }, html: { type: 'string' }, 'per-file': { type: 'string' },
    json: { type: 'boolean' }, timeout: { type: 'string' }, memory: { type: 'string' }, jobs: { type: 'string' },
  });
  if (positionals.length === 0) throw new CliUsageError('请指定要审核的文件夹或文件。');
  const json = values.json === true;
  if (!values.output && !values.html && !values['per-file'] && !json) throw new CliUsageError('请用 -o 指定审核汇总 .xlsx 文件。');
  if (values.output && !/\.xlsx$/i.test(values.output)) throw new CliUsageError('-o 的文件名应以 .xlsx 结尾。');
  const jobs = positiveNumber(values.jobs, '--jobs');
  return {
    paths: positionals, xlsx: values.output, html: values.html, perFile: values['per-file'], json,
    timeoutMs: (positiveNumber(values.timeout, '--timeout') ?? DEFAULT_TIMEOUT_MS / 1000) * 1000,
    memoryMb: positiveNumber(values.memory, '--memory') ?? DEFAULT_MEMORY_MB,
    jobs: jobs === undefined ? undefined : Math.max(1, Math.floor(jobs)),
  };
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (logs, pipes, CI). */
function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: AuditProgress): void; stop(): void } {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    stream, hideCursor: true, barsize: 20, etaBuffer: 20,
    format: '审核 {bar} {value}/{total} 个文件 | 用时 {elapsed} | {current}',
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(p) {
      const payload = { current: p.current, elapsed: `${Math.floor(p.elapsedMs / 1000)} 秒` };
      if (!started) { bar.start(p.total, p.done, payload); started = true; } else bar.update(p.done, payload);
    },
    stop() { if (started) bar.stop(); },
  };
}

export async function runAudit(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let args: AuditArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(AUDIT_USAGE); return 2; }
    throw e;
  }
  let walk;
  try {
    walk = await collectAuditFiles(args.paths, [args.xlsx, args.html, args.perFile].filter((p): p is string => !!p));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(code === 'ENOENT' ? `找不到：${(e as NodeJS.ErrnoException).path ?? args.paths.join(' ')}` : `无法读取：${(e as Error).message}`);
    return 2;
  }
  const bar = progressBar();
  let audited: AuditEntry[];
  try {
    audited = await auditFiles(walk.jobs, { timeoutMs: args.timeoutMs, memoryMb: args.memoryMb, workers: args.jobs, onProgress: bar.update });
  } finally {
    bar.stop();
  }
  const entries: AuditEntry[] = [...audited, ...walk.skipped.map(({ file, path }) => ({ status: 'skipped' as const, file, path }))];
  try {
    const written = await writeAuditOutputs(entries, { xlsx: args.xlsx, html: args.html, perFileDir: args.perFile });
    const totals = totalsOf(entries);
    if (args.json) out(JSON.stringify({ totals, exitCode: exitCodeOf(entries), files: entries }, null, 2));
    else {
      out(totalsLine(totals));
      for (const p of written) out(`已写入：${p}`);
    }
  } catch (e) {
    err(isJixiaoError(e) ? e.message : `保存失败：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  return exitCodeOf(entries);
}

export const auditCommand: CliCommand = { usage: AUDIT_USAGE, run: runAudit };
