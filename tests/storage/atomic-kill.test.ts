// THE KILL TEST: a child process saves two different documents alternately to one file; we kill it
// with SIGKILL after a seeded number of saves plus a seeded delay, 30 times. After every kill the
// file (and its .bak) must be exactly the old or the new version — never truncated, never
// half-written. The long run (1,000 kills) is `npm run bench:reliability`. Another seed:
// JIXIAO_KILL_SEED=<n>.
import { describe, expect, it } from 'vitest';
import { killDuringSave } from './kill-harness';

const KILLS = 30;
const SEED = Number(process.env.JIXIAO_KILL_SEED ?? 20261206);

describe('atomic save under SIGKILL', () => {
  it(`the file is always the old or the new version, ${KILLS} seeded kills`, async () => {
    const r = await killDuringSave({ kills: KILLS, seed: SEED, stopAtFirst: true });
    const summary = `seed ${SEED}: ${r.kills} kills in ${Math.round(r.elapsedMs / 1000)} s, file was A ${r.a}× / B ${r.b}×, kills mid-save: ${r.midSave}`;
    console.log(summary);
    expect(r.unreadable, summary).toEqual([]);
    // The child really was saving both versions between kills…
    expect(r.a, summary).toBeGreaterThan(0);
    expect(r.b, summary).toBeGreaterThan(0);
    // …and some kills landed in the middle of a save (otherwise this test proves nothing).
    expect(r.midSave, summary).toBeGreaterThan(0);
  }, 120_000); // ~23 s at load average 18 on 2 cores (0.75 s per kill); a few seconds when idle
});
