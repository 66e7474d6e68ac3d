/**
 * A completion Job survives an upgrade, proven on what the real tools render: a Job's template is
 * immutable, so a changed migrator must be a new Job (its name carries a hash of its spec) that
 * the API's `kubectl wait` and Role follow, in the plain bundle and after `kubectl kustomize`.
 * In the chart the Job is a release object, not a hook (a post-install hook deadlocks
 * `helm install --wait`), named by Helm from its rendered spec, so values that change the
 * template change the name too; an upgrade's manifest lacks the previous Job, which is how Helm
 * (like `kubectl apply --prune`) knows to delete it. The check of each rendering passes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import { testParser } from '../../aspire/apphost/test-support';
import { chartName, helmBundle } from '../../bundle/helm/chart';
import { userSecrets } from '../../bundle/inspect';
import { kustomizeBundle, secretEnvPath } from '../../bundle/kustomize';
import type { Topology } from '../../model/topology';
import { checkParity } from '../../parity/engine';
import { parseStream } from '../../../test-support/corpus';
import { ensureK8sTools, removeDir, runAsync, writeBundle } from '../../../test-support/k8s-tools';
import { layoutSettings } from '../../../test-support/layout-proof';
import { generate } from '../generate';

type Obj = { kind: string; metadata: { name: string; annotations?: Record<string, string> }; [k: string]: unknown };

let v1: Topology;
let v2: Topology;
beforeAll(async () => {
  ensureK8sTools();
  const parser = await testParser();
  const read = () =>
    importAppHost(parser, readFileSync('fixtures/oracle/waitfor-completion/apphost.cs', 'utf8'), {
      fileName: 'apphost.cs',
    }).topology;
  v1 = read();
  // The next release: the migrator runs with one more setting, so its pod template changes.
  v2 = read();
  const m = v2.resources.find((r) => r.name === 'migrator')!;
  m.env = [...m.env, { name: 'MIGRATE_MODE', value: 'all' } as (typeof m.env)[number]];
});

async function kustomized(topology: Topology): Promise<Obj[]> {
  const gen = generate(topology, layoutSettings);
  const dir = writeBundle(kustomizeBundle(gen, topology, layoutSettings), 'jobrev-');
  try {
    for (const s of userSecrets(gen))
      writeFileSync(join(dir, 'base', secretEnvPath(s.name)), s.keys.map((k) => `${k.key}=test-only\n`).join(''));
    const r = await runAsync('kubectl', ['kustomize', join(dir, 'overlays', 'prod')]);
    expect(r.stderr).toBe('');
    return parseStream(r.stdout).objects as Obj[];
  } finally {
    removeDir(dir);
  }
}

/** `helm template` of the topology's chart, once per set of extra arguments (`--set …`). */
async function helmTemplate(topology: Topology, ...sets: string[][]): Promise<{ objects: Obj[]; text: string }[]> {
  const dir = writeBundle(helmBundle(generate(topology, layoutSettings), topology, layoutSettings), 'jobrev-helm-');
  try {
    const chart = join(dir, chartName(topology));
    const args = ['template', 'rel', chart, '-f', join(chart, 'ci', 'test-values.yaml')];
    const renders = await Promise.all((sets.length ? sets : [[]]).map((set) => runAsync('helm', [...args, ...set])));
    return renders.map((r) => {
      expect(r.stderr).toBe('');
      return { objects: parseStream(r.stdout).objects as Obj[], text: r.stdout };
    });
  } finally {
    removeDir(dir);
  }
}

/** What a release holds, by identity: Helm deletes on upgrade what the old manifest has and the new lacks. */
const ids = (objects: Obj[]) => new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

const jobOf = (objects: Obj[]) => objects.find((o) => o.kind === 'Job')!;
const waitOf = (objects: Obj[]) => {
  const api = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'api') as any;
  return (api.spec.template.spec.initContainers as { name: string; command: string[] }[]).find(
    (c) => c.name === 'wait-for-migrator',
  )!.command;
};
const roleNames = (objects: Obj[]) =>
  (objects.find((o) => o.kind === 'Role') as any).rules.flatMap((r: any) => r.resourceNames);
const failing = (topology: Topology, text: string) =>
  checkParity({ topology, files: [{ path: 'rendered.yaml', text }], settings: layoutSettings })
    .rows.filter((r) => r.status === 'fail')
    .map((r) => `${r.id}: ${r.detail}`);

