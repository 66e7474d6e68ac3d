/**
 * Job revisions in a chain: a seeder that waits for a migrator carries the migrator's revision in
 * its wait, part of its immutable template, so a changed migrator must rename the seeder too
 * (else the next apply patches the seeder's template and fails), and its dependants follow.
 */
import { describe, expect, it } from 'vitest';
import type { Reference, Resource, Topology } from '../../model/topology';
import { generate } from '../generate';
import type { KubeObject } from '../objects';

const project = (name: string, env: { name: string; value: string }[] = []): Resource =>
  ({
    name,
    kind: 'project',
    sourceType: 'project.v0',
    env,
    args: [],
    endpoints: [],
    volumes: [],
    bindMounts: [],
    settings: {},
  }) as unknown as Resource;
const wait = (from: string, to: string): Reference => ({ from, to, kind: 'wait-only', waitFor: 'completion' });
const chain = (mode: string): Topology =>
  ({
    name: 'app',
    resources: [project('migrator', [{ name: 'MODE', value: mode }]), project('seeder'), project('api')],
    references: [wait('seeder', 'migrator'), wait('api', 'seeder')],
    unmodelled: [],
  }) as unknown as Topology;

const jobs = (t: Topology) => {
  const objs = generate(t, { namespace: 'shop' }).objects.map((o) => o.object);
  const job = (base: string) => objs.find((o) => o.kind === 'Job' && o.metadata.name.startsWith(`${base}-`))!;
  const waits = (o: KubeObject | undefined) =>
    ((o?.spec as any)?.template.spec.initContainers ?? []).flatMap((c: any) => c.command ?? []);
  return { migrator: job('migrator'), seeder: job('seeder'), api: objs.find((o) => o.metadata.name === 'api'), waits };
};

describe('Job revisions in a chain', () => {
  it('a changed migrator renames the seeder that waits for it; the waits follow both', () => {
    const [a, b] = [jobs(chain('a')), jobs(chain('b'))];
    expect(b.migrator.metadata.name).not.toBe(a.migrator.metadata.name);
    expect(b.seeder.metadata.name).not.toBe(a.seeder.metadata.name);
    for (const x of [a, b]) {
      expect(x.waits(x.seeder)).toContain(`job/${x.migrator.metadata.name}`);
      expect(x.waits(x.api)).toContain(`job/${x.seeder.metadata.name}`);
    }
    // Unchanged input, unchanged names: re-applying is a no-op.
    expect(jobs(chain('a')).seeder.metadata.name).toBe(a.seeder.metadata.name);
  });
});
