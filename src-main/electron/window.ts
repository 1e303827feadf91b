// Window options and the hardening every web contents gets. Security is written out here rather
// than left to Electron's defaults (which have changed between versions), and a unit test asserts it.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The app's pages are served from this origin by the `app://` protocol handler (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jixiao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

import { PRODUCT_NAME } from '../../src-shared/ipc';
export { PRODUCT_NAME };

/** True for a URL of the app's own pages (and nothing else: not file://, not http://). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function windowOptions(opts: { preloadPath: string; title?: string }): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false, // shown on 'ready-to-show', no white flash
    title: opts.title ?? PRODUCT_NAME,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not navigate away: the renderer takes the drop itself.
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * Options of the hidden windows that print or render a PDF of the official layout. They show
 * static HTML only: no preload, no JavaScript, so no text typed into a cell can ever run.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1123,
    height: 794,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Deny new windows, cancel navigation away from the app, refuse <webview>. */
export function hardenWebContents(wc: WebContents): void {
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  wc.on('will-navigate', (event, url) => keepInApp(event, url));
  wc.on('will-redirect', (event, url) => keepInApp(event, url));
  wc.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permissions the app's own pages may use: writing the clipboard (copy of a cell block). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Camera, notifications, geolocation, clipboard-read…: denied; only the short list above, only for the app. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(permissionAllowed(permission, details?.requestingUrl ?? wc?.getURL())));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
