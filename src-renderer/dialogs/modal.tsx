// Promise-based modal dialogs: `await ask(...)` from actions, rendered by <ModalHost/>.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';

interface ModalEntry { id: number; render: (close: (v: unknown) => void) => ReactNode; resolve: (v: unknown) => void }
const useModals = create<{ stack: ModalEntry[] }>(() => ({ stack: [] }));
let nextId = 1;

export function openModal<T>(render: (close: (v: T) => void) => ReactNode): Promise<T> {
  return new Promise<T>((resolve) => {
    const id = nextId++;
    const entry: ModalEntry = {
      id,
      render: render as ModalEntry['render'],
      resolve: (v) => { useModals.setState((s) => ({ stack: s.stack.filter((e) => e.id !== id) })); resolve(v as T); },
    };
    useModals.setState((s) => ({ stack: [...s.stack, entry] }));
  });
}

export function ModalHost() {
  const stack = useModals((s) => s.stack);
  return <>{stack.map((e) => <div key={e.id} className="modal-backdrop">{e.render(e.resolve)}</div>)}</>;
}

export interface DialogProps { title: string; children?: ReactNode; buttons: ReactNode; onCancel: () => void; wide?: boolean; testId?: string }

/** The frame of a dialog: title, body, button row; Esc cancels; focus moves inside. */
export function Dialog({ title, children, buttons, onCancel, wide, testId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    const first = el?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button.primary, button');
    first?.focus();
  }, []);
  return (
    <div ref={ref} className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-label={title} data-testid={testId}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
      <div className="dialog-title">{title}</div>
      <div className="dialog-body">{children}</div>
      <div className="dialog-buttons">{buttons}</div>
    </div>
  );
}

export function confirmDialog(title: string, message: ReactNode, ok = '确定', cancel = '取消'): Promise<boolean> {
  return openModal<boolean>((close) => (
    <Dialog title={title} onCancel={() => close(false)} testId="confirm-dialog"
      buttons={<><button className="primary" onClick={() => close(true)}>{ok}</button><button onClick={() => close(false)}>{cancel}</button></>}>
      <div className="dialog-message">{message}</div>
    </Dialog>
  ));
}

export function messageDialog(title: string, message: ReactNode): Promise<void> {
  return openModal<void>((close) => (
    <Dialog title={title} onCancel={() => close()} testId="message-dialog" buttons={<button className="primary" onClick={() => close()}>确定</button>}>
      <div className="dialog-message">{message}</div>
    </Dialog>
  ));
}

/** Three-way choice, e.g. 保存 / 不保存 / 取消. */
export function choiceDialog<T extends string>(title: string, message: ReactNode, choices: { value: T; label: string; primary?: boolean }[], cancel: T): Promise<T> {
  return openModal<T>((close) => (
    <Dialog title={title} onCancel={() => close(cancel)} testId="choice-dialog"
      buttons={<>{choices.map((c) => <button key={c.value} className={c.primary ? 'primary' : ''} onClick={() => close(c.value)}>{c.label}</button>)}</>}>
      <div className="dialog-message">{message}</div>
    </Dialog>
  ));
}

function PathPrompt({ title, label, initial, close }: { title: string; label: string; initial: string; close: (v: string | null) => void }) {
  const [value, setValue] = useState(initial);
  const submit = () => { if (value.trim()) close(value.trim()); };
  return (
    <Dialog title={title} onCancel={() => close(null)} testId="path-dialog"
      buttons={<><button className="primary" onClick={submit}>确定</button><button onClick={() => close(null)}>取消</button></>}>
      <label className="field-label">{label}</label>
      <input className="path-input" autoFocus value={value} onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') submit(); }} placeholder="/home/用户/文档/示例.jixiao" />
      <div className="hint">浏览器模式下无法弹出系统文件对话框，请输入文件的完整路径。</div>
    </Dialog>
  );
}

export function promptPath(title: string, label: string, initial = ''): Promise<string | null> {
  return openModal<string | null>((close) => <PathPrompt title={title} label={label} initial={initial} close={close} />);
}
