// A form's text field (the project header, the department-wide table's own fields): committed on blur
// or Enter as one undo step; an amount is read as typed (50000元 in a 万元 document is 5, said in a
// note; `abc` is refused with one message at the field: 重试 edits it again, 取消 restores the value).
import { useEffect, useRef, useState, type RefObject } from 'react';
import { formatAmount, parseAmountInput, unsavableReason } from '../../src-shared/model';
import type { Finding } from '../../src-shared/validate/types';
import { editor, useEditor } from '../app/store';
import { cellMessageOpen, showCellMessage } from '../grid/cellMessage';

export type FieldElement = HTMLInputElement & HTMLTextAreaElement;

export function FormField({ stored, write, dataField, label, multiline, amount, findings, mark, className, required, testId, inputRef }: {
  /** The value in the document ('' when absent). */
  stored: string;
  /** Store a value (already parsed when an amount); called only when it differs from `stored`. */
  write: (value: string) => void;
  /** The field's name in findings and focus requests (data-field). */
  dataField: string;
  /** 'plain': a number shown as stored (scores, weights). `required`: the form asks for it (said to screen readers). */
  label?: string; multiline?: boolean; amount?: 'money' | 'percent' | 'plain'; findings?: Finding[]; mark?: string; className?: string; required?: boolean;
  testId?: string; inputRef?: RefObject<FieldElement | null>;
}) {
  const unit = useEditor((s) => s.doc!.meta.unit);
  const shown = amount && amount !== 'plain' ? formatAmount(stored, amount === 'money' ? unit : 'percent') : stored;
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState<string | null>(null);
  const editing = useRef(false);
  const own = useRef<FieldElement>(null);
  const input = inputRef ?? own;
  useEffect(() => { if (!editing.current) setText(shown); }, [shown]);
  // Esc restores the shown value: the blur that follows must not store the typed text.
  const escaped = useRef(false);
  const commit = () => {
    editing.current = false;
    if (escaped.current) { escaped.current = false; return; }
    if (cellMessageOpen()) return; // the message at the field is answered first
    let value = text;
    let note: string | null = null;
    // A character Word/Excel files cannot hold (U+FFFE …) is refused here, as in the grids.
    const unsavable = unsavableReason(text);
    if (unsavable) { refuse(`${unsavable}，已拒绝`); return; }
    if (amount) {
      // As in the grids: 50000元 in a 万元 document is 5 (with a note); `abc` is refused here, at the field.
      const a = parseAmountInput(text, amount === 'money' ? unit : amount === 'percent' ? 'percent' : 'score');
      if (!a.ok) { refuse(a.reason); return; }
      value = a.amount;
      note = a.note;
    }
    setBad(null);
    // Leaving a field unchanged is no edit (an absent optional field must not become ''); the
    // field shows the stored value again as the table prints it (1235 typed over 1235.00, 25% → 25.00).
    if (value === stored) { setText(shown); return; }
    write(value);
    if (note) editor.toast(note);
  };
  // One message at the field: 重试 (Enter) edits the typed text again, 取消 (Esc, a click elsewhere) restores the value.
  const refuse = (reason: string) => {
    const el = input.current;
    setBad(reason);
    if (!el) return;
    showCellMessage({
      anchor: el.getBoundingClientRect(), text: reason,
      onRetry: () => { el.focus(); el.select(); },
      onCancel: (byClick) => { setText(shown); setBad(null); if (!byClick) el.focus(); },
    });
  };
  const cls = ['field', className ?? '', findings?.length ? (findings[0].severity === 'error' ? 'cell-error' : 'cell-warning') : '', bad ? 'cell-error' : '', amount ? 'amount' : '', mark ?? ''].join(' ');
  const title = bad ?? findings?.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n');
  const props = {
    ref: input, className: cls, value: text, title, 'aria-label': label, 'aria-required': required || undefined, 'data-field': dataField, 'data-testid': testId,
    onFocus: () => { editing.current = true; },
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
  };
  return multiline
    ? <textarea {...props} rows={3} onKeyDown={(e) => { if (e.key === 'Escape') { setText(shown); escaped.current = true; (e.target as HTMLElement).blur(); } }} />
    : <input {...props} onKeyDown={(e) => {
      if (e.key === 'Enter') { e.preventDefault(); (e.target as HTMLInputElement).blur(); }
      if (e.key === 'Escape') { setText(shown); setBad(null); escaped.current = true; (e.target as HTMLElement).blur(); }
    }} />;
}
