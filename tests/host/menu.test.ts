// The Chinese menu: labels, accelerators, and every clickable item sends a known HostCommand.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));

import { HOST_COMMANDS, type HostCommand } from '../../src-shared/ipc';
import { MENU_ROLES, menuTemplate, RENDERER_KEYS } from '../../src-main/electron/menu';
import { acceleratorOf, APP_COMMANDS, appCommand, rendererBindings, type CommandId } from '../../src-shared/keymap';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(recent: string[] = [], isMac = false) {
  const sent: HostCommand[] = [];
  const template = menuTemplate({ recent, send: (c) => sent.push(c), isMac });
  return { template, sent, items: flatten(template) };
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('menuTemplate', () => {
  it('has the four Chinese top menus', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
  });

  it('has the file, edit and view items with their accelerators', () => {
    const { items } = build();
    const byLabel = new Map(items.map((i) => [i.label, i]));
    const expected: [string, string | undefined][] = [
      ['新建…', 'CmdOrCtrl+N'], ['打开…', 'CmdOrCtrl+O'], ['保存', 'CmdOrCtrl+S'], ['另存为…', 'CmdOrCtrl+Shift+S'],
      ['导入 Excel/Word…', 'CmdOrCtrl+I'], ['导出 Excel…', undefined], ['导出 Word…', undefined], ['导出 PDF…', undefined],
      ['打印预览', undefined], ['打印…', 'CmdOrCtrl+P'], ['关闭', 'CmdOrCtrl+W'],
      ['撤销', 'CmdOrCtrl+Z'], ['重做', 'CmdOrCtrl+Y'], ['剪切', 'CmdOrCtrl+X'], ['复制', 'CmdOrCtrl+C'], ['粘贴', 'CmdOrCtrl+V'],
      ['审核结果面板', 'F8'], ['缩放', undefined], ['关于绩效目标表编辑器', undefined], ['最近打开', undefined],
    ];
    for (const [label, acc] of expected) {
      expect(byLabel.has(label), label).toBe(true);
      expect(byLabel.get(label)!.accelerator, label).toBe(acc);
    }
  });

  it('every clickable item sends a known HostCommand, every other item is a role, separator or submenu', () => {
    const { items, sent } = build(['/docs/甲.jixiao']);
    const clickable = items.filter((i) => i.click);
    expect(clickable.length).toBeGreaterThan(15);
    for (const item of clickable) {
      const before = sent.length;
      click(item);
      expect(sent.length, String(item.label)).toBe(before + 1);
      expect(HOST_COMMANDS, String(item.label)).toContain(sent.at(-1)!.command);
    }
    for (const item of items.filter((i) => !i.click)) {
      const ok = item.type === 'separator' || Array.isArray(item.submenu) || item.enabled === false
        || (item.role !== undefined && (MENU_ROLES as readonly string[]).includes(item.role));
      expect(ok, String(item.label)).toBe(true);
    }
  });

  it('items send the commands their labels promise', () => {
    const { items, sent } = build();
    const send = (label: string) => { click(items.find((i) => i.label === label)!); return sent.at(-1)!.command; };
    expect(send('保存')).toBe('save');
    expect(send('另存为…')).toBe('save-as');
    expect(send('导出 PDF…')).toBe('export-pdf');
    expect(send('打印…')).toBe('print');
    expect(send('撤销')).toBe('undo');
    expect(send('审核结果面板')).toBe('findings');
    expect(send('查找…')).toBe('find');
    expect(send('替换…')).toBe('replace');
  });

  it('recent files open their path; an empty list shows a disabled (无)', () => {
    const { items, sent } = build(['/docs/甲.jixiao', 'C:\\表\\乙&丙.jixiao']);
    const recent = items.find((i) => i.label === '最近打开')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(['1. 甲.jixiao', '2. 乙&&丙.jixiao']);
    click(recent[1]);
    expect(sent.at(-1)).toEqual({ command: 'open-path', path: 'C:\\表\\乙&丙.jixiao' });
    const empty = build().items.find((i) => i.label === '最近打开')!.submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('keys the renderer handles are shown but not registered', () => {
    const { items } = build();
    for (const label of ['撤销', '重做', '保存', '另存为…', '查找…', '替换…']) {
      expect(items.find((i) => i.label === label)!.registerAccelerator, label).toBe(false);
    }
    expect(items.find((i) => i.label === '打开…')!.registerAccelerator).toBeUndefined();
    expect(RENDERER_KEYS.has('undo')).toBe(true);
  });

  it('is built from the command table: every item has the table’s label and key, every menu command of the table is in it', () => {
    for (const isMac of [false, true]) {
      const { items, sent } = build([], isMac);
      const seen = new Set<CommandId>();
      for (const item of items.filter((i) => i.click && i.label !== '最近打开')) {
        click(item);
        const id = sent.at(-1)!.command as CommandId;
        seen.add(id);
        expect(item.label, id).toBe(appCommand(id).label);
        expect(item.accelerator, id).toBe(acceleratorOf(id, isMac ? 'mac' : 'other'));
      }
      const roleIds: Record<string, CommandId> = { cut: 'cut', copy: 'copy', paste: 'paste', selectAll: 'select-all', zoomIn: 'zoom-in', zoomOut: 'zoom-out', resetZoom: 'reset-zoom', togglefullscreen: 'fullscreen', quit: 'quit' };
      for (const item of items.filter((i) => i.role && i.role !== 'hide')) {
        const id = roleIds[item.role!];
        seen.add(id);
        expect(item.label, id).toBe(appCommand(id).label);
        expect(item.accelerator, id).toBe(acceleratorOf(id, isMac ? 'mac' : 'other'));
      }
      const menuCommands = APP_COMMANDS.filter((c) => c.scope === 'global').map((c) => c.id);
      expect([...seen].sort(), isMac ? 'mac' : 'win/linux').toEqual([...menuCommands].sort());
    }
  });

  it('a key is registered by the menu or bound by the renderer, never both (Ctrl+N is the menu’s 新建: a new window)', () => {
    const { items } = build();
    const registered = items.filter((i) => i.accelerator && i.registerAccelerator !== false && !i.role).map((i) => i.accelerator);
    const rendererKeys = rendererBindings('global', 'electron').map((b) => acceleratorOf(b.id));
    for (const key of registered) expect(rendererKeys, String(key)).not.toContain(key);
    expect(registered).toEqual(expect.arrayContaining(['CmdOrCtrl+N', 'CmdOrCtrl+O', 'CmdOrCtrl+I', 'CmdOrCtrl+W']));
    expect(items.find((i) => i.label === '打印…')!.registerAccelerator).toBe(false); // Ctrl+P: the renderer's 打印 (print preview)
  });

  it('macOS gets the app menu first', () => {
    const { template } = build([], true);
    expect(template[0].label).toBe('绩效目标表编辑器');
    expect(template).toHaveLength(5);
  });
});
