// The batch never stops or hangs on a bad file: a file that takes too long is listed as 超时 (its
// worker terminated), one that eats memory as 内存超限 (the worker's heap limit), a worker that dies
// as 读取时出错 — and the files after it are still audited. Stand-in workers play the hostile
// reader; the real worker audits the real files in the same batch.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { AUDIT_WORKER_ENTRY, auditFiles, auditWorkerSpec } from '../../src-main/audit/pool';
import type { AuditEntry } from '../../src-shared/audit';
import { FIXTURES } from './folder';

const work = mkdtempSync(join(tmpdir(), 'jixiao-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A worker that behaves per file name: hang.docx never answers, hog.docx allocates without end,
 *  die.docx exits; anything else is handed to the real audit worker code. */
const standIn = join(work, 'stand-in.mjs');
writeFileSync(standIn, `
import { parentPort, workerData } from 'node:worker_threads';
parentPort.on('message', async (job) => {
  if (job.file === 'hang.docx') { for (;;) {} }
  if (job.file === 'hog.docx') { const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: keep.length })); }
  if (job.file === 'die.docx') process.exit(3);
  parentPort.postMessage({ id: job.id, entry: { status: 'read', file: job.file, path: job.path, source: 'docx', deptCode: '', deptName: '', year: 2020, tables: { duty: true, projects: 0, selfeval: 0 }, findings: [] } });
});
`);

const job = (file: string) => ({ path: join(work, file), file });

describe('audit pool', () => {
  it('a hanging file is 超时, a memory hog 内存超限, a dying worker 读取时出错; the other files still come back, in order', async () => {
    const files = ['a.docx', 'hang.docx', 'b.docx', 'hog.docx', 'c.docx', 'die.docx', 'd.docx'];
    const progress: number[] = [];
    const t0 = performance.now();
    const entries = await auditFiles(files.map(job), {
      worker: { file: standIn }, workers: 2, timeoutMs: 5000, memoryMb: 64,
      onProgress: (p) => progress.push(p.done),
    });
    expect(entries.map((e) => e.file)).toEqual(files);
    const by = Object.fromEntries(entries.map((e) => [e.file, e]));
    expect(by['hang.docx']).toMatchObject({ status: 'unreadable', code: 'audit.timeout' });
    expect((by['hang.docx'] as { message: string }).message).toContain('5 秒');
    expect(by['hog.docx']).toMatchObject({ status: 'unreadable', code: 'audit.memory' });
    expect(by['die.docx']).toMatchObject({ status: 'unreadable', code: 'audit.crash' });
    for (const f of ['a.docx', 'b.docx', 'c.docx', 'd.docx']) expect(by[f].status).toBe('read');
    expect(Math.max(...progress)).toBe(files.length);
    expect(performance.now() - t0).toBeLessThan(60_000); // nothing waited beyond its budget
  }, 90_000);

  it('the real worker (from source, through tsx) reads fixtures and reports unreadable files', async () => {
    writeFileSync(join(work, 'junk.xlsx'), 'not a zip');
    const entries: AuditEntry[] = await auditFiles([
      { path: join(FIXTURES, 'linxi-2019.docx'), file: 'linxi-2019.docx' },
      { path: join(work, 'junk.xlsx'), file: 'junk.xlsx' },
      { path: join(work, 'missing.jixiao'), file: 'missing.jixiao' },
    ], { worker: auditWorkerSpec(), workers: 2 });
    expect(entries[0]).toMatchObject({ status: 'read', source: 'docx', deptName: '临西县人力资源和社会保障局', tables: { duty: true, projects: 0, selfeval: 0 } });
    expect(entries[1]).toMatchObject({ status: 'unreadable', code: 'import.not-office' });
    expect(entries[2]).toMatchObject({ status: 'unreadable', code: 'file.not-found' });
  }, 60_000);

  it('starts the largest files first; entries still come back in the order given', async () => {
    const started: string[] = [];
    const jobs = [{ ...job('a.docx'), size: 10 }, { ...job('b.docx'), size: 9_000_000 }, { ...job('c.docx'), size: 50_000 }];
    const entries = await auditFiles(jobs, {
      worker: { file: standIn }, workers: 1,
      onProgress: (p) => { if (!started.includes(p.current)) started.push(p.current); },
    });
    expect(started).toEqual(['b.docx', 'c.docx', 'a.docx']);
    expect(entries.map((e) => e.file)).toEqual(['a.docx', 'b.docx', 'c.docx']);
  });

  it('an empty list finishes at once', async () => {
    expect(await auditFiles([], { worker: { file: standIn } })).toEqual([]);
  });
});

describe('audit worker in a bundle', () => {
  it('a bundle that emits audit-worker.js beside the pool starts that file (no tsx needed)', async () => {
    const { build } = await import('esbuild');
    const repo = join(__dirname, '..', '..');
    // Inside the repo (dist-* is ignored by git) so the bundle's external packages resolve from node_modules.
    const out = mkdtempSync(join(repo, 'dist-test-audit-'));
    try {
      writeFileSync(join(work, 'entry.ts'), `export { auditFiles, auditWorkerSpec } from ${JSON.stringify(join(repo, 'src-main/audit/pool.ts'))};\n`);
      await build({
        entryPoints: { pool: join(work, 'entry.ts'), [AUDIT_WORKER_ENTRY]: join(repo, 'src-main', `${AUDIT_WORKER_ENTRY}.ts`) },
        bundle: true, platform: 'node', format: 'esm', packages: 'external', outdir: out, logLevel: 'warning',
      });
      const bundled = (await import(pathToFileURL(join(out, 'pool.js')).href)) as typeof import('../../src-main/audit/pool');
      expect(bundled.auditWorkerSpec()).toEqual({ file: join(out, `${AUDIT_WORKER_ENTRY}.js`) });
      const [entry] = await bundled.auditFiles([{ path: join(FIXTURES, 'linxi-2019.xlsx'), file: 'linxi-2019.xlsx' }]);
      expect(entry).toMatchObject({ status: 'read', source: 'xlsx', deptCode: '323' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
