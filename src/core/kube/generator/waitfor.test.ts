/**
 * WaitFor → init containers that can finish: a port poll for a target that listens, a
 * `kubectl wait` for a WaitForCompletion target (generated as a Job), a rollout wait for a
 * target with no listener, each with exactly the RBAC it needs.
 */
import { describe, expect, it } from 'vitest';
import type { Reference, Resource, Topology } from '../../model/topology';
import { generate } from '../generate';
import type { KubeObject } from '../objects';
import { validateObjects } from '../validate';
import { KUBECTL_IMAGE } from './waiter-rbac';

const project = (
  name: string,
  endpoints: Resource['endpoints'] = [
    { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 8080, external: false },
  ],
): Resource =>
  ({
    name,
    kind: 'project',
    sourceType: 'project.v0',
    env: [],
    args: [],
    endpoints,
    volumes: [],
    bindMounts: [],
    settings: {},
  }) as unknown as Resource;
const container = (name: string, image: string): Resource =>
  ({ ...project(name, []), kind: 'container', sourceType: 'container.v0', image }) as unknown as Resource;
const ref = (
  from: string,
  to: string,
  waitFor: Reference['waitFor'],
  kind: Reference['kind'] = 'wait-only',
): Reference => ({ from, to, kind, waitFor });
const topo = (resources: Resource[], references: Reference[]): Topology =>
  ({ name: 'app', resources, references, unmodelled: [] }) as unknown as Topology;

/** A Job is named for its revision, `<name>-<hash of its spec>` (./job-revisions.ts). */
const find = (objs: KubeObject[], kind: string, name: string): any =>
  objs.find(
    (o) =>
      o.kind === kind &&
      (o.metadata.name === name || (kind === 'Job' && /^(.*)-[0-9a-f]{8}$/.exec(o.metadata.name)?.[1] === name)),
  );
const pod = (o: any) => o.spec.template.spec;

describe('WaitForCompletion(x)', () => {
  const t = topo([project('migrator'), project('api')], [ref('api', 'migrator', 'completion')]);
  const gen = generate(t, { namespace: 'shop' });
  const objs = gen.objects.map((o) => o.object);

  it('runs x as a Job with the container its Deployment would have, and no Service nobody connects to', () => {
    expect(find(objs, 'Deployment', 'migrator')).toBeUndefined();
    const job = find(objs, 'Job', 'migrator');
    expect(job.apiVersion).toBe('batch/v1');
    expect(pod(job).restartPolicy).toBe('OnFailure');
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
    // The same pod as the Deployment it would otherwise be, plus the restart policy, minus the
    // probes (a Job is judged by its exit code; a liveness probe could kill it mid-task).
    const asDeployment = find(
      generate(topo([project('migrator'), project('api')], []), { namespace: 'shop' }).objects.map((o) => o.object),
      'Deployment',
      'migrator',
    );
    const { livenessProbe, readinessProbe, startupProbe, ...unprobed } = pod(asDeployment).containers[0];
    expect([livenessProbe, readinessProbe, startupProbe].every(Boolean)).toBe(true);
    expect(pod(job)).toEqual({ ...pod(asDeployment), containers: [unprobed], restartPolicy: 'OnFailure' });
    expect(job.spec.template.metadata).toEqual(asDeployment.spec.template.metadata);
    expect(find(objs, 'Service', 'migrator')).toBeUndefined();
    expect(gen.objects.find((o) => o.object === job)!.comment).toContain('api.WaitForCompletion(migrator)');
    expect(gen.diagnostics.find((d) => d.code === 'completion-job')?.message).toContain('kubectl delete job');
  });

  it('names the Job for its spec, so a changed Job is a new one (a Job cannot be changed in place)', () => {
    const again = find(
      generate(t, { namespace: 'shop' }).objects.map((o) => o.object),
      'Job',
      'migrator',
    );
    expect(again.metadata.name).toBe(find(objs, 'Job', 'migrator').metadata.name);
    const changed = topo(
      [{ ...project('migrator'), env: [{ name: 'MODE', value: 'all' }] } as unknown as Resource, project('api')],
      [ref('api', 'migrator', 'completion')],
    );
    const o2 = generate(changed, { namespace: 'shop' }).objects.map((o) => o.object);
    const job2 = find(o2, 'Job', 'migrator');
    expect(job2.metadata.name).not.toBe(find(objs, 'Job', 'migrator').metadata.name);
    // The dependant waits for, and may read, the new Job.
    expect(pod(find(o2, 'Deployment', 'api')).initContainers[0].command).toContain(`job/${job2.metadata.name}`);
    expect(find(o2, 'Role', 'api-waiter').rules[0].resourceNames).toEqual([job2.metadata.name]);
  });

  it('keeps the Service when something references x beyond the wait', () => {
    const t2 = topo([project('migrator'), project('api')], [ref('api', 'migrator', 'completion', 'service-discovery')]);
    const o2 = generate(t2, {}).objects.map((o) => o.object);
    expect(find(o2, 'Job', 'migrator')).toBeDefined();
    expect(find(o2, 'Service', 'migrator')).toBeDefined();
  });

  it(
    'makes the dependant wait with kubectl wait for the Job to complete, under a ServiceAccount ' + 'allowed only that',
    () => {
      const dep = find(objs, 'Deployment', 'api');
      const wait = pod(dep).initContainers.find((c: any) => c.name === 'wait-for-migrator');
      expect(wait.image).toBe(KUBECTL_IMAGE);
      expect(wait.image).not.toMatch(/:latest$/);
      const job = find(objs, 'Job', 'migrator');
      expect(job.metadata.name).toMatch(/^migrator-[0-9a-f]{8}$/);
      expect(wait.command.slice(0, 4)).toEqual([
        'kubectl',
        'wait',
        '--for=condition=complete',
        `job/${job.metadata.name}`,
      ]);
      expect(wait.command.some((a: string) => a.startsWith('--timeout='))).toBe(true);
      expect(pod(dep).serviceAccountName).toBe('api-waiter');
      // Only the wait gets the API token; the app container gets none.
      expect(pod(dep).automountServiceAccountToken).toBe(false);
      expect(wait.volumeMounts.map((m: any) => m.mountPath)).toContain('/var/run/secrets/kubernetes.io/serviceaccount');
      expect(pod(dep).containers[0].volumeMounts ?? []).toEqual([]);
      expect(find(objs, 'ServiceAccount', 'api-waiter').metadata.namespace).toBe('shop');
      expect(find(objs, 'Role', 'api-waiter').rules).toEqual([
        {
          apiGroups: ['batch'],
          resources: ['jobs'],
          resourceNames: [job.metadata.name],
          verbs: ['get', 'list', 'watch'],
        },
      ]);
      const binding = find(objs, 'RoleBinding', 'api-waiter');
      expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'api-waiter' });
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'api-waiter' }]);
      expect(gen.objects.find((o) => o.object.kind === 'Role')!.comment).toContain('WaitForCompletion(migrator)');
    },
  );

  it('passes strict schema validation', () => {
    expect(validateObjects(objs)).toEqual([]);
  });
});

