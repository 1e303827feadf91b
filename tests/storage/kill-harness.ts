// SIGKILL during save: a child process saves two documents alternately to one file; we kill it after
// a seeded random number of completed saves plus a seeded random delay, again and again. After every kill the file (and its .bak) must be exactly
// the old or the new version — never truncated, never half-written. A short run is part of
// `npm test` (atomic-kill.test.ts); `npm run bench:reliability` runs 1,000 kills.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { loadDocumentText, serializeDocument } from '../../src-shared/model/load';
import { makeSyntheticDocument } from '../bench/synthetic';

export interface KillOptions {
  kills: number;
  /** Seeds the kill delays: the same seed gives the same sequence of delays. */
  seed: number;
  /** Kill 0…maxDelayMs after the chosen save (the next one starts at once). */
  maxDelayMs?: number;
  /** Stop at the first unreadable file (tests) instead of counting them (the reliability bench). */
  stopAtFirst?: boolean;
  onProgress?(done: number, report: KillReport): void;
}

export interface KillReport {
  seed: number;
  kills: number;
  /** How often the file held the first / the second document after a kill. */
  a: number;
  b: number;
  /** Kills that landed in the middle of a save (a temp file was left behind). */
  midSave: number;
  /** Files that were neither version after a kill (must stay empty). */
  unreadable: { kill: number; file: string; why: string }[];
  elapsedMs: number;
}

/** When to kill: after `saves` completed saves (0–3, so the file was A or B before) plus `delayMs`
 *  (0.1 ms steps). Counting saves, not only time, keeps both versions in play on a slow machine too.
 *  From the seed by fast-check's generator (unbiased), as the property tests draw their cases. */
export function killPlan(seed: number, kills: number, maxDelayMs = 20): { saves: number; delayMs: number }[] {
  const one = fc.record({ saves: fc.integer({ min: 0, max: 3 }), delayMs: fc.integer({ min: 0, max: maxDelayMs * 10 }).map((d) => d / 10) });
  return fc.sample(fc.noBias(one), { seed, numRuns: kills });
}

export async function killDuringSave(opts: KillOptions): Promise<KillReport> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-kill-'));
  const bundle = join(dir, 'kill-child.mjs');
  const target = join(dir, '绩效目标表.jixiao');
  // Two documents of different sizes, so a truncated or mixed file cannot pass for either.
  const docA = makeSyntheticDocument({ duties: 12, activities: 6, indicators: 4, projects: 60, projectIndicators: 10 });
  const docB = makeSyntheticDocument({ duties: 9, activities: 5, indicators: 5, projects: 45, projectIndicators: 12 });
  docB.meta.deptName = '另一个部门';
  const texts = { A: serializeDocument(docA), B: serializeDocument(docB) };
  // Both versions load; after that a byte-for-byte comparison is the whole check.
  for (const t of Object.values(texts)) if (!loadDocumentText(t).ok) throw new Error('kill test documents do not load');
  const report: KillReport = { seed: opts.seed, kills: 0, a: 0, b: 0, midSave: 0, unreadable: [], elapsedMs: 0 };
  const started = performance.now();
  try {
    // A bundled plain-JS child starts in ~0.1 s (tsx would take ~0.5 s).
    await build({ entryPoints: [join(import.meta.dirname, 'kill-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error' });
    writeFileSync(join(dir, 'a.json'), JSON.stringify(docA));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(docB));
    writeFileSync(target, texts.A);
    const which = (path: string): 'A' | 'B' | string => {
      const text = readFileSync(path, 'utf8');
      if (text === texts.A) return 'A';
      if (text === texts.B) return 'B';
      const r = loadDocumentText(text);
      return r.ok ? `loads, but is neither version (length ${text.length})` : `does not load: ${r.code} (length ${text.length})`;
    };
    const plan = killPlan(opts.seed, opts.kills, opts.maxDelayMs);
    for (let i = 0; i < plan.length; i++) {
      await runAndKill(bundle, [target, join(dir, 'a.json'), join(dir, 'b.json')], plan[i]);
      report.kills++;
      const now = which(target);
      if (now === 'A') report.a++;
      else if (now === 'B') report.b++;
      else report.unreadable.push({ kill: i + 1, file: target, why: now });
      const bak = `${target}.bak`;
      const before = existsSync(bak) ? which(bak) : 'A';
      if (before !== 'A' && before !== 'B') report.unreadable.push({ kill: i + 1, file: bak, why: before });
      // A temp file left behind means the kill landed in the middle of a save.
      let mid = false;
      for (const f of readdirSync(dir)) {
        if (f.endsWith('.tmp')) { mid = true; rmSync(join(dir, f)); }
      }
      if (mid) report.midSave++;
      opts.onProgress?.(report.kills, report);
      if (opts.stopAtFirst && report.unreadable.length) break;
    }
  } finally {
    report.elapsedMs = performance.now() - started;
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

function runAndKill(bundle: string, args: string[], when: { saves: number; delayMs: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const cp = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let timer: NodeJS.Timeout | undefined;
    let saved = -1; // the first line is 'go'
    cp.stdout.setEncoding('utf8');
    cp.stdout.on('data', (chunk: string) => {
      saved += chunk.split('\n').length - 1;
      if (saved >= when.saves && !timer) timer = setTimeout(() => cp.kill('SIGKILL'), when.delayMs);
    });
    cp.on('error', reject);
    cp.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited by itself (code ${code})`));
    });
  });
}
