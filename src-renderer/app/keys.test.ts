import { describe, expect, it } from 'vitest';
import { keyName, matchBinding } from './keys';
import { APP_COMMANDS, rendererBindings } from '../../src-shared/keymap';

const ev = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('the renderer’s keys (derived from src-shared/keymap)', () => {
  it('names keys with modifiers in a fixed order', () => {
    expect(keyName(ev('z', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Z');
    expect(keyName(ev('ArrowUp', { altKey: true }))).toBe('Alt+ArrowUp');
  });
  it('matches undo/redo in both spellings and respects scope', () => {
    for (const host of ['electron', 'web'] as const) {
      expect(matchBinding(ev('z', { ctrlKey: true }), 'global', host)).toBe('undo');
      expect(matchBinding(ev('z', { metaKey: true }), 'global', host)).toBe('undo'); // Cmd on macOS
      expect(matchBinding(ev('y', { ctrlKey: true }), 'global', host)).toBe('redo');
      expect(matchBinding(ev('Z', { ctrlKey: true, shiftKey: true }), 'global', host)).toBe('redo');
      expect(matchBinding(ev('ArrowDown', { altKey: true }), 'global', host)).toBeNull();
      expect(matchBinding(ev('ArrowDown', { altKey: true }), 'grid', host)).toBe('move-down');
    }
  });
  it('opens find and replace everywhere (Ctrl+F, Ctrl+H); Ctrl+P is 打印, F8 the findings panel', () => {
    expect(matchBinding(ev('f', { ctrlKey: true }), 'global', 'web')).toBe('find');
    expect(matchBinding(ev('h', { ctrlKey: true }), 'global', 'electron')).toBe('replace');
    expect(matchBinding(ev('p', { ctrlKey: true }), 'global', 'electron')).toBe('print');
    expect(matchBinding(ev('F8'), 'global', 'electron')).toBe('findings');
  });
  it('Ctrl+N and Ctrl+O are the desktop menu’s (a new window); in browser mode the renderer binds them', () => {
    expect(matchBinding(ev('n', { ctrlKey: true }), 'global', 'electron')).toBeNull();
    expect(matchBinding(ev('o', { ctrlKey: true }), 'global', 'electron')).toBeNull();
    expect(matchBinding(ev('n', { ctrlKey: true }), 'global', 'web')).toBe('new');
    expect(matchBinding(ev('o', { ctrlKey: true }), 'global', 'web')).toBe('open');
    // Native keys (clipboard) are never bound by us.
    expect(matchBinding(ev('c', { ctrlKey: true }), 'global', 'web')).toBeNull();
  });
  it('has no key twice in a scope, in either host', () => {
    for (const host of ['electron', 'web'] as const) {
      for (const scope of ['global', 'grid'] as const) {
        const keys = rendererBindings(scope, host).map((b) => b.key);
        expect(new Set(keys).size, `${scope}/${host}`).toBe(keys.length);
      }
    }
    // and no key means two commands anywhere in the table (a grid key is not a global one)
    const all = APP_COMMANDS.flatMap((c) => [...new Set([...(c.keys ?? []), ...(c.macKeys ?? [])])].map((k) => `${k}`));
    expect(new Set(all).size).toBe(all.length);
  });
});
