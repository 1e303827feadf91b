// The editor window: toolbar, tabs (部门职责-工作活动 / 项目绩效目标表), findings panel, status bar.
import { useCallback, useEffect, useState } from 'react';
import type { HostCommand } from '../src-shared/ipc';
import { takeDrafts } from './app/bandDrafts';
import { batchAudit, exportAs, importFile, importSelfevalInto, newDoc, offerRecovery, openDoc, openPath, openSettings, save, startAutosave, startTitleSync, fileName } from './app/actions';
import { api, pathForFile } from './app/api';
import { deleteFocused, insertActivityAt, insertDutyAt, insertIndicatorAt, moveFocused } from './app/dutyOps';
import { matchBinding, tooltip, type CommandId } from './app/keys';
import { isEnabled, type CommandState } from '../src-shared/keymap';
import { editor, isModified, useEditor } from './app/store';
import { startLiveValidation } from './app/validation';
import { countBySeverity } from '../src-shared/validate/types';
import { compareWithFile, rolloverFromFile, startCompareSync } from './app/cycle';
import { ComparePanel } from './views/ComparePanel';
import { messageDialog, ModalHost } from './dialogs/modal';
import { DutyGrid } from './grid/DutyGrid';
import { FindingsPanel } from './views/FindingsPanel';
import { LibraryPanel } from './views/LibraryPanel';
import { FindPanel, openFind, useFind } from './views/FindPanel';
import { PrintPreview } from './views/PrintPreview';
import { ProjectsView } from './views/ProjectsView';
import { SelfEvalView } from './views/SelfEvalView';
import { DeptWideView } from './views/DeptWideView';
import { getTargetProfile } from '../src-shared/profile';

// The 指标库 and 审核结果 panels share the right side: opening one closes the other (old office
// screens are 1366 px wide; two panels would leave the table too narrow).
function toggleLibrary(): void {
  const open = !editor.get().libraryOpen;
  editor.set(open ? { libraryOpen: true, findingsOpen: false } : { libraryOpen: false });
}

function toggleFindings(): void {
  const open = !editor.get().findingsOpen;
  editor.set(open ? { findingsOpen: true, libraryOpen: false } : { findingsOpen: false });
}

function Toolbar({ onPreview }: { onPreview: () => void }) {
  const hasDoc = useEditor((s) => s.doc !== null);
  const canUndo = useEditor((s) => s.undoStack.length > 0);
  const canRedo = useEditor((s) => s.redoStack.length > 0);
  const tab = useEditor((s) => s.tab);
  const state: CommandState = { hasDocument: hasDoc, canUndo, canRedo };
  const B = ({ label, onClick, disabled, title, testId }: { label: string; onClick: () => void; disabled?: boolean; title?: string; testId?: string }) =>
    <button onClick={onClick} disabled={disabled} title={title ?? label} data-testid={testId}>{label}</button>;
  /** A button of a command in the table: its tooltip names the key, it is enabled when the table says. */
  const C = ({ id, label, onClick, text, testId }: { id: CommandId; label: string; onClick: () => void; text?: string; testId?: string }) =>
    <B label={label} onClick={onClick} disabled={!isEnabled(id, state)} title={tooltip(id, text)} testId={testId} />;
  return (
    <div className="toolbar" role="toolbar">
      <div className="group">
        <C id="new" label="新建" onClick={() => void newDoc()} testId="tb-new" />
        <C id="open" label="打开" onClick={() => void openDoc()} testId="tb-open" />
        <C id="save" label="保存" onClick={() => void save(false)} testId="tb-save" />
        <C id="save-as" label="另存为" onClick={() => void save(true)} testId="tb-saveas" />
      </div>
      <div className="group">
        <C id="undo" label="↶ 撤销" onClick={() => editor.undo()} testId="tb-undo" />
        <C id="redo" label="↷ 重做" onClick={() => editor.redo()} testId="tb-redo" />
      </div>
      {tab === 'duty' && hasDoc && (
        <div className="group">
          <B label="插入职责" onClick={() => insertDutyAt('below')} testId="tb-insert-duty" />
          <B label="插入活动" onClick={() => insertActivityAt('below')} title="在当前活动下方插入工作活动" testId="tb-insert-activity" />
          <B label="插入指标" onClick={() => insertIndicatorAt('below')} title="在当前指标下方插入绩效指标" testId="tb-insert-indicator" />
          <C id="delete-rows" label="删除行" onClick={() => void deleteFocused()} text="删除当前行" testId="tb-delete" />
          <C id="move-up" label="上移" onClick={() => moveFocused(-1)} />
          <C id="move-down" label="下移" onClick={() => moveFocused(1)} />
          <B label="填写评价标准" onClick={() => takeDrafts()} title="为整张表中空白的优/良/中/差填写建议（按“优”档或指标库拟定，可撤销）" testId="tb-fill-bands" />
        </div>
      )}
      <div className="group">
        <C id="import" label="导入" onClick={() => void importFile()} testId="tb-import" />
        <B label="从上年生成" onClick={() => void rolloverFromFile()} title="文件 › 从上年生成…：由上年的 .jixiao / Word / Excel 文件生成新年度的文档" testId="tb-rollover" />
        <B label="与…对比" onClick={() => void compareWithFile()} disabled={!hasDoc} title="文件 › 与…对比：列出与另一个文件（如上年）的差异" testId="tb-compare" />
        <B label="导出 Excel" onClick={() => void exportAs('xlsx')} disabled={!hasDoc} testId="tb-export-xlsx" />
        <B label="导出 Word" onClick={() => void exportAs('docx')} disabled={!hasDoc} testId="tb-export-docx" />
        <B label="导出 PDF" onClick={() => void exportAs('pdf')} disabled={!hasDoc} testId="tb-export-pdf" />
        <C id="print" label="打印预览" onClick={onPreview} text="打印预览和打印" testId="tb-preview" />
      </div>
      <div className="group">
        <B label="批量审核" onClick={() => void batchAudit()} title="批量审核一个文件夹中的绩效目标表（文件 › 批量审核…）" testId="tb-batch-audit" />
      </div>
      <div className="group">
        <B label="文档设置" onClick={() => void openSettings()} disabled={!hasDoc} testId="tb-settings" />
        <B label="指标库" onClick={toggleLibrary} disabled={!hasDoc} title="显示/隐藏指标库" testId="tb-library" />
        <C id="findings" label="审核结果" onClick={toggleFindings} text="显示/隐藏审核结果" testId="tb-findings" />
      </div>
    </div>
  );
}

