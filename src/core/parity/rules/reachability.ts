/**
 * WithReference(database/cache/broker) → the connection value the consumer receives names a
 * host and port the cluster routes to the server: every host of the value (all the formats
 * of ./connection-hosts.ts, resolved through `$(VAR)`, ConfigMaps and Secrets as the kubelet
 * does) is a Service that selects the server's pods on a port its container listens on. The
 * Aspire 13 connection properties (`X_HOST`/`X_PORT`/`X_URI`) are judged the same way.
 * When the value cannot be read (a Secret placeholder), the design's server is what it must
 * name, so the Service path to that server is still proven or refuted.
 */
import { envKeyName } from '../../model/names';
import { hasWorkload, isExternalManaged, resolveEndpoints } from '../../model/semantics';
import { expressionsIn } from '../../model/template';
import type { Resource } from '../../model/topology';
import { connectionEndpoints, defaultPort, type HostPort } from '../connection-hosts';
import { row, type CheckContext, type ResourceMatch } from '../context';
import type { EnvEntry } from '../env';
import { findService, reach, servicesKey, type Reach } from '../reach';
import { resolveValue } from '../resolve-value';
import type { Evidence, ParityRow } from '../types';
import { connectionKey } from './connection-strings';
import { reachFix } from './reach-fix';

/** The resource that listens for a target: a database is served by its server. */
export function serverOf(ctx: CheckContext, target: Resource): Resource {
  return target.kind === 'database' && target.parent ? (ctx.resources.get(target.parent) ?? target) : target;
}

function referencesConnection(consumer: Resource, target: string): boolean {
  return consumer.env.some((e) =>
    expressionsIn(e.value).some(
      (x) => x.resource === target && (x.path.kind === 'connectionString' || x.path.kind === 'value'),
    ),
  );
}

export function reachabilityRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const workloads = ctx.version('workloads', ctx.idx.workloads);
  for (const ref of ctx.topology.references) {
    if (ref.kind !== 'connection-string') continue;
    const consumer = ctx.resources.get(ref.from);
    const target = ctx.resources.get(ref.to);
    if (!consumer || !target || !referencesConnection(consumer, target.name)) continue;
    const server = serverOf(ctx, target);
    if (!hasWorkload(server) || isExternalManaged(server)) continue;
    // The rows read the Services the values name (found first, cheaply); with the server matched,
    // its match key names the Services selecting it; without, any workload may be the one selected.
    const hostsKey = servicesKey(ctx, namedHosts(ctx, consumer, target, server));
    const workloadsKey = ctx.match(server.name) ? '' : `\u0000${workloads}`;
    const key = `${ctx.matchKey(consumer.name)}\u0000${ctx.matchKey(server.name)}\u0000${hostsKey}${workloadsKey}`;
    rows.push(...ctx.remember('reachability', ref, key, () => rowsFor(ctx, consumer, target, server)));
  }
  return rows;
}

/** The hosts a consumer's connection values name, and the server's own name (for memo keys). */
function namedHosts(ctx: CheckContext, consumer: Resource, target: Resource, server: Resource): string[] {
  const m = ctx.match(consumer.name);
  const hosts = [ctx.k8sName(server.name)];
  if (!m) return hosts;
  const prefix = envKeyName(target.name);
  for (const name of [connectionKey(consumer, target), ...URL_PROPERTIES.map((x) => prefix + x), `${prefix}_HOST`]) {
    const e = m.env.get(name);
    const v = e ? resolveValue(ctx.idx, m.env, e) : undefined;
    if (!v || !('text' in v)) continue;
    if (name.endsWith('_HOST') && name !== connectionKey(consumer, target)) hosts.push(v.text.trim().toLowerCase());
    else hosts.push(...connectionEndpoints(v.text, server.engine).endpoints.map((x) => x.host));
  }
  return hosts;
}

interface Value {
  entry: EnvEntry;
  /** `X_PORT` beside `X_HOST`: where a wrong port is written (and fixed). */
  portEntry?: EnvEntry;
  /** The bundle proves the process gets no value (a key its ConfigMap lacks). */
  absent?: string;
  /** Endpoints named, or why the value cannot be read. */
  endpoints: HostPort[] | string;
  scheme?: string;
}

function readValue(ctx: CheckContext, m: ResourceMatch, entry: EnvEntry, server: Resource): Value {
  const v = resolveValue(ctx.idx, m.env, entry);
  if ('opaque' in v) return { entry, endpoints: v.opaque };
  if ('absent' in v) return { entry, endpoints: [], absent: v.absent };
  const parsed = connectionEndpoints(v.text, server.engine);
  // A bare word that is no Service (a test value, a token) is not a host: judge the design's.
  if (parsed.bare && !findService(ctx, parsed.endpoints[0]!.host, m.workload.namespace))
    return { entry, endpoints: `${entry.name} holds no recognisable connection string` };
  return { entry, endpoints: parsed.endpoints, ...(parsed.scheme ? { scheme: parsed.scheme } : {}) };
}

