// The editor's dialogs: document settings / new document, import report, export done, recovery.
import { useState } from 'react';
import { META_FIELD_LABEL, TEMPLATES, unsavableReason, type Meta, type MoneyUnit } from '../../src-shared/model';
import type { RecoveryEntry } from '../../src-shared/ipc';
import type { ImportReport } from '../../src-shared/import/types';
import { invoke } from '../app/api';
import { editor } from '../app/store';
import { profileSwitchPreview } from '../../src-shared/commands/profileSwitch';
import { Dialog } from './modal';

export function DocSettingsDialog({ title, initial, onClose, isNew }: { title: string; initial: Meta; onClose: (m: Meta | null) => void; isNew?: boolean }) {
  const [m, setM] = useState<Meta>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Meta>) => setM((x) => ({ ...x, ...patch }));
  const ok = () => {
    if (!Number.isInteger(m.year) || m.year < 1990 || m.year > 2200) { setError('年度应为 1990–2200 之间的整数'); return; }
    for (const k of ['deptCode', 'deptName'] as const) {
      const bad = unsavableReason(m[k]);
      if (bad) { setError(`${META_FIELD_LABEL[k]}${bad}，已拒绝`); return; }
    }
    onClose({ ...m, deptCode: m.deptCode.trim(), deptName: m.deptName.trim() });
  };
  return (
    <Dialog title={title} onCancel={() => onClose(null)} testId="settings-dialog"
      buttons={<><button className="primary" onClick={ok} data-testid="settings-ok">确定</button><button onClick={() => onClose(null)}>取消</button></>}>
      <div className="form-grid">
        <label>部门编码</label>
        <input value={m.deptCode} onChange={(e) => set({ deptCode: e.target.value })} placeholder="例如 323" data-testid="settings-deptCode" />
        <label>部门名称</label>
        <input value={m.deptName} onChange={(e) => set({ deptName: e.target.value })} placeholder="例如 临西县人力资源和社会保障局" data-testid="settings-deptName" />
        <label>年度</label>
        <input type="number" value={m.year} onChange={(e) => set({ year: Number(e.target.value) })} data-testid="settings-year" />
        <label>格式模板</label>
        <select value={m.templateId} onChange={(e) => set({ templateId: e.target.value })} data-testid="settings-template">
          {TEMPLATES.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
        <label>金额单位</label>
        <div className="radio-row" role="radiogroup">
          {(['万元', '元'] as MoneyUnit[]).map((u) => (
            <label key={u}><input type="radio" name="unit" checked={m.unit === u} onChange={() => set({ unit: u })} data-testid={`settings-unit-${u}`} /> {u}</label>
          ))}
        </div>
      </div>
      {!isNew && m.unit !== initial.unit && <div className="hint">切换单位会把所有金额按 1 万元 = 10000 元精确换算（可撤销）。</div>}
      {!isNew && m.templateId !== initial.templateId && <div className="hint" data-testid="settings-switch-preview">
        <div>更换模板会改变表格的列和打印的表式（可撤销）；文档中的内容不会删除。</div>
        {(() => { const d = editor.get().doc; return d ? profileSwitchPreview(d, initial.templateId, m.templateId) : []; })().map((line) => <div key={line}>{line}</div>)}
      </div>}
      {error && <div className="error-text">{error}</div>}
    </Dialog>
  );
}

export function ImportReportDialog({ sourcePath, report: r, onClose }: { sourcePath: string; report: ImportReport; onClose: () => void }) {
  return (
    <Dialog title="导入报告" wide onCancel={onClose} testId="import-report" buttons={<button className="primary" onClick={onClose}>确定</button>}>
      <p>已从 <code>{sourcePath}</code> 导入。请核对后保存为 .jixiao 文件。</p>
      <h4>识别到的表格</h4>
      <ul>{r.tables.map((t, i) => (
        <li key={i}>{t.kind === 'duty' ? `部门职责-工作活动表（${t.sheet} 第 ${t.startRow} 行起）：职责 ${t.duties ?? 0} 项，工作活动 ${t.activities ?? 0} 项，指标 ${t.indicators} 条`
          : t.kind === 'dept-wide' ? `部门整体支出绩效目标表“${t.name ?? ''}”（${t.sheet} 第 ${t.startRow} 行起）：年度主要任务 ${t.tasks ?? 0} 项，指标 ${t.indicators} 条`
          : `${t.kind === 'project' ? '项目绩效目标表' : '绩效自评表'}“${t.name ?? ''}”（${t.sheet} 第 ${t.startRow} 行起）：指标 ${t.indicators} 条${t.reason ? `。${t.reason}` : ''}`}</li>
      ))}</ul>
      {r.warnings.length > 0 && <><h4>提示</h4><ul>{r.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul></>}
      <h4>未能放入表格的内容（{r.unplaced.length}）</h4>
      {r.unplaced.length === 0 ? <p>没有。</p> : (
        <table className="report-table"><thead><tr><th>位置</th><th>内容</th><th>原因</th></tr></thead>
          <tbody>{r.unplaced.map((u, i) => <tr key={i}><td>{u.sheet} 第{u.row}行第{u.column}列</td><td>{u.text}</td><td>{u.reason}</td></tr>)}</tbody></table>
      )}
    </Dialog>
  );
}

export function ExportDoneDialog({ path, label, onClose }: { path: string; label: string; onClose: () => void }) {
  const [msg, setMsg] = useState<string | null>(null);
  const act = async (channel: 'shell:openPath' | 'shell:showInFolder') => {
    const r = await invoke(channel, { path });
    if (!r.ok) setMsg(r.message); else onClose();
  };
  return (
    <Dialog title={`已导出 ${label}`} onCancel={onClose} testId="export-done"
      buttons={<>
        <button className="primary" onClick={() => void act('shell:openPath')}>打开文件</button>
        <button onClick={() => void act('shell:showInFolder')}>在文件夹中显示</button>
        <button onClick={onClose}>关闭</button>
      </>}>
      <p>文件已保存到：</p>
      <p className="path-line" data-testid="export-path">{path}</p>
      <p className="hint">可在文件夹中找到它，拖入邮件作为附件发送给财政局。</p>
      {msg && <div className="error-text">{msg}</div>}
    </Dialog>
  );
}

export function RecoveryDialog({ entries, onClose }: { entries: RecoveryEntry[]; onClose: (e: RecoveryEntry | null) => void }) {
  return (
    <Dialog title="恢复未保存的内容" onCancel={() => onClose(null)} testId="recovery-dialog" buttons={<button onClick={() => onClose(null)}>不恢复</button>}>
      <p>上次退出时有未保存的内容，可以选择一项恢复：</p>
      <ul className="recovery-list">
        {entries.map((e) => (
          <li key={e.id}><button onClick={() => onClose(e)}>{e.title || (e.path ?? '未命名')}<span className="hint">{"\u3000"}{new Date(e.savedAt).toLocaleString('zh-CN')}</span></button></li>
        ))}
      </ul>
    </Dialog>
  );
}
