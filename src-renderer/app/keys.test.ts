import { describe, expect, it } from 'vitest';
import { KEYBINDINGS, keyName, matchBinding } from './keys';

const ev = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keybindings table', () => {
  it('names keys with modifiers in a fixed order', () => {
    expect(keyName(ev('z', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Z');
    expect(keyName(ev('ArrowUp', { altKey: true }))).toBe('Alt+ArrowUp');
  });
  it('matches undo/redo in both spellings and respects scope', () => {
    expect(matchBinding(ev('z', { ctrlKey: true }), 'global')).toBe('undo');
    expect(matchBinding(ev('y', { ctrlKey: true }), 'global')).toBe('redo');
    expect(matchBinding(ev('Z', { ctrlKey: true, shiftKey: true }), 'global')).toBe('redo');
    expect(matchBinding(ev('ArrowDown', { altKey: true }), 'global')).toBeNull();
    expect(matchBinding(ev('ArrowDown', { altKey: true }), 'grid')).toBe('moveDown');
  });
  it('opens find and replace everywhere (Ctrl+F, Ctrl+H)', () => {
    expect(matchBinding(ev('f', { ctrlKey: true }), 'global')).toBe('find');
    expect(matchBinding(ev('h', { ctrlKey: true }), 'global')).toBe('replace');
  });
  it('has no duplicate key in a scope', () => {
    const seen = new Set(KEYBINDINGS.map((b) => `${b.scope}:${b.keys}`));
    expect(seen.size).toBe(KEYBINDINGS.length);
  });
});
