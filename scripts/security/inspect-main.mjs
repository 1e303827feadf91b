// Loads a built main bundle (argv[2]) against the electron stand-in and prints, as JSON, what it
// did: the options of every BrowserWindow (the document window and, through print:html, the hidden
// print window), how every IPC handler answers a foreign frame and a malformed payload, and whether
// navigation, redirects, <webview> and window.open are refused.
// Run: node --import ./scripts/security/standin-register.mjs scripts/security/inspect-main.mjs dist-main/electron/main.js
import { pathToFileURL } from 'node:url';

await import(pathToFileURL(process.argv[2]).href);
const rec = globalThis.__electronRecord;
/** Wait for a state of the stand-in (the app starts asynchronously after whenReady). */
async function until(cond, what) {
  for (const deadline = Date.now() + 60_000; !cond();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setImmediate(ok));
  }
}
await until(() => rec.windows.length > 0 && rec.ipc.size > 0, 'the first window and the IPC handlers');

const first = rec.windows[0];
const appFrame = (wc) => wc.mainFrame;
const foreignFrames = [
  { url: 'https://evil.example/', processId: 9, routingId: 9, parent: null },
  { url: 'app://jixiao/index.html', processId: 1, routingId: 999, parent: {} }, // an iframe of the app page
  { url: 'file:///etc/passwd', processId: 1, routingId: first.webContents.id, parent: null },
  null, // frame gone
];
const ipc = {};
for (const [channel, fn] of rec.ipc) {
  const sender = first.webContents;
  const foreign = [];
  for (const senderFrame of foreignFrames) foreign.push(await fn({ sender, senderFrame }, {}));
  const malformed = [];
  for (const payload of [42, 'x', null, [], { __proto__: null, path: 7, html: 7, kind: 7, key: 7, title: 7, document: 7 }]) {
    malformed.push(await fn({ sender, senderFrame: appFrame(sender) }, payload));
  }
  ipc[channel] = { foreign, malformed };
}

// A valid print request creates the hidden print window.
const print = rec.ipc.get('print:html');
const printed = print ? await print({ sender: first.webContents, senderFrame: appFrame(first.webContents) }, { html: '<p>x</p>' }) : null;

const navigation = rec.windows.map((w) => {
  const wc = w.webContents;
  const tryEvent = (name, url) => {
    let prevented = false;
    const ev = { preventDefault: () => { prevented = true; } };
    if (wc.listenerCount(name) === 0) return 'no-listener';
    wc.emit(name, ev, url);
    return prevented ? 'refused' : 'allowed';
  };
  return {
    willNavigateExternal: tryEvent('will-navigate', 'https://evil.example/'),
    willNavigateFile: tryEvent('will-navigate', 'file:///etc/passwd'),
    willNavigateApp: tryEvent('will-navigate', 'app://jixiao/index.html'),
    willRedirectExternal: tryEvent('will-redirect', 'https://evil.example/'),
    willAttachWebview: tryEvent('will-attach-webview', ''),
    windowOpen: wc.windowOpenHandler ? wc.windowOpenHandler({ url: 'https://evil.example/' }).action : 'no-handler',
  };
});

const permission = rec.sessionHandlers.permissionRequest
  ? await new Promise((ok) => rec.sessionHandlers.permissionRequest(first.webContents, 'media', ok, { requestingUrl: 'app://jixiao/index.html' }))
  : 'no-handler';

console.log(JSON.stringify({
  windows: rec.windows.map((w) => ({ webPreferences: w.options.webPreferences, loaded: w.loaded })),
  channels: [...rec.ipc.keys()], ipc, printed, navigation, permission,
}));
process.exit(0);
