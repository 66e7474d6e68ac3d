/** The fuzz loop in a worker thread, so the watchdog in scripts/fuzz.ts can stop a hung case. */
import { parentPort, workerData } from 'node:worker_threads';
import { importerFor } from '../cli/load-apphost';
import { runCliCaptured } from './cli-capture';
import { fuzz } from './run';

const { root, seed, iterations, startAt, cliEvery } = workerData as {
  root: string;
  seed: number;
  iterations: number;
  startAt: number;
  cliEvery: number;
};
const port = parentPort!;
const importers = {
  csharp: await importerFor({ language: 'cs', siblings: [] }),
  typescript: await importerFor({ language: 'ts', siblings: [] }),
};
const summary = await fuzz({
  root,
  seed,
  iterations,
  startAt,
  importers,
  cliEvery,
  cli: runCliCaptured,
  onStart: (i, kind, input) => port.postMessage({ type: 'start', i, kind, input: input.slice(0, 4000) }),
  onStep: () => port.postMessage({ type: 'step' }),
  onCase: (i, kind, ms, failures) => port.postMessage({ type: 'case', i, kind, ms, failures }),
});
port.postMessage({
  type: 'done',
  summary: { ...summary, failures: summary.failures.map((f) => ({ ...f, input: f.input.slice(0, 4000) })) },
});
