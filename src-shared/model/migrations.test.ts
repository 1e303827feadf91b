import { describe, expect, it } from 'vitest';
import { MIGRATIONS, checkMigrations, migrate, type Migration } from './migrations';
import { SCHEMA_VERSION } from './schema';

describe('migration registry', () => {
  it('is contiguous, one version per step, and ends at SCHEMA_VERSION', () => {
    expect(checkMigrations(MIGRATIONS, SCHEMA_VERSION)).toEqual([]);
  });

  const step = (from: number, name = `v${from}-to-v${from + 1}`): Migration => ({
    from, to: from + 1, name, up: (d) => ({ ...d, trail: [...((d.trail as string[]) ?? []), name] }),
  });

  it('self-check catches gaps, skips, duplicates and a wrong end', () => {
    expect(checkMigrations([step(1), step(2)], 3)).toEqual([]);
    expect(checkMigrations([step(1), step(3)], 4).join()).toMatch(/starts at v3, expected v2/);
    expect(checkMigrations([{ ...step(1), to: 3 }], 3).join()).toMatch(/must go from v1 to v2/);
    expect(checkMigrations([step(1, 'x'), step(2, 'x')], 3).join()).toMatch(/duplicate/);
    expect(checkMigrations([step(1)], 3).join()).toMatch(/end at v2/);
    expect(checkMigrations([], 2).join()).toMatch(/end at v1/);
  });

  it('applies the steps in order, sets schemaVersion and keeps unknown fields', () => {
    const r = migrate({ format: 'jixiao', schemaVersion: 1, mystery: 42 }, 1, [step(1), step(2)], 3);
    expect(r).toEqual({ ok: true, applied: ['v1-to-v2', 'v2-to-v3'], document: { format: 'jixiao', schemaVersion: 3, mystery: 42, trail: ['v1-to-v2', 'v2-to-v3'] } });
    const partial = migrate({ schemaVersion: 2 }, 2, [step(1), step(2)], 3);
    expect(partial.ok && partial.applied).toEqual(['v2-to-v3']);
  });

  it('reports a missing or failing step instead of throwing', () => {
    expect(migrate({}, 1, [step(2)], 3)).toMatchObject({ ok: false, message: expect.stringContaining('第 1 版') });
    const bad: Migration = { from: 1, to: 2, name: 'bad', up: () => { throw new Error('boom'); } };
    expect(migrate({}, 1, [bad], 2)).toMatchObject({ ok: false, message: expect.stringContaining('boom') });
  });
});
