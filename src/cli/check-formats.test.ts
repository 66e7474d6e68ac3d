/**
 * The CI contract of `check`, in process (`main(argv, io)`, no child processes): every --format, --fail-on,
 * --fix writing only the files it fixed, and a downloaded bundle zip checked on its own.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { layoutBundle } from '../core/bundle/layout';
import { zipBundle } from '../core/bundle/zip';
import { generate } from '../core/kube/generate';
import type { Topology } from '../core/model/topology';
import { withDefaults } from '../core/model/settings';
import { MUTATIONS, mutate } from '../core/parity/mutations.fixture';
import { runCli } from '../test-support/run-cli';

const TOPOLOGY = 'fixtures/parity/travel-design.json';
const GOOD = 'fixtures/parity/travel-good/bundle.yaml';
const good = readFileSync(GOOD, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-formats-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const byName = (name: string) => MUTATIONS.find((m) => m.name === name)!;

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
});

/** `aspire-parity check …` in process; output accumulates in out/err for the assertions. */
const check = async (...args: string[]) => {
  const r = await runCli(['check', ...args]);
  out += r.stdout;
  err += r.stderr;
  return r.code;
};

describe('check formats and exit codes', () => {
  const broken = write('broken.yaml', mutate(good, byName('one letter of the host in the connection string Secret')));
  const foreign = write(
    'foreign.yaml',
    mutate(good, byName('Aspire-publisher naming: trip-api-service, resolved through services__')),
  );

  it('github: ::error annotations with file and line for each failing row', async () => {
    expect(await check(TOPOLOGY, broken, '--format', 'github')).toBe(1);
    const errors = out.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.length).toBe(2);
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error file=${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}` +
          `,line=\\d+(,endLine=\\d+)?,title=trip-api%3A reachability::`,
      ),
    );
    expect(errors[0]).toContain('catalog-sqk');
  });

  it('junit: one suite per resource, failures for failing rows, skipped for unknown ones', async () => {
    expect(await check(TOPOLOGY, broken, '--format', 'junit')).toBe(1);
    expect(out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="aspire-parity" tests="\d+" failures="2" errors="0" skipped="3">/,
    );
    expect(out).toContain('<testsuite name="trip-api"');
    expect(out.match(/<failure type="fail"/g)).toHaveLength(2);
    expect(out.match(/<skipped /g)).toHaveLength(3);
  });

  it('sarif and json keep their shapes; --json and --sarif stay aliases', async () => {
    expect(await check(TOPOLOGY, broken, '--format', 'sarif')).toBe(1);
    const sarif = JSON.parse(out) as { version: string; runs: { results: { level: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.filter((r) => r.level === 'error')).toHaveLength(2);
    out = '';
    expect(await check(TOPOLOGY, GOOD, '--json')).toBe(0);
    expect((JSON.parse(out) as { summary: { fail: number } }).summary.fail).toBe(0);
  });

  it('--fail-on warn turns warnings into a failing exit; the default does not', async () => {
    expect(await check(TOPOLOGY, foreign, '--format', 'table')).toBe(0);
    expect(out).toMatch(/WARN .*symbolic name/);
    expect(await check(TOPOLOGY, foreign, '--format', 'github', '--fail-on', 'warn')).toBe(1);
    expect(out).toMatch(/^::error .*title=trip-api%3A names::/m);
  });

  it('bad usage is exit 2 with one line', async () => {
    expect(await check(TOPOLOGY, GOOD, '--format', 'xml')).toBe(2);
    expect(err).toMatch(/^aspire-parity check: --format must be one of table, json, sarif, junit, github/);
    expect(await check(TOPOLOGY, GOOD, '--fail-on', 'never')).toBe(2);
    expect(await check(TOPOLOGY, GOOD, '--json', '--format', 'junit')).toBe(2);
  });
});

describe('check --fix', () => {
  it('writes the fixed file, leaves the others byte for byte, and then passes', async () => {
    const m = byName('database Service targets the wrong container port');
    const brokenPath = write('fix-me.yaml', mutate(good, m));
    const other = write('other.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\ndata: {}\n');
    const before = readFileSync(other, 'utf8');
    expect(await check(TOPOLOGY, brokenPath, other, '--fix', '--format', 'json')).toBe(0);
    expect(readFileSync(other, 'utf8')).toBe(before);
    expect(readFileSync(brokenPath, 'utf8')).toMatch(/targetPort: (1433|tcp)/);
    expect(err).toContain(`fixed ${brokenPath}`);
    // The fixed file checks clean in a fresh run, and no temporary file is left behind.
    expect(await check(TOPOLOGY, brokenPath)).toBe(0);
  });

  it('never writes to standard input or a zip', async () => {
    expect(await check(join(dir, 'bundle.zip'), '--fix')).toBe(2);
  });
});

describe('a downloaded bundle checks on its own', () => {
  const topology = (JSON.parse(readFileSync(TOPOLOGY, 'utf8')) as { topology: Topology }).topology;
  const settings = withDefaults(undefined);
  const files = layoutBundle('plain', generate(topology, settings), topology, settings);
  const zip = join(dir, 'bundle.zip');
  writeFileSync(zip, zipBundle(files, 'travel-k8s'));

  it('carries the design and checks from the zip alone', async () => {
    expect(files.map((f) => f.path)).toContain('aspire-parity.design.json');
    expect(await check(zip, '--format', 'github')).toBe(0);
    expect(out).toMatch(/aspire-parity: \d+ pass, 0 fail/);
  });

  it('a Kustomize or Helm zip without its tool on PATH: exit 2 with the command, no verdict on raw files', async () => {
    // Rendered with the tool when it is there: src/cli/check-zip-render.tools.test.ts.
    const kzip = join(dir, 'kustomize.zip');
    writeFileSync(kzip, zipBundle(layoutBundle('kustomize', generate(topology, settings), topology, settings)));
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      expect(await check(kzip)).toBe(2);
    } finally {
      process.env.PATH = path;
    }
    expect(out).toBe('');
    expect(err).toContain('kubectl is not on PATH; unzip it and run: kubectl kustomize overlays/prod | aspire-parity');
  });
});

describe('no report format prints a credential from the bundle', () => {
  // A Secret with a literal password and a host one letter off: the reachability Fix regenerates
  // the value with the right host, and CI logs keep whatever the report prints.
  const leaky = good.replace(
    'connection-string: "<set before applying>"',
    'connection-string: "Server=catalog-sqll,1433;Database=catalog;User ID=sa;Password=Hunter2Secret!"',
  );

  it.each(['table', 'json', 'sarif', 'junit', 'github'])('%s', async (format) => {
    expect(leaky).not.toBe(good);
    expect(await check(TOPOLOGY, write(`leaky-${format}.yaml`, leaky), '--format', format)).toBe(1);
    expect(out).toContain('catalog-sql');
    expect(out).not.toContain('Hunter2Secret');
  });

  it('json, when the Secret holds the value base64-encoded under data', async () => {
    const b64 = good.replace(
      'stringData:\n  connection-string: "<set before applying>"',
      `data:\n  connection-string: ${btoa('Server=catalog-sqll,1433;User ID=sa;Password=Hunter2Secret!')}`,
    );
    expect(b64).not.toBe(good);
    expect(await check(TOPOLOGY, write('leaky-b64.yaml', b64), '--format', 'json')).toBe(1);
    expect(out).toContain('<redacted>');
    expect(out).not.toContain(btoa('Server=catalog-sql,1433;User ID=sa;Password=Hunter2Secret!'));
  });

  it('while --fix still writes the real value back', async () => {
    const file = write('leaky-fix.yaml', leaky);
    await check(TOPOLOGY, file, '--fix');
    expect(readFileSync(file, 'utf8')).toContain(
      'Server=catalog-sql,1433;Database=catalog;User ID=sa;Password=Hunter2Secret!',
    );
  });
});
