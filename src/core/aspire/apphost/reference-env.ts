/**
 * The environment `WithReference` injects into the consumer, as the manifest writer spells it
 * (reference §6): `ConnectionStrings__<name>` for anything with a connection string, and for
 * endpoint targets `services__<name>__<endpoint>__0` plus `<NAME>_<ENDPOINT>` per endpoint.
 * The importer adds these; the exporter recognises them and writes `WithReference` instead.
 */
import { envKeyName } from '../../model/names';
import type { EnvVar, ReferenceKind, Resource } from '../../model/topology';
import { expressionsIn } from '../../model/template';

/**
 * Aspire 13.6 also writes a portable alias when the name has characters other than letters,
 * digits and `_` (`ConnectionStrings__my-db` and `ConnectionStrings__my_db`). .NET reads each
 * under its own name only (oracle/FINDINGS.md), so both are kept.
 */
export function connectionStringEnv(target: string, connectionName = target): EnvVar[] {
  const value = `{${target}.connectionString}`;
  const portable = connectionName.replace(/[^A-Za-z0-9_]/g, '_');
  const env = [{ name: `ConnectionStrings__${connectionName}`, value }];
  if (portable !== connectionName) env.push({ name: `ConnectionStrings__${portable}`, value });
  return env;
}

export function endpointEnv(target: string, endpoint: string): EnvVar[] {
  return [
    { name: `services__${target}__${endpoint}__0`, value: `{${target}.bindings.${endpoint}.url}` },
    { name: `${envKeyName(target)}_${envKeyName(endpoint)}`, value: `{${target}.bindings.${endpoint}.url}` },
  ];
}

/** Whether a resource is consumed through its connection string (servers, databases, connection strings). */
export function hasConnectionString(r: Resource): boolean {
  return r.connectionString !== undefined;
}

/** The environment and reference kind `consumer.WithReference(target)` produces. */
export function referenceEnv(target: Resource, connectionName?: string): { env: EnvVar[]; kind: ReferenceKind } {
  if (hasConnectionString(target)) return { env: connectionStringEnv(target.name, connectionName), kind: 'connection-string' };
  return { env: target.endpoints.flatMap((e) => endpointEnv(target.name, e.name)), kind: 'service-discovery' };
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