describe('completion Jobs are upgrade-safe', () => {
  it('kubectl kustomize: a changed migrator is a new Job, and the wait and its Role follow it', async () => {
    const [a, b] = await Promise.all([kustomized(v1), kustomized(v2)]);
    const [ja, jb] = [jobOf(a), jobOf(b)];
    expect(ja.metadata.name).toMatch(/^migrator-[0-9a-f]{8}$/);
    expect(jb.metadata.name).toMatch(/^migrator-[0-9a-f]{8}$/);
    expect(jb.metadata.name).not.toBe(ja.metadata.name);
    for (const [objects, job] of [
      [a, ja],
      [b, jb],
    ] as const) {
      expect(waitOf(objects)).toContain(`job/${job.metadata.name}`);
      expect(roleNames(objects)).toEqual([job.metadata.name]);
    }
    // The same release rendered again is the same Job: re-applying it changes nothing.
    expect(jobOf(await kustomized(v1)).metadata.name).toBe(ja.metadata.name);
  });

  it('helm template: the Job is a release object, no hook; --wait has nothing to deadlock on', async () => {
    const { objects, text } = (await helmTemplate(v1))[0]!;
    // A post-install hook waits for the release to be ready; api is ready only once the Job ran.
    expect(objects.filter((o) => o.metadata.annotations?.['helm.sh/hook'])).toEqual([]);
    expect(text).not.toContain('helm.sh/hook');
    const job = jobOf(objects);
    expect(job.metadata.name).toMatch(/^migrator-[0-9a-f]{8}$/);
    expect((job.spec as any).ttlSecondsAfterFinished).toBeUndefined();
    expect(waitOf(objects)).toContain(`job/${job.metadata.name}`);
    expect(roleNames(objects)).toEqual([job.metadata.name]);
    expect(failing(v1, text)).toEqual([]);
    const row = checkParity({ topology: v1, files: [{ path: 'r.yaml', text }], settings: layoutSettings }).rows.find(
      (r) => r.id === 'waitfor-job:api:migrator',
    );
    expect(row?.status).toBe('pass');
  });

  it('helm template: the name follows the rendered spec, values included; the same values, the same name', async () => {
    const [same, again, tag, external] = await helmTemplate(
      v1,
      [],
      [],
      ['--set', 'workloads.migrator.image.tag=2.0.0'],
      ['--set', 'databases.pg.mode=external'],
    );
    const names = [same, again, tag, external].map((r) => jobOf(r!.objects).metadata.name);
    expect(names[1]).toBe(names[0]);
    expect(new Set(names).size).toBe(3);
    for (const r of [tag, external]) {
      const job = jobOf(r!.objects);
      expect(waitOf(r!.objects)).toContain(`job/${job.metadata.name}`);
      expect(roleNames(r!.objects)).toEqual([job.metadata.name]);
    }
  });

  it('helm upgrade A → B: only the Job changes identity, so Helm deletes the old Job and creates the new', async () => {
    const [[a], [b]] = await Promise.all([helmTemplate(v1), helmTemplate(v2)]);
    const [ja, jb] = [jobOf(a!.objects), jobOf(b!.objects)];
    expect(minus(ids(a!.objects), ids(b!.objects))).toEqual([`Job/${ja.metadata.name}`]);
    expect(minus(ids(b!.objects), ids(a!.objects))).toEqual([`Job/${jb.metadata.name}`]);
    expect(waitOf(b!.objects)).toContain(`job/${jb.metadata.name}`);
  });

  it('kubectl kustomize: the same for kubectl apply --prune: the old Job leaves the applied set', async () => {
    const [a, b] = await Promise.all([kustomized(v1), kustomized(v2)]);
    expect(minus(ids(a), ids(b))).toEqual([`Job/${jobOf(a).metadata.name}`]);
    expect(minus(ids(b), ids(a))).toEqual([`Job/${jobOf(b).metadata.name}`]);
  });

  it('helm template: a Job waiting for a Job names it as rendered, and a changed migrator renames both', async () => {
    // seeder waits for migrator, api waits for seeder: the seeder's wait is part of its template.
    const chain: Topology = {
      ...v1,
      resources: [...v1.resources, { ...v1.resources.find((r) => r.name === 'migrator')!, name: 'seeder' }],
      references: [
        ...v1.references.filter((r) => !(r.from === 'api' && r.to === 'migrator')),
        { from: 'seeder', to: 'migrator', kind: 'wait-only', waitFor: 'completion' },
        { from: 'api', to: 'seeder', kind: 'wait-only', waitFor: 'completion' },
      ],
    };
    const [a, b] = await helmTemplate(chain, [], ['--set', 'workloads.migrator.image.tag=2.0.0']);
    const named = (objects: Obj[], base: string) =>
      objects.find((o) => o.kind === 'Job' && o.metadata.name.startsWith(`${base}-`))!.metadata.name;
    const seederWaits = (objects: Obj[]) =>
      (
        objects.find((o) => o.metadata.name === named(objects, 'seeder')) as any
      ).spec.template.spec.initContainers.flatMap((c: { command?: string[] }) => c.command ?? []);
    for (const r of [a!, b!]) expect(seederWaits(r.objects)).toContain(`job/${named(r.objects, 'migrator')}`);
    expect(named(b!.objects, 'migrator')).not.toBe(named(a!.objects, 'migrator'));
    expect(named(b!.objects, 'seeder')).not.toBe(named(a!.objects, 'seeder'));
    expect(failing(chain, a!.text)).toEqual([]);
  });
});
