/**
 * How much of what an App Host declares an import kept: workloads (deployable, not a
 * placeholder), relationships (consumer → target, either end may be any resource), waits (with
 * their mode) and replicas. Used by the public-fixture tests and the before/after measurement.
 */
import type { Topology } from '../../model/topology';
import { DEPLOYABLE, PLACEHOLDER_SOURCE } from './state';

export interface Declared {
  workloads: readonly string[];
  references: readonly string[];
  waits: readonly string[];
  replicas?: Readonly<Record<string, number>>;
}

export interface Kept {
  workloads: { kept: string[]; lost: string[] };
  references: { kept: string[]; lost: string[] };
  waits: { kept: string[]; lost: string[] };
  replicas: { kept: string[]; lost: string[] };
}

function split(all: readonly string[], has: (x: string) => boolean): { kept: string[]; lost: string[] } {
  return { kept: all.filter(has), lost: all.filter((x) => !has(x)) };
}

export function kept(t: Topology | undefined, d: Declared): Kept {
  const resources = new Map((t?.resources ?? []).map((r) => [r.name, r]));
  const real = (name: string) => {
    const r = resources.get(name);
    return r !== undefined && r.sourceType !== PLACEHOLDER_SOURCE;
  };
  const refs = t?.references ?? [];
  // An external service (AddExternalService) has no resource of its own, as in Aspire's manifest:
  // a reference to it lives on as the consumer's `services__<name>__…` configuration.
  const external = (from: string, to: string) =>
    resources.get(from)?.env.some((e) => e.name.startsWith(`services__${to}__`)) === true && !resources.has(to);
  const ref = (s: string) => {
    const [from, to] = s.split('->') as [string, string];
    return (refs.some((r) => r.from === from && r.to === to) && real(to)) || external(from, to);
  };
  const wait = (s: string) => {
    const [pair, mode] = s.split(':') as [string, string];
    const [from, to] = pair.split('->') as [string, string];
    return refs.some((r) => r.from === from && r.to === to && r.waitFor === mode) && real(to);
  };
  const replicas = Object.entries(d.replicas ?? {}).map(([n, v]) => `${n}=${v}`);
  return {
    workloads: split(d.workloads, (n) => real(n) && DEPLOYABLE.has(resources.get(n)!.kind)),
    references: split(d.references, ref),
    waits: split(d.waits, wait),
    replicas: split(replicas, (s) => {
      const [n, v] = s.split('=') as [string, string];
      return resources.get(n)?.settings.replicas === Number(v);
    }),
  };
}
