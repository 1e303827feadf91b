// Reliability runs, too long for `npm test`:
//   npm run bench:reliability [-- --only kills,damaged] [--kills 1000] [--inputs 10000] [--seed N] [--timeout-ms 30000]
// kills:   SIGKILL during save, 1,000 times (tests/storage/kill-harness.ts): unreadable files must be 0.
// damaged: 10,000 damaged .docx/.xlsx/.jixiao files (seeded byte edits, cuts, damaged zip entries,
//          damaged JSON values; tests/reliability/mutators.ts) read from disk by the batch audit's
//          reader (src-main/audit: the importer or the loader, then the checks, in a worker with a
//          time budget). Every file must come back read, or refused with one of the reader's own
//          codes: 0 crashes, 0 hangs. Reports the median and max time per file.
// Prints a summary; exits 1 if any count that must be 0 is not. Failing inputs are kept on disk.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { auditFiles } from '../../src-main/audit/pool';
import { exportDocx, exportXlsx } from '../../src-shared/export';
import type { ImportErrorCode } from '../../src-shared/import';
import { loadDocumentText, type LoadErrorCode } from '../../src-shared/model/load';
import { FIXTURE_DIR, SEED_DIR } from '../fixtures/paths';
import { killDuringSave } from '../storage/kill-harness';
import { applyMutation, mutationOf, original, type Mutation, type Original } from './mutators';

/** The reader's own refusals: anything else (audit.crash, audit.memory, audit.timeout) is a failure. */
const IMPORT_CODES: Record<ImportErrorCode, true> = {
  'import.not-office': true, 'import.encrypted': true, 'import.legacy-format': true, 'import.too-large': true,
  'import.corrupt': true, 'import.no-table': true, 'import.unreadable': true,
};
const LOAD_CODES: Record<LoadErrorCode, true> = { 'file.not-jixiao': true, 'file.newer-version': true, 'file.corrupt': true, 'file.too-large': true };
const DOCUMENTED = new Set<string>([...Object.keys(IMPORT_CODES), ...Object.keys(LOAD_CODES)]);

const BATCH = 500;

function arg(argv: string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} 需要一个非负整数`);
  return n;
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

async function kills(n: number, seed: number): Promise<boolean> {
  console.log(`\n== kills: ${n} SIGKILLs during save, seed ${seed}`);
  const r = await killDuringSave({
    kills: n, seed,
    onProgress: (done, rep) => { if (done % 100 === 0) console.log(`  ${done}/${n}: A ${rep.a}, B ${rep.b}, mid-save ${rep.midSave}, unreadable ${rep.unreadable.length}`); },
  });
  for (const u of r.unreadable.slice(0, 20)) console.log(`  UNREADABLE after kill ${u.kill}: ${u.file}: ${u.why}`);
  console.log(`kills: ${r.kills}, unreadable files: ${r.unreadable.length}; file was A ${r.a}× / B ${r.b}×; kills mid-save: ${r.midSave}; ${Math.round(r.elapsedMs / 1000)} s`);
  return r.unreadable.length === 0;
}

/** The files to damage: the fixtures from other programs, our own exports, and .jixiao documents. */
async function originals(): Promise<Original[]> {
  const files: Original[] = readdirSync(FIXTURE_DIR).filter((f) => /\.(docx|xlsx)$/.test(f)).sort()
    .map((f) => original(f, new Uint8Array(readFileSync(join(FIXTURE_DIR, f)))));
  const seeds = readdirSync(SEED_DIR).filter((f) => f.endsWith('.jixiao')).sort();
  for (const f of seeds) files.push(original(f, new Uint8Array(readFileSync(join(SEED_DIR, f)))));
  const frozen = join(FIXTURE_DIR, '..', 'frozen');
  for (const f of readdirSync(frozen).filter((n) => n.endsWith('.jixiao')).sort()) files.push(original(`frozen-${f}`, new Uint8Array(readFileSync(join(frozen, f)))));
  for (const f of seeds.filter((s) => !s.startsWith('selfeval'))) {
    const r = loadDocumentText(readFileSync(join(SEED_DIR, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${r.message}`);
    const stem = f.replace(/\.jixiao$/, '');
    files.push(original(`${stem}-导出.xlsx`, await exportXlsx(r.document)), original(`${stem}-导出.docx`, await exportDocx(r.document)));
  }
  return files;
}

