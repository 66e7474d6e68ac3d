/**
 * Database mode as a Helm value: `databases.<server>.mode: inCluster | external`, like the
 * design's per-server "database mode" (settings.databaseMode) that the plain generator follows.
 *
 * The plan compares generations (./generations.ts): the topology as designed and with each
 * server's mode flipped. Whatever differs becomes conditional on the servers it depends on:
 * - objects (a server's StatefulSet and Services, its password Secret; the `<x>-connection`
 *   Secrets consumers read when external) render only in the modes that have them;
 * - in a consumer's pod, env entries (`ConnectionStrings__x` spliced from the password, or read
 *   whole from the connection Secret) and init containers (`wait-for-<server>`) are chosen per
 *   entry, so the rest of the Deployment stays one template;
 * - any other difference renders the whole object once per combination.
 * A unit that depends on several servers gets one variant per combination of their modes,
 * each generated, so no combination is guessed.
 */
import type { GeneratedBundle, GeneratedObject, KubeObject } from '../../kube/objects';
import { toK8sName } from '../../model/names';
import { isDataService } from '../../model/semantics';
import type { DeploySettings } from '../../model/settings';
import type { Topology } from '../../model/topology';
import type { Rec } from '../inspect';
import { containersOf, envOf, Generations, initContainersOf, objectId, podSpec, type Generation } from './generations';

export type DatabaseMode = 'inCluster' | 'external';

export interface DatabaseServer {
  /** Aspire resource name. */
  resource: string;
  /** Key under `databases` in values.yaml (the Kubernetes name). */
  key: string;
  /** The mode the design chose: the default value. */
  mode: DatabaseMode;
}

export interface Condition {
  server: DatabaseServer;
  mode: DatabaseMode;
}

/** Renders when any of these conjunctions holds. */
export type Guard = Condition[][];

export interface Guarded<T> {
  item: T;
  /** Absent: always rendered. */
  guard?: Guard;
}

export interface PodVariants {
  /** Env entries per container name, where they depend on a mode. */
  env: Map<string, Guarded<Rec>[]>;
  initContainers?: Guarded<Rec>[];
}

export interface ModePlan {
  servers: DatabaseServer[];
  /** Every object of the chart, each with when it renders. */
  objects: Guarded<GeneratedObject>[];
  /** Entry-level variants of a workload's pod, by object (identity). */
  pods: Map<GeneratedObject, PodVariants>;
  /** Every generation used: their workloads and Secrets are the chart's too. */
  generations: Generation[];
}

/** Units depending on more servers than this keep the designed variant only (2^n generations). */
const MAX_COMBINED = 6;

const other = (m: DatabaseMode): DatabaseMode => (m === 'inCluster' ? 'external' : 'inCluster');

export function databaseServers(topology: Topology, gen: GeneratedBundle): DatabaseServer[] {
  return topology.resources
    .filter((r) => r.kind === 'container' && isDataService(r))
    .map((r) => ({
      resource: r.name,
      key: gen.k8sNames.get(r.name) ?? toK8sName(r.name),
      mode: r.settings.databaseMode === 'external' ? 'external' : 'inCluster',
    }));
}

interface Variant<T> {
  generation: Generation;
  when: Condition[];
  value: T | undefined;
}

class Planner {
  readonly gens: Generations;
  readonly base: Generation;

  constructor(
    readonly servers: DatabaseServer[],
    topology: Topology,
    settings: DeploySettings,
  ) {
    this.gens = new Generations(topology, settings);
    this.base = this.gens.get([]);
  }

  /**
   * The variants of one unit, or undefined when no server's mode changes it. `read` finds the
   * unit in a generation; values are compared as JSON.
   */
  variants<T>(read: (g: Generation) => T | undefined): Variant<T>[] | undefined {
    const key = (v: T | undefined) => (v === undefined ? '' : JSON.stringify(v));
    const k0 = key(read(this.base));
    const deps = this.servers.filter((s) => key(read(this.gens.get([s.resource]))) !== k0);
    if (deps.length === 0 || deps.length > MAX_COMBINED) return undefined;
    const out: Variant<T>[] = [];
    for (let mask = 0; mask < 1 << deps.length; mask++) {
      const flipped = deps.filter((_, i) => mask & (1 << i)).map((s) => s.resource);
      const generation = this.gens.get(flipped);
      out.push({
        generation,
        when: deps.map((s, i) => ({ server: s, mode: mask & (1 << i) ? other(s.mode) : s.mode })),
        value: read(generation),
      });
    }
    return out;
  }
}

/** An object without its pod's env lists and init containers: what entry-level variants cover. */
function withoutPodLists(o: KubeObject | undefined): unknown {
  if (!o || !podSpec(o)) return o;
  const copy = JSON.parse(JSON.stringify(o)) as KubeObject;
  const pod = podSpec(copy)!;
  delete pod.initContainers;
  for (const c of containersOf(copy)) delete c.env;
  return copy;
}

