/**
 * A seeded fuzz run: each iteration picks an input kind and a seed input, mutates it a few
 * times and runs it through the oracle. The same seed and count replay the same cases, so a
 * failure is reported with what reproduces it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAny, type AppHostImporter } from '../core/aspire/import-any';

/** The App Host importers a run has (a kind whose importer is missing is left out). */
export interface FuzzImporters {
  csharp?: AppHostImporter;
  typescript?: AppHostImporter;
}
import { inputKinds, type InputKind } from './inputs';
import { runCase, type CaseContext } from './oracle';
import { Rng } from './rng';

export interface FuzzOptions {
  root: string;
  seed: number;
  iterations: number;
  importers?: FuzzImporters;
  /** Run the real CLI commands every `cliEvery` iterations (0: never). */
  cliEvery?: number;
  cli?: CaseContext['cli'];
  /** Replay the sequence but run cases only from this iteration on (resume after a hang). */
  startAt?: number;
  /** Called after each case (progress for the watchdog). */
  onCase?(i: number, kind: string, ms: number, failures: string[]): void;
  /** Called after each timed run within a case (progress for the watchdog). */
  onStep?(): void;
  /** Called before each case runs (the watchdog names the input of a hung case). */
  onStart?(i: number, kind: string, input: string): void;
}

export interface FuzzFailure {
  iteration: number;
  kind: string;
  failures: string[];
  /** The input, for a reproduction (truncated in reports). */
  input: string;
}

export interface FuzzSummary {
  iterations: number;
  byKind: Record<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
}

/** The run's inputs in order: the same seed and options replay the same sequence (fuzz-replay.ts). */
export function* fuzzCases(
  opts: Pick<FuzzOptions, 'root' | 'seed' | 'iterations' | 'importers'>,
): Generator<{ i: number; kind: InputKind; text: string }> {
  const rng = new Rng(opts.seed);
  const kinds = inputKinds(opts.root).filter(
    (k) =>
      (k.name !== 'apphost-cs' || opts.importers?.csharp) && (k.name !== 'apphost-ts' || opts.importers?.typescript),
  );
  for (let i = 0; i < opts.iterations; i++) {
    const kind = rng.pick(kinds);
    let text = rng.pick(kind.seeds);
    for (let n = 1 + rng.int(3); n > 0; n--) text = kind.mutate(text, rng);
    yield { i, kind, text };
  }
}

export async function fuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const checkTopology = importAny(
    readFileSync(join(opts.root, 'fixtures/parity/travel-design.json'), 'utf8'),
    'travel-design.json',
  ).topology!;
  const summary: FuzzSummary = { iterations: 0, byKind: {}, failures: [], slowestMs: 0 };
  for (const { i, kind, text } of fuzzCases(opts)) {
    if (i < (opts.startAt ?? 0)) continue;
    opts.onStart?.(i, kind.name, text);
    const cli = opts.cliEvery && opts.cli && i % opts.cliEvery === 0 ? opts.cli : undefined;
    const ctx: CaseContext = {
      checkTopology,
      ...(opts.importers ? { appHostImporters: opts.importers } : {}),
      ...(cli ? { cli } : {}),
      ...(opts.onStep ? { onStep: opts.onStep } : {}),
    };
    const r = await runCase(kind, text, ctx);
    summary.iterations++;
    summary.byKind[kind.name] = (summary.byKind[kind.name] ?? 0) + 1;
    summary.slowestMs = Math.max(summary.slowestMs, r.ms);
    if (r.failures.length) summary.failures.push({ iteration: i, kind: kind.name, failures: r.failures, input: text });
    opts.onCase?.(i, kind.name, r.ms, r.failures);
  }
  return summary;
}
