/**
 * Startup can finish, and what import lost is a row: waits on a listener-less target (a
 * worker, WaitForCompletion) must wait for completion; unmodelled App Host constructs become
 * unknown rows on their resource.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Resource, Topology } from '../model/topology';
import { applyFix } from './apply-fix';
import { checkParity } from './engine';

const design = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const migrator: Resource = {
  name: 'migrator',
  kind: 'project',
  sourceType: 'project.v0',
  projectPath: 'Migrator.csproj',
  args: [],
  env: [],
  endpoints: [],
  volumes: [],
  bindMounts: [],
  settings: {},
};
const topology: Topology = {
  ...design,
  resources: [...design.resources, migrator],
  references: [...design.references, { from: 'trip-api', to: 'migrator', kind: 'wait-only', waitFor: 'completion' }],
};

const job = `---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrator
spec:
  template:
    metadata:
      labels:
        app.kubernetes.io/name: migrator
    spec:
      restartPolicy: OnFailure
      containers:
        - name: migrator
          image: registry.example.com/migrator:1.0.0
`;
const WAIT =
  '          command: ["sh", "-c", "until nc -z catalog-sql 1433; do sleep 2; done"]\n          resources:\n        ' +
  '    requests: { cpu: 10m, memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi }\n      containers:\n ' +
  '       - name: trip-api';
const withWait = (command: string) => {
  const waitInit =
    `${WAIT.split('\n      containers:')[0]}\n        - name: wait-for-migrator\n          image: busybox:1.36\n` +
    `          command: ${command}\n      containers:\n        - name: trip-api`;
  return `${good.replace(WAIT, waitInit)}${job}`;
};
const rowOf = (t: Topology, text: string, id: string) =>
  checkParity({ topology: t, files: [{ path: 'b.yaml', text }] }).rows.find((r) => r.id === id);

describe('WaitForCompletion of a Job', () => {
  it('a port poll on it never ends: fail', () => {
    const r = rowOf(
      topology,
      withWait('["sh", "-c", "until nc -z migrator 8080; do sleep 2; done"]'),
      'waitfor-reach:trip-api:migrator',
    );
    expect(r?.status).toBe('fail');
    expect(r?.detail).toContain('never starts');
  });
  it('waiting for its completion passes once the pod may read the Job; the Fix adds the RBAC, then the wait', () => {
    let text = withWait('["kubectl", "wait", "--for=condition=complete", "job/migrator", "--timeout=600s"]');
    const id = 'waitfor-reach:trip-api:migrator';
    const r = rowOf(topology, text, id)!;
    // The default ServiceAccount may not read Jobs: the kubectl wait never sees it complete.
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('may not get and watch job/migrator');
    expect(r.fix?.snippet).toContain('kind: RoleBinding');
    for (let step = 0; step < 3; step++) {
      const now = rowOf(topology, text, id)!;
      if (now.status === 'pass' || !now.fix) break;
      const edit = applyFix(text, now.fix, now.evidence?.[0]?.line);
      if ('error' in edit) throw new Error(edit.error);
      text = edit.fileText;
    }
    expect(rowOf(topology, text, id)?.status).toBe('pass');
    // It waits for the bundle's Job, never for a name the bundle does not hold.
    expect(text).toContain('- job/migrator\n');
    expect(text).not.toMatch(/migrator-[0-9a-f]{8}/);
  });
});

describe('what import could not model', () => {
  it('is an unknown row on its resource, with the App Host line', () => {
    const t: Topology = {
      ...design,
      unmodelled: [
        {
          resource: 'trip-api',
          construct: 'WithCreationScript',
          message: 'The creation script is not modelled.',
          file: 'AppHost.cs',
          line: 12,
          column: 5,
        },
        { construct: 'if', message: 'A branch on the environment was not decided.' },
      ],
    };
    const rows = checkParity({ topology: t, files: [{ path: 'b.yaml', text: good }] }).rows.filter(
      (r) => r.rule === 'unmodelled',
    );
    expect(rows.map((r) => [r.resource, r.status, r.evidence?.[0]])).toEqual([
      ['trip-api', 'unknown', { file: 'AppHost.cs', line: 12 }],
      [design.name, 'unknown', undefined],
    ]);
    expect(rows[0]!.detail).toContain('AppHost.cs:12:5: The creation script is not modelled.');
  });
});

describe('WaitForCompletion target run as a Deployment', () => {
  it('its Fix replaces the document with the Job the generator writes', () => {
    const asDeployment = withWait('["kubectl", "wait", "--for=condition=complete", "job/migrator"]').replace(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrator\nspec:\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: migrator\nspec:\n  selector:\n' +
        '    matchLabels:\n      app.kubernetes.io/name: migrator\n',
    );
    const r = rowOf(topology, asDeployment, 'workload-kind:migrator:')!;
    expect(r.status).toBe('warn');
    // The wait names job/migrator, which the bundle does not hold: it never ends.
    const wait = rowOf(topology, asDeployment, 'waitfor-reach:trip-api:migrator')!;
    expect(wait.status).toBe('fail');
    expect(wait.detail).toContain('runs as Deployment migrator: kubectl finds no Job of that name');
    const edit = applyFix(asDeployment, r.fix!, r.evidence?.[0]?.line);
    if ('error' in edit) throw new Error(edit.error);
    expect(edit.fileText).not.toContain('kind: Deployment\nmetadata:\n  name: migrator');
    expect(rowOf(topology, edit.fileText, 'workload-kind:migrator:')?.status).toBe('pass');
  });
});

describe('WaitFor on what runs no process', () => {
  const plus = (to: string): Topology => ({
    ...design,
    references: [...design.references, { from: 'trip-api', to, kind: 'wait-only', waitFor: 'running' }],
  });
  it('a parameter passes: the pod starts once its Secret exists, no init container is needed', () => {
    const r = rowOf(plus('catalog-sql-password'), good, 'waitfor:trip-api:catalog-sql-password');
    expect(r?.status).toBe('pass');
    expect(r?.detail).toContain('is a parameter');
  });
  it('a connection string to a server outside the cluster is unknown, never a fail', () => {
    const legacy: Resource = { ...migrator, name: 'legacydb', kind: 'connection-string', sourceType: 'parameter.v0' };
    const t = { ...plus('legacydb'), resources: [...design.resources, legacy] };
    const rows = checkParity({ topology: t, files: [{ path: 'b.yaml', text: good }] }).rows.filter((x) =>
      x.id.endsWith(':trip-api:legacydb'),
    );
    expect(rows.map((x) => x.status)).toEqual(['unknown']);
  });
});

describe('WaitFor a worker that reports no readiness', () => {
  it('says its rollout (not a Service it does not have) completes before it is ready', () => {
    const t: Topology = {
      ...design,
      references: [
        ...design.references,
        { from: 'trip-api', to: 'availability-worker', kind: 'wait-only', waitFor: 'running' },
      ],
    };
    const probe =
      `          readinessProbe:\n            exec:\n` +
      `              command: ["/bin/sh", "-c", "test -f /tmp/ready"]\n`;
    const r = rowOf(t, good.replace(probe, ''), 'waitfor-readiness:trip-api:availability-worker');
    expect(r?.status).toBe('warn');
    expect(r?.detail).toContain('its rollout completes as soon as the process starts');
  });
});
