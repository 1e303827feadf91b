// The renderer's one door to the host: window.jixiao under Electron (exposed by the preload), or
// the same JixiaoApi over HTTP + Server-Sent Events in browser mode (src-main/webhost.ts).
import type { ApiResult, HostCommand, JixiaoApi } from '../../src-shared/ipc';

declare global {
  interface Window { jixiao?: JixiaoApi }
}

export const TOKEN_STORAGE_KEY = 'jixiao.token';
export const TOKEN_HEADER = 'X-Jixiao-Token';
export const SESSION_HEADER = 'X-Jixiao-Session';

let cached: JixiaoApi | undefined;

export function getHostApi(): JixiaoApi {
  cached ??= window.jixiao ?? createWebClient({ token: takeToken() });
  return cached;
}

/**
 * The token comes in the page URL (?token=…); keep it for this tab in sessionStorage (reloads keep
 * working) and remove it from the address bar so it is not bookmarked or shared by accident.
 */
export function takeToken(loc: Location = window.location, store: Storage = window.sessionStorage): string {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    store.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    try {
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    } catch {
      /* not fatal */
    }
    return fromUrl;
  }
  return store.getItem(TOKEN_STORAGE_KEY) ?? '';
}

export interface WebClientOptions {
  token: string;
  /** '' = same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  session?: string;
}

function newSessionId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createWebClient(opts: WebClientOptions): JixiaoApi {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const listeners = new Set<(c: HostCommand) => void>();
  const pending: HostCommand[] = [];
  let events: EventSource | undefined;
  // This tab's editor session: the host knows which documents are open in which tab by it (no
  // recovery offer for another tab's work, no second tab on the same file).
  const session = opts.session ?? newSessionId();

  const connect = () => {
    const ES = opts.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
    if (events || !ES) return;
    events = new ES(`${base}/api/events?token=${encodeURIComponent(opts.token)}&session=${session}`);
    events.addEventListener('command', (e) => {
      let command: HostCommand;
      try {
        command = JSON.parse((e as MessageEvent<string>).data) as HostCommand;
      } catch {
        return;
      }
      if (listeners.size === 0) pending.push(command);
      else for (const l of listeners) l(command);
    });
  };

  const fail = (code: string, message: string): ApiResult<never> => ({ ok: false, code, message });

  return {
    host: 'web',
    async invoke(channel, request) {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: opts.token, [SESSION_HEADER]: session },
          body: JSON.stringify(request),
        });
      } catch {
        return fail('host.unreachable', '无法连接本机服务：请确认 npm run start:web 仍在运行，然后刷新页面。');
      }
      try {
        return (await res.json()) as never;
      } catch {
        return fail('host.bad-response', `本机服务返回了无法识别的内容（HTTP ${res.status}）。`);
      }
    },
    onHostCommand(listener) {
      listeners.add(listener);
      connect();
      if (pending.length) {
        const queued = pending.splice(0);
        queueMicrotask(() => queued.forEach((c) => listener(c)));
      }
      return () => { listeners.delete(listener); };
    },
    pathForFile: () => null,
  };
}
