/**
 * Startup can finish, for the generator's own bundles: a WaitForCompletion target becomes a Job
 * the dependant waits for with `kubectl wait`, a WaitFor on a worker (no listener) waits for its
 * rollout, and `check` of that bundle has no failing row — in every layout's plain objects. The
 * App Host is real input: the oracle scenario Aspire 13.6 itself was run on.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../aspire/apphost/import';
import type { CSharpParser } from '../aspire/apphost/parser';
import { testParser } from '../aspire/apphost/test-support';
import { generateBundle } from '../bundle/plain';
import { withDefaults } from '../model/settings';
import type { Topology } from '../model/topology';
import { applyFix } from './apply-fix';
import { checkParity } from './engine';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const oracle = (scenario: string) => readFileSync(`fixtures/oracle/${scenario}/apphost.cs`, 'utf8');

/** A worker with no endpoint that an API waits for (WaitFor on a listener-less target). */
const WORKER_WAIT = `
var builder = DistributedApplication.CreateBuilder(args);
var cache = builder.AddRedis("cache");
var worker = builder.AddContainer("indexer", "contoso/indexer", "1.4.2")
    .WithReference(cache)
    .WaitFor(cache);
builder.AddContainer("search", "contoso/search", "2.0.1")
    .WithHttpEndpoint(targetPort: 8080)
    .WithReference(cache)
    .WaitFor(worker);
builder.Build().Run();
`;

function check(topology: Topology) {
  const bundle = generateBundle(topology);
  const files = bundle.files.filter((x) => /\.ya?ml$/.test(x.path));
  const r = checkParity({ topology, files, settings: withDefaults(undefined) });
  expect(r.diagnostics).toEqual([]);
  return r.rows;
}

function failingRows(topology: Topology): string[] {
  return check(topology)
    .filter((x) => x.status === 'fail')
    .map((x) => `${x.id}: ${x.detail}`);
}

describe('generator output for designs whose startup waits for completion passes check', () => {
  it('WaitForCompletion(migrator) from the oracle scenario', () => {
    const imp = importAppHost(parser, oracle('waitfor-completion'), { fileName: 'apphost.cs' });
    expect(
      imp.topology.references.some((r) => r.from === 'api' && r.to === 'migrator' && r.waitFor === 'completion'),
    ).toBe(true);
    expect(failingRows(imp.topology)).toEqual([]);
    const rows = new Map(check(imp.topology).map((x) => [x.id, x.status]));
    expect(rows.get('waitfor-reach:api:migrator')).toBe('pass');
    expect(rows.get('workload-kind:migrator:')).toBe('pass');
    expect(rows.get('probes-task:migrator:')).toBe('pass');
    // Readiness means nothing for a wait that ends on an exit code.
    expect(rows.has('waitfor-readiness:api:migrator')).toBe(false);
  });

  it('a bundle that lost the completion wait fails, with a Fix that does not poll a port', () => {
    const imp = importAppHost(parser, oracle('waitfor-completion'), { fileName: 'apphost.cs' });
    const files = generateBundle(imp.topology).files.filter((x) => /\.ya?ml$/.test(x.path));
    const api = files.find((f) => f.path === 'api.yaml')!;
    const cut = api.text.replace(/ {8}- name: wait-for-migrator\n[\s\S]*?(?= {6}containers:)/, '');
    expect(cut).not.toBe(api.text);
    const r = checkParity({
      topology: imp.topology,
      files: files.map((f) => (f === api ? { ...f, text: cut } : f)),
      settings: withDefaults(undefined),
    });
    const row = r.rows.find((x) => x.id === 'waitfor:api:migrator')!;
    expect(row.status).toBe('fail');
    // The generator's wait: kubectl wait for the Job (its revision name), as the waiter account.
    expect(row.fix?.snippet ?? '').toMatch(/- job\/migrator-[0-9a-f]{8}/);
    expect(row.fix?.snippet ?? '').toContain('serviceAccountName: api-waiter');
    expect(row.fix?.snippet ?? '').not.toContain('nc -z -w 2 migrator');
    const edit = applyFix(cut, row.fix!, row.evidence?.[0]?.line);
    if ('error' in edit) throw new Error(edit.error);
    const after = checkParity({
      topology: imp.topology,
      files: files.map((f) => (f === api ? { ...f, text: edit.fileText } : f)),
      settings: withDefaults(undefined),
    });
    expect(after.rows.find((x) => x.id === 'waitfor:api:migrator')?.status).toBe('pass');
    expect(after.rows.find((x) => x.id === 'waitfor-reach:api:migrator')?.status).toBe('pass');
  });

  it('WaitFor on a worker with no listener', () => {
    const imp = importAppHost(parser, WORKER_WAIT, { fileName: 'apphost.cs' });
    expect(
      imp.topology.references.some((r) => r.from === 'search' && r.to === 'indexer' && r.waitFor === 'running'),
    ).toBe(true);
    expect(failingRows(imp.topology)).toEqual([]);
    expect(check(imp.topology).find((x) => x.id === 'waitfor-reach:search:indexer')?.status).toBe('pass');
  });
});
