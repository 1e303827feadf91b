// Browser mode: the built renderer and the same typed API (same services, same dispatch) over
// loopback HTTP, for machines without the Electron binary and for the e2e tests.
// Guards: 127.0.0.1 only, a random port, a per-run secret token on every /api request, the Host
// header pinned to 127.0.0.1:PORT / localhost:PORT (DNS rebinding), strict CSP on every page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, promises as fsp, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiResult, HostCommand } from '../src-shared/ipc';
import { SECURITY_HEADERS } from './electron/csp';
import { createHostApi, HostError, type HostPlatform } from './host-api';
import { createOpenSessions, isSessionId } from './open-sessions';

export interface WebHostOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  rendererDir?: string;
  userDataDir: string;
  documentsDir: string;
  /** Override OS hooks (tests pass fakes so no file manager pops up). */
  platform?: Partial<HostPlatform>;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
  /** Sent to the page as `open-path` when it first connects (a file given on the command line). */
  initialPath?: string;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/?token=… */
  url: string;
  port: number;
  token: string;
  /** Push a menu-like command to every connected page (Server-Sent Events). */
  send(command: HostCommand): void;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-jixiao-token';
/** The tab's editor session (see open-sessions.ts). */
export const SESSION_HEADER = 'x-jixiao-session';
export const DEFAULT_MAX_BODY = 200 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` a URL path names, or null when it would leave `root` (../, encoded
 * separators, NUL, symlinks pointing out). '/' is index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const rootAbs = resolve(root);
  const full = segments.length ? resolve(rootAbs, ...segments) : join(rootAbs, 'index.html');
  if (full !== rootAbs && !full.startsWith(rootAbs + sep)) return null;
  try {
    const real = realpathSync(full);
    const realRoot = realpathSync(rootAbs);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    return real;
  } catch {
    return full; // does not exist: the caller answers 404
  }
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, code, message } satisfies ApiResult<never>);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return fail(new HostError('payload.too-large', tooLarge(limit)));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        fail(new HostError('payload.too-large', tooLarge(limit)));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

const tooLarge = (limit: number) => `请求内容过大（超过 ${Math.round(limit / 1024 / 1024)} MB），已拒绝。`;

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(opts.rendererDir ?? 'dist/renderer');
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const token = randomBytes(24).toString('base64url');
  const sse = new Set<ServerResponse>();
  let initialPath = opts.initialPath;

  const tabs = createOpenSessions();
  const api = createHostApi({
    userDataDir: opts.userDataDir,
    documentsDir: opts.documentsDir,
    platform: { ...webPlatform(), liveRecoveryKeys: tabs.liveRecoveryKeys, openElsewhere: tabs.openElsewhere, ...opts.platform },
    onResult: ({ channel, request, result, caller }) => tabs.observe({ channel, request, ok: result.ok, caller }),
  });

  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendError(res, 500, 'host.internal', `本机服务出错：${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site that resolves its own name to 127.0.0.1 still sends its own Host.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) {
      return sendError(res, 421, 'host.wrong-host', '请求的主机名不正确，已拒绝。');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return sendError(res, 405, 'host.method', '请求方法不正确。');
        if (!sameSecret(url.searchParams.get('token'), token)) return sendError(res, 403, 'host.bad-token', '访问令牌不正确，已拒绝。请使用启动时给出的完整网址。');
        return openEvents(res, url.searchParams.get('session'));
      }
      if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return sendError(res, 403, 'host.bad-token', '访问令牌不正确，已拒绝。请使用启动时给出的完整网址。');
      }
      if (req.method !== 'POST') return sendError(res, 405, 'host.method', '请求方法不正确。');
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())) {
        return sendError(res, 403, 'host.wrong-origin', '请求来源不正确，已拒绝。');
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      let payload: unknown;
      try {
        const body = await readBody(req, maxBody);
        payload = JSON.parse(body.toString('utf8') || '{}');
      } catch (err) {
        if (err instanceof HostError) return sendError(res, 413, err.code, err.message);
        return sendError(res, 400, 'ipc.bad-request', '请求内容不是有效的 JSON。');
      }
      const session = req.headers[SESSION_HEADER];
      return sendJson(res, 200, await api.dispatch(channel, payload, { windowId: null, ...(isSessionId(session) ? { session } : {}) }));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'host.method', '请求方法不正确。');
    return serveStatic(req, res, url.pathname);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const file = resolveStaticPath(rendererDir, pathname);
    if (!file) return sendError(res, 403, 'host.bad-path', '路径不合法，已拒绝。');
    let data: Buffer;
    try {
      data = await fsp.readFile(file);
    } catch {
      if (pathname === '/favicon.ico') { res.writeHead(204, SECURITY_HEADERS); res.end(); return; } // browsers ask unprompted
      if (!existsSync(join(rendererDir, 'index.html'))) {
        return sendError(res, 404, 'host.no-renderer', '找不到界面文件：请先运行 npm run build:web。');
      }
      return sendError(res, 404, 'host.not-found', '找不到该文件。');
    }
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': data.length,
      // Vite's hashed assets can be cached; the page itself (which names them) cannot.
      'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  function openEvents(res: ServerResponse, session: string | null): void {
    // The open stream is the tab's lease: a closed or crashed tab drops it.
    const disconnect = isSessionId(session) ? tabs.connect(session) : () => {};
    res.on('close', disconnect);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    sse.add(res);
    res.on('close', () => sse.delete(res));
    if (initialPath) {
      writeEvent(res, { command: 'open-path', path: initialPath });
      initialPath = undefined;
    }
  }

  function writeEvent(res: ServerResponse, command: HostCommand): void {
    res.write(`event: command\ndata: ${JSON.stringify(command)}\n\n`);
  }

  const heartbeat = setInterval(() => { for (const res of sse) res.write(': ping\n\n'); }, 25_000);
  heartbeat.unref();

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    send(command) { for (const res of sse) writeEvent(res, command); },
    close: () => new Promise<void>((ok) => {
      clearInterval(heartbeat);
      for (const res of sse) res.end();
      sse.clear();
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}

/** OS hooks of browser mode: no native dialogs (the page asks for a path), the system opener, Chromium for PDF. */
export function webPlatform(): Partial<HostPlatform> {
  return {
    openPath: async (path) => openWithSystem(path, false),
    showInFolder: async (path) => openWithSystem(path, true),
    ...(findChromium() ? { htmlToPdf: (html: string) => htmlToPdfWithChromium(html) } : {}),
  };
}

function openWithSystem(path: string, folder: boolean): void {
  const target = folder ? resolve(path, '..') : path;
  const [cmd, args] = process.platform === 'win32'
    ? ['explorer.exe', folder ? [`/select,${path}`] : [target]] // not cmd.exe: no shell parsing of the name
    : process.platform === 'darwin'
      ? ['open', folder ? ['-R', path] : [target]]
      : ['xdg-open', [target]];
  const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
}

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  const fromEnv = process.env.JIXIAO_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Headless Chromium prints the page to PDF; page size and orientation come from the HTML's @page rule. */
export async function htmlToPdfWithChromium(html: string, chromium = findChromium(), timeoutMs = 120_000): Promise<Uint8Array> {
  if (!chromium) throw new HostError('pdf.unavailable', '本机无法生成 PDF：未找到 Chromium 浏览器。请安装 chromium，或导出 Word/Excel 后另存为 PDF。');
  const dir = await fsp.mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const htmlPath = join(dir, 'print.html');
    const pdfPath = join(dir, 'print.pdf');
    await fsp.writeFile(htmlPath, html, 'utf8');
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', '--mute-audio',
      `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', '--print-to-pdf-no-header',
      `--print-to-pdf=${pdfPath}`, `file://${htmlPath}`,
    ];
    const stderr = await new Promise<string>((ok, fail) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => { if (err.length < 20_000) err += d.toString(); });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (e) => { clearTimeout(timer); fail(e); });
      child.on('close', () => { clearTimeout(timer); ok(err); });
    });
    try {
      const bytes = await fsp.readFile(pdfPath);
      if (bytes.length < 5 || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
      return new Uint8Array(bytes);
    } catch {
      throw new HostError('pdf.failed', `生成 PDF 失败：${stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300) || 'Chromium 未输出文件'}`);
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
