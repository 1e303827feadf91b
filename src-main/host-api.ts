// The typed API of src-shared/ipc.ts implemented on top of the services — one handler per channel,
// shared by the Electron main process and the loopback web host. dispatch() validates the payload
// with the channel's schema, runs the handler and always answers an ApiResult: nothing thrown ever
// crosses the boundary, every failure has a code and a Chinese message.
import { existsSync, promises as fsp } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { dirname, extname, join, parse as parsePath, resolve } from 'node:path';
import * as z from 'zod'; // a namespace import: the bundlers drop what is unused (zod's 350 KB of locales)
import { requests, type ApiResult, type Channel, type ExportFormat, type ExportOptions, type OpenKind, type Responses } from '../src-shared/ipc';
import type { ImportResult } from '../src-shared/import';
import type { JixiaoDocument } from '../src-shared/model';
import { defaultExportName, defaultSelfevalExportName, renderPrintHtml, renderSelfevalPrintHtml } from '../src-shared/export';
import { HostError, fileError, fromFailure, toFailure, toJixiaoError } from './services/errors';
import { writeFileAtomic } from './services/atomic-write';
import { createRecentFiles, createRecoveryStore, openDocumentFile, saveDocumentFile } from './services/storage';
import { exportBytes } from './services/export-files';
import { importFile } from './services/import-files';
import { createLibraryStore } from './services/library-store';
import { createAuditJobs } from './audit/jobs';
import type { WorkerSpec } from './audit/pool';
import type { OfficeReply } from './office-worker';
import { readAnyDocument } from './services/read-document';

/** Who is calling: the Electron window (web contents id), or null and the tab's session id for the web host's pages. */
export interface Caller { windowId: number | null; session?: string }

/** The OS-facing parts that differ between Electron and the web host. All optional. */
export interface HostPlatform {
  pickOpen(kind: OpenKind, caller: Caller): Promise<string | null>;
  pickSave(kind: 'jixiao' | ExportFormat, defaultPath: string, caller: Caller): Promise<string | null>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
  /** Print standalone HTML with the system print dialog. */
  printHtml(html: string, caller: Caller): Promise<void>;
  /** Standalone HTML → PDF bytes (A4 landscape from the page's own @page rule). */
  htmlToPdf(html: string): Promise<Uint8Array>;
  setWindowState(state: { title: string; dirty: boolean; path?: string | null }, caller: Caller): void;
  /** Recovery keys autosaved by documents that are open right now: not offered as "recovered". */
  liveRecoveryKeys(): ReadonlySet<string>;
  /** Whether another window/tab shows this file right now. */
  openElsewhere(path: string, caller: Caller): boolean;
  /** Bring that other window forward (Electron; a browser tab cannot be raised by the page). */
  showOpenDocument(path: string, caller: Caller): void;
}

/** Excel/Word work: in-process by default, a worker thread in Electron (createOfficeWorker). */
export interface OfficeRunner {
  exportBytes(doc: JixiaoDocument, format: 'xlsx' | 'docx', options: ExportOptions): Promise<Uint8Array>;
  importFile(path: string, options?: { into?: JixiaoDocument }): Promise<ImportResult>;
}

export const inProcessOffice: OfficeRunner = { exportBytes, importFile };

export interface HostApiOptions {
  userDataDir: string;
  documentsDir: string;
  platform?: Partial<HostPlatform>;
  office?: OfficeRunner;
  /** The batch audit's worker (default: auditWorkerSpec(), the source or a bundle beside this code). */
  auditWorker?: WorkerSpec;
  /** Told after every call (Electron tracks window paths, the recent menu, close-after-save). */
  onResult?(event: { channel: Channel; request: unknown; result: ApiResult<unknown>; caller: Caller }): void;
}

type Parsed<C extends Channel> = z.output<(typeof requests)[C]>;
export type Handlers = { [C in Channel]: (request: Parsed<C>, caller: Caller) => Promise<Responses[C]> };

export interface HostApi {
  handlers: Handlers;
  dispatch(channel: string, payload: unknown, caller?: Caller): Promise<ApiResult<unknown>>;
}

export { HostError, toFailure } from './services/errors';

/** Only documents are ever handed to the OS to open — never a program or a script. */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.jixiao', '.xlsx', '.docx', '.pdf', '.xls', '.doc', '.wps', '.et']);

const WEB_MODE_PRINT = '浏览器模式下请使用浏览器的打印功能（Ctrl+P）。';

