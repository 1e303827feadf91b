// The renderer's keys, derived from the one command table (src-shared/keymap): `grid` bindings
// apply while a grid cell is selected and not being edited, `global` ones everywhere (also inside
// inputs). Which global keys the renderer binds depends on the host: in the desktop app the menu
// owns Ctrl+N / Ctrl+O / Ctrl+I (the host decides the window), in browser mode the renderer does.
// Cell movement and the edit modes are in src-shared/grid/cellKeys.ts.
import { keyName } from '../../src-shared/grid/cellKeys';
import { commandForKey, keyLabel, shortcutOf, tooltipOf, type CommandId, type Host, type Platform, type Scope } from '../../src-shared/keymap';

export type { CommandId };
export { keyName };

/** macOS shows ⌘ where others show Ctrl. */
export const PLATFORM: Platform = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform) ? 'mac' : 'other';

export function matchBinding(e: Parameters<typeof keyName>[0], scope: Scope, host: Host): CommandId | null {
  return commandForKey(keyName(e), scope, host);
}

/** The shortcut label of a command for this platform ('' when it has none). */
export const shortcut = (id: CommandId): string => shortcutOf(id, PLATFORM);
/** `保存 (Ctrl+S)` for a toolbar button or a panel's close button. */
export const tooltip = (id: CommandId, text?: string): string => tooltipOf(id, text, PLATFORM);
/** A single key's label, e.g. for a hint naming the paste key. */
export const keyText = (key: string): string => keyLabel(key, PLATFORM);
