import { describe, expect, it } from 'vitest';
import { newDocument } from '../../src-shared/model';
import { insertDuty, setCellEdit, switchUnitEdit } from '../../src-shared/commands';
import { editor, isModified } from './store';

describe('editor store', () => {
  it('undo/redo one step per action and tracks the modified flag', () => {
    const doc = newDocument({ deptName: '测试局' });
    editor.load(doc, '/tmp/a.jixiao', 's1');
    expect(isModified(editor.get())).toBe(false);
    const { edit, id } = insertDuty(editor.get().doc!, 0, { budget: '12.5' });
    editor.dispatch(edit);
    editor.dispatch(setCellEdit(editor.get().doc!, id, 'title', '促进就业'));
    editor.dispatch(switchUnitEdit(editor.get().doc!, '元'));
    expect(isModified(editor.get())).toBe(true);
    expect(editor.get().doc!.dutyTable.duties[0]).toMatchObject({ title: '促进就业', budget: '125000' });
    editor.undo();
    expect(editor.get().doc!.dutyTable.duties[0].budget).toBe('12.5');
    expect(editor.get().doc!.meta.unit).toBe('万元');
    editor.undo();
    editor.undo();
    expect(editor.get().doc).toEqual(doc);
    editor.redo();
    expect(editor.get().doc!.dutyTable.duties).toHaveLength(1);
    editor.markSaved('/tmp/a.jixiao', 's2', editor.get().revision);
    expect(isModified(editor.get())).toBe(false);
    editor.dispatch(setCellEdit(editor.get().doc!, id, 'goal', 'x'));
    expect(editor.get().redoStack).toHaveLength(0);
  });
});
