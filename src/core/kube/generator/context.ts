/**
 * Shared state of one generation run: names, lookups, and what the run has learned
 * (secrets to create, diagnostics). Kept in one object so each rule file stays small.
 */
import { designWarnings } from '../../model/design-warnings';
import { assignK8sNames, toK8sName } from '../../model/names';
import type { Diagnostic } from '../../model/diagnostics';
import type { DeploySettings } from '../../model/settings';
import type { Reference, Resource, Topology } from '../../model/topology';
import type { GeneratedObject, SecretToCreate } from '../objects';
import { credentialParameters } from './credentials';

export interface GenContext {
  topology: Topology;
  settings: DeploySettings;
  byName: Map<string, Resource>;
  k8sNames: Map<string, string>;
  appLabel: string;
  objects: GeneratedObject[];
  secrets: SecretToCreate[];
  secretIds: Set<string>;
  diagnostics: Diagnostic[];
  /** Non-secret parameters without a value, collected into the shared "parameters" ConfigMap. */
  parameterKeys: Map<string, string>;
  /** References by consumer, so per-resource rules stay linear in the topology size. */
  referencesFrom: Map<string, Reference[]>;
  /** Plain parameters used as passwords: they go to Secrets like secret parameters (./credentials.ts). */
  credentialParameters: Set<string>;
  /** How many resources have a public HTTP endpoint (decides whether Ingress hosts are per service). */
  publicHttpCount: number;
}

export function createContext(topology: Topology, settings: DeploySettings): GenContext {
  const { map, diagnostics } = assignK8sNames(topology.resources.map((r) => r.name));
  return {
    topology,
    settings,
    byName: new Map(topology.resources.map((r) => [r.name, r])),
    k8sNames: map,
    appLabel: toK8sName(topology.name || 'app'),
    objects: [],
    secrets: [],
    secretIds: new Set(),
    diagnostics: [...diagnostics, ...designWarnings(topology)],
    parameterKeys: new Map(),
    referencesFrom: groupBy(topology.references, (r) => r.from),
    credentialParameters: credentialParameters(topology),
    publicHttpCount: topology.resources.filter((r) => r.endpoints.some((e) => e.external && e.transport !== 'tcp'))
      .length,
  };
}

export function k8sName(ctx: GenContext, resource: string): string {
  return ctx.k8sNames.get(resource) ?? toK8sName(resource);
}

/** Record a secret the user must provide, once per (secret, key). */
export function needSecret(ctx: GenContext, s: SecretToCreate): void {
  const id = `${s.secretName}\u0000${s.key}`;
  if (ctx.secretIds.has(id)) return;
  ctx.secretIds.add(id);
  ctx.secrets.push(s);
}

export function metadata(ctx: GenContext, name: string, labels?: Record<string, string>) {
  return {
    name,
    ...(ctx.settings.namespace ? { namespace: ctx.settings.namespace } : {}),
    ...(labels ? { labels } : {}),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
