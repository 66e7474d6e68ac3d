/**
 * The chart's alternatives: the same topology generated with some database servers' mode
 * flipped (in-cluster ↔ external). The generator alone decides what each mode means (which
 * objects exist, which env a consumer gets), so the chart never re-implements it: it compares
 * these generations. Cached by the set of flipped servers; indexed by object identity.
 */
import { generate } from '../../kube/generate';
import type { GeneratedBundle, GeneratedObject, KubeObject } from '../../kube/objects';
import type { DeploySettings } from '../../model/settings';
import type { Topology } from '../../model/topology';
import { list, rec, type Rec } from '../inspect';

/** Identity of an object across generations. */
export function objectId(o: KubeObject): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export interface Generation {
  /** Servers whose mode differs from the topology's. */
  flipped: readonly string[];
  topology: Topology;
  gen: GeneratedBundle;
  byId: Map<string, GeneratedObject>;
}

export function podSpec(o: KubeObject | Rec | undefined): Rec | undefined {
  return rec(rec(rec(o?.spec)?.template)?.spec);
}

function items(v: unknown): Rec[] {
  return list(v).flatMap((x) => (rec(x) ? [rec(x)!] : []));
}

export function containersOf(o: KubeObject | Rec | undefined): Rec[] {
  return items(podSpec(o)?.containers);
}

export function initContainersOf(o: KubeObject | Rec | undefined): Rec[] {
  return items(podSpec(o)?.initContainers);
}

export function envOf(container: Rec | undefined): Rec[] {
  return items(container?.env);
}

function flip(topology: Topology, names: ReadonlySet<string>): Topology {
  if (names.size === 0) return topology;
  return {
    ...topology,
    resources: topology.resources.map((r) =>
      names.has(r.name)
        ? {
            ...r,
            settings: {
              ...r.settings,
              databaseMode: r.settings.databaseMode === 'external' ? 'in-cluster' : 'external',
            },
          }
        : r,
    ),
  };
}

export class Generations {
  private readonly cache = new Map<string, Generation>();

  constructor(
    private readonly topology: Topology,
    private readonly settings: DeploySettings,
  ) {}

  get(flipped: readonly string[]): Generation {
    const names = [...new Set(flipped)].sort();
    const key = JSON.stringify(names);
    let g = this.cache.get(key);
    if (!g) {
      const topology = flip(this.topology, new Set(names));
      const gen = generate(topology, this.settings);
      g = { flipped: names, topology, gen, byId: new Map(gen.objects.map((o) => [objectId(o.object), o])) };
      this.cache.set(key, g);
    }
    return g;
  }

  all(): Generation[] {
    return [...this.cache.values()];
  }
}
