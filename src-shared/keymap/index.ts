// Small helpers over the command table (./table.ts): the keys a host binds, the labels and
// tooltips that show them, the Electron accelerators, and whether a command can run now.
import { APP_COMMANDS, type AppCommand, type CommandId } from './table';

export * from './table';

export type Platform = 'mac' | 'other';
export type Host = 'electron' | 'web';
export type Scope = AppCommand['scope'];

const BY_ID: ReadonlyMap<CommandId, AppCommand> = new Map(APP_COMMANDS.map((c) => [c.id, c]));

export function appCommand(id: CommandId): AppCommand {
  const cmd = BY_ID.get(id);
  if (!cmd) throw new Error(`unknown command ${id}`);
  return cmd;
}

export function keysOf(id: CommandId, platform: Platform = 'other'): readonly string[] {
  const cmd = appCommand(id);
  return (platform === 'mac' ? cmd.macKeys : undefined) ?? cmd.keys ?? [];
}

const SHOWN: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A key as a person reads it: `Ctrl+Shift+S`, `Alt+↑`; on macOS `⌘⇧S`. */
export function keyLabel(key: string, platform: Platform = 'other'): string {
  const parts = key.split('+').map((p) => SHOWN[p] ?? p);
  if (platform !== 'mac') return parts.join('+');
  const MAC: Record<string, string> = { Ctrl: '⌘', Alt: '⌥', Shift: '⇧' };
  return parts.map((p) => MAC[p] ?? p).join('');
}

/** The shortcut shown beside the command (its first key), or '' when it has none. */
export function shortcutOf(id: CommandId, platform: Platform = 'other'): string {
  const key = keysOf(id, platform)[0];
  return key ? keyLabel(key, platform) : '';
}

/** A toolbar tooltip: `保存 (Ctrl+S)`; `text` replaces the label (without the menu's `…`). */
export function tooltipOf(id: CommandId, text?: string, platform: Platform = 'other'): string {
  const base = text ?? appCommand(id).label.replace(/…$/, '');
  const key = shortcutOf(id, platform);
  return key ? `${base} (${key})` : base;
}

const ACCEL: Record<string, string> = { Ctrl: 'CmdOrCtrl', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };

/** The Electron accelerator of the command's first key (`CmdOrCtrl+Shift+S`). */
export function acceleratorOf(id: CommandId, platform: Platform = 'other'): string | undefined {
  const key = keysOf(id, platform)[0];
  return key?.split('+').map((p) => ACCEL[p] ?? p).join('+');
}

/** Does the renderer bind this command's keys in this host? */
export function rendererBinds(cmd: AppCommand, host: Host): boolean {
  return cmd.owner === 'renderer' || (cmd.owner === 'menu' && host === 'web');
}

/** The key → command bindings the renderer installs, derived from the table. */
export function rendererBindings(scope: Scope, host: Host): { key: string; id: CommandId }[] {
  return APP_COMMANDS.filter((c) => c.scope === scope && rendererBinds(c, host))
    .flatMap((c) => [...new Set([...(c.keys ?? []), ...(c.macKeys ?? [])])].map((key) => ({ key, id: c.id })));
}

/** The command a key (as keyName names it) runs in this scope and host, or null. */
export function commandForKey(key: string, scope: Scope, host: Host): CommandId | null {
  return rendererBindings(scope, host).find((b) => b.key === key)?.id ?? null;
}

export interface CommandState { hasDocument: boolean; canUndo: boolean; canRedo: boolean }

export function isEnabled(id: CommandId, s: CommandState): boolean {
  switch (appCommand(id).enabledWhen) {
    case 'always': return true;
    case 'document': return s.hasDocument;
    case 'can-undo': return s.hasDocument && s.canUndo;
    case 'can-redo': return s.hasDocument && s.canRedo;
  }
}
