// The bench contract: each tests/bench/<area>.bench.ts exports `benches: Bench[]`.
// `run` is timed per iteration by the runner (median_ms, peak_rss_mb; each bench in its own child
// process); `measure` returns entries that are not plain medians, e.g. `{ keystroke_p95: { value: 31, unit: 'ms' } }`.
export interface Bench {
  name: string;
  iterations?: number;
  setup?: () => unknown | Promise<unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run?: (ctx: any) => unknown | Promise<unknown>;
  measure?: () => Promise<Record<string, Record<string, number | string>>>;
}
