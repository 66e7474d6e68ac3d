/**
 * Real-tool proof for designs whose startup waits through the Kubernetes API (WaitForCompletion →
 * Job + kubectl wait, WaitFor on a worker → rollout status): the Job, ServiceAccount, Role and
 * RoleBinding survive kubectl kustomize (both overlays) and helm lint/template, validate strictly,
 * and keep the plain bundle's parity verdicts. The corpus manifests cannot carry WaitFor, so the
 * input is the oracle App Host Aspire 13.6 was run on, read by our App Host importer.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../aspire/apphost/import';
import { testParser } from '../aspire/apphost/test-support';
import { generate } from '../kube/generate';
import type { Topology } from '../model/topology';
import { ensureK8sTools } from '../../test-support/k8s-tools';
import { layoutSettings, proveLayouts } from '../../test-support/layout-proof';

let topology: Topology;
beforeAll(async () => {
  ensureK8sTools();
  const parser = await testParser();
  topology = importAppHost(parser, readFileSync('fixtures/oracle/waitfor-completion/apphost.cs', 'utf8'), {
    fileName: 'apphost.cs',
  }).topology;
  // And a WaitFor on a listener-less target: the API also waits for the migrator's server… and a worker.
  topology.resources.push({
    ...topology.resources.find((r) => r.name === 'migrator')!,
    name: 'indexer',
    endpoints: [],
  });
  topology.references.push({ from: 'api', to: 'indexer', kind: 'wait-only', waitFor: 'running' });
});

describe('layouts carry the waits that can finish', () => {
  it('the design has both kinds of API wait', () => {
    // A Job is named for its revision (kube/generator/job-revisions.ts).
    const kinds = generate(topology, layoutSettings).objects.map((o) =>
      `${o.object.kind}/${o.object.metadata.name}`.replace(/^(Job\/.*)-[0-9a-f]{8}$/, '$1'),
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Job/migrator',
        'Deployment/indexer',
        'ServiceAccount/api-waiter',
        'Role/api-waiter',
        'RoleBinding/api-waiter',
      ]),
    );
  });

  it('plain, Kustomize and Helm agree and validate', { timeout: 300_000 }, async () => {
    await proveLayouts(topology);
  });
});
