/**
 * What every rule family gets: the topology, the indexed bundle, Kubernetes names, the
 * workload matched to each resource (computed once) and a row builder.
 */
import { assignK8sNames } from '../model/names';
import { hasWorkload, resourceIndex } from '../model/semantics';
import type { DeploySettings } from '../model/settings';
import type { Resource, Topology } from '../model/topology';
import type { BundleIndex, Workload } from './bundle-index';
import { containerEnv, type ContainerEnv } from './env';
import { findWorkload, servicesFor, type WorkloadMatch } from './matcher';
import type { RuleMemo } from './rule-memo';
import type { ParityOptions, ParityRow } from './types';

export interface ResourceMatch extends WorkloadMatch {
  env: ContainerEnv;
  services: ReturnType<typeof servicesFor>;
}

export interface CheckContext {
  topology: Topology;
  idx: BundleIndex;
  settings?: DeploySettings;
  options: ParityOptions;
  resources: Map<string, Resource>;
  k8sName(resource: string): string;
  match(resource: string): ResourceMatch | undefined;
  /** Secret exists in the bundle or is declared pre-created. */
  secretKnown(name: string): 'bundle' | 'pre-created' | undefined;
  /** Rows kept from the previous check of a live checker (absent for a one-off check). */
  memo?: RuleMemo;
}

export function createContext(topology: Topology, idx: BundleIndex, options: ParityOptions, settings?: DeploySettings, memo?: RuleMemo): CheckContext {
  const names = assignK8sNames(topology.resources.map((r) => r.name)).map;
  const k8sName = (n: string) => names.get(n) ?? n.toLowerCase();
  const resources = resourceIndex(topology);
  const matches = new Map<string, ResourceMatch | undefined>();
  // Match the strongest claims first so two resources never share one workload.
  const claimed = new Set<Workload>();
  const candidates = topology.resources
    .filter(hasWorkload)
    .map((r) => ({ r, m: findWorkload(idx, r, k8sName(r.name)) }))
    .sort((a, b) => (b.m?.score ?? 0) - (a.m?.score ?? 0));
  for (const { r } of candidates) {
    const m = findWorkload(idx, r, k8sName(r.name), claimed);
    if (!m) {
      matches.set(r.name, undefined);
      continue;
    }
    claimed.add(m.workload);
    matches.set(r.name, { ...m, env: containerEnv(idx, m.workload, m.container), services: servicesFor(idx, m.workload, k8sName(r.name)) });
  }
  const pre = new Set(options.preCreatedSecrets ?? []);
  return {
    topology,
    idx,
    ...(settings ? { settings } : {}),
    options,
    resources,
    k8sName,
    match: (n) => matches.get(n),
    secretKnown: (n) => (idx.secrets.has(n) ? 'bundle' : pre.has(n) ? 'pre-created' : undefined),
    ...(memo ? { memo } : {}),
  };
}

/** Build a row with a stable id. */
export function row(r: Omit<ParityRow, 'id'> & { detailKey?: string }): ParityRow {
  const { detailKey, ...rest } = r;
  return { id: `${r.rule}:${r.resource}:${detailKey ?? ''}`, ...rest };
}
