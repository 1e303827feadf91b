// Which documents are open right now in browser mode. Several tabs share one web host; each tab is
// an editor session with its own id (sent with every request and on its event stream). A session
// is alive while its event stream is connected: a closed or crashed tab drops the connection, so
// its autosaved work becomes "recovered" work again and its file may be opened elsewhere.
import { resolve } from 'node:path';
import type { Caller } from './host-api';

export interface OpenSessions {
  /** The tab's event stream connected; call the returned function when it closes. */
  connect(session: string): () => void;
  /** From the host API's onResult: recovery keys written/removed, the document the tab shows. */
  observe(event: { channel: string; request: unknown; ok: boolean; caller: Caller }): void;
  /** Recovery keys of documents open in a live tab. */
  liveRecoveryKeys(): Set<string>;
  /** Whether a live tab other than the caller's shows this file. */
  openElsewhere(path: string, caller: Caller): boolean;
}

/** A session id as the renderer makes it (random, url-safe); anything else is ignored. */
export const isSessionId = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(s);

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b);

export function createOpenSessions(): OpenSessions {
  const sessions = new Map<string, { connections: number; keys: Set<string>; path: string | null }>();
  const get = (id: string) => {
    let s = sessions.get(id);
    if (!s) sessions.set(id, (s = { connections: 0, keys: new Set(), path: null }));
    return s;
  };
  const live = () => [...sessions.entries()].filter(([, s]) => s.connections > 0);
  return {
    connect(id) {
      const s = get(id);
      s.connections++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        s.connections--; // kept: the same tab may reconnect (EventSource retries after a hiccup)
      };
    },
    observe({ channel, request, ok, caller }) {
      if (!ok || !isSessionId(caller.session)) return;
      const s = get(caller.session);
      const req = request as { key?: string; path?: string | null };
      if (channel === 'recovery:write' && req.key) s.keys.add(req.key);
      else if (channel === 'recovery:remove' && req.key) s.keys.delete(req.key);
      else if (channel === 'window:setState' && req.path !== undefined) s.path = req.path ? resolve(req.path) : null;
    },
    liveRecoveryKeys: () => new Set(live().flatMap(([, s]) => [...s.keys])),
    openElsewhere: (path, caller) => live().some(([id, s]) => id !== caller.session && s.path !== null && samePath(s.path, path)),
  };
}
