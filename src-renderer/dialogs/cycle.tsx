// Dialogs of 新年度: the options (year, keep amounts) and the list of proposed year replacements,
// one tick box per line (位置, 原文, 新文), 全选 / 全不选.
import { useState } from 'react';
import type { YearProposal } from '../../src-shared/cycle';
import { Dialog } from './modal';

export interface RolloverChoice { year: number; keepAmounts: boolean }

export function RolloverOptionsDialog({ source, lastYear, onClose }: { source: string; lastYear: number; onClose: (c: RolloverChoice | null) => void }) {
  const [year, setYear] = useState(String(lastYear + 1));
  const [keepAmounts, setKeepAmounts] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = () => {
    const y = Number(year);
    if (!/^\d{4}$/.test(year.trim()) || y < 1990 || y > 2200) { setError('年度应为 1990–2200 之间的四位数'); return; }
    onClose({ year: y, keepAmounts });
  };
  return (
    <Dialog title="从上年生成" onCancel={() => onClose(null)} testId="rollover-options"
      buttons={<><button className="primary" onClick={ok} data-testid="rollover-next">下一步</button><button onClick={() => onClose(null)}>取消</button></>}>
      <p>上年文件：<code>{source}</code>（{lastYear} 年）</p>
      <div className="form-grid">
        <label>新的预算年度</label>
        <input type="number" value={year} onChange={(e) => setYear(e.target.value)} data-testid="rollover-year" onKeyDown={(e) => { if (e.key === 'Enter') ok(); }} />
        <label>金额</label>
        <label><input type="checkbox" checked={keepAmounts} onChange={(e) => setKeepAmounts(e.target.checked)} data-testid="rollover-keep-amounts" /> 保留年度预算数、项目预算数和资金支出计划</label>
      </div>
      <div className="hint">职责、工作活动、项目和指标全部带入新文档；评价标准、指标值和确定依据保留；自评表部分不带入。</div>
      {error && <div className="error-text">{error}</div>}
    </Dialog>
  );
}

export function YearProposalDialog({ proposals, from, to, onClose }: { proposals: YearProposal[]; from: number; to: number; onClose: (ticked: Set<string> | null) => void }) {
  const [ticked, setTicked] = useState(() => new Set(proposals.map((p) => p.id)));
  const toggle = (id: string) => setTicked((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  return (
    <Dialog title={`年份替换：${from}年 → ${to}年`} wide onCancel={() => onClose(null)} testId="year-proposals"
      buttons={<><button className="primary" onClick={() => onClose(ticked)} data-testid="proposals-ok">生成新文档（采用 {ticked.size} 处）</button><button onClick={() => onClose(null)}>取消</button></>}>
      <p>以下文字中的“{from}年”表示预算年度，建议改为“{to}年”。文号、依据中的日期等引用不改。取消勾选的行保持原文。</p>
      <div className="button-row">
        <button onClick={() => setTicked(new Set(proposals.map((p) => p.id)))} data-testid="proposals-all">全选</button>
        <button onClick={() => setTicked(new Set())} data-testid="proposals-none">全不选</button>
        <span className="counts">已选 {ticked.size} / {proposals.length}</span>
      </div>
      <div className="proposal-scroll">
        <table className="report-table proposal-table">
          <thead><tr><th>采用</th><th>位置</th><th>原文</th><th>新文</th></tr></thead>
          <tbody>{proposals.map((p) => (
            <tr key={p.id} data-testid="proposal" data-id={p.id} className={ticked.has(p.id) ? '' : 'unticked'} onClick={() => toggle(p.id)}>
              <td className="center"><input type="checkbox" checked={ticked.has(p.id)} onChange={() => toggle(p.id)} onClick={(e) => e.stopPropagation()} aria-label={`采用：${p.where}`} /></td>
              <td>{p.where}</td><td>{p.old}</td><td>{p.new}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
    </Dialog>
  );
}
