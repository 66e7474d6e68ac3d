/** Order statistics of a benchmark's samples (ms): the benchmarks report medians, never means. */
export interface Spread {
  count: number;
  min: number;
  median: number;
  p75: number;
  p90: number;
  p95: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return {
    count: sorted.length,
    min: sorted[0] ?? NaN,
    median: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    p95: q(0.95),
    max: sorted.at(-1) ?? NaN,
  };
}
