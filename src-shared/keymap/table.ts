// The one table of the editor's commands: id, Chinese label, keys, who handles the key, when it is
// enabled. It feeds the Electron menu (src-main/electron/menu.ts), the renderer's global and grid
// keys (src-renderer/app/keys.ts), the toolbar tooltips and the context-menu shortcut labels.
// Nothing else binds a global key or writes a shortcut label. Cell-level keys (arrows, F2, Tab,
// Ctrl+D …) are the grid's own table in src-shared/grid/cellKeys.ts.
//
// Keys are written as the renderer names them (src-shared/grid/cellKeys.ts keyName): `Ctrl` is Cmd
// on macOS, the first key is the one shown. Decisions, as Excel/WPS users expect (docs/desktop.md):
// Ctrl+N 新建 a document (the desktop app opens it in a new window unless this one is blank);
// Ctrl+P 打印, which opens the print preview with its 打印 button, as WPS's print window does.
import { PRODUCT_NAME, type HostCommand } from '../ipc';

/** Commands of the grids' selected rows (scope 'grid'). */
export const GRID_COMMANDS = ['move-up', 'move-down', 'clear-cells', 'insert-below', 'delete-rows'] as const;
/** Commands the browser/Electron do natively (menu roles, DOM clipboard events). */
export const NATIVE_COMMANDS = ['cut', 'copy', 'paste', 'select-all', 'zoom-in', 'zoom-out', 'reset-zoom', 'fullscreen', 'quit'] as const;

export type MenuCommandId = Exclude<HostCommand['command'], 'open-path'>;
export type CommandId = MenuCommandId | (typeof GRID_COMMANDS)[number] | (typeof NATIVE_COMMANDS)[number];

/**
 * Who handles the key:
 * - `renderer`: the renderer, in the desktop app and in the browser; the menu shows the key but does
 *   not register it (a key inside a cell editor is the editor's first).
 * - `menu`: the desktop app's menu (the host decides the window); in browser mode, with no menu, the
 *   renderer binds it itself.
 * - `desktop`: only the desktop app's menu (close a window, quit); the browser keeps the key.
 * - `native`: the browser's own (clipboard, zoom); shown, never bound by us.
 */
export type KeyOwner = 'renderer' | 'menu' | 'desktop' | 'native';

/** What must hold for the command to run (the toolbar disables it, the keys do nothing). */
export type EnabledWhen = 'always' | 'document' | 'can-undo' | 'can-redo';

export interface AppCommand {
  id: CommandId;
  /** As the menu shows it (`…` when a dialog follows). */
  label: string;
  /** Keys, first shown; `Ctrl` is Cmd on macOS. */
  keys?: readonly string[];
  /** macOS keys when they differ (e.g. redo is Cmd+Shift+Z there). */
  macKeys?: readonly string[];
  scope: 'global' | 'grid';
  owner: KeyOwner;
  enabledWhen: EnabledWhen;
}

const c = (id: CommandId, label: string, rest: Partial<Omit<AppCommand, 'id' | 'label'>> = {}): AppCommand =>
  ({ id, label, scope: 'global', owner: 'renderer', enabledWhen: 'document', ...rest });

export const APP_COMMANDS: readonly AppCommand[] = [
  // 文件
  c('new', '新建…', { keys: ['Ctrl+N'], owner: 'menu', enabledWhen: 'always' }),
  c('open', '打开…', { keys: ['Ctrl+O'], owner: 'menu', enabledWhen: 'always' }),
  c('save', '保存', { keys: ['Ctrl+S'] }),
  c('save-as', '另存为…', { keys: ['Ctrl+Shift+S'] }),
  c('import', '导入 Excel/Word…', { keys: ['Ctrl+I'], owner: 'menu', enabledWhen: 'always' }),
  c('import-selfeval', '导入自评表到当前文档…'),
  c('rollover', '从上年生成…', { enabledWhen: 'always' }),
  c('compare', '与…对比'),
  c('export-xlsx', '导出 Excel…'),
  c('export-docx', '导出 Word…'),
  c('export-pdf', '导出 PDF…'),
  c('export-selfeval-xlsx', '导出自评表 Excel…'),
  c('export-selfeval-docx', '导出自评表 Word…'),
  c('export-selfeval-pdf', '导出自评表 PDF…'),
  c('batch-audit', '批量审核…', { enabledWhen: 'always' }),
  c('print-preview', '打印预览'),
  c('print', '打印…', { keys: ['Ctrl+P'] }),
  c('settings', '文档设置…'),
  c('close', '关闭', { keys: ['Ctrl+W'], owner: 'desktop', enabledWhen: 'always' }),
  c('quit', '退出', { keys: ['Ctrl+Q'], owner: 'desktop', enabledWhen: 'always' }),
  // 编辑
  c('undo', '撤销', { keys: ['Ctrl+Z'], enabledWhen: 'can-undo' }),
  c('redo', '重做', { keys: ['Ctrl+Y', 'Ctrl+Shift+Z'], macKeys: ['Ctrl+Shift+Z', 'Ctrl+Y'], enabledWhen: 'can-redo' }),
  c('cut', '剪切', { keys: ['Ctrl+X'], owner: 'native' }),
  c('copy', '复制', { keys: ['Ctrl+C'], owner: 'native' }),
  c('paste', '粘贴', { keys: ['Ctrl+V'], owner: 'native' }),
  c('select-all', '全选', { keys: ['Ctrl+A'], owner: 'native' }),
  c('find', '查找…', { keys: ['Ctrl+F'] }),
  c('replace', '替换…', { keys: ['Ctrl+H'] }),
  // 视图
  c('findings', '审核结果面板', { keys: ['F8'] }),
  c('zoom-in', '放大', { keys: ['Ctrl+='], owner: 'native', enabledWhen: 'always' }),
  c('zoom-out', '缩小', { keys: ['Ctrl+-'], owner: 'native', enabledWhen: 'always' }),
  c('reset-zoom', '实际大小', { keys: ['Ctrl+0'], owner: 'native', enabledWhen: 'always' }),
  c('fullscreen', '全屏', { owner: 'native', enabledWhen: 'always' }),
  // 帮助
  c('about', `关于${PRODUCT_NAME}`, { enabledWhen: 'always' }),
  // The selected rows of a grid (a cell selected, not being edited).
  c('move-up', '上移', { keys: ['Alt+ArrowUp'], scope: 'grid' }),
  c('move-down', '下移', { keys: ['Alt+ArrowDown'], scope: 'grid' }),
  c('clear-cells', '清除内容', { keys: ['Delete', 'Backspace'], scope: 'grid' }),
  c('insert-below', '在下方插入', { keys: ['Ctrl+Enter'], scope: 'grid' }),
  c('delete-rows', '删除行', { keys: ['Ctrl+Delete'], scope: 'grid' }),
];
