/**
 * Test tiers (README "Tests"), one Vitest project each, chosen by file suffix:
 * - unit:  `*.test.ts(x)` — in process, no child processes; the bulk of the proof (projects
 *           unit:core and unit:faces, run together with `--project 'unit:*'`).
 * - tools: `*.tools.test.ts` — the real helm and kubectl on a sample (few processes).
 * - full:  `*.full.test.ts` — the whole real-tool corpus and long fuzz runs (`npm run test:full`).
 * `npm test` runs unit + tools; `npm run test:full` runs every project with TEST_TIER=full,
 * which also lengthens the seeded fuzz loops (src/test-support/tier.ts).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const TIER_SUFFIXES = ['**/*.tools.test.ts', '**/*.full.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Bounds a hung test only: on the CI machine the fuzz test took 79 s (12 s here) beside other files.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Threads, not forks: starting a process is what the CI sandbox is slowest at.
    pool: 'threads',
    // Vitest's default is cores − 1, a single worker on the 2-core CI machine; the main process
    // only schedules, so use both cores.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      // The pure core shares one module instance per worker across its test files (no
      // re-import per file: 40% less CPU for the unit tier). It holds no mutable state by
      // design (ESLint keeps UI, stores and I/O out), so sharing cannot change a result; a
      // test that needs a fresh module belongs to a face.
      {
        extends: true,
        test: { name: 'unit:core', include: ['src/core/**/*.test.ts'], exclude: TIER_SUFFIXES, isolate: false },
      },
      // The faces (stores, UI, CLI, scripts) keep module singletons: a fresh module per file.
      {
        extends: true,
        test: {
          name: 'unit:faces',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: [...TIER_SUFFIXES, 'src/core/**'],
        },
      },
      // Two concurrent tests at most: each may run four helm/kubectl processes at once.
      {
        extends: true,
        test: { name: 'tools', include: ['src/**/*.tools.test.ts', 'scripts/**/*.tools.test.ts'], maxConcurrency: 2 },
      },
      { extends: true, test: { name: 'full', include: ['src/**/*.full.test.ts', 'scripts/**/*.full.test.ts'] } },
    ],
  },
});
