// 打印预览: the official layout as HTML (the same layout model as the xlsx/docx exports) in an
// iframe; 打印 through the host (Electron) or the iframe itself (browser), 导出 PDF via export.
import { useEffect, useMemo, useRef } from 'react';
import { renderPrintHtml } from '../../src-shared/export/print-html';
import type { JixiaoDocument } from '../../src-shared/model';
import { api, invoke } from '../app/api';
import { exportAs } from '../app/actions';
import { editor } from '../app/store';

export function PrintPreview({ doc, onClose }: { doc: JixiaoDocument; onClose: () => void }) {
  const html = useMemo(() => renderPrintHtml(doc, {}), [doc]);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const k = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', k);
    return () => window.removeEventListener('keydown', k);
  }, [onClose]);
  const print = async () => {
    if (api().host === 'electron') {
      const r = await invoke('print:html', { html });
      if (!r.ok) editor.toast(r.message, 'error');
    } else {
      frame.current?.contentWindow?.print();
    }
  };
  return (
    <div className="print-overlay" data-testid="print-preview" role="dialog" aria-label="打印预览">
      <div className="print-toolbar">
        <span className="title">打印预览（A4 横向）</span>
        <button className="primary" onClick={() => void print()}>打印</button>
        <button onClick={() => void exportAs('pdf')}>导出 PDF</button>
        <button onClick={onClose}>关闭</button>
      </div>
      <iframe ref={frame} className="print-frame" title="打印预览" srcDoc={html} sandbox="allow-same-origin allow-modals" />
    </div>
  );
}
