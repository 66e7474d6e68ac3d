/** Test helpers: build manifest text from objects and find resources. */
import type { Resource, Topology } from '../../model/topology';

export function manifest(resources: Record<string, unknown>): string {
  return JSON.stringify({ resources }, null, 2);
}

export function resource(t: Topology, name: string): Resource {
  const r = t.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

/** Load a fixture by its path under fixtures/manifests. */
const fixtures = import.meta.glob('../../../../fixtures/manifests/**/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
export function fixture(name: string): string {
  const key = `../../../../fixtures/manifests/${name}`;
  const text = fixtures[key];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
}
