// Electron security written out: the window options, the web-contents hardening and the CSP.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CSP, CSP_DIRECTIVES, SECURITY_HEADERS, withCspMeta } from '../../src-main/electron/csp';
import { APP_ENTRY_URL, hardenSession, hardenWebContents, isAppUrl, permissionAllowed, printWindowOptions, windowOptions } from '../../src-main/electron/window';

type Listener = (...args: unknown[]) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    setWindowOpenHandler: vi.fn((h: typeof openHandler) => { openHandler = h; }),
    on: vi.fn((name: string, l: Listener) => { listeners.set(name, [...(listeners.get(name) ?? []), l]); }),
    emit(name: string, ...args: unknown[]) { for (const l of listeners.get(name) ?? []) l(...args); },
    open(url: string) { return openHandler!({ url }); },
  };
}

function navigate(wc: ReturnType<typeof fakeWebContents>, event: string, url: string): boolean {
  let prevented = false;
  wc.emit(event, { preventDefault: () => { prevented = true; } }, url);
  return prevented;
}

describe('windowOptions', () => {
  const opts = windowOptions({ preloadPath: '/app/dist-main/preload.cjs' });
  const wp = opts.webPreferences!;

  it('isolates the page from Node and Electron', () => {
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
  });

  it('loads the preload given, and shows only when ready', () => {
    expect(wp.preload).toBe('/app/dist-main/preload.cjs');
    expect(opts.show).toBe(false);
    expect(opts.title).toBe('绩效目标表编辑器');
  });

  it('print windows run no JavaScript and have no preload', () => {
    const p = printWindowOptions().webPreferences!;
    expect(p.javascript).toBe(false);
    expect(p.preload).toBeUndefined();
    expect(p.sandbox).toBe(true);
    expect(p.contextIsolation).toBe(true);
    expect(p.nodeIntegration).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('denies window.open for any URL', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc as never);
    expect(wc.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(wc.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(wc.open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
  });

  it('cancels navigation and redirects away from the app, allows the app itself', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc as never);
    for (const ev of ['will-navigate', 'will-redirect']) {
      expect(navigate(wc, ev, 'https://evil.example/')).toBe(true);
      expect(navigate(wc, ev, 'file:///etc/passwd')).toBe(true);
      expect(navigate(wc, ev, 'http://127.0.0.1:5173/')).toBe(true);
      expect(navigate(wc, ev, 'app://other/index.html')).toBe(true);
      expect(navigate(wc, ev, APP_ENTRY_URL)).toBe(false);
    }
  });

  it('refuses <webview>', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc as never);
    let prevented = false;
    wc.emit('will-attach-webview', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
  });

  it('app URLs are exactly the app origin', () => {
    expect(isAppUrl('app://jixiao/index.html')).toBe(true);
    expect(isAppUrl('app://jixiao.evil/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies everything but clipboard writes from the app', async () => {
    expect(permissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(permissionAllowed(p, APP_ENTRY_URL)).toBe(false);
    }
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    hardenSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0][0];
    const answer = await new Promise((ok) => request({ getURL: () => APP_ENTRY_URL }, 'media', ok, { requestingUrl: APP_ENTRY_URL }));
    expect(answer).toBe(false);
    const check = session.setPermissionCheckHandler.mock.calls[0][0];
    expect(check(null, 'geolocation', 'app://jixiao')).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0][0]()).toBe(false);
  });
});

describe('CSP', () => {
  it('names no remote origin and no inline or eval scripts', () => {
    expect(CSP).not.toMatch(/https?:|wss?:|\*/);
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(CSP).not.toMatch(/unsafe-eval/);
    expect(CSP_DIRECTIVES['script-src']).not.toMatch(/unsafe-inline/);
    expect(CSP_DIRECTIVES['default-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['base-uri']).toBe("'none'");
    expect(CSP_DIRECTIVES['connect-src']).toBe("'self'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('withCspMeta', () => {
  it('puts the policy first in <head>, once', () => {
    const out = withCspMeta('<html><head><title>t</title></head></html>');
    expect(out).toBe(`<html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>t</title></head></html>`);
    expect(withCspMeta(out)).toBe(out);
  });
});
