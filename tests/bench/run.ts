// Bench runner: `npm run bench [-- --only a,b] [--json] [--iterations N]`.
// Discovers tests/bench/*.bench.ts; runs every bench in its own child process so its peak RSS is its
// own; times `run` per iteration after one warm-up and reports the median. With --json the last
// line of stdout is one JSON object `{ name: { median_ms, peak_rss_mb, iterations } | { value, unit } | { error } }`.
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './types';

type Entry = Record<string, number | string>;
type Results = Record<string, Entry>;

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const DEFAULT_ITERATIONS = 7;
const CHILD_TIMEOUT_MS = 10 * 60_000;

async function loadBenches(file: string): Promise<Bench[]> {
  const mod = (await import(pathToFileURL(file).href)) as { benches?: Bench[] };
  if (!Array.isArray(mod.benches)) throw new Error(`${file} 没有导出 benches 数组`);
  return mod.benches;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Child side: run one bench, send its entries to the parent. */
async function child(file: string, name: string, iterationsArg: number | undefined): Promise<void> {
  let results: Results;
  try {
    const bench = (await loadBenches(file)).find((b) => b.name === name);
    if (!bench) throw new Error(`找不到 bench ${name}`);
    results = {};
    if (bench.run) {
      const ctx = bench.setup ? await bench.setup() : undefined;
      const n = iterationsArg ?? bench.iterations ?? DEFAULT_ITERATIONS;
      await bench.run(ctx); // warm-up
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await bench.run(ctx);
        times.push(performance.now() - t0);
      }
      results[bench.name] = {
        median_ms: round(median(times)),
        peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
        iterations: n,
      };
    } else if (bench.setup) {
      await bench.setup();
    }
    if (bench.measure) Object.assign(results, await bench.measure());
  } catch (err) {
    console.error(err);
    results = { [name]: { error: err instanceof Error ? err.message : String(err) } };
  }
  process.send!(results, () => process.exit(0));
}

function runInChild(file: string, name: string, iterations: number | undefined): Promise<Results> {
  return new Promise((resolve) => {
    // Re-use the loader flags tsx gave this process, so the child can import .ts files.
    const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
    const args = ['--child', file, name, ...(iterations ? ['--iterations', String(iterations)] : [])];
    const cp = fork(self, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let got: Results | undefined;
    const timer = setTimeout(() => cp.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    cp.on('message', (m) => { got = m as Results; });
    cp.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(got ?? { [name]: { error: `子进程异常退出（code ${code}, signal ${signal}）` } });
    });
  });
}

function printTable(results: Results, out: (s: string) => void): void {
  const rows = Object.entries(results).map(([name, e]) => {
    if ('error' in e) return [name, '失败', String(e.error).split('\n')[0]];
    if ('median_ms' in e) return [name, `${e.median_ms} ms`, `峰值内存 ${e.peak_rss_mb} MB，${e.iterations} 次`];
    if ('value' in e) return [name, `${e.value} ${e.unit ?? ''}`.trim(), ''];
    return [name, JSON.stringify(e), ''];
  });
  const w = [0, 1].map((i) => Math.max(4, ...rows.map((r) => r[i].length)));
  out(`${'bench'.padEnd(w[0])}  ${'结果'.padEnd(w[1])}  说明`);
  for (const r of rows) out(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}`);
}

function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
}

async function main(argv: string[]): Promise<number> {
  const iterRaw = argValue(argv, '--iterations');
  const iterations = iterRaw ? Number(iterRaw) : undefined;
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations > 0)) {
    console.error('--iterations 需要一个正整数');
    return 2;
  }
  if (argv[0] === '--child') {
    await child(argv[1], argv[2], iterations);
    return -1; // the child exits after its message is sent
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('用法：npm run bench [-- --only 名称1,名称2] [--json] [--iterations N]');
    return 0;
  }
  const json = argv.includes('--json');
  const only = argValue(argv, '--only')?.split(',').map((s) => s.trim()).filter(Boolean);
  const log = json ? (s: string) => console.error(s) : (s: string) => console.log(s);

  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort().map((f) => join(here, f));
  const plan: { file: string; name: string }[] = [];
  const results: Results = {};
  for (const file of files) {
    try {
      for (const b of await loadBenches(file)) plan.push({ file, name: b.name });
    } catch (err) {
      results[file.slice(here.length + 1)] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  const selected = only ? plan.filter((p) => only.includes(p.name)) : plan;
  if (only) {
    const known = new Set(plan.map((p) => p.name));
    for (const n of only) if (!known.has(n)) results[n] = { error: `没有名为 ${n} 的 bench` };
  }
  for (const { file, name } of selected) {
    log(`… ${name}`);
    Object.assign(results, await runInChild(file, name, iterations));
  }
  printTable(results, log);
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  return Object.values(results).some((e) => 'error' in e) ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { if (code >= 0) process.exitCode = code; }, (err) => {
  console.error(err);
  process.exitCode = 1;
});
