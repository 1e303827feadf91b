// The web host over real HTTP on 127.0.0.1: token, Host check, static files with CSP, API round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startWebHost, findChromium, htmlToPdfWithChromium, resolveStaticPath, type WebHost } from '../../src-main/webhost';
import { createWebClient } from '../../src-renderer/host';
import { CSP } from '../../src-main/electron/csp';
import type { HostCommand, OpenedDocument } from '../../src-shared/ipc';
import { renderPrintHtml } from '../../src-shared/export';

const seeds = join(__dirname, '..', 'fixtures', 'seeds');
let root: string;
let host: WebHost;

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    if (body !== undefined) req.end(body); else req.end();
  });
}

const api = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  raw('POST', `/api/${channel}`, { 'Content-Type': 'application/json', 'X-Jixiao-Token': host.token, ...headers }, JSON.stringify(payload));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>绩效目标表编辑器</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  copyFileSync(join(seeds, 'linxi-2019.jixiao'), join(root, 'linxi.jixiao'));
  host = await startWebHost({
    rendererDir: renderer, userDataDir: join(root, 'user'), documentsDir: root,
    maxBodyBytes: 2 * 1024 * 1024, initialPath: join(root, 'linxi.jixiao'),
    platform: { openPath: async () => {}, showInFolder: async () => {} },
  });
});

afterAll(async () => {
  await host?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('web host', () => {
  it('serves on 127.0.0.1 with a random port and a long token in the URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toContain(host.token);
  });

  it('serves the renderer with the CSP and no-referrer', async () => {
    const r = await raw('GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('绩效目标表编辑器');
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw('GET', '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['content-security-policy']).toBe(CSP);
    expect((await raw('GET', '/nope.js')).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const r = await raw('GET', p);
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('TOP SECRET');
    }
    expect(resolveStaticPath(join(root, 'renderer'), '/../secret.txt')).toBeNull();
    expect(resolveStaticPath(join(root, 'renderer'), '/assets/app.js')).toBe(join(root, 'renderer', 'assets', 'app.js'));
  });

  it('refuses a wrong Host header (DNS rebinding), on pages and on the API', async () => {
    const page = await raw('GET', '/', { Host: `evil.example:${host.port}` });
    expect(page.status).toBe(421);
    const call = await api('recent:list', {}, { Host: 'evil.example' });
    expect(call.status).toBe(421);
    expect((await raw('GET', '/', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('requires the token on every API request', async () => {
    const none = await raw('POST', '/api/recent:list', { 'Content-Type': 'application/json' }, '{}');
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, code: 'host.bad-token' });
    expect((await api('recent:list', {}, { 'X-Jixiao-Token': 'x'.repeat(32) })).status).toBe(403);
    expect((await api('recent:list', {}, { 'X-Jixiao-Token': '' })).status).toBe(403);
    expect((await raw('GET', '/api/events')).status).toBe(403);
    expect((await raw('GET', '/api/events?token=wrong')).status).toBe(403);
  });

  it('refuses a cross-site Origin and non-POST calls', async () => {
    expect((await api('recent:list', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('recent:list', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await raw('GET', '/api/recent:list', { 'X-Jixiao-Token': host.token })).status).toBe(405);
  });

  it('answers the typed API: open a seed, bad payloads and unknown channels as {ok:false}', async () => {
    const r = await api('doc:open', { path: join(root, 'linxi.jixiao') });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: true; value: OpenedDocument };
    expect(body.ok).toBe(true);
    expect(body.value.document.meta.year).toBe(2019);
    expect(JSON.parse((await api('doc:open', { path: 7 })).body)).toMatchObject({ ok: false, code: 'ipc.bad-request' });
    expect(JSON.parse((await api('nope:nope', {})).body)).toMatchObject({ ok: false, code: 'ipc.unknown-channel' });
    const notJson = await raw('POST', '/api/recent:list', { 'X-Jixiao-Token': host.token }, '{oops');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, code: 'ipc.bad-request' });
    // Dialogs have no native form in the browser: null, the page asks itself.
    expect(JSON.parse((await api('dialog:pickOpen', { kind: 'jixiao' })).body)).toEqual({ ok: true, value: null });
  });

  it('refuses a body over the limit with a clear error', async () => {
    const big = JSON.stringify({ html: 'x'.repeat(3 * 1024 * 1024) });
    const r = await raw('POST', '/api/print:html', { 'Content-Type': 'application/json', 'X-Jixiao-Token': host.token }, big);
    expect(r.status).toBe(413);
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({ ok: false, code: 'payload.too-large' });
    expect(body.message).toMatch(/过大/);
  });

  it('pushes host commands over Server-Sent Events, the initial file first', async () => {
    const events: HostCommand[] = [];
    await new Promise<void>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          for (const m of buf.matchAll(/event: command\ndata: (.*)\n\n/g)) events.push(JSON.parse(m[1]));
          buf = buf.slice(buf.lastIndexOf('\n\n') + 2);
          if (events.length === 1) host.send({ command: 'save' });
          if (events.length >= 2) { req.destroy(); ok(); }
        });
      });
      req.on('error', (e) => (events.length >= 2 ? ok() : fail(e)));
      req.end();
    });
    expect(events).toEqual([{ command: 'open-path', path: join(root, 'linxi.jixiao') }, { command: 'save' }]);
  });

  it('the renderer web client round-trips through fetch with its token', async () => {
    const client = createWebClient({ token: host.token, baseUrl: `http://127.0.0.1:${host.port}` });
    expect(client.host).toBe('web');
    const r = await client.invoke('doc:open', { path: join(root, 'linxi.jixiao') });
    expect(r.ok && r.value.document.meta.deptCode).toBe('323');
    const denied = await createWebClient({ token: 'wrong', baseUrl: `http://127.0.0.1:${host.port}` }).invoke('recent:list', {});
    expect(denied).toMatchObject({ ok: false, code: 'host.bad-token' });
    const down = await createWebClient({ token: 't', baseUrl: 'http://127.0.0.1:1' }).invoke('recent:list', {});
    expect(down).toMatchObject({ ok: false, code: 'host.unreachable' });
  });
});

describe.runIf(findChromium() !== null)('PDF through headless Chromium', () => {
  it('renders the print HTML of a seed to an A4 landscape PDF', async () => {
    const doc = JSON.parse(readFileSync(join(seeds, 'linxi-2019.jixiao'), 'utf8'));
    const pdf = await htmlToPdfWithChromium(renderPrintHtml(doc));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const file = join(root, 'seed.pdf');
    writeFileSync(file, pdf);
    if (existsSync('/usr/bin/pdfinfo')) {
      const info = spawnSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }).stdout;
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
      expect(Number(w)).toBeGreaterThan(Number(h)); // landscape
      expect(Math.round(Number(w))).toBe(842); // A4 long side in points
    }
    if (existsSync('/usr/bin/pdftotext')) {
      const text = spawnSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('临西县人力资源和社会保障局');
      expect(text).not.toMatch(/file:\/\/|print\.html/); // no browser header/footer
    }
  }, 120_000);

  it('export:write pdf works end to end through the web host', async () => {
    const r = await api('export:write', { document: JSON.parse(readFileSync(join(seeds, 'linxi-2019.jixiao'), 'utf8')), format: 'pdf', path: join(root, 'out.pdf'), nearPath: null, options: {} });
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { path: join(root, 'out.pdf') } });
    expect(readFileSync(join(root, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