export function createHostApi(opts: HostApiOptions): HostApi {
  const platform = opts.platform ?? {};
  const office = opts.office ?? inProcessOffice;
  const recovery = createRecoveryStore(opts.userDataDir);
  const recent = createRecentFiles(opts.userDataDir);
  const library = createLibraryStore(opts.userDataDir);
  // The 指标库 learns from every document opened, saved or imported; a failure there never fails
  // the user's open/save.
  const learn = (doc: JixiaoDocument, path: string) => { void library.learn(doc, parsePath(path).base).catch(() => {}); };
  const caller0: Caller = { windowId: null };
  const audits = createAuditJobs({ worker: opts.auditWorker });

  const need = <K extends keyof HostPlatform>(name: K, code: string, message: string): HostPlatform[K] => {
    const fn = platform[name];
    if (!fn) throw new HostError(code, message);
    return fn;
  };

  const handlers: Handlers = {
    'doc:open': async ({ path }, caller) => {
      const full = resolve(path);
      // Two editors on one file would save over each other: the user goes on in the one already open.
      if (platform.openElsewhere?.(full, caller)) {
        platform.showOpenDocument?.(full, caller);
        throw new HostError('doc.open-elsewhere', `“${parsePath(full).base}”已在另一个窗口中打开，请在那里继续编辑。`);
      }
      const opened = await openDocumentFile(full);
      await recent.add(full).catch(() => {});
      learn(opened.document, full);
      return { path: full, document: opened.document, repairs: opened.repairs, stamp: opened.stamp };
    },
    'doc:save': async ({ path, document, expectedStamp, force }) => {
      const full = resolve(path);
      const saved = await saveDocumentFile(full, document as JixiaoDocument, { expectedStamp, force: force ?? false });
      await recent.add(full).catch(() => {});
      learn(document as JixiaoDocument, full);
      return { stamp: saved.stamp };
    },
    'dialog:pickOpen': async ({ kind }, caller) => (platform.pickOpen ? platform.pickOpen(kind, caller) : null),
    'dialog:pickSave': async ({ kind, defaultName }, caller) =>
      platform.pickSave ? platform.pickSave(kind, join(opts.documentsDir, safeFileName(defaultName)), caller) : null,
    'recent:list': async () => recent.list(),
    'recovery:write': async ({ key, path, document }) => {
      await recovery.write(key, document as JixiaoDocument, { path });
      return null;
    },
    'recovery:list': async (_req, caller) => {
      // Work still open in another window or tab is not "recovered": taking it would make a second,
      // diverging copy. Nor is a copy of a file open elsewhere right now.
      const live = platform.liveRecoveryKeys?.() ?? new Set<string>();
      return (await recovery.list()).filter((e) => !live.has(e.key) && !(e.path && platform.openElsewhere?.(e.path, caller)));
    },
    'recovery:read': async ({ id }) => {
      const r = await recovery.read(id);
      return { document: r.document, path: r.path };
    },
    'recovery:remove': async ({ key }) => {
      await recovery.remove(key);
      return null;
    },
    'export:write': async ({ document, format, path, nearPath, options }) => {
      const doc = document as JixiaoDocument;
      const name = options.selfeval ? defaultSelfevalExportName(doc, format) : defaultExportName(doc, format);
      const target = path ? resolve(path) : await freePath(join(nearPath ? dirname(resolve(nearPath)) : opts.documentsDir, name));
      let bytes: Uint8Array;
      if (format === 'pdf') {
        const htmlToPdf = need('htmlToPdf', 'pdf.unavailable', '本机无法生成 PDF：未找到 Chromium 浏览器。请安装 chromium，或导出 Word/Excel 后另存为 PDF。');
        bytes = await htmlToPdf(options.selfeval ? renderSelfevalPrintHtml(doc, { projects: options.projects ?? 'all' }) : renderPrintHtml(doc, options));
      } else {
        bytes = await office.exportBytes(doc, format, options);
      }
      await writeFileAtomic(target, bytes).catch((e) => { throw toJixiaoError(e, target); });
      return { path: target };
    },
    'import:read': async ({ path, into }) => {
      const full = resolve(path);
      const outcome = await office.importFile(full, into ? { into: into as JixiaoDocument } : {});
      if (!outcome.ok) throw new HostError(outcome.code, outcome.message);
      learn(outcome.document, full);
      return { document: outcome.document, report: outcome.report, sourcePath: full };
    },
    'doc:read': async ({ path }) => {
      const full = resolve(path);
      const r = await readAnyDocument(full, office);
      if (!r.ok) throw new HostError(r.code, r.message);
      return { path: full, document: r.document, kind: r.kind };
    },
    'shell:openPath': async ({ path }) => {
      const full = resolve(path);
      if (!OPENABLE_EXTENSIONS.has(extname(full).toLowerCase())) {
        throw new HostError('shell.refused', '只能用系统程序打开表格、文档或 PDF 文件。');
      }
      if (!existsSync(full)) throw fileError('file.not-found', full);
      await need('openPath', 'shell.unavailable', '此运行方式下无法调用系统程序打开文件。')(full);
      return null;
    },
    'shell:showInFolder': async ({ path }) => {
      const full = resolve(path);
      if (!existsSync(full)) throw fileError('file.not-found', full);
      await need('showInFolder', 'shell.unavailable', '此运行方式下无法打开文件夹。')(full);
      return null;
    },
    'print:html': async ({ html }, caller) => {
      await need('printHtml', 'print.unsupported', WEB_MODE_PRINT)(html, caller);
      return null;
    },
    'window:setState': async (state, caller) => {
      platform.setWindowState?.(state, caller);
      return null;
    },
    'library:snapshot': async ({ knownVersion }) => {
      const snap = await library.snapshot();
      return { version: snap.version, entries: knownVersion === snap.version ? null : snap.entries, ...(snap.warning ? { warning: snap.warning.message } : {}) };
    },
    'library:delete': async ({ keys }) => ({ removed: await library.remove(keys) }),
    'audit:start': async ({ paths }) => {
      try {
        return await audits.start(paths.map((p) => resolve(p)));
      } catch (e) {
        throw toJixiaoError(e, (e as { path?: string }).path ?? resolve(paths[0]));
      }
    },
    'audit:status': async ({ id }) => audits.status(id),
    'audit:write': async ({ id, path }) => {
      const full = resolve(path);
      await audits.write(id, { xlsx: full }).catch((e) => { throw (e as { code?: string }).code?.startsWith('audit.') ? e : toJixiaoError(e, full); });
      return { path: full };
    },
  };

  async function dispatch(channel: string, payload: unknown, caller: Caller = caller0): Promise<ApiResult<unknown>> {
    if (!Object.hasOwn(requests, channel)) {
      return { ok: false, code: 'ipc.unknown-channel', message: `未知的请求类型：${channel.slice(0, 60)}` };
    }
    const ch = channel as Channel;
    const parsed = requests[ch].safeParse(payload);
    let result: ApiResult<unknown>;
    if (!parsed.success) {
      result = { ok: false, code: 'ipc.bad-request', message: `请求内容不符合约定（${describeIssue(parsed.error)}）。` };
    } else {
      try {
        const handler = handlers[ch] as (r: unknown, c: Caller) => Promise<unknown>;
        result = { ok: true, value: await handler(parsed.data, caller) };
      } catch (err) {
        result = toFailure(err);
      }
    }
    try {
      opts.onResult?.({ channel: ch, request: parsed.success ? parsed.data : payload, result, caller });
    } catch {
      /* an observer must not change the answer */
    }
    return result;
  }

  return { handlers, dispatch };
}

