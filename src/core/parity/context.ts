/**
 * What every rule family gets: the topology, the indexed bundle, Kubernetes names, the
 * workload matched to each resource (computed once) and a row builder.
 */
import { assignK8sNames } from '../model/names';
import { hasWorkload, resourceIndex } from '../model/semantics';
import type { DeploySettings } from '../model/settings';
import type { Resource, Topology } from '../model/topology';
import { configObjects, type BundleIndex, type KObj, type Workload } from './bundle-index';
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
  /**
   * What `compute` gives for `anchor` (a resource, a reference) in `family`, kept from the
   * previous check of a live checker while the design and `key` are the same. `key` must name
   * everything the computation reads besides the design: `matchKey` of each resource whose
   * match it reads, `version` of each collection it searches.
   */
  remember<T>(family: string, anchor: object, key: string, compute: () => T): T;
  /** The same for one document: kept while its value, place and `key` are the same. */
  rememberDoc<T>(family: string, o: KObj, key: string, compute: () => T): T;
  /**
   * Changes whenever the resource's match does: workload and container, their documents, its Services, the ConfigMaps
   * and Secrets its env reads.
   */
  matchKey(resource: string): string;
  /** Changes whenever any object of the collection changes document or place. */
  version(name: string, objects: readonly KObj[]): number;
  /** The version of the ConfigMaps and Secrets (every match key includes it). */
  configVersion: number;
  /** Names one document in one place (or nothing), for keys. */
  docKey(o: KObj | undefined): string;
}

export function createContext(
  topology: Topology,
  idx: BundleIndex,
  options: ParityOptions,
  settings?: DeploySettings,
  memo?: RuleMemo,
): CheckContext {
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
  for (const { r, m: best } of candidates) {
    // The unclaimed best stays the best (and the first of its score) when nothing took its workload.
    const m = best && !claimed.has(best.workload) ? best : findWorkload(idx, r, k8sName(r.name), claimed);
    if (!m) {
      matches.set(r.name, undefined);
      continue;
    }
    claimed.add(m.workload);
    matches.set(r.name, {
      ...m,
      env: containerEnv(idx, m.workload, m.container),
      services: servicesFor(idx, m.workload, k8sName(r.name)),
    });
  }
  const pre = new Set(options.preCreatedSecrets ?? []);
  return {
    ...memoized(memo, topology, options, settings, idx, matches),
    topology,
    idx,
    ...(settings ? { settings } : {}),
    options,
    resources,
    k8sName,
    match: (n) => matches.get(n),
    secretKnown: (n) => (idx.secrets.has(n) ? 'bundle' : pre.has(n) ? 'pre-created' : undefined),
  };
}

type Memoized = Pick<CheckContext, 'remember' | 'rememberDoc' | 'matchKey' | 'version' | 'docKey' | 'configVersion'>;

/** Without a memo (a one-off check) everything is computed; with one, keys name what was read. */
function memoized(
  memo: RuleMemo | undefined,
  topology: Topology,
  options: ParityOptions,
  settings: DeploySettings | undefined,
  idx: BundleIndex,
  matches: Map<string, ResourceMatch | undefined>,
): Memoized {
  if (!memo)
    return {
      remember: (_f, _a, _k, compute) => compute(),
      rememberDoc: (_f, _o, _k, compute) => compute(),
      matchKey: () => '',
      version: () => 0,
      docKey: () => '',
      configVersion: 0,
    };
  // The design: the topology by identity (the worker keeps it between keystrokes), settings and options by value.
  const design = `${memo.objectId(topology)}\u0000${JSON.stringify(settings ?? null)}\u0000${JSON.stringify(options)}`;
  const config = memo.version('config', configObjects(idx));
  const keys = new Map<string, string>();
  const matchKey = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) {
      const m = matches.get(name);
      // The env reads ConfigMaps and Secrets of the bundle, so their version is part of every match.
      k = m
        ? [
            memo.idOf(m.workload),
            m.container.init,
            m.container.index,
            m.score,
            m.by,
            m.services.map((s) => memo.idOf(s)).join(','),
            config,
          ].join('\u0001')
        : '-';
      keys.set(name, k);
    }
    return k;
  };
  return {
    remember: (family, anchor, key, compute) => memo.keep(family, anchor, `${design}\u0000${key}`, compute),
    rememberDoc: (family, o, key, compute) => memo.forDoc(family, o, `${design}\u0000${key}`, compute),
    matchKey,
    version: (name, objects) => memo.version(name, objects),
    docKey: (o) => (o ? String(memo.idOf(o)) : '-'),
    configVersion: config,
  };
}

/** Build a row with a stable id. */
export function row(r: Omit<ParityRow, 'id'> & { detailKey?: string }): ParityRow {
  const { detailKey, ...rest } = r;
  return { id: `${r.rule}:${r.resource}:${detailKey ?? ''}`, ...rest };
}