describe('WaitFor on a target with no listener', () => {
  const t = topo(
    [container('indexer', 'contoso/indexer:1.4.2'), project('search')],
    [ref('search', 'indexer', 'running')],
  );
  const objs = generate(t, {}).objects.map((o) => o.object);

  it('waits for its rollout, which finishes, instead of polling a port that never opens', () => {
    expect(find(objs, 'Deployment', 'indexer')).toBeDefined();
    const wait = pod(find(objs, 'Deployment', 'search')).initContainers[0];
    expect(wait.command).toEqual(['kubectl', 'rollout', 'status', 'deployment/indexer', '--timeout=600s']);
    expect(find(objs, 'Role', 'search-waiter').rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['indexer'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(validateObjects(objs)).toEqual([]);
  });

  it('still polls the port of a target that listens, with no RBAC', () => {
    const t2 = topo([project('catalog'), project('web')], [ref('web', 'catalog', 'running')]);
    const o2 = generate(t2, {}).objects.map((o) => o.object);
    expect(pod(find(o2, 'Deployment', 'web')).initContainers[0].command.join(' ')).toContain('nc -z');
    expect(pod(find(o2, 'Deployment', 'web')).serviceAccountName).toBeUndefined();
    expect(o2.some((o) => o.kind === 'Role')).toBe(false);
  });
});

describe('WaitForCompletion on something that never completes', () => {
  it('waits for the rollout of a data service and says why', () => {
    const pg = {
      ...container('pg', 'postgres:17.2'),
      endpoints: [{ name: 'tcp', scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 5432, external: false }],
      volumes: [{ name: 'data', target: '/var/lib/postgresql/data', readOnly: false }],
    } as unknown as Resource;
    const gen = generate(topo([pg, project('api')], [ref('api', 'pg', 'completion')]), {});
    const objs = gen.objects.map((o) => o.object);
    expect(find(objs, 'Job', 'pg')).toBeUndefined();
    expect(pod(find(objs, 'Deployment', 'api')).initContainers[0].command.slice(0, 4)).toEqual([
      'kubectl',
      'rollout',
      'status',
      'statefulset/pg',
    ]);
    expect(gen.diagnostics.map((d) => d.code)).toContain('waitfor-completion');
    expect(validateObjects(objs)).toEqual([]);
  });
});

describe('a WaitFor cycle of the design', () => {
  it('is kept (the App Host decided it) and warned at convert, naming the cycle', () => {
    const t = topo(
      [project('a'), project('b'), project('c'), project('d')],
      [ref('a', 'b', 'running'), ref('b', 'c', 'running'), ref('c', 'a', 'running'), ref('d', 'a', 'running')],
    );
    const warned = generate(t).diagnostics.filter((d) => d.code === 'wait-cycle');
    expect(warned.map((d) => d.message)).toEqual([expect.stringMatching(/^a → b → c → a: each waits at startup/)]);
  });
  it('a chain without a cycle is not warned', () => {
    const t = topo([project('a'), project('b')], [ref('a', 'b', 'running')]);
    expect(generate(t).diagnostics.filter((d) => d.code === 'wait-cycle')).toEqual([]);
  });
});
