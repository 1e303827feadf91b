// 批量审核 window: choose a folder, watch the progress, read the summary table (click a column to
// sort), click a row to open that file in the editor. The audit itself runs in the host's worker
// threads (audit:start / audit:status); the rows are the same as the summary workbook's 汇总 sheet.
import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry, ReadFile, UnreadableFile } from '../../src-shared/audit/types';
import { reasonOf, SUMMARY_COLUMNS, summaryRow, totalsLine, totalsOf, type SummaryRow } from '../../src-shared/audit/summary';
import type { AuditStatus } from '../../src-shared/ipc';
import { api, invoke } from '../app/api';
import { Dialog, promptPath } from './modal';

const POLL_MS = 250;

type Listed = ReadFile | UnreadableFile;
/** The last batch: the window shows it again when reopened (after opening one of its files). */
let last: { folder: string; job: string | null } = { folder: '', job: null };
type Sort = { key: keyof SummaryRow; desc: boolean };

/** Sort order of two rows by one column; empty cells (unreadable files) last in either direction. */
function compare(a: SummaryRow, b: SummaryRow, key: keyof SummaryRow, desc = false): number {
  const x = a[key], y = b[key];
  if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
  const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
  return desc ? -c : c;
}

export function BatchAuditDialog({ onOpen }: { onOpen: (path: string | null) => void }) {
  const [folder, setFolder] = useState(last.folder);
  const [job, setJob] = useState<string | null>(last.job);
  useEffect(() => { last = { folder, job }; }, [folder, job]);
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>({ key: 'file', desc: false });
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (!job) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await invoke('audit:status', { id: job });
      if (stop) return;
      if (!r.ok) { setError(r.message); return; }
      setStatus(r.value);
      if (!r.value.finished) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => { stop = true; clearTimeout(timer); };
  }, [job]);

  const entries: AuditEntry[] = status?.entries ?? [];
  const listed = useMemo(() => entries.filter((e): e is Listed => e.status !== 'skipped'), [entries]);
  const rows = useMemo(() => {
    const r = listed.map((e) => ({ e, row: summaryRow(e) }));
    r.sort((a, b) => compare(a.row, b.row, sort.key, sort.desc) || compare(a.row, b.row, 'file'));
    return r;
  }, [listed, sort]);

  const pick = async () => {
    const r = await invoke('dialog:pickOpen', { kind: 'folder' });
    if (r.ok && r.value) setFolder(r.value);
  };
  const start = async () => {
    setError(null); setStatus(null); setSaved(null);
    const r = await invoke('audit:start', { paths: [folder.trim()] });
    if (!r.ok) { setError(r.message); return; }
    setJob(r.value.id);
  };
  const saveSummary = async () => {
    if (!job) return;
    const picked = await invoke('dialog:pickSave', { kind: 'xlsx', defaultName: '审核汇总.xlsx' });
    let path = picked.ok ? picked.value : null;
    if (path === null && api().host === 'electron') return;
    path ??= await promptPath('保存审核汇总', '保存到（完整路径，.xlsx）', `${folder.trim().replace(/[\\/]+$/, '')}-审核汇总.xlsx`);
    if (!path) return;
    const r = await invoke('audit:write', { id: job, path });
    if (!r.ok) setError(r.message); else setSaved(r.value.path);
  };
  const running = status !== null && !status.finished;
  const header = (c: (typeof SUMMARY_COLUMNS)[number]) => (
    <th key={c.key} onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : false }))}
      aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'} data-testid={`audit-sort-${c.key}`}>
      {c.title}{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </th>
  );

  return (
    <Dialog title="批量审核" wide onCancel={() => onOpen(null)} testId="batch-audit"
      buttons={<>
        <button onClick={() => void saveSummary()} disabled={!status?.finished} data-testid="audit-save">保存审核汇总…</button>
        <button onClick={() => onOpen(null)}>关闭</button>
      </>}>
      <div className="audit-folder">
        <label>文件夹 <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="收到的绩效目标表所在文件夹的完整路径" data-testid="audit-folder" /></label>
        {api().host === 'electron' && <button onClick={() => void pick()}>选择文件夹…</button>}
        <button className="primary" onClick={() => void start()} disabled={!folder.trim() || running} data-testid="audit-start">开始审核</button>
      </div>
      <p className="hint">读取文件夹（含子文件夹）中所有 .jixiao、.xlsx、.docx 文件并逐个审核；点击一行打开该文件，点击列标题排序。</p>
      {error && <p className="audit-error" role="alert">{error}</p>}
      {status && !status.finished && (
        <div className="audit-progress" data-testid="audit-progress">
          <progress max={status.total || 1} value={status.done} /> 已完成 {status.done}/{status.total} · {status.current} · 用时 {Math.floor(status.elapsedMs / 1000)} 秒
        </div>
      )}
      {status?.finished && (
        <>
          <p data-testid="audit-totals">{totalsLine(totalsOf(entries))}{saved ? `。已保存：${saved}` : ''}</p>
          <div className="audit-table-wrap">
            <table className="report-table audit-table" data-testid="audit-table">
              <thead><tr>{SUMMARY_COLUMNS.map(header)}</tr></thead>
              <tbody>
                {rows.map(({ e, row }) => (
                  <tr key={e.path} className={`audit-row ${row.status}`} onClick={() => onOpen(e.path)}
                    title={e.status === 'unreadable' ? `${reasonOf(e.code)}：${e.message}` : `打开 ${e.file}`} data-testid="audit-row">
                    {SUMMARY_COLUMNS.map((c) => <td key={c.key}>{c.key === 'status' && e.status === 'unreadable' ? `无法读取：${reasonOf(e.code)}` : row[c.key]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