/**
 * One long-lived worker thread (started on first use, restarted after a crash) running
 * src-main/office-worker. It does not keep the process alive while idle.
 */
export function createOfficeWorker(workerFile: string | URL, workerOptions: ConstructorParameters<typeof Worker>[1] = {}): OfficeRunner & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  const failAll = (e: Error) => { for (const p of pending.values()) p.fail(e); pending.clear(); };

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(workerFile, workerOptions);
    w.unref();
    w.on('message', (reply: OfficeReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.ok(reply.result); else p.fail(fromFailure(reply)); // code, message, details as sent
      if (pending.size === 0) w.unref();
    });
    w.on('error', (e) => { failAll(e); worker = undefined; });
    w.on('exit', (code) => { failAll(new Error(`导出/导入进程意外退出（${code}）`)); worker = undefined; });
    worker = w;
    return w;
  };

  const run = <T>(job: Record<string, unknown>): Promise<T> => new Promise<T>((ok, fail) => {
    const w = start();
    const id = nextId++;
    pending.set(id, { ok: ok as (v: unknown) => void, fail });
    w.ref(); // busy: keep the process alive until the answer arrives
    w.postMessage({ id, ...job });
  });

  return {
    exportBytes: (document, format, options) => run<Uint8Array>({ task: 'export', document, format, options }),
    importFile: (path, options = {}) => run<ImportResult>({ task: 'import', path, into: options.into }),
    close: async () => { const w = worker; worker = undefined; if (w) await w.terminate(); },
  };
}

function describeIssue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '格式错误';
  const at = first.path.length ? first.path.join('.') : '（根）';
  return `${at}：${first.message}`.slice(0, 300);
}

/** A name the OS accepts: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned || '未命名';
}

/** `name.ext`, or `name (2).ext`… when taken: an export with the default name never clobbers a file. */
export async function freePath(path: string): Promise<string> {
  const p = parsePath(path);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? path : join(p.dir, `${p.name} (${n})${p.ext}`);
    try {
      await fsp.access(candidate);
    } catch {
      return candidate;
    }
  }
  return join(p.dir, `${p.name} (${Date.now()})${p.ext}`);
}