/**
 * Merge one list (env of a container, or init containers) by item name: the designed items in
 * their order, each mode-dependent one replaced by its variants; items only other modes have
 * go after the item that precedes them there.
 */
function mergeByName(p: Planner, own: Rec[], read: (g: Generation) => Rec[] | undefined): Guarded<Rec>[] | undefined {
  const names: string[] = own.map((x) => String(x.name));
  for (const g of p.servers.map((s) => p.gens.get([s.resource]))) {
    const theirs = (read(g) ?? []).map((x) => String(x.name));
    theirs.forEach((n, i) => {
      if (names.includes(n)) return;
      const before = theirs
        .slice(0, i)
        .reverse()
        .find((x) => names.includes(x));
      names.splice(before === undefined ? 0 : names.indexOf(before) + 1, 0, n);
    });
  }
  let conditional = false;
  const out: Guarded<Rec>[] = [];
  for (const n of names) {
    const mine = own.find((x) => x.name === n);
    const vs = p.variants((g) => read(g)?.find((x) => x.name === n));
    if (!vs) {
      if (mine) out.push({ item: mine });
      continue;
    }
    conditional = true;
    for (const v of vs) {
      // The designed variant is the caller's own item (it may carry edits the generator lacks).
      const item = v.generation === p.base ? mine : v.value;
      if (item) out.push({ item, guard: [v.when] });
    }
  }
  return conditional ? out : undefined;
}

function podVariants(p: Planner, o: GeneratedObject): PodVariants | undefined {
  const id = objectId(o.object);
  const at = (g: Generation) => g.byId.get(id)?.object;
  const env = new Map<string, Guarded<Rec>[]>();
  for (const c of containersOf(o.object)) {
    const merged = mergeByName(p, envOf(c), (g) => {
      const theirs = containersOf(at(g)).find((x) => x.name === c.name);
      return theirs ? envOf(theirs) : undefined;
    });
    if (merged) env.set(String(c.name), merged);
  }
  const init = mergeByName(p, initContainersOf(o.object), (g) => (at(g) ? initContainersOf(at(g)) : undefined));
  if (env.size === 0 && !init) return undefined;
  return { env, ...(init ? { initContainers: init } : {}) };
}

/** Group present variants by value: one object with an any-of guard, or one per distinct value. */
function presentVariants(vs: Variant<GeneratedObject>[], designed?: GeneratedObject): Guarded<GeneratedObject>[] {
  const groups = new Map<string, { item: GeneratedObject; guard: Guard }>();
  for (const v of vs) {
    if (!v.value) continue;
    const k = JSON.stringify(v.value.object);
    const item = v.generation.flipped.length === 0 && designed ? designed : v.value;
    const g = groups.get(k);
    if (g) g.guard.push(v.when);
    else groups.set(k, { item, guard: [v.when] });
  }
  return [...groups.values()];
}

export function planModes(gen: GeneratedBundle, topology: Topology, settings: DeploySettings): ModePlan {
  const servers = databaseServers(topology, gen);
  if (servers.length === 0)
    return { servers, objects: gen.objects.map((item) => ({ item })), pods: new Map(), generations: [] };
  const p = new Planner(servers, topology, settings);
  const objects: Guarded<GeneratedObject>[] = [];
  const pods = new Map<GeneratedObject, PodVariants>();
  const mine = new Set(gen.objects.map((o) => objectId(o.object)));

  for (const o of gen.objects) {
    const id = objectId(o.object);
    if (!p.base.byId.has(id)) {
      objects.push({ item: o }); // not the generator's (hand-built): nothing to compare with
      continue;
    }
    const shape = p.variants((g) => withoutPodLists(g.byId.get(id)?.object));
    const present = shape ? shape.filter((v) => v.value !== undefined) : [];
    const sameShape = new Set(present.map((v) => JSON.stringify(v.value))).size <= 1;
    if (!shape || sameShape) {
      // Present in some modes (or all): one template, mode-dependent entries inside.
      objects.push(shape ? { item: o, guard: present.map((v) => v.when) } : { item: o });
      const pod = podVariants(p, o);
      if (pod) pods.set(o, pod);
      continue;
    }
    // Differs beyond env and init containers: one whole object per combination.
    const whole = p.variants((g) => g.byId.get(id));
    objects.push(...(whole ? presentVariants(whole, o) : [{ item: o }]));
  }

  // Objects only other modes have: a connection Secret, the server's own workload.
  const extra = new Set<string>();
  for (const s of servers)
    for (const id of p.gens.get([s.resource]).byId.keys()) if (!mine.has(id) && !p.base.byId.has(id)) extra.add(id);
  for (const id of extra) objects.push(...presentVariants(p.variants((g) => g.byId.get(id)) ?? []));

  return { servers, objects, pods, generations: p.gens.all() };
}
