/**
 * The seed article's own YAML (Steps 4, 5, 8, 9; Step 7's Secret is a kubectl command, so it is
 * pre-created) checked against its travel platform: the rows a reader would expect.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { checklistStatus } from './checklist';
import { checkParity } from './engine';
import type { ParityRow } from './types';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const snippet = (name: string) => ({ path: name, text: readFileSync(`fixtures/parity/seed-snippets/${name}`, 'utf8') });
const byId = (rows: ParityRow[]) => new Map(rows.map((r) => [r.id, r]));

describe('seed article snippets', () => {
  const step45 = checkParity({
    topology,
    files: [
      snippet('step4-deployment.yaml'),
      snippet('step5-service.yaml'),
      snippet('step8-probes-fragment.yaml'),
      snippet('step9-pvc.yaml'),
      snippet('step9-mount-fragment.yaml'),
    ],
    options: { preCreatedSecrets: ['catalog-database'] },
  });
  const rows = byId(step45.rows);
  const status = (id: string) => rows.get(id)?.status;

  it('reads fragments without kind as non-objects, not errors', () => {
    expect(step45.diagnostics).toEqual([]);
  });
  it('Step 4: trip-api is a Deployment with 3 replicas and ConnectionStrings__catalog from a Secret', () => {
    expect(status('workload:trip-api:')).toBe('pass');
    expect(status('workload-kind:trip-api:')).toBe('pass');
    expect(status('replicas:trip-api:')).toBe('pass');
    expect(status('connection-string:trip-api:catalog')).toBe('pass');
    expect(rows.get('connection-string:trip-api:catalog')!.evidence![0]).toMatchObject({
      file: 'step4-deployment.yaml',
      line: 22,
    });
    expect(status('connection-secret:trip-api:catalog')).toBe('pass'); // Step 7 creates it with kubectl
  });
  it('Step 5: the Service is named trip-api, selects the pods and reaches port 8080', () => {
    expect(status('service-selector:trip-api:')).toBe('pass');
    expect(status('service-port:trip-api:http')).toBe('pass');
    expect(status('names:trip-api:')).toBe('pass');
  });
  it('Step 4 alone has no probes, no instance id and no public entry', () => {
    expect(status('probes-present:trip-api:')).toBe('fail');
    expect(status('otel-endpoint:trip-api:')).toBe('pass');
    expect(status('otel-service-name:trip-api:')).toBe('pass');
    expect(status('otel-instance-id:trip-api:')).toBe('fail');
    expect(status('exposure:trip-api:')).toBe('fail');
    expect(status('waitfor:trip-api:catalog')).toBe('fail');
    // telemetry-collector is not in the snippets
    expect(status('telemetry-collector:travel-platform:collector')).toBe('unknown');
  });
  it('the database and the worker are not in the snippets', () => {
    expect(status('workload:catalog-sql:')).toBe('fail');
    expect(status('workload:availability-worker:')).toBe('fail');
    expect(status('discovery:availability-worker:trip-api')).toBe('unknown');
  });
  it('without the kubectl-created Secret listed, the Secret row fails', () => {
    const r = checkParity({ topology, files: [snippet('step4-deployment.yaml')] });
    expect(byId(r.rows).get('connection-secret:trip-api:catalog')?.status).toBe('fail');
  });
  it('Step 8 merged into Step 4: probes present, distinct, on a real port, with a startup delay', () => {
    const r = byId(
      checkParity({ topology, files: [snippet('step4-with-step8-probes.yaml'), snippet('step5-service.yaml')] }).rows,
    );
    for (const id of [
      'probes-present:trip-api:',
      'probes-distinct:trip-api:',
      'probes-paths:trip-api:',
      'probes-port:trip-api:',
      'probes-startup:trip-api:',
    ])
      expect(r.get(id)?.status, id).toBe('pass');
  });
  it('maps the checklist: workloads and connection keys satisfied, telemetry not, process items not verifiable', () => {
    const cl = new Map(checklistStatus(step45).map((c) => [c.id, c.status]));
    expect(cl.size).toBe(16);
    expect(cl.get('connection-keys')).toBe('satisfied');
    expect(cl.get('telemetry')).toBe('not');
    expect(cl.get('workload')).toBe('not');
    expect(cl.get('reviewed')).toBe('not-verifiable');
    expect(cl.get('tested')).toBe('not-verifiable');
  });
});
