// The command line as a clerk or a script runs it: a whole `node bin/jixiao.mjs …` child process
// (start-up included), on the bundle that `npm install` builds. Start-up is measured against node
// itself: node_start_process is a bare `node -e 0`, and cli_help_process / cli_validate_process are
// ratios to it, both timed in the same run, interleaved run by run so machine load hits both alike.
// Targets: --help ≤ 1.6×, validate of the Linxi seed ≤ 2.5×, import of the large document ≤ 2 s
// from .docx and from .xlsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { makeSyntheticDocument } from './synthetic';
import type { Bench } from './types';

const root = join(import.meta.dirname, '..', '..');
const linxi = join(root, 'tests', 'fixtures', 'seeds', 'linxi-2019.jixiao');

const ITERATIONS = 7;

/** A bare node start, the floor every command stands on. */
function nodeStart(): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', '0'], { cwd: root, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`node -e 0 exited ${r.status}`);
  return performance.now() - t0;
}

/** `jixiao args` and `node -e 0` alternately (one warm-up each), as medians and their ratio. */
function ratioToNode(name: string, target: number, args: string[], okCodes = [0]) {
  return async () => {
    nodeStart(); jixiao(args, okCodes); // warm-up (file cache)
    const node: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) { node.push(nodeStart()); cli.push(jixiao(args, okCodes)); }
    const n = median(node);
    const c = median(cli);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      [name]: { value: r2(c / n), unit: `× node_start_process (target ≤ ${target}×; ${ITERATIONS} runs each, interleaved)` },
      [`${name}_ms`]: { value: r2(c), unit: 'ms (median)' },
      [`${name}_node_ms`]: { value: r2(n), unit: 'ms (median of the interleaved node -e 0)' },
    };
  };
}

/** Runs the real bin; fails when it is not running the bundle (a stale bundle would time tsx). */
function jixiao(args: string[], okCodes = [0]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t0;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`jixiao ${args[0]} exited ${r.status}: ${r.stderr}`);
  if (r.stderr.includes('改用 tsx')) throw new Error(`the CLI bundle is missing or stale — run npm run build:cli first (${r.stderr.trim()})`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export const benches: Bench[] = [
  { name: 'node_start_process', iterations: ITERATIONS, run: nodeStart },
  { name: 'cli_help_process', measure: ratioToNode('cli_help_process', 1.6, ['--help']) },
  // validate exits 1 when it reports findings of severity error; the Linxi seed has only 提醒/警告 — either way a full run.
  { name: 'cli_validate_process', measure: ratioToNode('cli_validate_process', 2.5, ['validate', linxi], [0, 1]) },
  {
    name: 'cli_import_large_process',
    measure: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-cli-'));
      const doc = makeSyntheticDocument();
      const inputs = { docx: join(dir, 'large.docx'), xlsx: join(dir, 'large.xlsx') };
      writeFileSync(inputs.docx, await exportDocx(doc));
      writeFileSync(inputs.xlsx, await exportXlsx(doc));
      const times = (fmt: 'docx' | 'xlsx') => {
        const run = () => jixiao(['import', inputs[fmt], '-o', join(dir, `${fmt}.jixiao`)]);
        run(); // warm-up (file cache)
        return median(Array.from({ length: 5 }, run));
      };
      const docx = times('docx');
      const xlsx = times('xlsx');
      const ms = (x: number) => ({ value: Math.round(x * 100) / 100, unit: 'ms' });
      return {
        cli_import_large_process: { ...ms(Math.max(docx, xlsx)), unit: 'ms (median, slower of .docx/.xlsx)' },
        cli_import_large_process_docx: ms(docx),
        cli_import_large_process_xlsx: ms(xlsx),
      };
    },
  },
];
