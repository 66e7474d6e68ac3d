/**
 * `npm run bench`: runs every bench/*.bench.ts (each default-exports an async function that
 * returns BenchResult[]) and prints one table of medians with the target, if any.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();

const all: BenchResult[] = [];
for (const f of files) {
  const mod = (await import(join(here, f))) as { default: () => Promise<BenchResult[]> };
  const results = await mod.default();
  for (const r of results) {
    all.push(r);
    const verdict = r.targetMs === undefined ? '' : r.medianMs <= r.targetMs ? `  ok (target < ${r.targetMs} ms)` : `  OVER target ${r.targetMs} ms`;
    console.log(`${r.name.padEnd(64)} median ${r.medianMs.toFixed(2).padStart(9)} ms  min ${r.minMs.toFixed(2).padStart(9)} ms  runs ${String(r.runs).padStart(3)}${verdict}`);
  }
}
if (all.length === 0) console.log('no benchmarks found');
