import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    // Seeded property tests: the same cases on every run (tests/setup/seed.ts).
    setupFiles: ['tests/setup/seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: e2e and LibreOffice render tests are heavy; keep files from starving each other.
    maxWorkers: 2,
  },
});
