// IPC registration: every channel through one guarded helper; foreign senders and bad payloads refused.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

vi.mock('electron', () => ({}));

import { CHANNELS } from '../../src-shared/ipc';
import { INVOKE_CHANNELS } from '../../src-main/electron/channels';
import { FORBIDDEN, isTrustedSender, registerIpc } from '../../src-main/electron/ipc';
import { createHostApi } from '../../src-main/host-api';

type Handler = (event: unknown, payload: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return { handlers, handle: vi.fn((ch: string, h: Handler) => { handlers.set(ch, h); }) };
}

function eventFrom(url: string, opts: { subframe?: boolean; destroyed?: boolean } = {}) {
  const mainFrame: Record<string, unknown> = { url, processId: 4, routingId: 1, parent: null };
  const sub = { url, processId: 4, routingId: 7, parent: mainFrame };
  return {
    sender: { id: 12, mainFrame },
    senderFrame: opts.destroyed ? null : opts.subframe ? sub : mainFrame,
  };
}

describe('registerIpc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ipc-'));
  const api = createHostApi({ userDataDir: dir, documentsDir: dir });

  it('the preload channel list is exactly the contract', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual([...CHANNELS].sort());
  });

  it('registers every channel once', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, api);
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(ipc.handle).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('answers the app main frame, refuses other origins, subframes and gone frames', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn(api.dispatch);
    registerIpc(ipc, { dispatch });
    const h = ipc.handlers.get('recent:list')!;
    expect(await h(eventFrom('app://jixiao/index.html'), {})).toEqual({ ok: true, value: [] });
    expect(dispatch).toHaveBeenCalledWith('recent:list', {}, { windowId: 12 });
    dispatch.mockClear();
    for (const ev of [
      eventFrom('https://evil.example/'),
      eventFrom('file:///tmp/x.html'),
      eventFrom('app://jixiao/index.html', { subframe: true }),
      eventFrom('app://jixiao/index.html', { destroyed: true }),
    ]) {
      expect(await h(ev, {})).toEqual(FORBIDDEN);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a bad payload gets {ok:false} with a Chinese message', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, api);
    const r = await ipc.handlers.get('doc:open')!(eventFrom('app://jixiao/index.html'), { path: 42 }) as { ok: boolean; code: string; message: string };
    expect(r.ok).toBe(false);
    expect(r.code).toBe('ipc.bad-request');
    expect(r.message).toMatch(/请求内容/);
    const r2 = await ipc.handlers.get('doc:save')!(eventFrom('app://jixiao/index.html'), { path: '/x.jixiao', document: { format: 'nope' }, expectedStamp: null }) as { ok: boolean };
    expect(r2.ok).toBe(false);
  });

  it('isTrustedSender compares the frame with the main frame by identity or ids', () => {
    const ev = eventFrom('app://jixiao/index.html');
    expect(isTrustedSender(ev as never)).toBe(true);
    const copy = { ...ev, senderFrame: { ...(ev.senderFrame as object) } };
    expect(isTrustedSender(copy as never)).toBe(true);
    const other = { ...ev, senderFrame: { ...(ev.senderFrame as object), routingId: 99 } };
    expect(isTrustedSender(other as never)).toBe(false);
  });
});
