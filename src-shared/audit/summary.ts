// The pure half of the batch audit: one document → its audit entry, entries → the rows of the
// summary (汇总), the findings list (问题明细) and the unreadable list (无法读取). The workbook, the
// HTML report and the editor's window all show these same rows.
import type { JixiaoDocument } from '../model/schema';
import { DEPT_WIDE_TABLE, validateDocument } from '../validate';
import type { AuditedAt, AuditEntry, AuditFinding, AuditSource, ReadFile, SkippedFile, UnreadableFile } from './types';

const SEP = ' › ';

/** Table a finding belongs to, named as the reviewer writes back: `项目绩效目标表 › 项目 2 名称`. */
export function tableOf(doc: JixiaoDocument, where: string): string {
  const head = where.split(SEP)[0] || '文件信息';
  if (head === DEPT_WIDE_TABLE) return '部门整体绩效目标表';
  const n = /^项目\s*(\d+)$/.exec(head);
  if (!n) return head;
  const name = doc.projects[Number(n[1]) - 1]?.name.trim();
  return `项目绩效目标表${SEP}${head}${name ? ` ${name}` : ''}`;
}

/** Validate a loaded or imported document; keeps 错误 and 警告, drops any other level (提示). */
export function auditDocument(doc: JixiaoDocument, at: AuditedAt, source: AuditSource): ReadFile {
  const findings: AuditFinding[] = validateDocument(doc)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => ({ ...f, table: tableOf(doc, f.where) }));
  return {
    status: 'read', file: at.file, path: at.path, source,
    deptCode: doc.meta.deptCode, deptName: doc.meta.deptName, year: doc.meta.year,
    tables: {
      duty: doc.dutyTable.duties.length > 0,
      projects: doc.projects.length,
      selfeval: doc.projects.filter((p) => p.selfeval !== undefined).length,
    },
    findings,
  };
}

/** Why a file could not be read, in the reviewer's words (the detail is in `message`). */
export function reasonOf(code: string): string {
  switch (code) {
    case 'import.encrypted': return '已加密（有打开密码）';
    case 'import.legacy-format': return '旧版 .doc/.xls 格式';
    case 'import.no-table': return '不是绩效目标表';
    case 'import.too-large': case 'file.too-large': return '文件过大';
    case 'import.not-office': case 'import.corrupt': case 'file.corrupt': case 'file.not-jixiao': return '文件损坏或格式不对';
    case 'file.newer-version': return '由更新版本的程序保存';
    case 'audit.timeout': return '超时';
    case 'audit.memory': return '内存超限';
    default: return '无法打开';
  }
}

export const count = (e: ReadFile, severity: 'error' | 'warning') => e.findings.filter((f) => f.severity === severity).length;

export type AuditStatus = '通过' | '有错误' | '无法读取' | '已跳过';

export function statusOf(e: AuditEntry): AuditStatus {
  if (e.status === 'unreadable') return '无法读取';
  if (e.status === 'skipped') return '已跳过';
  return count(e, 'error') > 0 ? '有错误' : '通过';
}

/** The `n` most frequent codes, most frequent first (ties: the code met first). */
export function topCodes(findings: AuditFinding[], n = 3): { code: string; count: number }[] {
  const by = new Map<string, number>();
  for (const f of findings) by.set(f.code, (by.get(f.code) ?? 0) + 1);
  return [...by].map(([code, c]) => ({ code, count: c })).sort((a, b) => b.count - a.count).slice(0, n);
}

