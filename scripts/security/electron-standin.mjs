// A recording stand-in for the `electron` module, for loading the BUILT main bundle in plain Node
// (the Electron binary cannot be downloaded here). Everything the bundle does to Electron is kept
// in globalThis.__electronRecord for the harness to inspect.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const appDir = process.env.JIXIAO_STANDIN_APPDIR ?? mkdtempSync(join(tmpdir(), 'jixiao-standin-'));
const record = { windows: [], ipc: new Map(), appEvents: new Map(), sessionHandlers: {}, protocol: [] };
globalThis.__electronRecord = record;

let nextId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.sent = [];
    this.mainFrame = { url: 'app://jixiao/index.html', processId: 1, routingId: this.id, parent: null };
    this.windowOpenHandler = null;
  }
  send(channel, payload) { this.sent.push({ channel, payload }); }
  setWindowOpenHandler(fn) { this.windowOpenHandler = fn; }
  getURL() { return this.mainFrame.url; }
  print(_opts, cb) { cb(true, ''); }
  async printToPDF() { return Buffer.from('%PDF-1.4'); }
}

export class BrowserWindow extends EventEmitter {
  static getFocusedWindow() { return record.windows.at(-1) ?? null; }
  static getAllWindows() { return [...record.windows]; }
  static fromWebContents(wc) { return record.windows.find((w) => w.webContents === wc) ?? null; }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    this.loaded = [];
    record.windows.push(this);
    // Electron emits this for every web contents it creates; main.ts hardens them there too.
    record.appEvents.get('web-contents-created')?.forEach((fn) => fn({}, this.webContents));
  }
  async loadURL(url) { this.loaded.push(url); }
  async loadFile(file) { this.loaded.push(`file://${file}`); }
  show() {} focus() {} restore() {} isMinimized() { return false; }
  isDestroyed() { return this.destroyed; }
  destroy() { this.destroyed = true; }
  close() { this.destroyed = true; this.emit('closed'); }
  setTitle() {} setDocumentEdited() {} setRepresentedFilename() {}
}

export const app = {
  isPackaged: true,
  getAppPath: () => appDir,
  getPath: (name) => join(appDir, name),
  setPath() {}, setName() {}, setAppUserModelId() {},
  requestSingleInstanceLock: () => true,
  on(ev, fn) { if (!record.appEvents.has(ev)) record.appEvents.set(ev, []); record.appEvents.get(ev).push(fn); return app; },
  once(ev, fn) { return app.on(ev, fn); },
  whenReady: () => Promise.resolve(),
  isReady: () => true,
  quit() {}, exit() {}, focus() {},
};

export const ipcMain = {
  handle(channel, fn) { record.ipc.set(channel, fn); },
  on(channel, fn) { record.ipc.set(`on:${channel}`, fn); },
};

const defaultSession = {
  setPermissionRequestHandler(fn) { record.sessionHandlers.permissionRequest = fn; },
  setPermissionCheckHandler(fn) { record.sessionHandlers.permissionCheck = fn; },
  setDevicePermissionHandler(fn) { record.sessionHandlers.device = fn; },
  webRequest: { onHeadersReceived() {} },
};
export const session = { defaultSession };
export const dialog = {
  showMessageBoxSync: () => 2,
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu() {} };
export const shell = { openPath: async () => '', showItemInFolder() {}, openExternal: async () => {} };
export const protocol = {
  registerSchemesAsPrivileged(s) { record.protocol.push(...s); },
  handle(scheme, fn) { record.protocolHandler = { scheme, fn }; },
};
export const webUtils = { getPathForFile: () => '' };
export default { app, BrowserWindow, ipcMain, session, dialog, Menu, shell, protocol, webUtils };
