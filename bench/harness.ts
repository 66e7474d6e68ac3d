/**
 * Tiny benchmark harness: run a function many times after warm-up and report the median.
 * Medians (not means) because GC pauses make single runs noisy on a shared 2-core machine.
 */
export interface BenchResult {
  name: string;
  medianMs: number;
  minMs: number;
  runs: number;
  /** Target from the issue, when there is one, for the printed verdict. */
  targetMs?: number;
}

export function measure(
  name: string,
  fn: () => unknown,
  opts: { runs?: number; warmup?: number; targetMs?: number } = {},
): BenchResult {
  const runs = opts.runs ?? 30;
  const warmup = opts.warmup ?? 5;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return {
    name,
    medianMs,
    minMs: times[0]!,
    runs,
    ...(opts.targetMs !== undefined ? { targetMs: opts.targetMs } : {}),
  };
}

/** Measure a single cold run (first call), e.g. a check with nothing cached. */
export function measureOnce(name: string, fn: () => unknown, targetMs?: number): BenchResult {
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  return { name, medianMs: ms, minMs: ms, runs: 1, ...(targetMs !== undefined ? { targetMs } : {}) };
}

/**
 * The machine's state while benchmarking: a fixed integer loop that costs ~60 ms on an idle core.
 * On a shared VM its median can sit 10–30× above its minimum (CPU stolen by the host); a
 * benchmark whose median/min ratio matches this one's is measuring the machine, not our code.
 */
export function calibrate(): BenchResult {
  return measure(
    'reference: fixed 30M-step integer loop (machine contention)',
    () => {
      let x = 0;
      for (let i = 0; i < 30_000_000; i++) x = (x * 31 + i) | 0;
      return x;
    },
    { runs: 15, warmup: 2 },
  );
}