async function damaged(n: number, seed: number, timeoutMs: number): Promise<boolean> {
  const sources = await originals();
  console.log(`\n== damaged: ${n} damaged files from ${sources.length} originals, seed ${seed}, time budget ${timeoutMs} ms per file`);
  // The same seed gives the same damage: each original draws its own seeded sample.
  const plan: { o: Original; m: Mutation }[] = [];
  const per = sources.map((_, j) => Math.floor(n / sources.length) + (j < n % sources.length ? 1 : 0));
  const samples = sources.map((o, j) => fc.sample(mutationOf(o), { seed: seed + j, numRuns: per[j] }));
  for (let i = 0; plan.length < n; i++) for (let j = 0; j < sources.length; j++) if (i < samples[j].length) plan.push({ o: sources[j], m: samples[j][i] });

  const root = mkdtempSync(join(tmpdir(), 'jixiao-reliability-'));
  let kept: string | undefined;
  const times: number[] = [];
  const outcome = { read: 0, refused: new Map<string, number>(), crashes: [] as string[], hangs: [] as string[] };
  try {
    const worker = join(root, 'audit-worker.mjs');
    // The reader as the bundled CLI runs it.
    await build({ entryPoints: [join(import.meta.dirname, '../../src-main/audit-worker.ts')], bundle: true, platform: 'node', format: 'esm', outfile: worker, logLevel: 'error' });
    const kinds = new Map<string, number>();
    const started = performance.now();
    for (let b = 0; b < plan.length; b += BATCH) {
      const dir = join(root, `batch-${b / BATCH}`);
      mkdirSync(dir);
      const batch = plan.slice(b, b + BATCH);
      // Job 0 is an undamaged file: it starts the worker, and its time is not counted.
      const warm = sources[0];
      writeFileSync(join(dir, `warm-${warm.name}`), warm.bytes);
      const jobs = [{ path: join(dir, `warm-${warm.name}`), file: `warm-${warm.name}` }];
      batch.forEach(({ o, m }, k) => {
        const file = `${b + k}-${m.kind}-${o.name}`;
        writeFileSync(join(dir, file), applyMutation(o, m));
        jobs.push({ path: join(dir, file), file });
        kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
      });
      // One worker: the time from handing a file over to its entry coming back is that file's time.
      let handedAt = 0;
      let lastDone = 0;
      // The next file's time includes a worker start: the first file, and the file after a timeout
      // (after a crash too, which is reported anyway).
      let fresh = true;
      const entries = await auditFiles(jobs, {
        workers: 1, timeoutMs, worker: { file: worker },
        onProgress: (p) => {
          if (p.done === lastDone) { handedAt = p.elapsedMs; return; }
          lastDone = p.done;
          const t = p.elapsedMs - handedAt;
          if (!fresh) times.push(t);
          fresh = t >= timeoutMs;
        },
      });
      entries.slice(1).forEach((e, k) => {
        const { o, m } = batch[k];
        if (e.status === 'read') { outcome.read++; return; }
        if (e.status !== 'unreadable') throw new Error(`unexpected entry ${e.status}`);
        if (DOCUMENTED.has(e.code)) { outcome.refused.set(e.code, (outcome.refused.get(e.code) ?? 0) + 1); return; }
        kept ??= mkdtempSync(join(tmpdir(), 'jixiao-reliability-failures-'));
        writeFileSync(join(kept, e.file), readFileSync(e.path));
        writeFileSync(join(kept, `${e.file}.mutation.json`), JSON.stringify({ original: o.name, mutation: m, code: e.code, message: e.message }, null, 1));
        (e.code === 'audit.timeout' ? outcome.hangs : outcome.crashes).push(`${e.file}: ${e.code} ${e.message}`);
      });
      rmSync(dir, { recursive: true, force: true });
      const done = Math.min(plan.length, b + BATCH);
      console.log(`  ${done}/${plan.length}: read ${outcome.read}, refused ${[...outcome.refused.values()].reduce((a, x) => a + x, 0)}, crashes ${outcome.crashes.length}, hangs ${outcome.hangs.length}; ${Math.round((performance.now() - started) / 1000)} s`);
    }
    for (const c of [...outcome.crashes, ...outcome.hangs].slice(0, 20)) console.log(`  FAILED ${c}`);
    console.log(`damage: ${[...kinds].map(([k, c]) => `${k} ${c}`).join(', ')}`);
    console.log(`refused with the reader's codes: ${[...outcome.refused].sort().map(([k, c]) => `${k} ${c}`).join(', ')}`);
    console.log(`damaged files: ${plan.length}, read ${outcome.read}, refused ${plan.length - outcome.read - outcome.crashes.length - outcome.hangs.length}, crashes ${outcome.crashes.length}, hangs ${outcome.hangs.length}`);
    console.log(`time per file (read + import/load + checks, in the worker): median ${ms(pct(times, 0.5))}, p99 ${ms(pct(times, 0.99))}, max ${ms(Math.max(...times))} over ${times.length} files; total ${Math.round((performance.now() - started) / 1000)} s`);
    if (kept) console.log(`failing inputs kept in ${kept}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return outcome.crashes.length === 0 && outcome.hangs.length === 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log('用法：npm run bench:reliability [-- --only kills,damaged] [--kills 1000] [--inputs 10000] [--seed N] [--timeout-ms 30000]');
    return 0;
  }
  const i = argv.indexOf('--only');
  const only = i >= 0 ? argv[i + 1].split(',') : ['kills', 'damaged'];
  const seed = arg(argv, '--seed', 20261206);
  let ok = true;
  if (only.includes('kills')) ok = (await kills(arg(argv, '--kills', 1000), seed)) && ok;
  if (only.includes('damaged')) ok = (await damaged(arg(argv, '--inputs', 10_000), seed, arg(argv, '--timeout-ms', 30_000))) && ok;
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 1; });