function StatusBar() {
  const s = useEditor();
  // 提示 (style) are not counted here; the findings panel shows them on request.
  const { error: errors, warning: warnings } = countBySeverity(s.findings);
  const doc = s.doc;
  return (
    <div className="statusbar" data-testid="statusbar">
      <span>{s.path ?? '未保存的新文档'}</span>
      {doc && <span>{doc.meta.deptCode}{doc.meta.deptName} · {doc.meta.year}年 · 单位：<b data-testid="status-unit">{doc.meta.unit}</b></span>}
      {doc && <span>职责 {doc.dutyTable.duties.length} · 项目 {doc.projects.length}</span>}
      <span className="spacer" />
      {doc && <button className="status-findings" onClick={() => editor.set({ findingsOpen: true, libraryOpen: false })} data-testid="status-counts">
        <span className="sev error">错误 {errors}</span> <span className="sev warning">警告 {warnings}</span></button>}
      <span data-testid="status-modified">{isModified(s) ? '● 已修改' : '已保存'}</span>
    </div>
  );
}

function Welcome() {
  return (
    <div className="welcome">
      <h1>绩效目标表编辑器</h1>
      <p>填写部门职责-工作活动绩效目标表和项目绩效目标表：编号、合并单元格自动生成，填写时即时审核。</p>
      <div className="welcome-buttons">
        <button className="primary" onClick={() => void newDoc()}>新建文档</button>
        <button onClick={() => void openDoc()} data-testid="welcome-open">打开文件</button>
        <button onClick={() => void importFile()}>导入 Excel/Word</button>
        <button onClick={() => void rolloverFromFile()} data-testid="welcome-rollover">从上年生成…</button>
      </div>
      <p className="hint">也可以把 .jixiao 文件拖到窗口中打开。</p>
    </div>
  );
}

