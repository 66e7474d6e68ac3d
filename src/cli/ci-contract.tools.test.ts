/**
 * The commands users run, run as they run them: the bundle README's check command in the
 * unzipped bundle, the `run:` scripts of action.yml's check and verdict steps, and the
 * .pre-commit-hooks.yaml entry with its args. `aspire-parity` on PATH runs the bundle `prepare`
 * builds (scripts/build-cli.mjs), which is what `npm install -g` of the package puts there.
 * One bash per command; the real CLI in each.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';
import { layoutBundle } from '../core/bundle/layout';
import { unzipBundle, zipBundle } from '../core/bundle/zip';
import { generate } from '../core/kube/generate';
import { withDefaults } from '../core/model/settings';
import type { Topology } from '../core/model/topology';

const repo = resolve('.');
const root = mkdtempSync(join(tmpdir(), 'aspire-parity-ci-'));
// Inside the repository, so the bundle resolves its on-disk dependencies from node_modules.
const outdir = mkdtempSync(join(repo, '.cache', 'ci-contract-'));
const bin = join(root, 'bin');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function bash(script: string, cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, timeout: 120_000 },
      (e, stdout, stderr) => {
        done({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** Unzip the travel bundle into a folder, as a user does with the download. */
function unzipTo(name: string, edit: (text: string) => string = (t) => t): string {
  const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
    .topology;
  const settings = withDefaults(undefined);
  const dir = join(root, name);
  for (const f of unzipBundle(zipBundle(layoutBundle('plain', generate(topology, settings), topology, settings)))) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.path === 'catalog-sql.yaml' ? edit(f.text) : f.text);
  }
  return dir;
}

const action = parse(readFileSync('action.yml', 'utf8')) as {
  runs: { using: string; steps: { id?: string; name?: string; run?: string; env?: Record<string, string> }[] };
  inputs: Record<string, { default: string }>;
};
const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as {
  id: string;
  entry: string;
  args: string[];
  language: string;
  pass_filenames: boolean;
}[];
// The ClusterIP Service clients use (the last of the file; the first is the StatefulSet's headless one).
const breakService = (t: string) => {
  const at = t.lastIndexOf('targetPort: tcp');
  return `${t.slice(0, at)}targetPort: 1434${t.slice(at + 'targetPort: tcp'.length)}`;
};
const runs: Record<string, Run> = {};
let good = '';
let broken = '';

beforeAll(async () => {
  // The bin runs the bundle `prepare` builds; build it here too, so this file alone runs from a fresh checkout.
  await buildCli();
  mkdirSync(bin);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
  expect(pkg.bin['aspire-parity']).toBe('bin/aspire-parity.mjs');
  const entry = (await buildCli(outdir)) as string;
  writeFileSync(join(bin, 'aspire-parity'), `#!/bin/sh\nexec node ${JSON.stringify(entry)} "$@"\n`);
  chmodSync(join(bin, 'aspire-parity'), 0o755);
  good = unzipTo('good');
  broken = unzipTo('broken', breakService);
  const readme = readFileSync(join(good, 'README.md'), 'utf8');
  const readmeCommand = readme.split('\n').find((l) => l.startsWith('aspire-parity check'))!;
  const step = action.runs.steps.find((s) => s.id === 'check')!;
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
  const stepEnv = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([k, v]) => [
      k,
      v.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/, (_m, name: string) => inputs[name]!),
    ]),
  );
  const hook = hooks.find((h) => h.id === 'aspire-parity-check')!;
  const hookCommand = [hook.entry, ...hook.args].join(' ');
  const jobs: [string, () => Promise<Run>][] = [
    ['readme', () => bash(readmeCommand, good)],
    ['actionGood', () => bash(step.run!, good, { ...stepEnv, GITHUB_OUTPUT: join(good, 'gh-output') })],
    ['actionBroken', () => bash(step.run!, broken, { ...stepEnv, GITHUB_OUTPUT: join(broken, 'gh-output') })],
    ['hookBroken', () => bash(hookCommand, broken)],
  ];
  const worker = async () => {
    for (let j = jobs.shift(); j; j = jobs.shift()) runs[j[0]] = await j[1]();
  };
  await Promise.all([worker(), worker()]);
}, 300_000);
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe('the CI contract, run as users run it', () => {
  it('the README check command runs on the unzipped bundle and passes', () => {
    expect(runs.readme!.stderr).toBe('');
    expect(runs.readme!.code).toBe(0);
    expect(runs.readme!.stdout).toMatch(/\d+ pass, 0 fail/);
  });

  it('action.yml: SARIF written, annotations printed, exit code handed to the verdict step', async () => {
    expect(action.runs.using).toBe('composite');
    expect(
      action.runs.steps.some((s) => (s as { uses?: string }).uses?.startsWith('github/codeql-action/upload-sarif')),
    ).toBe(true);
    expect(readFileSync(join(good, 'gh-output'), 'utf8')).toBe('exit-code=0\n');
    expect((JSON.parse(readFileSync(join(good, 'aspire-parity.sarif'), 'utf8')) as { version: string }).version).toBe(
      '2.1.0',
    );
    expect(readFileSync(join(broken, 'gh-output'), 'utf8')).toBe('exit-code=1\n');
    expect(runs.actionBroken!.stdout).toMatch(
      /^::error file=(trip-api|availability-worker)\.yaml,line=\d+.*title=[a-z-]+%3A reachability::.*catalog-sql/m,
    );
    const verdict = action.runs.steps.find((s) => s.name === 'Verdict')!;
    expect((await bash(verdict.run!, broken, { CODE: '1' })).code).toBe(1);
  });

  it('the pre-commit hook fails the commit of a broken bundle', () => {
    expect(hooks[0]!.pass_filenames).toBe(false);
    expect(runs.hookBroken!.code).toBe(1);
    expect(runs.hookBroken!.stdout).toMatch(/FAIL .*catalog-sql/);
  });
});
