/**
 * A completion Job survives an upgrade, proven on what the real tools render: a Job's template is
 * immutable, so a changed migrator must be a new Job (its name carries a hash of its spec) that
 * the API's `kubectl wait` and Role follow, in the plain bundle and after `kubectl kustomize`;
 * in the chart, whose values can change the template under the same name, the Job is a Helm hook
 * deleted before it is created again (`helm template` keeps the annotations). And the check of
 * each rendering accepts the revision name: no row fails.
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

async function helmTemplate(topology: Topology): Promise<{ objects: Obj[]; text: string }> {
  const dir = writeBundle(helmBundle(generate(topology, layoutSettings), topology, layoutSettings), 'jobrev-helm-');
  try {
    const chart = join(dir, chartName(topology));
    const r = await runAsync('helm', ['template', 'rel', chart, '-f', join(chart, 'ci', 'test-values.yaml')]);
    expect(r.stderr).toBe('');
    return { objects: parseStream(r.stdout).objects as Obj[], text: r.stdout };
  } finally {
    removeDir(dir);
  }
}

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

  it('helm template: the Job is a hook Helm deletes before creating it again; check accepts it', async () => {
    const { objects, text } = await helmTemplate(v1);
    const job = jobOf(objects);
    expect(job.metadata.annotations).toMatchObject({
      'helm.sh/hook': 'post-install,post-upgrade',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
    });
    expect(waitOf(objects)).toContain(`job/${job.metadata.name}`);
    expect(roleNames(objects)).toEqual([job.metadata.name]);
    expect(failing(v1, text)).toEqual([]);
  });
});
