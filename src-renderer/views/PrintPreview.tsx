// 打印预览: the official layout as HTML (the same layout model as the xlsx/docx exports) in an
// iframe; 打印 through the host (Electron) or the iframe itself (browser), 导出 PDF via export.
import { useEffect, useMemo, useRef } from 'react';
import { layoutToHtml, renderPrintHtml } from '../../src-shared/export/print-html';
import { buildSelfevalLayout } from '../../src-shared/layout/selfeval';
import type { JixiaoDocument } from '../../src-shared/model';
import { api, invoke } from '../app/api';
import { exportAs } from '../app/actions';
import { editor } from '../app/store';

/** `selfeval`: the year-end 绩效自评表 (A4 portrait) instead of the target tables (the 绩效自评 tab uses it). */
function previewHtml(doc: JixiaoDocument, selfeval: boolean): string {
  if (!selfeval) return renderPrintHtml(doc, {});
  try {
    return layoutToHtml(buildSelfevalLayout(doc));
  } catch (e) {
    return `<!DOCTYPE html><meta charset="utf-8"><p style="font:14px sans-serif;margin:2em">${(e as Error).message}</p>`;
  }
}

export function PrintPreview({ doc, onClose, selfeval = false }: { doc: JixiaoDocument; onClose: () => void; selfeval?: boolean }) {
  const html = useMemo(() => previewHtml(doc, selfeval), [doc, selfeval]);
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
        <span className="title">{selfeval ? '绩效自评表打印预览（A4 纵向）' : '打印预览（A4 横向）'}</span>
        <button className="primary" onClick={() => void print()}>打印</button>
        <button onClick={() => void exportAs('pdf', { selfeval })}>导出 PDF</button>
        <button onClick={onClose}>关闭</button>
      </div>
      <iframe ref={frame} className="print-frame" title="打印预览" srcDoc={html} sandbox="allow-same-origin allow-modals" />
    </div>
  );
}
