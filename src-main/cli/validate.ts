// `jixiao validate <file.jixiao> [--json]` — 审核 a document from the command line.
// Exit 0: no errors (warnings allowed); 1: errors found; 2: the file cannot be read (or bad arguments).
import { basename } from 'node:path';
import type { Finding } from '../../src-shared/validate/types';
import type { JixiaoDocument } from '../../src-shared/model/schema';
import { validateDocument } from '../../src-shared/validate';
import { isJixiaoError } from '../services/errors';
import { openDocumentFile } from '../services/storage';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const VALIDATE_USAGE = `用法：jixiao validate <文件.jixiao> [--json]
  审核绩效目标表：按表格分组列出错误和提醒（位置、单元格原文、修改建议）。
  --json   在标准输出打印审核结果的 JSON 数组（每项含 severity、code、path、where、text、message）
  退出码：0 没有错误（可能有提醒）；1 有错误；2 文件无法读取或参数不正确`;

const SEP = ' › ';

/** Human report, grouped by table (部门职责-工作活动 / 项目 N / 文件信息). */
export function formatReport(doc: JixiaoDocument, file: string, findings: Finding[], repairs: string[]): string[] {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const lines: string[] = [];
  const title = `${doc.meta.deptCode} ${doc.meta.deptName} ${doc.meta.year} 年（${basename(file)}）`.trim();
  lines.push(`${title}：${errors} 个错误，${warnings} 个提醒`);
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
      lines.push(`  ${f.severity === 'error' ? '错误' : '提醒'}  ${rest || f.where}`);
      if (f.text !== '') lines.push(`        原文：“${f.text}”`);
      lines.push(`        ${f.message}${f.suggestion ? `（建议写作：“${f.suggestion}”）` : ''}  [${f.code}]`);
    }
  }
  if (findings.length === 0) lines.push('', '审核通过：没有发现问题。');
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
  try {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new CliUsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '请指定要审核的 .jixiao 文件。');
    file = positionals[0];
    json = values.json === true;
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(VALIDATE_USAGE); return 2; }
    throw e;
  }
  let opened;
  try {
    opened = await openDocumentFile(file);
  } catch (e) {
    err(isJixiaoError(e) ? `无法读取：${e.message}` : `无法读取：${String(e)}`);
    if (isJixiaoError(e)) for (const i of e.issues.slice(0, 10)) err(`  ${i.path}：${i.message}`);
    return 2;
  }
  const findings = validateDocument(opened.document);
  if (json) {
    out(JSON.stringify(findings, null, 2));
  } else {
    for (const l of formatReport(opened.document, file, findings, opened.repairs)) out(l);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export const validateCommand: CliCommand = { name: 'validate', summary: '审核 .jixiao 文件，列出错误和提醒', usage: VALIDATE_USAGE, run: runValidate };
