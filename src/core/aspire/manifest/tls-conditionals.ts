/**
 * Aspire 13.6 writes a Redis connection string as
 * `{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={…}`
 * `{cond-cache-bindings-tcp-tlsenabled-<hash>.connectionString}` (one string)
 * where `cond-…` is a value.v0 holding what the TLS condition resolved to at publish time
 * (`""` without TLS, `,ssl=true` with it). That is a constant, not a resource anyone declares:
 * fold it into the strings that use it and drop it, so a manifest and the App Host it came
 * from (RedisResource.BuildConnectionString) read the same.
 */
import type { Resource } from '../../model/topology';

const COND = /^cond-.+-tlsenabled-[0-9a-f]+$/;

/** A `cond-*-tlsenabled-*` value with a constant connection string: its value, else undefined. */
function constantOf(r: Resource): string | undefined {
  if (!COND.test(r.name) || r.kind !== 'value' || r.connectionString === undefined) return undefined;
  return r.connectionString.includes('{') ? undefined : r.connectionString;
}

export function foldTlsConditionals(resources: Resource[]): Resource[] {
  const constants = new Map<string, string>();
  for (const r of resources) {
    const v = constantOf(r);
    if (v !== undefined) constants.set(r.name, v);
  }
  if (constants.size === 0) return resources;
  const fold = (text: string) =>
    text.replace(/\{(cond-[^{}.]+)\.connectionString\}/g, (m, name: string) => constants.get(name) ?? m);
  return resources
    .filter((r) => !constants.has(r.name))
    .map((r) => ({
      ...r,
      ...(r.connectionString !== undefined ? { connectionString: fold(r.connectionString) } : {}),
      env: r.env.map((e) => ({ ...e, value: fold(e.value) })),
      args: r.args.map(fold),
    }));
}