export function App() {
  const doc = useEditor((s) => s.doc);
  const tab = useEditor((s) => s.tab);
  const findingsOpen = useEditor((s) => s.findingsOpen);
  const libraryOpen = useEditor((s) => s.libraryOpen);
  const compareOpen = useEditor((s) => s.compare !== null);
  const findOpen = useFind((s) => s.mode !== null);
  const busy = useEditor((s) => s.busy);
  const toast = useEditor((s) => s.toast);
  const [preview, setPreview] = useState(false);
  const openPreview = useCallback(() => { if (editor.get().doc) setPreview(true); }, []);

  const runCommand = useCallback((c: CommandId | HostCommand['command'], path?: string) => {
    const s = editor.get();
    // Menu items and keys run only when the table says (e.g. 保存 needs a document).
    if (c !== 'open-path' && !isEnabled(c, { hasDocument: s.doc !== null, canUndo: s.undoStack.length > 0, canRedo: s.redoStack.length > 0 })) return;
    switch (c) {
      case 'undo': editor.undo(); break;
      case 'redo': editor.redo(); break;
      case 'save': void save(false); break;
      case 'save-as': void save(true); break;
      case 'open': void openDoc(); break;
      case 'new': void newDoc(); break;
      // 打印 (Ctrl+P) opens the preview with its 打印 button, as WPS's print window shows a preview.
      case 'print-preview': case 'print': openPreview(); break;
      case 'findings': toggleFindings(); break;
      case 'find': case 'replace': if (editor.get().doc) openFind(c === 'find' ? 'find' : 'replace'); break;
      case 'import': void importFile(); break;
      case 'batch-audit': void batchAudit(); break;
      case 'export-xlsx': void exportAs('xlsx'); break;
      case 'export-docx': void exportAs('docx'); break;
      case 'export-pdf': void exportAs('pdf'); break;
      case 'import-selfeval': void importSelfevalInto(); break;
      case 'export-selfeval-xlsx': void exportAs('xlsx', { selfeval: true }); break;
      case 'export-selfeval-docx': void exportAs('docx', { selfeval: true }); break;
      case 'export-selfeval-pdf': void exportAs('pdf', { selfeval: true }); break;
      case 'settings': void openSettings(); break;
      case 'open-path': if (path) void openPath(path); break;
      case 'rollover': void rolloverFromFile(); break;
      case 'compare': void compareWithFile(); break;
      case 'about': void messageDialog('关于', '绩效目标表编辑器 — 部门职责-工作活动绩效目标表与项目绩效目标表的填写、审核、打印与导出。'); break;
      default: break;
    }
  }, [openPreview]);

  useEffect(() => {
    const stops = [startLiveValidation(), startCompareSync(), startAutosave(), startTitleSync(), api().onHostCommand((c) => runCommand(c.command, c.path))];
    const q = new URL(window.location.href).searchParams.get('open');
    if (q) void openPath(q, false); else void offerRecovery();
    return () => stops.forEach((s) => s());
  }, [runCommand]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const c = matchBinding(e, 'global', api().host);
      if (!c) return;
      // Inside text inputs, let the browser undo the typing itself.
      const t = e.target as HTMLElement | null;
      // The grid's input proxy is a text box only while a cell is being edited.
      const inField = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') && t.dataset.cellProxy !== 'ready';
      if (inField && (c === 'undo' || c === 'redo')) return;
      if (document.querySelector('.modal-backdrop') && c !== 'save') return;
      e.preventDefault();
      runCommand(c);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCommand]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const path = pathForFile(file);
    if (path) void openPath(path);
    else void messageDialog('无法直接打开拖入的文件', `浏览器模式下无法获得“${file.name}”的路径。请点击“打开”，输入文件的完整路径。`);
  };

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => useEditor.setState({ toast: null }), toast.kind === 'error' ? 5000 : 2500);
    return () => clearTimeout(t);
  }, [toast]);

  // The department-wide table has its tab when the document's form has one (national-88-dept).
  const hasDeptWide = !!doc && !!getTargetProfile(doc.meta.templateId)?.tables.includes('department-wide');
  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <Toolbar onPreview={openPreview} />
      {doc ? (
        <>
          <div className="tabs" role="tablist">
            <button role="tab" aria-selected={tab === 'duty'} className={tab === 'duty' ? 'active' : ''} onClick={() => editor.set({ tab: 'duty' })} data-testid="tab-duty">部门职责-工作活动</button>
            {hasDeptWide && <button role="tab" aria-selected={tab === 'deptWide'} className={tab === 'deptWide' ? 'active' : ''} onClick={() => editor.set({ tab: 'deptWide' })} data-testid="tab-deptWide">部门整体绩效目标表</button>}
            <button role="tab" aria-selected={tab === 'projects'} className={tab === 'projects' ? 'active' : ''} onClick={() => editor.set({ tab: 'projects' })} data-testid="tab-projects">项目绩效目标表（{doc.projects.length}）</button>
            <button role="tab" aria-selected={tab === 'selfeval'} className={tab === 'selfeval' ? 'active' : ''} onClick={() => editor.set({ tab: 'selfeval' })} data-testid="tab-selfeval">绩效自评</button>
            <span className="tab-title">{doc.meta.deptCode}{doc.meta.deptName} {doc.meta.year}年 — {fileName(useEditor.getState().path)}</span>
          </div>
          <div className="main">
            <div className="content">
              {tab === 'duty' ? (
                <div className="duty-view">
                  <div className="table-caption">部门职责-工作活动绩效目标<span className="unit">单位：{doc.meta.unit}</span></div>
                  <DutyGrid />
                </div>
              ) : tab === 'deptWide' && hasDeptWide ? <DeptWideView /> : tab === 'projects' || tab === 'deptWide' ? <ProjectsView /> : <SelfEvalView />}
            </div>
            {(findOpen || libraryOpen || compareOpen || findingsOpen) && (
              <div className="side-panels">{findOpen && <FindPanel />}{libraryOpen && <LibraryPanel />}{compareOpen && <ComparePanel />}{findingsOpen && <FindingsPanel />}</div>
            )}
          </div>
        </>
      ) : <Welcome />}
      <StatusBar />
      {preview && doc && <PrintPreview doc={doc} onClose={() => setPreview(false)} />}
      <ModalHost />
      {busy && <div className="busy-overlay" data-testid="busy"><div className="busy-box"><div className="spinner" />{busy}</div></div>}
      {toast && <div className={`toast ${toast.kind}`} role="status" data-testid="toast">{toast.text}</div>}
    </div>
  );
}
