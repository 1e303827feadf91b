// Channel names as plain strings, for the sandboxed preload: it is bundled on its own and must not
// pull zod and the document schema in. A unit test checks this list equals CHANNELS of src-shared/ipc.
import type { Channel } from '../../src-shared/ipc';

export const INVOKE_CHANNELS = [
  'doc:open', 'doc:save', 'dialog:pickOpen', 'dialog:pickSave', 'recent:list',
  'recovery:write', 'recovery:list', 'recovery:read', 'recovery:remove',
  'export:write', 'import:read', 'doc:read', 'shell:openPath', 'shell:showInFolder', 'print:html', 'window:setState',
  'library:snapshot', 'library:delete',
  'audit:start', 'audit:status', 'audit:write',
] as const satisfies readonly Channel[];

/** main → renderer: menu items and window events (HostCommand). */
export const HOST_COMMAND_EVENT = 'jixiao:host-command';
