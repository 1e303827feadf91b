// The `app://jixiao/…` protocol serving the built renderer (dist/renderer) with the CSP header.
// A custom standard scheme gives the pages a real origin (not file://, which would share one with
// every file on disk) and lets the IPC sender check compare origins.
import { protocol } from 'electron';
import { promises as fsp } from 'node:fs';
import { SECURITY_HEADERS, withCspMeta } from './csp';
import { APP_HOST, APP_SCHEME } from './window';
import { contentTypeOf, resolveStaticPath } from '../webhost';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled as VS Code does for vscode-file: Vite emits <script type="module" crossorigin>,
    // a CORS-mode load; no other origin can ever be shown in the app's windows (navigation is locked).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const data = await fsp.readFile(file);
      const type = contentTypeOf(file);
      const body = type.startsWith('text/html') ? withCspMeta(data.toString('utf8')) : new Uint8Array(data);
      return new Response(body, { status: 200, headers: { 'Content-Type': type, ...SECURITY_HEADERS } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
