// Excel/Word export and import off the main thread. In Electron the main process's JS thread is
// also its UI thread: a 2-second xlsx export of a large document there would freeze every window's
// input. The host API sends these jobs here instead (see createOfficeWorker in host-api.ts).
import { parentPort } from 'node:worker_threads';
import type { ApiFailure, ExportOptions } from '../src-shared/ipc';
import type { JixiaoDocument } from '../src-shared/model';
import { exportBytes } from './services/export-files';
import { importFile } from './services/import-files';
import { toFailure } from './services/errors';

export type OfficeJob =
  | { id: number; task: 'export'; document: JixiaoDocument; format: 'xlsx' | 'docx'; options: ExportOptions }
  | { id: number; task: 'import'; path: string; into?: JixiaoDocument };

export type OfficeReply = { id: number; ok: true; result: unknown } | ({ id: number } & ApiFailure);

parentPort?.on('message', async (job: OfficeJob) => {
  try {
    if (job.task === 'export') {
      const bytes = await exportBytes(job.document, job.format, job.options);
      // Copied, not transferred: the bytes may sit in Node's shared Buffer pool.
      parentPort!.postMessage({ id: job.id, ok: true, result: bytes } satisfies OfficeReply);
    } else {
      parentPort!.postMessage({ id: job.id, ok: true, result: await importFile(job.path, { into: job.into }) } satisfies OfficeReply);
    }
  } catch (err) {
    // Serialised as IPC does (code, message, details): an `export.empty` stays `export.empty`.
    parentPort!.postMessage({ id: job.id, ...toFailure(err) } satisfies OfficeReply);
  }
});
