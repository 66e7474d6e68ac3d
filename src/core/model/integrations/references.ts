/**
 * What `consumer.WithReference(target)` writes into the consumer, exactly as Aspire 13.6's
 * ResourceBuilderExtensions does (CreateEndpointReferenceEnvironmentPopulationCallback and
 * WithReference(IResourceWithConnectionString)):
 *
 * - a connection-string target: `ConnectionStrings__<connectionName>` and then each connection
 *   property as `<ENCODED_NAME>_<KEY>` (name encoded to [A-Za-z0-9_], upper-cased);
 * - an endpoint target, per endpoint not excluded from references: `<NAME>_<ENDPOINT>` and
 *   `services__<name>__<key>__<i>`, where key is the scheme for endpoints named http/https
 *   and the endpoint name otherwise, and i counts endpoints that share a key.
 *
 * App Host import and the designer's connect command both call these, so a drawn reference and
 * an imported one carry the same environment.
 */
import type { EnvVar, Resource, Topology } from '../topology';
import { integrationForEngine, serverContext } from './index';
import { combineProperties, type Properties } from './types';

/** Aspire's EnvironmentVariableNameEncoder: anything but [A-Za-z0-9_] becomes "_", a leading digit gets "_". */
export function encodeEnvName(name: string): string {
  if (name === '' || /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) return name;
  return (/^[0-9]/.test(name) ? '_' : '') + name.replace(/[^a-zA-Z0-9]/g, '_');
}

/**
 * The connection properties a resource exposes (its own integration's, or its parent server's merged with the child's).
 */
export function connectionProperties(target: Resource, byName: (n: string) => Resource | undefined): Properties {
  if (target.kind === 'database' && target.parent) {
    const server = byName(target.parent);
    const spec = integrationForEngine(server?.engine);
    if (!server || !spec?.child || !spec.properties) return [];
    const ctx = serverContext(spec, server, byName);
    return spec.child.properties(ctx, target.databaseName ?? target.name);
  }
  const spec = integrationForEngine(target.engine);
  if (target.kind !== 'container' || !spec?.properties) return [];
  return spec.properties(serverContext(spec, target, byName));
}

/** `ConnectionStrings__<name>` plus the connection properties, in Aspire's order. */
export function connectionStringEnv(
  target: Resource,
  byName: (n: string) => Resource | undefined,
  connectionName = target.name,
): EnvVar[] {
  const spec = target.kind === 'container' ? integrationForEngine(target.engine) : undefined;
  const custom = spec?.customReference;
  const ctx = custom && spec ? serverContext(spec, target, byName) : undefined;
  const cs =
    custom && ctx && target.connectionString !== undefined
      ? target.connectionString
      : `{${target.name}.connectionString}`;
  const env: EnvVar[] = [{ name: `ConnectionStrings__${connectionName}`, value: cs }];
  // Aspire 13.6.5 adds the portable alias when the name is not a valid env name (`my-db` → `my_db`),
  // right after the original (fixtures/oracle/connection-name).
  const portable = encodeEnvName(connectionName);
  if (portable !== connectionName) env.push({ name: `ConnectionStrings__${portable}`, value: cs });
  const prefix = connectionName === '' ? '' : `${encodeEnvName(connectionName).toUpperCase()}_`;
  for (const [key, value] of connectionProperties(target, byName))
    env.push({ name: `${prefix}${key.toUpperCase()}`, value });
  if (custom && ctx)
    for (const [suffix, value] of custom.extra(ctx))
      env.push({ name: `ConnectionStrings__${connectionName}_${suffix}`, value });
  return env;
}

/** The `services__` key Aspire uses for an endpoint: the scheme for endpoints named http/https, else the name. */
export function serviceDiscoveryKey(endpointName: string, scheme: string): string {
  const n = endpointName.toLowerCase();
  return n === 'http' || n === 'https' ? scheme : endpointName;
}

/** `<NAME>_<ENDPOINT>` and `services__<name>__<key>__<i>` for every referenced endpoint. */
export function serviceDiscoveryEnv(target: Resource, only?: string, serviceName = target.name): EnvVar[] {
  const excluded = new Set(integrationForEngine(target.engine)?.unreferencedEndpoints ?? []);
  const index = new Map<string, number>();
  const env: EnvVar[] = [];
  for (const e of target.endpoints) {
    if (only !== undefined ? e.name.toLowerCase() !== only.toLowerCase() : excluded.has(e.name)) continue;
    const url = `{${target.name}.bindings.${e.name}.url}`;
    env.push({
      name: `${encodeEnvName(serviceName.toUpperCase())}_${encodeEnvName(e.name).toUpperCase()}`,
      value: url,
    });
    const key = serviceDiscoveryKey(e.name, e.scheme);
    const i = index.get(key.toLowerCase()) ?? 0;
    index.set(key.toLowerCase(), i + 1);
    env.push({ name: `services__${serviceName}__${key}__${i}`, value: url });
  }
  return env;
}

const URI_ENCODED = /\{([^{}]+)-uri-encoded\.value\}/g;

/**
 * The `<p>-uri-encoded` annotated strings that templates in the topology point at but that do
 * not exist yet: Aspire's manifest writer adds one for every `{Parameter:uri}` it writes.
 */
export function missingUriEncodedParameters(t: Topology): Resource[] {
  const names = new Set(t.resources.map((r) => r.name));
  const out: Resource[] = [];
  const visit = (text: string | undefined) => {
    if (!text) return;
    for (const m of text.matchAll(URI_ENCODED)) {
      const param = m[1]!;
      const name = `${param}-uri-encoded`;
      if (names.has(name) || !names.has(param)) continue;
      names.add(name);
      out.push({
        name,
        kind: 'value',
        sourceType: 'annotated.string',
        args: [],
        env: [],
        endpoints: [],
        volumes: [],
        bindMounts: [],
        settings: {},
        raw: { type: 'annotated.string', value: `{${param}.value}`, filter: 'uri' },
      });
    }
  };
  for (const r of t.resources) {
    visit(r.connectionString);
    r.env.forEach((e) => visit(e.value));
    r.args.forEach(visit);
  }
  return out;
}

/**
 * The topology with every missing `<p>-uri-encoded` parameter added, and the references the
 * manifest importer would derive for them (companion → parameter, user → companion). App Host
 * import and the designer's commands both finish with this, so they agree with a manifest.
 */
export function ensureUriEncodedParameters(t: Topology, opts: { references?: boolean } = {}): Topology {
  const added = missingUriEncodedParameters(t);
  if (added.length === 0) return t;
  // The designer draws only the edges the user made; the companions are there for the generator.
  if (opts.references === false) return { ...t, resources: [...t.resources, ...added] };
  const references = [...t.references];
  const has = (from: string, to: string) => references.some((r) => r.from === from && r.to === to);
  for (const a of added) {
    const param = a.name.slice(0, -'-uri-encoded'.length);
    references.push({ from: a.name, to: param, kind: 'parameter', waitFor: 'none' });
  }
  for (const r of t.resources) {
    const texts = [r.connectionString ?? '', ...r.env.map((e) => e.value), ...r.args];
    for (const a of added) {
      if (!has(r.name, a.name) && texts.some((x) => x.includes(`{${a.name}.`)))
        references.push({ from: r.name, to: a.name, kind: 'parameter', waitFor: 'none' });
    }
  }
  return { ...t, resources: [...t.resources, ...added], references };
}

export { combineProperties };
