// `jixiao validate <file.jixiao> [--json]` — 审核 a document from the command line.
// Exit 0: no errors (warnings allowed); 1: errors found; 2: the file cannot be read (or bad arguments).
import { basename } from 'node:path';
import { countBySeverity, SEVERITY_LABEL, type Finding, type Severity } from '../../src-shared/validate/types';
import type { JixiaoDocument } from '../../src-shared/model/schema';
import { validateDocument } from '../../src-shared/validate';
import { openForCommand } from './open';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const VALIDATE_USAGE = `用法：jixiao validate <文件.jixiao> [--json] [--all | --level 错误|警告|提示]
  审核绩效目标表：按表格分组列出错误和警告（位置、单元格原文、修改建议）。
  --json            在标准输出打印审核结果的 JSON 数组（每项含 severity、code、path、where、text、message；
                    同一原因涉及多个单元格时另有 cells）
  --all             也列出提示（写法上的建议，如依据的写法），等同 --level 提示
  --level 级别      只列出该级别及更严重的：错误（error）、警告（warning，默认）、提示（info）
  退出码：0 没有错误（可能有警告）；1 有错误；2 文件无法读取或参数不正确`;

const LEVELS: Record<string, Severity> = { 错误: 'error', error: 'error', 警告: 'warning', warning: 'warning', 提示: 'info', info: 'info' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Cells listed under a grouped finding in the human report; the JSON has them all. */
const MAX_CELLS_LISTED = 20;

const SEP = ' › ';

/** Human report, grouped by table (部门职责-工作活动 / 项目 N / 文件信息). */
export function formatReport(doc: JixiaoDocument, file: string, all: Finding[], repairs: string[], level: Severity = 'warning'): string[] {
  const n = countBySeverity(all);
  const findings = all.filter((f) => RANK[f.severity] <= RANK[level]);
  const lines: string[] = [];
  const title = `${doc.meta.deptCode} ${doc.meta.deptName} ${doc.meta.year} 年（${basename(file)}）`.trim();
  const hidden = all.length - findings.length;
  lines.push(`${title}：${n.error} 个错误，${n.warning} 个警告${n.info ? `，${n.info} 条提示` : ''}${hidden ? `（未列出 ${hidden} 条，加 --all 列出）` : ''}`);
  if (repairs.length) {
    lines.push('', '【读取时的自动修复】');
    for (const r of repairs) lines.push(`  · ${r}`);
  }
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const head = f.where.split(SEP)[0] || '文件信息';
    const key = head.startsWith('项目') ? `项目绩效目标表 › ${projectGroupName(doc, head)}` : head;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
  }
  for (const [group, list] of groups) {
    lines.push('', `【${group}】`);
    for (const f of list) {
      const rest = f.where.split(SEP).slice(1).join(SEP);
      lines.push(`  ${SEVERITY_LABEL[f.severity]}  ${rest || f.where}`);
      if (f.text !== '' && !f.cells) lines.push(`        原文：“${f.text}”`);
      lines.push(`        ${f.message}${f.suggestion ? `（建议写作：“${f.suggestion}”）` : ''}  [${f.code}]`);
      for (const c of (f.cells ?? []).slice(0, MAX_CELLS_LISTED)) {
        lines.push(`        · ${c.where.split(SEP).slice(1).join(SEP)}${c.text ? `：“${c.text}”` : ''}`);
      }
      if (f.cells && f.cells.length > MAX_CELLS_LISTED) lines.push(`        · 另有 ${f.cells.length - MAX_CELLS_LISTED} 个单元格（--json 列出全部）`);
    }
  }
  if (n.error + n.warning === 0) lines.push('', '审核通过：没有发现错误或警告。');
  return lines;
}

function projectGroupName(doc: JixiaoDocument, head: string): string {
  const n = Number(/项目\s*(\d+)/.exec(head)?.[1]);
  const p = Number.isInteger(n) ? doc.projects[n - 1] : undefined;
  return p?.name.trim() ? `${head} ${p.name.trim()}` : head;
}

export async function runValidate(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let file: string;
  let json: boolean;
  let level: Severity;
  try {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' }, all: { type: 'boolean' }, level: { type: 'string' } });
    if (positionals.length !== 1) throw new CliUsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '请指定要审核的 .jixiao 文件。');
    file = positionals[0];
    json = values.json === true;
    if (values.level !== undefined && !LEVELS[values.level]) throw new CliUsageError(`--level 的值应为 错误、警告 或 提示（error、warning、info），而不是“${values.level}”。`);
    if (values.all && values.level !== undefined && LEVELS[values.level] !== 'info') throw new CliUsageError('--all 与 --level 不能同时使用。');
    level = values.all ? 'info' : values.level !== undefined ? LEVELS[values.level] : 'warning';
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(VALIDATE_USAGE); return 2; }
    throw e;
  }
  const opened = await openForCommand(file, err);
  if (!opened) return 2;
  const findings = validateDocument(opened.document);
  if (json) {
    out(JSON.stringify(findings.filter((f) => RANK[f.severity] <= RANK[level]), null, 2));
  } else {
    for (const l of formatReport(opened.document, file, findings, opened.repairs, level)) out(l);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export const validateCommand: CliCommand = { usage: VALIDATE_USAGE, run: runValidate };
