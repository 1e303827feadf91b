// The Chinese application menu as data. Every item that acts on a document sends a HostCommand;
// main.ts decides where it goes (new/open go to a fresh or blank window, the rest to the focused one).
import type { MenuItemConstructorOptions } from 'electron';
import type { HostCommand } from '../../src-shared/ipc';
import { PRODUCT_NAME } from '../../src-shared/ipc';
import { acceleratorOf, APP_COMMANDS, appCommand, type CommandId, type MenuCommandId } from '../../src-shared/keymap';

export interface MenuContext {
  /** Recently opened files, newest first. */
  recent: readonly string[];
  send(command: HostCommand): void;
  /** On macOS the first menu is the app menu. */
  isMac?: boolean;
}

const RECENT_SHOWN = 10;

/** Commands whose keys the renderer handles itself in both hosts: shown here, not registered. */
export const RENDERER_KEYS: ReadonlySet<CommandId> = new Set(APP_COMMANDS.filter((c) => c.owner === 'renderer' && c.keys).map((c) => c.id));

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** The menu, built from the command table (src-shared/keymap): labels and keys come from there only. */
export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const platform = ctx.isMac ? 'mac' : 'other';
  const cmd = (command: MenuCommandId): MenuItemConstructorOptions => ({
    label: appCommand(command).label, accelerator: acceleratorOf(command, platform), click: () => ctx.send({ command }),
    // Shown in the menu, but the key itself is left to the renderer's bindings (it must handle
    // these in browser mode anyway, and Ctrl+Z inside a cell editor is the editor's).
    ...(RENDERER_KEYS.has(command) ? { registerAccelerator: false } : {}),
  });
  // Native roles (clipboard events the grids listen to, zoom, quit): label and key from the table too.
  const role = (id: CommandId, r: NonNullable<MenuItemConstructorOptions['role']>): MenuItemConstructorOptions =>
    ({ label: appCommand(id).label, role: r, ...(acceleratorOf(id, platform) ? { accelerator: acceleratorOf(id, platform) } : {}) });
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
      cmd('new'),
      cmd('open'),
      { label: '最近打开', submenu: recent },
      sep,
      cmd('save'),
      cmd('save-as'),
      sep,
      cmd('import'),
      cmd('import-selfeval'),
      cmd('rollover'),
      cmd('compare'),
      cmd('export-xlsx'),
      cmd('export-docx'),
      cmd('export-pdf'),
      {
        label: '导出自评表',
        submenu: [cmd('export-selfeval-xlsx'), cmd('export-selfeval-docx'), cmd('export-selfeval-pdf')],
      },
      sep,
      cmd('batch-audit'),
      sep,
      cmd('print-preview'),
      cmd('print'),
      sep,
      cmd('settings'),
      sep,
      cmd('close'),
      ...(ctx.isMac ? [] : [sep, role('quit', 'quit')]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      // Undo/redo are the document's history (commands in the store), not the text field's.
      cmd('undo'),
      cmd('redo'),
      sep,
      // Native roles fire the DOM cut/copy/paste events the grids listen to.
      role('cut', 'cut'),
      role('copy', 'copy'),
      role('paste', 'paste'),
      role('select-all', 'selectAll'),
      sep,
      cmd('find'),
      cmd('replace'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图(&V)',
    submenu: [
      cmd('findings'),
      sep,
      {
        label: '缩放',
        submenu: [
          role('zoom-in', 'zoomIn'),
          role('zoom-out', 'zoomOut'),
          role('reset-zoom', 'resetZoom'),
        ],
      },
      role('fullscreen', 'togglefullscreen'),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    submenu: [cmd('about')],
  };

  const app: MenuItemConstructorOptions[] = ctx.isMac
    ? [{ label: PRODUCT_NAME, submenu: [cmd('about'), sep, { label: '隐藏', role: 'hide' }, sep, role('quit', 'quit')] }]
    : [];
  return [...app, file, edit, view, help];
}

/** Roles the menu uses; everything else in it is a HostCommand (asserted by the unit test). */
export const MENU_ROLES = ['quit', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'hide'] as const;
