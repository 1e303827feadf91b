// Runs a batch audit on worker threads, one per core. Each file has a time budget (the worker is
// terminated and the file listed as 超时) and a heap budget (worker resourceLimits: the worker dies,
// the file is listed as 内存超限); a new worker takes the next file. Nothing a file does can stop or
// hang the batch.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditEntry, AuditProgress } from '../../src-shared/audit/types';
import type { AuditReply, AuditRequest } from '../audit-worker';
import type { AuditJob } from './walk';

/**
 * The audit worker's entry, the one name to keep in step with a bundle: from source it is
 * src-main/audit-worker.ts (run through tsx); a bundled CLI must emit `audit-worker.js` into the
 * same folder as the bundle that contains this module (esbuild entry src-main/audit-worker.ts).
 */
export const AUDIT_WORKER_ENTRY = 'audit-worker';

export interface WorkerSpec { file: string; workerData?: unknown }

/** The bundled worker next to this code if there is one, else the TypeScript source through tsx. */
export function auditWorkerSpec(base: string | URL = import.meta.url): WorkerSpec {
  const built = fileURLToPath(new URL(`./${AUDIT_WORKER_ENTRY}.js`, base));
  if (existsSync(built)) return { file: built };
  return {
    file: fileURLToPath(new URL('../tsx-worker.mjs', base)),
    workerData: { entry: new URL(`../${AUDIT_WORKER_ENTRY}.ts`, base).href },
  };
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 512;
/** Default worker count: one per core, at most this many (each may hold a large document). */
export const MAX_DEFAULT_WORKERS = 8;

export interface AuditPoolOptions {
  /** Worker threads (default: one per core up to MAX_DEFAULT_WORKERS, at most one per file). */
  workers?: number;
  /** Per-file time budget, from when the file is handed to a worker. */
  timeoutMs?: number;
  /** Per-worker heap budget (V8 old generation), MB. */
  memoryMb?: number;
  onProgress?(p: AuditProgress): void;
  /** The worker to run (tests put a stand-in here). */
  worker?: WorkerSpec;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} 秒`;

/** Audits the jobs; the entries come back in the order of `jobs`. */
export function auditFiles(jobs: AuditJob[], opts: AuditPoolOptions = {}): Promise<AuditEntry[]> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = opts.memoryMb ?? DEFAULT_MEMORY_MB;
  const spec = opts.worker ?? auditWorkerSpec();
  const started = performance.now();
  const results: AuditEntry[] = new Array(jobs.length);
  // Largest first (longest-processing-time order): a large document started last would keep one
  // worker busy while the others sit idle. Results still come back in the order of `jobs`.
  const order = jobs.map((_, k) => k).sort((a, b) => (jobs[b].size ?? 0) - (jobs[a].size ?? 0) || a - b);
  let next = 0;
  let done = 0;
  const progress = (current: string) => opts.onProgress?.({ done, total: jobs.length, current, elapsedMs: performance.now() - started });
  if (jobs.length === 0) return Promise.resolve([]);

  return new Promise((resolveAll) => {
    const finish = (k: number, entry: AuditEntry) => {
      results[k] = entry;
      done++;
      progress(entry.file);
      if (done === jobs.length) resolveAll(results);
    };

    // One slot = one worker at a time; a worker that timed out or died is replaced.
    const slot = () => {
      let worker: Worker | undefined;
      let current: { k: number; timer: NodeJS.Timeout } | undefined;
      const spawn = () => {
        const w = new Worker(spec.file, {
          workerData: spec.workerData,
          resourceLimits: { maxOldGenerationSizeMb: memoryMb },
          stdout: false, stderr: false,
        });
        w.on('message', (reply: AuditReply) => {
          if (!current || reply.id !== current.k) return;
          const k = current.k;
          clearTimeout(current.timer);
          current = undefined;
          finish(k, reply.entry);
          take();
        });
        const lost = (code: string, message: string) => {
          if (worker !== w) return;
          worker = undefined;
          if (!current) return;
          const k = current.k;
          clearTimeout(current.timer);
          current = undefined;
          finish(k, { status: 'unreadable', file: jobs[k].file, path: jobs[k].path, code, message });
          take();
        };
        w.on('error', (e: Error & { code?: string }) => e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? lost('audit.memory', `读取时占用内存超过 ${memoryMb} MB，已停止读取。`)
          : lost('audit.crash', `读取时出错：${e.message}`));
        w.on('exit', (code) => lost('audit.crash', `读取进程意外退出（${code}）。`));
        return w;
      };
      const take = () => {
        if (next >= jobs.length) { void worker?.terminate(); worker = undefined; return; }
        const k = order[next++];
        worker ??= spawn();
        const w = worker;
        current = {
          k,
          timer: setTimeout(() => {
            if (worker !== w) return;
            worker = undefined; // replaced on the next take
            current = undefined;
            void w.terminate();
            finish(k, { status: 'unreadable', file: jobs[k].file, path: jobs[k].path, code: 'audit.timeout', message: `读取超过 ${seconds(timeoutMs)}仍未完成，已停止。` });
            take();
          }, timeoutMs),
        };
        progress(jobs[k].file);
        w.postMessage({ id: k, path: jobs[k].path, file: jobs[k].file } satisfies AuditRequest);
      };
      take();
    };

    const n = Math.max(1, Math.min(opts.workers ?? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS), jobs.length));
    for (let i = 0; i < n; i++) slot();
  });
}
