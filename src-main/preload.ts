// Runs sandboxed in every document window before the page. Exposes exactly JixiaoApi as
// `window.jixiao` — invoke() limited to the contract's channels, onHostCommand() — and nothing of
// ipcRenderer itself. Bundled alone (CommonJS, see build:electron): imports only electron + a list.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiResult, HostCommand, JixiaoApi } from '../src-shared/ipc';
import { HOST_COMMAND_EVENT, INVOKE_CHANNELS } from './electron/channels';

const allowed: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const listeners = new Set<(command: HostCommand) => void>();
// Commands that arrive before the page subscribed (e.g. the file to open, sent right after load).
const pending: HostCommand[] = [];

ipcRenderer.on(HOST_COMMAND_EVENT, (_event, command: HostCommand) => {
  if (listeners.size === 0) pending.push(command);
  else for (const l of listeners) l(command);
});

const failure = (code: string, message: string): ApiResult<never> => ({ ok: false, code, message });

const api: JixiaoApi = {
  host: 'electron',
  invoke(channel, request) {
    if (!allowed.has(channel)) return Promise.resolve(failure('ipc.unknown-channel', `未知的请求类型：${String(channel)}`));
    return ipcRenderer.invoke(channel, request).catch((e: unknown) =>
      failure('ipc.failed', `与主程序通信失败：${e instanceof Error ? e.message : String(e)}`));
  },
  onHostCommand(listener) {
    listeners.add(listener);
    if (pending.length) {
      const queued = pending.splice(0);
      queueMicrotask(() => queued.forEach((c) => listener(c)));
    }
    return () => { listeners.delete(listener); };
  },
  pathForFile(file) {
    try {
      return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]) || null;
    } catch {
      return null;
    }
  },
};

contextBridge.exposeInMainWorld('jixiao', api);
