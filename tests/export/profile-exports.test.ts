// Templates became profiles (issue 18) without changing what they produce: every export of every
// repo fixture, under every shipped Hebei/national layout, is byte-identical to the one pinned in
// profile-exports.json (recorded on main before the move; zips compared part by part).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportHashes } from './exportHashes';

describe('exports are unchanged by the move to profiles', () => {
  it('every fixture × layout × format has its pinned bytes', async () => {
    const pinned = JSON.parse(readFileSync(join(import.meta.dirname, 'profile-exports.json'), 'utf8'));
    expect(Object.keys(pinned).length).toBeGreaterThanOrEqual(90);
    expect(await exportHashes()).toEqual(pinned);
  }, 120_000);
});
