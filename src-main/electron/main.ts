// Electron main process: app lifecycle, one window per open document (like Word/WPS), the menu,
// IPC registration, and the OS hooks (dialogs, shell, print) the host API needs.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatWindowTitle, type HostCommand } from '../../src-shared/ipc';
import { createHostApi, createOfficeWorker, type Caller, type HostApi } from '../host-api';
import { AUDIT_WORKER_ENTRY } from '../audit/pool';
import { documentPathsFromArgv } from './argv';
import { HOST_COMMAND_EVENT } from './channels';
import { choiceFromButton, closeDialogOptions, onCloseRequested, onSaveAborted, onStateReported, type DocumentWindowState } from './close';
import { pickOpen, pickSave } from './dialogs';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { htmlToPdf, printHtml } from './print';
import { registerAppScheme, serveApp } from './protocol';
import { APP_ENTRY_URL, hardenSession, hardenWebContents, PRODUCT_NAME, windowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url)); // dist-main/electron
const preloadPath = join(here, '..', 'preload.cjs');
const rendererDir = join(app.getAppPath(), 'dist', 'renderer');

interface DocWindow extends DocumentWindowState {
  win: BrowserWindow;
  /** The file the window shows, from its last successful open/save (null = untitled). */
  path: string | null;
  recoveryKeys: Set<string>;
  loaded: boolean;
}

const windows = new Map<number, DocWindow>(); // by webContents id
let quitting = false;
let api: HostApi;

function send(dw: DocWindow, command: HostCommand): void {
  if (!dw.win.isDestroyed()) dw.win.webContents.send(HOST_COMMAND_EVENT, command);
}

function byCaller(caller: Caller): DocWindow | undefined {
  return caller.windowId === null ? undefined : windows.get(caller.windowId);
}

function focused(): DocWindow | undefined {
  const win = BrowserWindow.getFocusedWindow();
  return win ? windows.get(win.webContents.id) : [...windows.values()].at(-1);
}

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b);

/** A blank window: nothing opened or saved yet, nothing typed. It is reused for the next 新建/打开. */
const isBlank = (dw: DocWindow | undefined): dw is DocWindow => !!dw && dw.path === null && !dw.dirty && dw.loaded;

function createDocumentWindow(initial?: HostCommand): DocWindow {
  const win = new BrowserWindow(windowOptions({ preloadPath, title: PRODUCT_NAME }));
  const dw: DocWindow = { win, path: null, name: '未命名', dirty: false, closeAfterSave: false, discard: false, recoveryKeys: new Set(), loaded: false };
  const id = win.webContents.id;
  windows.set(id, dw);
  hardenWebContents(win.webContents);

  win.once('ready-to-show', () => win.show());
  // A crashed page holds no document any more: its autosaved work is offered in other windows.
  win.webContents.on('render-process-gone', () => { dw.recoveryKeys.clear(); dw.path = null; });
  win.webContents.once('did-finish-load', () => {
    dw.loaded = true;
    if (initial) send(dw, initial); // the preload holds it until the page subscribes
  });
  win.on('close', (event) => {
    const prevent = onCloseRequested(dw, {
      ask: (name) => choiceFromButton(dialog.showMessageBoxSync(win, closeDialogOptions(name))),
      requestSave: () => send(dw, { command: 'save' }),
      discarded: () => {
        for (const key of dw.recoveryKeys) void api.dispatch('recovery:remove', { key }, { windowId: id });
      },
      closeAgain: () => setImmediate(() => { if (!win.isDestroyed()) win.close(); }),
    });
    if (prevent) {
      event.preventDefault();
      if (!dw.closeAfterSave && !dw.discard) quitting = false; // 取消 also cancels a quit in progress
    }
  });
  win.on('closed', () => {
    windows.delete(id);
    if (quitting && windows.size > 0) app.quit();
  });
  void win.loadURL(APP_ENTRY_URL);
  return dw;
}

/** The window (other than `except`) that shows this file. */
function openIn(path: string, except: number | null = null): DocWindow | undefined {
  return [...windows.entries()].find(([id, dw]) => id !== except && !dw.win.isDestroyed() && dw.path && samePath(dw.path, path))?.[1];
}

function raise(dw: DocWindow): void {
  if (dw.win.isMinimized()) dw.win.restore();
  dw.win.focus();
}

/** Open a document: focus its window if it is open, else use a blank window, else a new one. */
function openDocument(path: string): void {
  const open = openIn(path);
  if (open) {
    raise(open);
    return;
  }
  const target = focused();
  const command: HostCommand = { command: 'open-path', path };
  if (isBlank(target)) send(target, command);
  else createDocumentWindow(command);
}

