// Keybindings as data: one table, matched by one function. `grid` bindings apply while a grid cell
// is selected and not being edited; `global` ones everywhere (also inside inputs). Cell movement
// and the edit modes are in src-shared/grid/cellKeys.ts.
import { keyName } from '../../src-shared/grid/cellKeys';

export type CommandId =
  | 'undo' | 'redo' | 'save' | 'saveAs' | 'open' | 'new' | 'printPreview' | 'findings' | 'find' | 'replace'
  | 'moveUp' | 'moveDown' | 'clearCells' | 'insertBelow' | 'deleteRows' | 'selectAll';

export interface KeyBinding { keys: string; command: CommandId; scope: 'global' | 'grid'; label: string }

export const KEYBINDINGS: readonly KeyBinding[] = [
  { keys: 'Ctrl+Z', command: 'undo', scope: 'global', label: '撤销' },
  { keys: 'Ctrl+Y', command: 'redo', scope: 'global', label: '重做' },
  { keys: 'Ctrl+Shift+Z', command: 'redo', scope: 'global', label: '重做' },
  { keys: 'Ctrl+S', command: 'save', scope: 'global', label: '保存' },
  { keys: 'Ctrl+Shift+S', command: 'saveAs', scope: 'global', label: '另存为' },
  { keys: 'Ctrl+O', command: 'open', scope: 'global', label: '打开' },
  { keys: 'Ctrl+N', command: 'new', scope: 'global', label: '新建' },
  { keys: 'Ctrl+P', command: 'printPreview', scope: 'global', label: '打印预览' },
  { keys: 'F8', command: 'findings', scope: 'global', label: '审核结果面板' },
  { keys: 'Ctrl+F', command: 'find', scope: 'global', label: '查找' },
  { keys: 'Ctrl+H', command: 'replace', scope: 'global', label: '查找和替换' },
  { keys: 'Alt+ArrowUp', command: 'moveUp', scope: 'grid', label: '上移行' },
  { keys: 'Alt+ArrowDown', command: 'moveDown', scope: 'grid', label: '下移行' },
  { keys: 'Delete', command: 'clearCells', scope: 'grid', label: '清除单元格内容' },
  { keys: 'Backspace', command: 'clearCells', scope: 'grid', label: '清除单元格内容' },
  { keys: 'Ctrl+Enter', command: 'insertBelow', scope: 'grid', label: '在下方插入同级行' },
  { keys: 'Ctrl+Delete', command: 'deleteRows', scope: 'grid', label: '删除行' },
];

export { keyName };

export function matchBinding(e: Parameters<typeof keyName>[0], scope: 'global' | 'grid'): CommandId | null {
  const name = keyName(e);
  return KEYBINDINGS.find((b) => b.scope === scope && b.keys === name)?.command ?? null;
}
