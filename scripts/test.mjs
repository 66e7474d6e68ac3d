#!/usr/bin/env node
/**
 * `npm test` (and `npm run test:full` with --full): every tier, timed, on a 2-core machine.
 *
 *   1. static   typecheck, lint, the web build and the CLI bundle, side by side: each is one
 *               single-threaded process, so two cores run them in about the time of the longest.
 *   2. unit + tools   one Vitest run of both projects (two workers). --full adds the `full`
 *               project (the whole real-tool corpus) and TEST_TIER=full (long fuzz loops).
 *   3. journeys  Playwright in Chromium against the build from stage 1 (E2E_SKIP_BUILD=1).
 *
 * Stops after the first failing stage and exits with its code; prints each step's wall time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const full = process.argv.includes('--full');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const timings = [];

/** Run one step; output is buffered when `quiet` (parallel steps) and printed when it ends. */
function step(name, cmd, args, { env = {}, quiet = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let out = '';
    if (quiet) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    const finish = (code) => {
      const seconds = (Date.now() - started) / 1000;
      timings.push({ name, seconds, code });
      if (quiet && (out.trim() || code !== 0)) process.stdout.write(`\n── ${name} ──\n${out}`);
      process.stdout.write(`${code === 0 ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)\n`);
      resolve(code);
    };
    child.on('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      out += `${cmd}: ${e.message}\n`;
      finish(1);
    });
  });
}

async function stage(steps) {
  const codes = await Promise.all(steps());
  return codes.find((c) => c !== 0) ?? 0;
}

const started = Date.now();
const stages = [
  () => [
    step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { quiet: true }),
    step('lint', 'npm', ['run', '--silent', 'lint'], { quiet: true }),
    step('build (web)', bin('vite'), ['build', '--logLevel', 'warn'], { quiet: true }),
    step('build (cli)', process.execPath, ['scripts/build-cli.mjs'], { quiet: true }),
  ],
  () => [
    step(
      full ? 'unit + tools + full' : 'unit + tools',
      bin('vitest'),
      ['run', '--project', 'unit:*', '--project', 'tools', ...(full ? ['--project', 'full'] : [])],
      { env: full ? { TEST_TIER: 'full' } : {} },
    ),
  ],
  () => [step('journeys (Playwright)', process.execPath, ['scripts/run-e2e.mjs'], { env: { E2E_SKIP_BUILD: '1' } })],
];

let code = 0;
for (const s of stages) {
  code = await stage(s);
  if (code !== 0) break;
}
const rows = timings.map(
  (t) => `  ${t.code === 0 ? ' ' : '✗'} ${t.name.padEnd(24)} ${t.seconds.toFixed(1).padStart(7)} s`,
);
process.stdout.write(
  `\n${full ? 'npm run test:full' : 'npm test'}: ${code === 0 ? 'passed' : 'FAILED'} in ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s\n${rows.join('\n')}\n`,
);
process.exit(code);