/** Where a menu command goes. */
async function route(command: HostCommand): Promise<void> {
  const target = focused();
  switch (command.command) {
    case 'new':
      if (isBlank(target)) send(target, command);
      else createDocumentWindow(command);
      return;
    case 'open': {
      const path = await pickOpen('jixiao', target?.win.webContents);
      if (path) openDocument(path);
      return;
    }
    case 'open-path':
      if (command.path) openDocument(command.path);
      return;
    case 'close':
      target?.win.close();
      return;
    default:
      if (target) send(target, command);
      else if (command.command === 'import' || command.command === 'rollover') createDocumentWindow(command);
  }
}

async function refreshMenu(): Promise<void> {
  const r = await api.dispatch('recent:list', {});
  const recent = r.ok ? (r.value as string[]) : [];
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ recent, send: (c) => void route(c), isMac: process.platform === 'darwin' })));
}

function createApi(): HostApi {
  return createHostApi({
    userDataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    office: createOfficeWorker(join(here, '..', 'office-worker.js')),
    auditWorker: { file: join(here, '..', `${AUDIT_WORKER_ENTRY}.js`) },
    platform: {
      pickOpen: (kind, caller) => pickOpen(kind, byCaller(caller)?.win.webContents),
      pickSave: (kind, defaultPath, caller) => {
        // Save next to the open document by default.
        const dw = byCaller(caller);
        const near = dw?.path ? join(dirname(dw.path), defaultPath.split(/[\\/]/).pop() ?? '') : defaultPath;
        return pickSave(kind, near, dw?.win.webContents);
      },
      openPath: async (path) => {
        const err = await shell.openPath(path);
        if (err) throw Object.assign(new Error(err), { code: 'shell.failed', message: `无法打开文件：${err}` });
      },
      showInFolder: async (path) => shell.showItemInFolder(path),
      printHtml: (html) => printHtml(html),
      htmlToPdf: (html) => htmlToPdf(html),
      setWindowState: (state, caller) => {
        const dw = byCaller(caller);
        if (!dw) return;
        if (state.path !== undefined) dw.path = state.path === null ? null : resolve(state.path); // 新建 in the same window
        const closeNow = onStateReported(dw, state);
        dw.win.setTitle(formatWindowTitle(state.title, state.dirty));
        dw.win.setDocumentEdited(state.dirty);
        if (closeNow) setImmediate(() => { if (!dw.win.isDestroyed()) dw.win.close(); });
      },
      liveRecoveryKeys: () => new Set([...windows.values()].flatMap((dw) => [...dw.recoveryKeys])),
      openElsewhere: (path, caller) => !!openIn(path, caller.windowId),
      showOpenDocument: (path, caller) => { const dw = openIn(path, caller.windowId); if (dw) raise(dw); },
    },
    onResult: ({ channel, request, result, caller }) => {
      const dw = byCaller(caller);
      const req = request as { path?: string | null; key?: string };
      if (result.ok && (channel === 'doc:open' || channel === 'doc:save')) {
        if (dw) {
          dw.path = channel === 'doc:open' ? (result.value as { path: string }).path : resolve(req.path!);
          if (dw.path) dw.win.setRepresentedFilename(dw.path);
        }
        void refreshMenu();
      }
      if (dw && result.ok && channel === 'recovery:write' && req.key) dw.recoveryKeys.add(req.key);
      if (dw && result.ok && channel === 'recovery:remove' && req.key) dw.recoveryKeys.delete(req.key);
      // The save that was to precede a close did not happen: keep the window.
      if (dw && ((channel === 'doc:save' && !result.ok) || (channel === 'dialog:pickSave' && result.ok && result.value === null))) {
        onSaveAborted(dw);
        quitting = false; // a quit waiting for this save stops here
      }
    },
  });
}

function start(): void {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the running instance receives our argv in 'second-instance'
    return;
  }
  // One user-data folder for both hosts (~/.config/jixiao, %APPDATA%\\jixiao): recovery copies and
  // recent files are the same whether the editor ran in Electron or in the browser.
  app.setPath('userData', join(app.getPath('appData'), 'jixiao'));
  const pendingOpen: string[] = documentPathsFromArgv(process.argv, process.cwd());

  app.on('second-instance', (_event, argv, cwd) => {
    const paths = documentPathsFromArgv(argv, cwd);
    if (paths.length) paths.forEach(openDocument);
    else {
      const dw = focused();
      if (dw) { if (dw.win.isMinimized()) dw.win.restore(); dw.win.focus(); } else createDocumentWindow();
    }
  });
  // macOS: double-click in Finder / drop on the Dock icon.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) openDocument(path);
    else pendingOpen.push(path);
  });
  app.on('web-contents-created', (_event, wc) => hardenWebContents(wc));
  app.on('before-quit', () => { quitting = true; });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('activate', () => { if (windows.size === 0) createDocumentWindow(); });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveApp(rendererDir);
    api = createApi();
    registerIpc(ipcMain, api);
    await refreshMenu();
    if (pendingOpen.length) pendingOpen.forEach((p, i) => (i === 0 ? createDocumentWindow({ command: 'open-path', path: p }) : openDocument(p)));
    else createDocumentWindow();
  });
}

start();
