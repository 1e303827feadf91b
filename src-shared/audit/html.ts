// The batch audit as one self-contained HTML page (no scripts, no external resources): the summary
// table, the unreadable files, then each file's findings grouped by table.
import {
  byTable, count, placeIn, readEntries, severityLabel, skippedEntries, SUMMARY_COLUMNS, summaryRow, totalsLine, totalsOf,
  UNREADABLE_COLUMNS, unreadableEntries, unreadableRow,
} from './summary';
import type { AuditEntry, ReadFile, UnreadableFile } from './types';

const esc = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function table(head: string[], rows: (string | number)[][], rowClass: (i: number) => string = () => ''): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`
    + rows.map((r, i) => `<tr${rowClass(i) ? ` class="${rowClass(i)}"` : ''}>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')
    + '</tbody></table>';
}

const anchor = (i: number) => `f${i + 1}`;

function fileSection(e: ReadFile, i: number): string {
  const head = `<h3 id="${anchor(i)}">${esc(e.file)}\u3000${esc(`${e.deptCode} ${e.deptName}`.trim())}\u3000${esc(e.year)} 年</h3>`;
  if (e.findings.length === 0) return `${head}<p class="ok">审核通过：没有发现错误或警告。</p>`;
  return `${head}<p>${count(e, 'error')} 个错误，${count(e, 'warning')} 个警告。</p>`
    + byTable(e.findings).map(([t, list]) => `<h4>${esc(t)}</h4>` + table(
      ['级别', '位置', '单元格原文', '问题', '代码'],
      list.map((f) => [severityLabel(f.severity), placeIn(f), f.text, f.suggestion ? `${f.message}（建议写作：“${f.suggestion}”）` : f.message, f.code]),
      (k) => (list[k].severity === 'error' ? 'err' : ''),
    )).join('');
}

export function auditHtml(entries: AuditEntry[], when = new Date()): string {
  const listed = entries.filter((e): e is ReadFile | UnreadableFile => e.status !== 'skipped');
  const summary = listed.map(summaryRow);
  const read = readEntries(entries);
  const unreadable = unreadableEntries(entries).map(unreadableRow);
  const skipped = skippedEntries(entries);
  const stamp = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>批量审核报告</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font-family:"宋体",SimSun,"Noto Serif CJK SC",serif;font-size:14px;margin:24px;color:#111}
h1{font-family:"黑体",SimHei,"Noto Sans CJK SC",sans-serif;font-size:22px}
h2{font-family:"黑体",SimHei,"Noto Sans CJK SC",sans-serif;font-size:18px;margin-top:28px}
table{border-collapse:collapse;margin:6px 0 14px}th,td{border:1px solid #000;padding:3px 6px;vertical-align:middle}
th{background:#e7e6e6;white-space:nowrap}td:last-child{white-space:nowrap}tr.有错误 td,tr.err td{background:#fce4d6}tr.无法读取 td{background:#fff2cc}.ok{color:#176c2c}
</style></head><body>
<h1>绩效目标表批量审核报告</h1>
<p>${esc(totalsLine(totalsOf(entries)))}。生成日期：${stamp}</p>
<h2>汇总</h2>
${table(SUMMARY_COLUMNS.map((c) => c.title), summary.map((r) => SUMMARY_COLUMNS.map((c) => r[c.key])), (i) => summary[i].status)}
<h2>无法读取</h2>
${unreadable.length ? table(UNREADABLE_COLUMNS.map((c) => c.title), unreadable.map((r) => UNREADABLE_COLUMNS.map((c) => r[c.key]))) : '<p>没有。</p>'}
${skipped.length ? `<h2>已跳过（不是 .jixiao、.xlsx 或 .docx）</h2><ul>${skipped.map((s) => `<li>${esc(s.file)}</li>`).join('')}</ul>` : ''}
<h2>问题明细</h2>
${read.map(fileSection).join('\n')}
</body></html>
`;
}
