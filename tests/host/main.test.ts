// The Electron main process wired against a fake `electron` module: windows, IPC, menu, close flow,
// the app:// protocol. Electron itself cannot run here (no binary); this checks our wiring.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { CHANNELS } from '../../src-shared/ipc';

const appDir = mkdtempSync(join(tmpdir(), 'jixiao-main-'));
mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(appDir, 'secret.txt'), 'TOP SECRET');

const h = vi.hoisted(() => ({
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  windows: [] as unknown[],
  ipc: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>),
  menus: [] as unknown[],
  messageBox: { answer: 0 },
  focused: null as unknown,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  let nextId = 1;
  class FakeWebContents extends EventEmitter {
    id = nextId++;
    sent: unknown[] = [];
    mainFrame = { url: 'app://jixiao/index.html', processId: 1, routingId: this.id, parent: null };
    send(_ch: string, cmd: unknown) { this.sent.push(cmd); }
    setWindowOpenHandler() {}
  }
  class BrowserWindow extends EventEmitter {
    static getFocusedWindow() { return h.focused; }
    static fromWebContents(wc: unknown) { return (h.windows as BrowserWindow[]).find((w) => w.webContents === wc) ?? null; }
    webContents = new FakeWebContents();
    title = '';
    destroyed = false;
    loadURL = vi.fn(async () => {});
    constructor(public options: unknown) { super(); h.windows.push(this); h.focused = this; }
    show() {}
    focus() { h.focused = this; }
    isMinimized() { return false; }
    restore() {}
    isDestroyed() { return this.destroyed; }
    setTitle(t: string) { this.title = t; }
    setDocumentEdited() {}
    setRepresentedFilename() {}
    destroy() { this.destroyed = true; }
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => { prevented = true; } });
      if (!prevented) { this.destroyed = true; if (h.focused === this) h.focused = null; this.emit('closed'); }
    }
  }
  const app = {
    isPackaged: false,
    getAppPath: () => appDir,
    getPath: (name: string) => join(appDir, name),
    requestSingleInstanceLock: () => true,
    setName: () => {},
    setPath: vi.fn(),
    on: (ev: string, l: (...a: unknown[]) => void) => { h.appEvents.set(ev, l); },
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    quit: vi.fn(),
  };
  return {
    app, BrowserWindow,
    dialog: { showMessageBoxSync: vi.fn(() => h.messageBox.answer), showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showSaveDialog: vi.fn() },
    ipcMain: { handle: (ch: string, fn: (e: unknown, p: unknown) => unknown) => { h.ipc.set(ch, fn); } },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { h.menus.push(m); } },
    session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } },
    shell: { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (_s: string, fn: (r: Request) => Promise<Response>) => { h.protocolHandler = fn; } },
    webUtils: {},
  };
});

interface FakeWin extends EventEmitter {
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { id: number; sent: { command: string; path?: string }[]; mainFrame: unknown };
  title: string;
  destroyed: boolean;
  loadURL: ReturnType<typeof vi.fn>;
  close(): void;
}
const wins = () => h.windows as FakeWin[];
const tick = () => new Promise((ok) => setTimeout(ok, 10));
const call = (win: FakeWin, channel: string, payload: unknown) =>
  h.ipc.get(channel)!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, payload) as Promise<{ ok: boolean; value?: unknown }>;

beforeAll(async () => {
  await import('../../src-main/electron/main');
  await tick();
});

