// Batch audits started from the editor's 批量审核 window: the host API starts one (audit:start) and
// the window polls its progress and, when done, its entries (audit:status). Finished batches are
// kept for saving the summary (audit:write) until a newer batch replaces them.
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditProgress } from '../../src-shared/audit/types';
import { auditFiles, type AuditPoolOptions } from './pool';
import { writeAuditOutputs, type AuditOutputs } from './outputs';
import { collectAuditFiles } from './walk';

export interface AuditJobStatus extends AuditProgress { finished: boolean; entries: AuditEntry[] | null }

interface Job { status: AuditJobStatus }

const KEPT = 4;

export function createAuditJobs(pool: Pick<AuditPoolOptions, 'worker' | 'timeoutMs' | 'memoryMb'> = {}) {
  const jobs = new Map<string, Job>();
  const get = (id: string): Job => {
    const job = jobs.get(id);
    if (!job) throw Object.assign(new Error('这次批量审核已结束或不存在，请重新开始。'), { code: 'audit.unknown-job' });
    return job;
  };
  return {
    /** Walks the folders now (a missing folder fails the call), audits in the background. */
    async start(paths: string[]): Promise<{ id: string; total: number }> {
      const walk = await collectAuditFiles(paths);
      const id = randomUUID();
      const job: Job = { status: { done: 0, total: walk.jobs.length, current: '', elapsedMs: 0, finished: false, entries: null } };
      jobs.set(id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT))) jobs.delete(old);
      const skipped = walk.skipped.map(({ file, path }) => ({ status: 'skipped' as const, file, path }));
      void auditFiles(walk.jobs, { ...pool, onProgress: (p) => Object.assign(job.status, p) }).then((entries) => {
        job.status = { ...job.status, done: walk.jobs.length, finished: true, entries: [...entries, ...skipped] };
      });
      return { id, total: walk.jobs.length };
    },
    status(id: string): AuditJobStatus {
      return { ...get(id).status };
    },
    async write(id: string, to: AuditOutputs): Promise<string[]> {
      const entries = get(id).status.entries;
      if (!entries) throw Object.assign(new Error('审核尚未完成。'), { code: 'audit.not-finished' });
      return writeAuditOutputs(entries, to);
    },
  };
}
