/**
 * `npm run fuzz -- [--iterations N] [--seed S] [--cli-every K] [--from I]`: the long seeded fuzz run of
 * issue 15. Cases run in a worker; a run within a case (import → convert → check, or one CLI command) that makes no
 * progress for 5 s is a hang: the worker
 * is stopped, the case reported (with its input) and the run resumes after it. Exit 1 when any
 * property failed. The short run of the unit tier is src/fuzz/fuzz.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SLOW_MS } from '../src/fuzz/oracle';
import type { FuzzFailure, FuzzSummary } from '../src/fuzz/run';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} takes a whole number`);
  return v;
}

const iterations = flag('iterations', 2000);
const seed = flag('seed', 15);
const cliEvery = flag('cli-every', 20);
// Resume a long run (or split it into chunks): cases before --from are replayed but not run.
const from = flag('from', 0);
const root = process.cwd();

const failures: FuzzFailure[] = [];
const byKind: Record<string, number> = {};
let slowest = 0;
let done = 0;

function runFrom(startAt: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), {
      workerData: { root, seed, iterations, startAt, cliEvery },
    });
    let current: { i: number; kind: string; input: string } | undefined;
    let last = Date.now();
    const timer = setInterval(() => {
      if (current && Date.now() - last > SLOW_MS) {
        clearInterval(timer);
        failures.push({
          iteration: current.i,
          kind: current.kind,
          failures: [`hung: no result after ${SLOW_MS} ms`],
          input: current.input,
        });
        process.stderr.write(
          `  #${current.i} ${current.kind}: hung (no result after ${SLOW_MS} ms); resuming after it\n`,
        );
        void worker.terminate().then(() => resolve(current!.i + 1));
      }
    }, 250);
    worker.on(
      'message',
      (m: {
        type: string;
        i: number;
        kind: string;
        input: string;
        ms: number;
        failures?: string[];
        summary: FuzzSummary;
      }) => {
        last = Date.now();
        if (m.type === 'start') current = { i: m.i, kind: m.kind, input: m.input };
        else if (m.type === 'case') {
          done++;
          byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
          slowest = Math.max(slowest, m.ms);
          // Kept and reported as found: a long run gives results early, and a later hang that
          // stops this worker does not lose them.
          if (m.failures?.length) {
            failures.push({ iteration: m.i, kind: m.kind, failures: m.failures, input: current?.input ?? '' });
            process.stderr.write(`  #${m.i} ${m.kind}: ${JSON.stringify(m.failures).slice(0, 400)}\n`);
          }
          current = undefined;
          if (done % 250 === 0)
            process.stderr.write(`  ${done} of ${iterations} cases, ${failures.length} failing so far…\n`);
        } else if (m.type === 'done') {
          clearInterval(timer);
          resolve(undefined);
        }
      },
    );
    worker.on('error', (e) => {
      clearInterval(timer);
      failures.push({
        iteration: current?.i ?? -1,
        kind: current?.kind ?? '?',
        failures: [`worker crashed: ${e.message}`],
        input: current?.input ?? '',
      });
      resolve(current ? current.i + 1 : undefined);
    });
  });
}

const t0 = Date.now();
for (let next: number | undefined = from; next !== undefined && next < iterations;) next = await runFrom(next);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
process.stdout.write(
  `fuzz: seed ${seed}, ${done} cases in ${secs} s (${Object.entries(byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}), slowest ${Math.round(slowest)} ms, ${failures.length} failing\n`,
);
if (failures.length) {
  const file = join(root, 'test-results', `fuzz-failures-seed-${seed}.json`);
  try {
    writeFileSync(file, JSON.stringify(failures, null, 2));
    process.stdout.write(`inputs of the failing cases: ${file}\n`);
  } catch {
    /* the summary below still names them */
  }
  for (const f of failures.slice(0, 20))
    process.stdout.write(`  #${f.iteration} ${f.kind}: ${JSON.stringify(f.failures).slice(0, 400)}\n`);
}
process.exitCode = failures.length ? 1 : 0;