describe('Electron main (fake electron)', () => {
  it('opens one sandboxed window on the app:// entry, registers IPC and the menu', () => {
    expect(wins()).toHaveLength(1);
    const w = wins()[0];
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(w.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(w.loadURL).toHaveBeenCalledWith('app://jixiao/index.html');
    expect(h.ipc.size).toBe(CHANNELS.length); // every channel of the contract, no more
    expect(h.menus.length).toBeGreaterThan(0);
  });

  it('keeps user data in <appData>/jixiao, the folder browser mode uses too', async () => {
    const { app } = await import('electron');
    expect(app.setPath).toHaveBeenCalledWith('userData', join(appDir, 'appData', 'jixiao'));
  });

  it('serves the renderer through app:// with the CSP, and nothing outside it', async () => {
    const ok = await h.protocolHandler!(new Request('app://jixiao/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await ok.text();
    expect(html).toContain('<title>app</title>');
    expect(html).toMatch(/^<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self';/);
    for (const u of ['app://jixiao/../secret.txt', 'app://jixiao/%2e%2e/secret.txt', 'app://jixiao/..%2fsecret.txt', 'app://other/index.html']) {
      const r = await h.protocolHandler!(new Request(u));
      expect(r.status, u).not.toBe(200);
    }
  });

  it('titles the window from window:setState and asks before closing a modified document; 保存 closes once clean', async () => {
    const w = wins()[0];
    w.webContents.emit('did-finish-load');
    expect((await call(w, 'window:setState', { title: '甲.jixiao', dirty: true })).ok).toBe(true);
    expect(w.title).toBe('● 甲.jixiao — 绩效目标表编辑器');
    h.messageBox.answer = 0; // 保存
    w.close();
    expect(w.destroyed).toBe(false);
    expect(w.webContents.sent.at(-1)).toEqual({ command: 'save' });
    await call(w, 'window:setState', { title: '甲.jixiao', dirty: false });
    await tick();
    expect(w.destroyed).toBe(true);
  });

  it('取消 keeps the window; 不保存 closes it and drops its recovery copies', async () => {
    h.appEvents.get('activate')!();
    const w = wins().at(-1)!;
    w.webContents.emit('did-finish-load');
    const doc = { format: 'jixiao', schemaVersion: 3, meta: { deptCode: '1', deptName: '局', year: 2024, unit: '万元', templateId: 'hebei-2020' }, dutyTable: { duties: [], note: '' }, projects: [] };
    expect((await call(w, 'recovery:write', { key: 'k-1', path: null, document: doc })).ok).toBe(true);
    await call(w, 'window:setState', { title: '未命名', dirty: true });
    // While the window is open, its autosave is not offered as recovered work.
    expect((await call(w, 'recovery:list', {})).value).toEqual([]);
    h.messageBox.answer = 2; // 取消
    w.close();
    expect(w.destroyed).toBe(false);
    h.messageBox.answer = 1; // 不保存
    w.close();
    await tick();
    expect(w.destroyed).toBe(true);
    const other = wins().length; // a fresh window lists nothing: the copy was removed
    h.appEvents.get('activate')!();
    expect(wins().length).toBe(other + 1);
    expect((await call(wins().at(-1)!, 'recovery:list', {})).value).toEqual([]);
  });

  it('a second instance with a file opens it in the blank window; a modified window gets a new one', async () => {
    const blank = wins().at(-1)!;
    blank.webContents.emit('did-finish-load');
    h.appEvents.get('second-instance')!({}, ['/opt/jixiao', '--flag', 'a.jixiao'], '/work');
    expect(blank.webContents.sent.at(-1)).toEqual({ command: 'open-path', path: join('/work', 'a.jixiao') });
    await call(blank, 'window:setState', { title: 'a.jixiao', dirty: true });
    const before = wins().length;
    h.appEvents.get('second-instance')!({}, ['/opt/jixiao', '/docs/b.jixiao'], '/work');
    expect(wins().length).toBe(before + 1);
    const fresh = wins().at(-1)!;
    fresh.webContents.emit('did-finish-load');
    expect(fresh.webContents.sent).toEqual([{ command: 'open-path', path: '/docs/b.jixiao' }]);
  });

  it('a file open in one window is not opened in a second, and its autosave is offered only after that window crashed', async () => {
    const doc = { format: 'jixiao', schemaVersion: 3, meta: { deptCode: '1', deptName: '局', year: 2024, unit: '万元', templateId: 'hebei-2020' }, dutyTable: { duties: [], note: '' }, projects: [] };
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-main-open-'));
    const file = join(dir, '甲.jixiao');
    writeFileSync(file, JSON.stringify(doc));
    h.appEvents.get('activate')!(); // a new window A
    const a = wins().at(-1)!;
    a.webContents.emit('did-finish-load');
    expect((await call(a, 'doc:open', { path: file })).ok).toBe(true);
    expect((await call(a, 'recovery:write', { key: 'k-a', path: file, document: doc })).ok).toBe(true);
    await call(a, 'window:setState', { title: '甲.jixiao', dirty: true, path: file });
    // Window B (a second window of the same main process)
    const { BrowserWindow } = await import('electron');
    new BrowserWindow({ webPreferences: {} });
    const b = wins().at(-1)!;
    const opened = await call(b, 'doc:open', { path: file }) as { ok: boolean; code?: string; message?: string };
    expect(opened).toMatchObject({ ok: false, code: 'doc.open-elsewhere' });
    expect(opened.message).toContain('已在另一个窗口中打开');
    expect(h.focused).toBe(a); // brought forward
    expect(((await call(b, 'recovery:list', {})).value as { key: string }[]).map((e) => e.key)).not.toContain('k-a');
    a.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(((await call(b, 'recovery:list', {})).value as { key: string }[]).map((e) => e.key)).toContain('k-a');
    expect((await call(b, 'doc:open', { path: file })).ok).toBe(true);
  });

  it('refuses IPC from a frame that is not the app', async () => {
    const w = wins().at(-1)!;
    const r = await h.ipc.get('recent:list')!({ sender: w.webContents, senderFrame: { url: 'https://evil.example/', processId: 9, routingId: 9, parent: null } }, {}) as { ok: boolean; code: string };
    expect(r).toMatchObject({ ok: false, code: 'ipc.forbidden' });
  });
});
