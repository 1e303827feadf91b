// The Chinese application menu as data. Every item that acts on a document sends a HostCommand;
// main.ts decides where it goes (new/open go to a fresh or blank window, the rest to the focused one).
import type { MenuItemConstructorOptions } from 'electron';
import type { HostCommand } from '../../src-shared/ipc';
import { PRODUCT_NAME } from '../../src-shared/ipc';

export interface MenuContext {
  /** Recently opened files, newest first. */
  recent: readonly string[];
  send(command: HostCommand): void;
  /** On macOS the first menu is the app menu. */
  isMac?: boolean;
}

const RECENT_SHOWN = 10;

/** Commands whose keys the renderer handles itself in both hosts (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z, Ctrl+S, Ctrl+Shift+S, Ctrl+F, Ctrl+H). */
export const RENDERER_KEYS: ReadonlySet<HostCommand['command']> = new Set(['undo', 'redo', 'save', 'save-as', 'find', 'replace'] as const);

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: HostCommand['command'], accelerator?: string): MenuItemConstructorOptions => ({
    label, accelerator, click: () => ctx.send({ command }),
    // Shown in the menu, but the key itself is left to the renderer's keybinding table (it must
    // handle these in browser mode anyway, and Ctrl+Z inside a cell editor is the editor's).
    ...(RENDERER_KEYS.has(command) ? { registerAccelerator: false } : {}),
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recent: MenuItemConstructorOptions[] = ctx.recent.length
    ? ctx.recent.slice(0, RECENT_SHOWN).map((path, i) => ({
        // "&" would be read as a mnemonic marker on Windows.
        label: `${i + 1}. ${baseName(path).replace(/&/g, '&&')}`,
        toolTip: path,
        click: () => ctx.send({ command: 'open-path', path }),
      }))
    : [{ label: '（无）', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      cmd('新建…', 'new', 'CmdOrCtrl+N'),
      cmd('打开…', 'open', 'CmdOrCtrl+O'),
      { label: '最近打开', submenu: recent },
      sep,
      cmd('保存', 'save', 'CmdOrCtrl+S'),
      cmd('另存为…', 'save-as', 'CmdOrCtrl+Shift+S'),
      sep,
      cmd('导入 Excel/Word…', 'import', 'CmdOrCtrl+I'),
      cmd('导入自评表到当前文档…', 'import-selfeval'),
      cmd('从上年生成…', 'rollover'),
      cmd('与…对比', 'compare'),
      cmd('导出 Excel…', 'export-xlsx'),
      cmd('导出 Word…', 'export-docx'),
      cmd('导出 PDF…', 'export-pdf'),
      {
        label: '导出自评表',
        submenu: [cmd('导出自评表 Excel…', 'export-selfeval-xlsx'), cmd('导出自评表 Word…', 'export-selfeval-docx'), cmd('导出自评表 PDF…', 'export-selfeval-pdf')],
      },
      sep,
      cmd('批量审核…', 'batch-audit'),
      sep,
      cmd('打印预览', 'print-preview', 'CmdOrCtrl+Shift+P'),
      cmd('打印…', 'print', 'CmdOrCtrl+P'),
      sep,
      cmd('文档设置…', 'settings'),
      sep,
      cmd('关闭', 'close', 'CmdOrCtrl+W'),
      ...(ctx.isMac ? [] : [sep, { label: '退出', role: 'quit', accelerator: 'Ctrl+Q' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      // Undo/redo are the document's history (commands in the store), not the text field's.
      cmd('撤销', 'undo', 'CmdOrCtrl+Z'),
      cmd('重做', 'redo', 'CmdOrCtrl+Y'),
      sep,
      // Native roles fire the DOM cut/copy/paste events the grids listen to.
      { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      sep,
      cmd('查找…', 'find', 'CmdOrCtrl+F'),
      cmd('替换…', 'replace', 'CmdOrCtrl+H'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图(&V)',
    submenu: [
      cmd('审核结果面板', 'findings', 'F8'),
      sep,
      {
        label: '缩放',
        submenu: [
          { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
          { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
          { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        ],
      },
      { label: '全屏', role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    submenu: [cmd(`关于${PRODUCT_NAME}`, 'about')],
  };

  const app: MenuItemConstructorOptions[] = ctx.isMac
    ? [{ label: PRODUCT_NAME, submenu: [{ label: `关于${PRODUCT_NAME}`, click: () => ctx.send({ command: 'about' }) }, sep, { label: '隐藏', role: 'hide' }, sep, { label: '退出', role: 'quit' }] }]
    : [];
  return [...app, file, edit, view, help];
}

/** Roles the menu uses; everything else in it is a HostCommand (asserted by the unit test). */
export const MENU_ROLES = ['quit', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'hide'] as const;
