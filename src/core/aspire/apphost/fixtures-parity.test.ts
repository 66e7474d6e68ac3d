/**
 * App Host code says things a manifest cannot (WithReplicas, WaitFor, WithHttpHealthCheck);
 * this proves each one reaches the cluster: import every fixture, generate the plain bundle,
 * run the parity engine on it, and check both the verdict rows and the YAML text itself, so a
 * row cannot pass on evidence the bundle does not hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { plainBundle, plainFileName } from '../../bundle/plain';
import { generate } from '../../kube/generate';
import type { GeneratedBundle } from '../../kube/objects';
import { runsToCompletion } from '../../model/completion';
import { hasWorkload, isExternalManaged, resolveEndpoints } from '../../model/semantics';
import { withDefaults } from '../../model/settings';
import type { Resource, Topology } from '../../model/topology';
import { checkParity } from '../../parity/engine';
import type { ParityRow } from '../../parity/types';
import { parseStream } from '../../../test-support/corpus';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

const fixtures = import.meta.glob('../../../../fixtures/apphost/*.cs', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const settings = withDefaults({ namespace: 'shop' });

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

interface Pod {
  kind: string;
  replicas?: number;
  initContainers: { name: string; command?: string[] }[];
  main: { readinessProbe?: { httpGet?: { path?: string } }; livenessProbe?: { httpGet?: { path?: string } } };
}

/** The workload object of a resource, read back from the YAML file it was written to. */
function workloadOf(
  files: { path: string; text: string }[],
  gen: GeneratedBundle,
  r: Resource,
): { pod: Pod; text: string } {
  const generated = gen.objects.find(
    (o) => o.resource === r.name && ['Deployment', 'StatefulSet', 'Job'].includes(o.object.kind),
  );
  const group = generated?.group;
  const file = files.find((f) => f.path === plainFileName(group ?? ''));
  if (!file) throw new Error(`no workload file for ${r.name}`);
  // A completion Job's name carries a hash of its spec (job-revisions.ts), so take the generated object's name.
  const name = (generated?.object.metadata as { name?: string } | undefined)?.name ?? gen.k8sNames.get(r.name);
  const obj = parseStream(file.text, file.path).objects.find(
    (o: any) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind) && o.metadata.name === name,
  ) as any;
  if (!obj) throw new Error(`no workload ${name} in ${file.path}`);
  const spec = obj.spec.template.spec;
  return {
    pod: {
      kind: obj.kind,
      replicas: obj.spec.replicas,
      initContainers: spec.initContainers ?? [],
      main: spec.containers[0],
    },
    text: file.text,
  };
}

/** What actually runs for a WaitFor target: a database runs in its server. */
function running(t: Topology, name: string): Resource | undefined {
  const r = t.resources.find((x) => x.name === name);
  return r?.kind === 'database' && r.parent ? t.resources.find((x) => x.name === r.parent) : r;
}

const rowsFor = (rows: ParityRow[], rule: string, resource: string, key?: string) =>
  rows.filter(
    (r) => r.rule === rule && r.resource === resource && (key === undefined || r.id === `${rule}:${resource}:${key}`),
  );

describe('App Host fixtures → plain bundle → parity: replicas, WaitFor and health checks survive', () => {
  const counts = { replicas: 0, waits: 0, probes: 0 };

  for (const [path, text] of Object.entries(fixtures)) {
    it(path.replace(/^.*\//, ''), () => {
      const { topology } = importAppHost(parser, text);
      const gen = generate(topology, settings);
      const files = plainBundle(gen, topology, settings);
      const { rows } = checkParity({ topology, files, settings });

      for (const r of topology.resources.filter((x) => x.settings.replicas !== undefined)) {
        const n = r.settings.replicas!;
        const row = rowsFor(rows, 'replicas', r.name);
        expect(
          row.map((x) => [x.declaration, x.status]),
          `${r.name} replicas row`,
        ).toEqual([[`WithReplicas(${n})`, 'pass']]);
        const { pod, text: yaml } = workloadOf(files, gen, r);
        expect(pod.replicas, `${r.name} spec.replicas`).toBe(n);
        expect(yaml).toMatch(new RegExp(`^\\s+replicas: ${n}$`, 'm'));
        counts.replicas++;
      }

      for (const ref of topology.references.filter((x) => x.waitFor !== 'none')) {
        const consumer = topology.resources.find((x) => x.name === ref.from)!;
        const target = running(topology, ref.to)!;
        const row = rowsFor(rows, 'waitfor', ref.from, ref.to);
        expect(row, `${ref.from} → ${ref.to} waitfor row`).toHaveLength(1);
        const { pod } = workloadOf(files, gen, consumer);
        if (isExternalManaged(target) || !hasWorkload(target)) {
          // Nothing in the cluster to wait on: the row says so instead of passing.
          expect(row[0]!.status).toBe('unknown');
          continue;
        }
        expect(row[0]!.status, row[0]!.detail).toBe('pass');
        expect(row[0]!.declaration).toBe(
          `${ref.waitFor === 'completion' ? 'WaitForCompletion' : 'WaitFor'}(${ref.to})`,
        );
        const host = gen.k8sNames.get(target.name)!;
        const init = pod.initContainers.find((c) => c.name === `wait-for-${host}`);
        expect(init, `${ref.from} has init container wait-for-${host}`).toBeDefined();
        // A target that completes (WaitForCompletion → Job) or has no listener is waited for through the API.
        const completes = runsToCompletion(topology, target) || ref.waitFor === 'completion';
        const listens = resolveEndpoints(target).some((e) => e.endpoint.protocol === 'tcp');
        if (runsToCompletion(topology, target))
          expect(init!.command!.join(' ')).toContain(`kubectl wait --for=condition=complete job/${host}`);
        else if (completes || !listens)
          expect(init!.command!.join(' ')).toMatch(new RegExp(`kubectl rollout status \\w+/${host}\\b`));
        else expect(init!.command!.join(' ')).toMatch(new RegExp(`nc -z .*\\b${host} \\d+`));
        counts.waits++;
      }

      for (const r of topology.resources.filter((x) => x.settings.healthPaths)) {
        const paths = r.settings.healthPaths!;
        for (const rule of ['probes-present', 'probes-paths', 'probes-distinct']) {
          expect(
            rowsFor(rows, rule, r.name).map((x) => x.status),
            `${r.name} ${rule}`,
          ).toEqual(['pass']);
        }
        const { pod, text: yaml } = workloadOf(files, gen, r);
        if (paths.readiness) {
          expect(pod.main.readinessProbe?.httpGet?.path).toBe(paths.readiness);
          expect(yaml).toContain(`path: ${paths.readiness}\n`);
        }
        if (paths.liveness) expect(pod.main.livenessProbe?.httpGet?.path).toBe(paths.liveness);
        counts.probes++;
      }
    });
  }

  // Guard against a vacuous pass (a fixture or the importer silently losing these calls).
  it('checked every kind on several resources', () => {
    expect(counts.replicas).toBeGreaterThanOrEqual(5);
    expect(counts.waits).toBeGreaterThanOrEqual(20);
    expect(counts.probes).toBeGreaterThanOrEqual(6);
  });
});
