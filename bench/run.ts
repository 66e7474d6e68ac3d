/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts (each default-exports an async function
 * that returns BenchResult[]) and prints one table of medians with the target, if any. Without
 * a filter, or with the filter "browser", it then runs the in-Chromium benchmarks
 * (e2e/*-perf.spec.ts: 300-node drag frames, keystroke → parity table) on a production build.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrate, type BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();

const print = (r: BenchResult) => {
  const verdict =
    r.targetMs === undefined
      ? ''
      : r.medianMs <= r.targetMs
        ? `  ok (target < ${r.targetMs} ms)`
        : `  OVER target ${r.targetMs} ms`;
  console.log(
    `${r.name.padEnd(64)} median ${r.medianMs.toFixed(2).padStart(9)} ms  min ${r.minMs.toFixed(2).padStart(9)} ms  ` +
      `runs ${String(r.runs).padStart(3)}${verdict}`,
  );
};

const all: BenchResult[] = [];
if (files.length > 0) print(calibrate());
for (const f of files) {
  const mod = (await import(join(here, f))) as { default: () => Promise<BenchResult[]> };
  const results = await mod.default();
  for (const r of results) {
    all.push(r);
    print(r);
  }
}
if (files.length > 0) print(calibrate());
if (!only || only === 'browser') {
  console.log('\nIn Chromium (production build):');
  const run = spawnSync(process.execPath, [join(here, '..', 'scripts', 'run-e2e.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, E2E_PERF: '1' },
  });
  process.exitCode = run.status ?? 1;
} else if (all.length === 0) console.log('no benchmarks found');
