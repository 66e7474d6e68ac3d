/**
 * Which test tier runs: `npm test` (default) or `npm run test:full` (TEST_TIER=full). Seeded
 * loops take their length from here, so the default tier runs a short prefix of the very
 * sequence the full tier runs: the same seeds, the same proof, fewer of them.
 */
export const fullTier = process.env.TEST_TIER === 'full';

/** Iterations of a seeded fuzz loop: FUZZ_RUNS if set, else `short` by default and `long` in the full tier. */
export function fuzzRuns(short: number, long: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fullTier ? long : short;
}