/** 0: every file read and none has errors; 1: some have errors; 2: some could not be read. */
export function exitCodeOf(entries: AuditEntry[]): 0 | 1 | 2 {
  if (entries.some((e) => e.status === 'unreadable')) return 2;
  return entries.some((e) => e.status === 'read' && count(e, 'error') > 0) ? 1 : 0;
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告' } as const;
export const severityLabel = (s: string): string => (s === 'error' || s === 'warning' ? SEVERITY_LABEL[s] : s);

/** One row of the 汇总 sheet / window table. */
export interface SummaryRow {
  file: string; deptCode: string; deptName: string; year: number | '';
  duty: '有' | '无' | ''; projects: number | ''; selfeval: number | '';
  errors: number | ''; warnings: number | ''; topCodes: string; status: AuditStatus;
}

export const SUMMARY_COLUMNS: { key: keyof SummaryRow; title: string; widthCh: number }[] = [
  { key: 'file', title: '文件', widthCh: 36 },
  { key: 'deptCode', title: '部门编码', widthCh: 10 },
  { key: 'deptName', title: '部门名称', widthCh: 28 },
  { key: 'year', title: '年度', widthCh: 7 },
  { key: 'duty', title: '职责活动表', widthCh: 10 },
  { key: 'projects', title: '项目表数', widthCh: 9 },
  { key: 'selfeval', title: '自评表数', widthCh: 9 },
  { key: 'errors', title: '错误', widthCh: 7 },
  { key: 'warnings', title: '警告', widthCh: 7 },
  { key: 'topCodes', title: '最常见的问题', widthCh: 42 },
  { key: 'status', title: '状态', widthCh: 9 },
];

export function summaryRow(e: ReadFile | UnreadableFile): SummaryRow {
  if (e.status === 'unreadable') {
    return { file: e.file, deptCode: '', deptName: '', year: '', duty: '', projects: '', selfeval: '', errors: '', warnings: '', topCodes: '', status: '无法读取' };
  }
  return {
    file: e.file, deptCode: e.deptCode, deptName: e.deptName, year: e.year,
    duty: e.tables.duty ? '有' : '无', projects: e.tables.projects, selfeval: e.tables.selfeval,
    errors: count(e, 'error'), warnings: count(e, 'warning'),
    topCodes: topCodes(e.findings).map((t) => `${t.code}×${t.count}`).join('，'),
    status: statusOf(e),
  };
}

export interface DetailRow { file: string; table: string; where: string; text: string; message: string; code: string; severity: string }

export const DETAIL_COLUMNS: { key: keyof DetailRow; title: string; widthCh: number }[] = [
  { key: 'file', title: '文件', widthCh: 30 },
  { key: 'table', title: '表', widthCh: 30 },
  { key: 'where', title: '位置', widthCh: 40 },
  { key: 'text', title: '单元格原文', widthCh: 30 },
  { key: 'message', title: '问题', widthCh: 56 },
  { key: 'code', title: '代码', widthCh: 26 },
  { key: 'severity', title: '级别', widthCh: 7 },
];

/** `where` without its first segment when that is already the table's name. */
export function placeIn(f: AuditFinding): string {
  const parts = f.where.split(SEP);
  return parts.length > 1 && f.table.includes(parts[0]) ? parts.slice(1).join(SEP) : f.where;
}

export function detailRows(e: ReadFile): DetailRow[] {
  return e.findings.map((f) => ({
    file: e.file, table: f.table, where: placeIn(f), text: f.text,
    message: f.suggestion ? `${f.message}（建议写作：“${f.suggestion}”）` : f.message,
    code: f.code, severity: severityLabel(f.severity),
  }));
}

export interface UnreadableRow { file: string; reason: string; message: string; code: string }

export const UNREADABLE_COLUMNS: { key: keyof UnreadableRow; title: string; widthCh: number }[] = [
  { key: 'file', title: '文件', widthCh: 36 },
  { key: 'reason', title: '原因', widthCh: 22 },
  { key: 'message', title: '说明', widthCh: 80 },
  { key: 'code', title: '代码', widthCh: 24 },
];

export const unreadableRow = (e: UnreadableFile): UnreadableRow => ({ file: e.file, reason: reasonOf(e.code), message: e.message, code: e.code });

export interface AuditTotals { files: number; passed: number; withErrors: number; unreadable: number; skipped: number; errors: number; warnings: number }

export function totalsOf(entries: AuditEntry[]): AuditTotals {
  const read = entries.filter((e): e is ReadFile => e.status === 'read');
  return {
    files: entries.filter((e) => e.status !== 'skipped').length,
    passed: read.filter((e) => count(e, 'error') === 0).length,
    withErrors: read.filter((e) => count(e, 'error') > 0).length,
    unreadable: entries.filter((e) => e.status === 'unreadable').length,
    skipped: entries.filter((e) => e.status === 'skipped').length,
    errors: read.reduce((s, e) => s + count(e, 'error'), 0),
    warnings: read.reduce((s, e) => s + count(e, 'warning'), 0),
  };
}

export function totalsLine(t: AuditTotals): string {
  return `共 ${t.files} 个文件：通过 ${t.passed}，有错误 ${t.withErrors}，无法读取 ${t.unreadable}${t.skipped ? `，跳过 ${t.skipped} 个其他文件` : ''}；错误 ${t.errors} 个，警告 ${t.warnings} 个`;
}

export const readEntries = (entries: AuditEntry[]) => entries.filter((e): e is ReadFile => e.status === 'read');
export const unreadableEntries = (entries: AuditEntry[]) => entries.filter((e): e is UnreadableFile => e.status === 'unreadable');
export const skippedEntries = (entries: AuditEntry[]) => entries.filter((e): e is SkippedFile => e.status === 'skipped');

/** Findings grouped by table, tables in the order first met (for the 审核意见 and the HTML). */
export function byTable(findings: AuditFinding[]): [string, AuditFinding[]][] {
  const groups = new Map<string, AuditFinding[]>();
  for (const f of findings) (groups.get(f.table) ?? groups.set(f.table, []).get(f.table)!).push(f);
  return [...groups];
}