/** Aspire 13's connection properties that hold a whole URL (`X_URI`, and `X_JDBCCONNECTIONSTRING` for Java). */
const URL_PROPERTIES = ['_URI', '_JDBCCONNECTIONSTRING'];

/** Aspire 13 injects `X_HOST`, `X_PORT`, `X_URI` and the like beside (or instead of) the connection string. */
function propertyValues(ctx: CheckContext, m: ResourceMatch, target: Resource, server: Resource): Value[] {
  const prefix = envKeyName(target.name);
  const out: Value[] = [];
  for (const suffix of URL_PROPERTIES) {
    const uri = m.env.get(prefix + suffix);
    if (uri) out.push(readValue(ctx, m, uri, server));
  }
  const host = m.env.get(`${prefix}_HOST`);
  if (host) {
    const h = resolveValue(ctx.idx, m.env, host);
    const p = m.env.get(`${prefix}_PORT`);
    const pv = p ? resolveValue(ctx.idx, m.env, p) : undefined;
    const port = pv && 'text' in pv && /^\d{1,5}$/.test(pv.text.trim()) ? Number(pv.text.trim()) : undefined;
    out.push({
      entry: host,
      ...(p ? { portEntry: p } : {}),
      endpoints:
        'text' in h
          ? [{ host: h.text.trim().toLowerCase(), ...(port !== undefined ? { port } : {}) }]
          : 'opaque' in h
            ? h.opaque
            : [],
      ...('absent' in h ? { absent: h.absent } : {}),
    });
  }
  return out;
}

function rowsFor(ctx: CheckContext, consumer: Resource, target: Resource, server: Resource): ParityRow[] {
  const key = connectionKey(consumer, target);
  const base = {
    rule: 'reachability',
    resource: consumer.name,
    detailKey: target.name,
    declaration: `WithReference(${target.name})`,
    requirement:
      `Every host in ${consumer.name}'s connection to ${target.name} is a Service that reaches ` +
      `${server.name} on a port it listens on`,
    checklist: ['service-name'],
  };
  const m = ctx.match(consumer.name);
  // No workload or no key: the connection-string row already says so; nothing to route.
  if (!m) return [];
  const entry = m.env.get(key);
  const values = [...(entry ? [readValue(ctx, m, entry, server)] : []), ...propertyValues(ctx, m, target, server)];
  if (values.length === 0) return [];
  const designPort = resolveEndpoints(server).find((e) => e.endpoint.protocol === 'tcp')?.servicePort;
  const ns = m.workload.namespace ?? ctx.settings?.namespace;
  const problems: string[] = [];
  const notes: string[] = [];
  const external: string[] = [];
  const evidence: Evidence[] = [];
  let failed: Reach | undefined;
  let failedAt: { host: string; port: number | undefined } | undefined;
  let failedValue: Value | undefined;
  for (const v of values) {
    evidence.push(v.entry.evidence);
    let hosts: HostPort[];
    if (typeof v.endpoints === 'string') {
      // Unreadable: it must name the design's server, so that path is what can be judged.
      notes.push(`${v.endpoints}; judged as the design's ${ctx.k8sName(server.name)}`);
      hosts = [{ host: ctx.k8sName(server.name), ...(designPort !== undefined ? { port: designPort } : {}) }];
    } else if (v.endpoints.length === 0) {
      problems.push(v.absent ? `${v.entry.name}: ${v.absent}` : `${v.entry.name} names no host a client can read`);
      failedValue ??= v;
      continue;
    } else hosts = v.endpoints;
    for (const hp of hosts) {
      const port = hp.port ?? defaultPort(server.engine, v.scheme) ?? designPort;
      const r = reach(ctx, hp, port, server, ns);
      evidence.push(...r.evidence);
      if (r.external) external.push(`${v.entry.name}: ${r.detail}`);
      else if (!r.ok) {
        problems.push(`${v.entry.name}: ${r.detail}`);
        if (!failed) {
          failed = r;
          failedValue = v;
          failedAt = typeof v.endpoints === 'string' ? undefined : { host: hp.host, port: hp.port };
        }
      } else notes.push(`${v.entry.name}: ${r.detail}`);
    }
  }
  if (problems.length) {
    // A port the Service lacks, named by X_PORT: that entry is the one to correct.
    const portEntry = failed?.detail.includes('has no port') ? failedValue?.portEntry : undefined;
    const f = reachFix(
      ctx,
      consumer,
      server,
      m,
      key,
      portEntry ?? failedValue?.entry,
      failed,
      portEntry && failedAt ? { host: ctx.k8sName(server.name), port: failedAt.port } : failedAt,
    );
    return [row({ ...base, status: 'fail', detail: `${problems.join('; ')}.`, evidence, ...(f ? { fix: f } : {}) })];
  }
  if (external.length)
    return [
      row({
        ...base,
        status: 'warn',
        detail: `${external.join('; ')}, while the design runs ${server.name} in the cluster; verify that is intended.`,
        evidence,
      }),
    ];
  return [row({ ...base, status: 'pass', detail: `${notes.join('; ')}.`, evidence })];
}
