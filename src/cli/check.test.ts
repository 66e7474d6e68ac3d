/**
 * `aspire-parity check` as a CI job runs it, in process: `main(argv, io)` with captured output,
 * the same parsing, exit codes and messages as the installed bin (whose real process start is
 * proven once in cli-process.tools.test.ts). Exit 0 when no row fails, 1 when any fails, 2 on
 * bad input (unreadable file, invalid YAML, an alias bomb) with one clear line on stderr;
 * --json and --sarif print machine-readable reports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun as Run } from '../test-support/run-cli';

const TOPOLOGY = 'fixtures/parity/travel-design.json';
const GOOD = 'fixtures/parity/travel-good/bundle.yaml';

const cli = (...args: string[]): Promise<Run> => runCli(['check', ...args]);

const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-check-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const good = readFileSync(GOOD, 'utf8');
const failing = file(
  'failing.yaml',
  good.replace('image: registry.example.com/trip-api:1.0.0', 'image: registry.example.com/trip-api:latest'),
);
const invalid = file('invalid.yaml', `${good}---\nkind: [unclosed\n`);
const bomb = file(
  'bomb.yaml',
  [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...'bcdefghi'.split('').map(
      (c, i) =>
        `${c}: &${c} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
    'kind: ConfigMap',
  ].join('\n'),
);
const missing = join(dir, 'nope.yaml');

const runs: Record<string, Run> = {};
beforeAll(async () => {
  const jobs: Record<string, string[]> = {
    goodJson: [TOPOLOGY, GOOD, '--json'],
    goodText: [TOPOLOGY, GOOD],
    failingJson: [TOPOLOGY, failing, '--json'],
    failingSarif: [TOPOLOGY, failing, '--sarif'],
    invalid: [TOPOLOGY, invalid],
    bomb: [TOPOLOGY, bomb, '--json'],
    missing: [TOPOLOGY, missing],
    missingTopology: [join(dir, 'no-topology.json'), GOOD],
  };
  for (const [name, args] of Object.entries(jobs)) runs[name] = await cli(...args);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aspire-parity check', () => {
  it('exits 0 when no row fails, with the --json report shape', () => {
    const r = runs.goodJson!;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: Record<string, unknown>[]; summary: Record<string, number> };
    expect(Object.keys(report.summary).sort()).toEqual(['fail', 'pass', 'unknown', 'warn']);
    expect(report.summary.fail).toBe(0);
    expect(report.rows.length).toBe(
      report.summary.pass! + report.summary.fail! + report.summary.warn! + report.summary.unknown!,
    );
    for (const row of report.rows) {
      expect(row).toMatchObject({
        declaration: expect.any(String),
        resource: expect.any(String),
        requirement: expect.any(String),
        status: expect.stringMatching(/^(pass|fail|warn|unknown)$/),
      });
      if (row.evidence) expect(row.evidence).toEqual({ file: expect.any(String), line: expect.any(Number) });
    }
    expect(report.rows.filter((x) => x.evidence).length).toBeGreaterThan(100);
  });

  it('prints the human table with the same verdict', () => {
    expect(runs.goodText!.code).toBe(0);
    expect(runs.goodText!.stdout).toMatch(/\d+ pass, 0 fail, \d+ warn, \d+ unknown/);
  });

  it('exits 1 when a row fails, and the failing row has its evidence and fix', () => {
    const r = runs.failingJson!;
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      rows: { id: string; status: string; evidence?: { file: string; line: number }; fix?: { text: string } }[];
      summary: { fail: number };
    };
    expect(report.summary.fail).toBe(1);
    const row = report.rows.find((x) => x.status === 'fail')!;
    expect(row.id).toBe('kube-linter:latest-tag:trip-api:trip-api');
    expect(row.evidence).toEqual({
      file: failing,
      line: good.split('\n').findIndex((l) => l.includes('trip-api:1.0.0')) + 1,
    });
    expect(row.fix?.text).toBeTruthy();
  });

  it('prints SARIF 2.1.0 with --sarif and keeps the exit code', () => {
    const r = runs.failingSarif!;
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: { level: string; ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.filter((x) => x.level === 'error').map((x) => x.ruleId)).toEqual([
      'kube-linter:latest-tag',
    ]);
  });

  it.each([
    ['invalid', 'invalid YAML', /invalid\.yaml:\d+: /],
    ['bomb', 'an alias bomb', /bomb\.yaml:\d+: .*alias/i],
    ['missing', 'an unreadable file', /nope\.yaml: cannot read/],
    ['missingTopology', 'an unreadable topology', /no-topology\.json/],
  ])('exits 2 on %s (%s) with one line naming the file', (key, _what, message) => {
    const r = runs[key]!;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^aspire-parity check: /);
    expect(lines[0]).toMatch(message);
  });
});
