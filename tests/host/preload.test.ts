// The preload exposes exactly JixiaoApi as window.jixiao, invoke() limited to the contract.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const ipcListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
const invoke = vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => { exposed[name] = value; } },
  ipcRenderer: { invoke, on: (ch: string, l: (event: unknown, ...args: unknown[]) => void) => { ipcListeners.set(ch, l); } },
  webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
}));

import type { HostCommand, JixiaoApi } from '../../src-shared/ipc';
import { HOST_COMMAND_EVENT } from '../../src-main/electron/channels';

let api: JixiaoApi;
beforeAll(async () => {
  await import('../../src-main/preload');
  api = exposed.jixiao as JixiaoApi;
});

describe('preload', () => {
  it('exposes one object, window.jixiao, with exactly the JixiaoApi members', () => {
    expect(Object.keys(exposed)).toEqual(['jixiao']);
    expect(Object.keys(api).sort()).toEqual(['host', 'invoke', 'onHostCommand', 'pathForFile']);
    expect(api.host).toBe('electron');
  });

  it('passes contract channels to ipcRenderer.invoke, refuses others without calling it', async () => {
    expect(await api.invoke('recent:list', {})).toEqual({ ok: true, value: { channel: 'recent:list', request: {} } });
    invoke.mockClear();
    const r = await api.invoke('fs:readFile' as never, {} as never);
    expect(r).toMatchObject({ ok: false, code: 'ipc.unknown-channel' });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a rejected invoke into {ok:false}', async () => {
    invoke.mockRejectedValueOnce(new Error('boom'));
    expect(await api.invoke('recent:list', {})).toMatchObject({ ok: false, code: 'ipc.failed' });
  });

  it('holds host commands until the page subscribes, then delivers them in order', async () => {
    const deliver = ipcListeners.get(HOST_COMMAND_EVENT)!;
    deliver({}, { command: 'open-path', path: '/a.jixiao' });
    deliver({}, { command: 'save' });
    const got: HostCommand[] = [];
    const off = api.onHostCommand((c) => got.push(c));
    await Promise.resolve();
    expect(got).toEqual([{ command: 'open-path', path: '/a.jixiao' }, { command: 'save' }]);
    deliver({}, { command: 'undo' });
    expect(got.at(-1)).toEqual({ command: 'undo' });
    off();
    deliver({}, { command: 'redo' });
    expect(got.at(-1)).toEqual({ command: 'undo' });
  });

  it('pathForFile gives the dropped file path or null', () => {
    expect(api.pathForFile!({ path: '/x/甲.jixiao' })).toBe('/x/甲.jixiao');
    expect(api.pathForFile!({})).toBeNull();
  });
});
