import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Bounds a hung test only: on the CI machine the fuzz test took 79 s (12 s here) beside other files.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
