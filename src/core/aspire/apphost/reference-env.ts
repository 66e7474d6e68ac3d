/**
 * The environment `WithReference` injects into the consumer, as the manifest writer spells it
 * (reference §6): `ConnectionStrings__<name>` for anything with a connection string, and for
 * endpoint targets `services__<name>__<endpoint>__0` plus `<NAME>_<ENDPOINT>` per endpoint.
 * The importer adds these; the exporter recognises them and writes `WithReference` instead.
 */
import * as integration from '../../model/integrations/references';
import type { EnvVar, ReferenceKind, Resource } from '../../model/topology';
import { expressionsIn } from '../../model/template';

type Lookup = (name: string) => Resource | undefined;

/**
 * `ConnectionStrings__<name>` and, when the target and its servers are known, Aspire 13's
 * connection properties. Aspire 13.6 also writes a portable alias when the name has characters
 * other than letters, digits and `_` (`ConnectionStrings__my-db` and `ConnectionStrings__my_db`);
 * .NET reads each under its own name only (oracle/FINDINGS.md), so both are kept.
 */
export function connectionStringEnv(
  target: string,
  connectionName = target,
  resource?: Resource,
  byName?: Lookup,
): EnvVar[] {
  if (resource && byName) return integration.connectionStringEnv(resource, byName, connectionName);
  const value = `{${target}.connectionString}`;
  const portable = connectionName.replace(/[^A-Za-z0-9_]/g, '_');
  const env = [{ name: `ConnectionStrings__${connectionName}`, value }];
  if (portable !== connectionName) env.push({ name: `ConnectionStrings__${portable}`, value });
  return env;
}

/**
 * WithReference(x.GetEndpoint(e)): `<X>_<E>` then `services__x__<key>__0` (key: the scheme for http/https endpoints).
 */
export function endpointEnv(target: string, endpoint: string, resource?: Resource): EnvVar[] {
  const e = resource?.endpoints.find((x) => x.name.toLowerCase() === endpoint.toLowerCase());
  if (resource && e) return integration.serviceDiscoveryEnv(resource, e.name);
  const url = `{${target}.bindings.${endpoint}.url}`;
  return [
    {
      name: `${integration.encodeEnvName(target.toUpperCase())}_${integration.encodeEnvName(endpoint).toUpperCase()}`,
      value: url,
    },
    { name: `services__${target}__${endpoint}__0`, value: url },
  ];
}

/** Whether a resource is consumed through its connection string (servers, databases, connection strings). */
export function hasConnectionString(r: Resource): boolean {
  return r.connectionString !== undefined;
}

/** The environment and reference kind `consumer.WithReference(target)` produces. */
export function referenceEnv(
  target: Resource,
  connectionName?: string,
  byName?: Lookup,
): { env: EnvVar[]; kind: ReferenceKind } {
  if (hasConnectionString(target))
    return { env: connectionStringEnv(target.name, connectionName, target, byName), kind: 'connection-string' };
  return { env: integration.serviceDiscoveryEnv(target), kind: 'service-discovery' };
}

/** The reference kind an expression implies (same rule the manifest importer uses). */
export function kindOfExpressionTemplate(text: string, target: string): ReferenceKind | undefined {
  let best: ReferenceKind | undefined;
  for (const e of expressionsIn(text)) {
    if (e.resource !== target) continue;
    const k: ReferenceKind =
      e.path.kind === 'connectionString'
        ? 'connection-string'
        : e.path.kind === 'value'
          ? 'parameter'
          : e.path.kind === 'binding' && e.path.property === 'url'
            ? 'service-discovery'
            : 'endpoint-property';
    if (best === undefined || RANK[k] > RANK[best]) best = k;
  }
  return best;
}

/** When one consumer uses a target several ways, the strongest kind names the reference. */
export const RANK: Record<ReferenceKind, number> = {
  'wait-only': 0,
  'endpoint-property': 1,
  parameter: 2,
  'service-discovery': 3,
  'connection-string': 4,
};
