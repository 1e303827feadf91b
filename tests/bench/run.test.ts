// The bench runner's contract: --only, --iterations, --json as the last stdout line, exit 1 on failure.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

describe('bench runner', () => {
  it('runs the selected benches in children and prints one JSON object as the last line', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tests/bench/run.ts', '--only', 'save_large,no_such_bench', '--iterations', '2', '--json'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const lines = r.stdout.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    expect(Object.keys(result).sort()).toEqual(['no_such_bench', 'save_large']);
    expect(result.save_large.iterations).toBe(2);
    expect(result.save_large.median_ms).toBeGreaterThan(0);
    expect(result.save_large.peak_rss_mb).toBeGreaterThan(10);
    expect(result.no_such_bench.error).toContain('no_such_bench');
    expect(r.status).toBe(1); // an unknown or failing bench fails the run
  });
});
