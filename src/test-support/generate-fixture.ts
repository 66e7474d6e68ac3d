/* eslint-disable @typescript-eslint/no-explicit-any --
   like the generate*.test.ts files it serves, it inspects free-form objects */
/** Shared helpers of the generator tests (src/core/kube/generate*.test.ts): fixtures, loading, finding objects. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { importManifest } from '../core/aspire/manifest';
import { generate } from '../core/kube/generate';
import type { KubeObject } from '../core/kube/objects';
import type { Topology } from '../core/model/topology';

export const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/manifests/${name}`, import.meta.url), 'utf8');

export function load(json: unknown, name = 'app'): Topology {
  const { topology, diagnostics } = importManifest(typeof json === 'string' ? json : JSON.stringify(json), {
    appName: name,
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return topology;
}

export function travel(): Topology {
  const t = load(fixture('seed-travel-platform.json'), 'travel-platform');
  for (const r of t.references) if (r.from === 'trip-api' || r.from === 'availability-worker') r.waitFor = 'running';
  t.resources.find((r) => r.name === 'trip-api')!.settings.replicas = 3;
  return t;
}

export function find(objs: KubeObject[], kind: string, name: string): any {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind}/${name} in ${objs.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`);
  return o;
}

export const objectsOf = (t: Topology, settings = {}) => generate(t, settings).objects.map((o) => o.object);
export const container = (o: any) => o.spec.template.spec.containers[0];
export const envOf = (o: any) =>
  Object.fromEntries((container(o).env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));
