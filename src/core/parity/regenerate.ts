/**
 * What the generator would write, for fixes: a row's Fix is the object or fragment the bundle
 * generator produces for the same topology and settings, so applying it gives the bundle the
 * generator would have given (never a hand-made guess that could break another row).
 * Generated once per design and only when a failing row asks.
 */
import { generate } from '../kube/generate';
import type { KubeObject } from '../kube/objects';
import { withDefaults, type DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { asArr, asRec, asStr, getIn, type Rec } from './bundle-index';

interface Generated {
  settings: string;
  byResource: Map<string, KubeObject[]>;
}

const generated = new WeakMap<Topology, Generated>();

function generatedFor(topology: Topology, settings: DeploySettings | undefined): Generated {
  const key = JSON.stringify(settings ?? null);
  const hit = generated.get(topology);
  if (hit && hit.settings === key) return hit;
  const byResource = new Map<string, KubeObject[]>();
  for (const o of generate(topology, withDefaults(settings)).objects) {
    const k = o.resource ?? '';
    byResource.set(k, [...(byResource.get(k) ?? []), o.object]);
  }
  const g = { settings: key, byResource };
  generated.set(topology, g);
  return g;
}

/** The generator's objects for one resource (workload, Services, Secrets it owns). */
export function generatedObjects(
  topology: Topology,
  settings: DeploySettings | undefined,
  resource: string,
): KubeObject[] {
  return generatedFor(topology, settings).byResource.get(resource) ?? [];
}

/** The generator's ClusterIP Service for a resource (not the headless or public one). */
export function generatedService(
  topology: Topology,
  settings: DeploySettings | undefined,
  resource: string,
): KubeObject | undefined {
  return generatedObjects(topology, settings, resource).find(
    (o) =>
      o.kind === 'Service' &&
      getIn(o, ['spec', 'clusterIP']) !== 'None' &&
      asStr(getIn(o, ['spec', 'type'])) !== 'LoadBalancer',
  );
}

function podSpecOf(o: KubeObject): Rec | undefined {
  return asRec(getIn(o, ['spec', 'template', 'spec']));
}

/** The generator's main container for a resource. */
export function generatedContainer(
  topology: Topology,
  settings: DeploySettings | undefined,
  resource: string,
): Rec | undefined {
  for (const o of generatedObjects(topology, settings, resource)) {
    const c = asRec(asArr(podSpecOf(o)?.containers)[0]);
    if (c) return c;
  }
  return undefined;
}

/** The env entry the generator writes for `name` on the resource's container (with the helpers it expands). */
export function generatedEnv(
  topology: Topology,
  settings: DeploySettings | undefined,
  resource: string,
  name: string,
): Rec[] {
  const env = asArr(generatedContainer(topology, settings, resource)?.env).flatMap((e) =>
    asRec(e) ? [asRec(e)!] : [],
  );
  const at = env.findIndex((e) => e.name === name);
  if (at < 0) return [];
  // `$(HELPER)` parts must be defined before the entry that uses them.
  const value = asStr(env[at]!.value) ?? '';
  const helpers = env.slice(0, at).filter((e) => value.includes(`$(${asStr(e.name)})`));
  return [...helpers, env[at]!];
}

/** The generator's init containers for a resource. */
export function generatedInitContainers(
  topology: Topology,
  settings: DeploySettings | undefined,
  resource: string,
): Rec[] {
  for (const o of generatedObjects(topology, settings, resource)) {
    const list = asArr(podSpecOf(o)?.initContainers).flatMap((c) => (asRec(c) ? [asRec(c)!] : []));
    if (list.length) return list;
  }
  return [];
}
