/**
 * Every host and port a connection value names, in the formats real clients read: ADO.NET key
 * lists (SQL Server `Server=tcp:h,1433`, Npgsql `Host=h1:5432,h2;Port=`, MySQL `Server=h;Port=`),
 * StackExchange.Redis and Kafka bootstrap lists (`h:6379,h2:6380,ssl=true`), URLs with host
 * lists (`mongodb://u:p@h1,h2:27017/db`, `amqp://`, `nats://`, `redis://`, `postgres://`) and
 * JDBC (`jdbc:sqlserver://h:1433;databaseName=x`). One left-to-right pass over the text with
 * indexOf and split only: no backtracking pattern, so a hostile value costs linear time.
 */
import type { Engine } from '../model/topology';

export interface HostPort {
  host: string;
  /** Absent: the client's default for the engine or scheme (see defaultPort). */
  port?: number;
}

/** Default ports clients use when the value names none. */
const ENGINE_PORTS: Partial<Record<Engine, number>> = {
  sqlserver: 1433,
  postgres: 5432,
  mysql: 3306,
  mongodb: 27017,
  redis: 6379,
  rabbitmq: 5672,
  kafka: 9092,
  oracle: 1521,
  nats: 4222,
};
const SCHEME_PORTS: Record<string, number> = {
  http: 80,
  https: 443,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  mariadb: 3306,
  sqlserver: 1433,
  mongodb: 27017,
  redis: 6379,
  rediss: 6380,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  tls: 4222,
  kafka: 9092,
  oracle: 1521,
};

export function defaultPort(engine: Engine | undefined, scheme?: string): number | undefined {
  if (scheme && SCHEME_PORTS[scheme] !== undefined) return SCHEME_PORTS[scheme];
  return engine ? ENGINE_PORTS[engine] : undefined;
}

/** Keys that name the server in ADO.NET-style key lists (lower case, spaces kept). */
const HOST_KEYS = new Set([
  'server',
  'host',
  'data source',
  'datasource',
  'address',
  'addr',
  'network address',
  'hostname',
  'endpoint',
  'bootstrap.servers',
  'bootstrapservers',
]);
const PORT_KEYS = new Set(['port']);

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 5) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `h`, `h:5432`, `[::1]:5432`, `tcp:h,1433` pieces → host and port (SQL Server's comma is handled by the caller). */
function hostAndPort(piece: string): HostPort | undefined {
  let s = piece.trim();
  if (s.toLowerCase().startsWith('tcp:')) s = s.slice(4);
  if (s === '') return undefined;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return undefined;
    const rest = s.slice(end + 1);
    const port = rest.startsWith(':') && isDigits(rest.slice(1)) ? Number(rest.slice(1)) : undefined;
    return { host: s.slice(1, end).toLowerCase(), ...(port !== undefined ? { port } : {}) };
  }
  // A named SQL Server instance (h\SQLEXPRESS) is found by the browser service; the host is what routes.
  const slash = s.indexOf('\\');
  if (slash >= 0) s = s.slice(0, slash);
  // Oracle's EZConnect `h:1521/service` (also written `//h:1521/service`): the service name is not part of the route.
  if (s.startsWith('//')) s = s.slice(2);
  const path = s.indexOf('/');
  if (path >= 0) s = s.slice(0, path);
  const colon = s.lastIndexOf(':');
  if (colon > 0 && isDigits(s.slice(colon + 1)))
    return { host: s.slice(0, colon).toLowerCase(), port: Number(s.slice(colon + 1)) };
  return { host: s.toLowerCase() };
}

export interface ParsedConnection {
  endpoints: HostPort[];
  /** The URL scheme, when the value is a URL (decides the default port). */
  scheme?: string;
  /** A bare word (no port, no list, no keys): a host only if a Service has that name. */
  bare?: boolean;
}

/** `scheme://[user[:pass]@]h1[:p1][,h2[:p2]][/path][?query]` (and `jdbc:` in front). */
function parseUrl(text: string): ParsedConnection | undefined {
  let s = text.trim();
  if (s.toLowerCase().startsWith('jdbc:')) s = s.slice(5);
  const sep = s.indexOf('://');
  if (sep <= 0) return undefined;
  const scheme = s.slice(0, sep).toLowerCase();
  for (let i = 0; i < scheme.length; i++) {
    const c = scheme[i]!;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '+' || c === '.' || c === '-')) return undefined;
  }
  let rest = s.slice(sep + 3);
  // The authority ends at the first '/', '?', '#' or ';' (JDBC properties); credentials end at the last '@' inside it.
  let end = rest.length;
  for (const ch of ['/', '?', '#', ';']) {
    const at = rest.indexOf(ch);
    if (at >= 0 && at < end) end = at;
  }
  rest = rest.slice(0, end);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const endpoints = rest.split(',').flatMap((p) => hostAndPort(p) ?? []);
  const plus = scheme.indexOf('+');
  return { endpoints, scheme: plus > 0 ? scheme.slice(0, plus) : scheme };
}

/** Split a key list on ';' and read the host and port keys. */
function parseKeyList(text: string, engine: Engine | undefined): ParsedConnection {
  const hosts: string[] = [];
  let port: number | undefined;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (HOST_KEYS.has(key)) hosts.push(value);
    else if (PORT_KEYS.has(key) && isDigits(value)) port = Number(value);
  }
  const endpoints: HostPort[] = [];
  for (const h of hosts) {
    // `Endpoint=http://milvus:19530` and the like: the value is itself a URL.
    const url = h.includes('://') ? parseUrl(h) : undefined;
    if (url) {
      endpoints.push(
        ...url.endpoints.map((e) =>
          e.port === undefined && url.scheme && SCHEME_PORTS[url.scheme] !== undefined
            ? { ...e, port: SCHEME_PORTS[url.scheme]! }
            : e,
        ),
      );
      continue;
    }
    // SQL Server writes the port after a comma; everyone else lists hosts with commas.
    if (engine === 'sqlserver' || h.toLowerCase().startsWith('tcp:')) {
      const comma = h.indexOf(',');
      const hp = hostAndPort(comma >= 0 ? h.slice(0, comma) : h);
      const p = comma >= 0 ? h.slice(comma + 1).trim() : '';
      if (hp)
        endpoints.push({
          host: hp.host,
          ...(isDigits(p)
            ? { port: Number(p) }
            : hp.port !== undefined
              ? { port: hp.port }
              : port !== undefined
                ? { port }
                : {}),
        });
      continue;
    }
    for (const piece of h.split(',')) {
      const hp = hostAndPort(piece);
      if (hp) endpoints.push(hp.port === undefined && port !== undefined ? { ...hp, port } : hp);
    }
  }
  return { endpoints };
}

/** StackExchange.Redis / Kafka bootstrap: comma-separated, endpoints are the items without '='. */
function parseCommaList(text: string): ParsedConnection {
  const endpoints = text.split(',').flatMap((p) => (p.includes('=') ? [] : (hostAndPort(p) ?? [])));
  return {
    endpoints,
    ...(endpoints.length === 1 && endpoints[0]!.port === undefined && !text.includes(',') ? { bare: true } : {}),
  };
}

/** Oracle's thin JDBC URL: `jdbc:oracle:thin:@//h:1521/svc` (EZConnect) or `jdbc:oracle:thin:@h:1521:SID`. */
function parseOracleThin(text: string): ParsedConnection | undefined {
  if (!text.toLowerCase().startsWith('jdbc:oracle:')) return undefined;
  const at = text.indexOf('@');
  if (at < 0) return { endpoints: [], scheme: 'oracle' };
  const rest = text.slice(at + 1).trim();
  if (rest.startsWith('//')) return { endpoints: [hostAndPort(rest)].flatMap((e) => e ?? []), scheme: 'oracle' };
  const [host, port] = rest.split(':');
  return {
    endpoints: host ? [{ host: host.toLowerCase(), ...(port && isDigits(port) ? { port: Number(port) } : {}) }] : [],
    scheme: 'oracle',
  };
}

/** The endpoints a connection value names (empty when it names none we can read). */
export function connectionEndpoints(text: string, engine?: Engine): ParsedConnection {
  const t = text.trim();
  if (t === '') return { endpoints: [] };
  const thin = parseOracleThin(t);
  if (thin) return thin;
  const url = parseUrl(t);
  if (url) return url;
  if (t.includes('=') && (t.includes(';') || !t.includes(','))) {
    const kv = parseKeyList(t, engine);
    if (kv.endpoints.length) return kv;
  }
  return parseCommaList(t);
}

/** True for hosts that cannot be a Service: loopback and the any-address. */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' || host.endsWith('.localhost')
  );
}

/** `x.ns.svc` and `x.ns.svc.cluster.local` can only be cluster Services (never a DNS name elsewhere). */
export function isClusterServiceName(host: string): boolean {
  const labels = host.split('.');
  const tail = labels.slice(2).join('.');
  return labels.length >= 3 && (tail === 'svc' || tail === 'svc.cluster.local');
}

/**
 * The Service a host names, as cluster DNS resolves it: `name`, `name.ns`, `name.ns.svc`,
 * `name.ns.svc.cluster.local`. Anything else with dots is outside the cluster (undefined).
 */
export function serviceOfHost(
  host: string,
  defaultNamespace: string | undefined,
): { name: string; namespace?: string } | undefined {
  const labels = host.split('.');
  if (labels.length === 1) return { name: labels[0]!, ...(defaultNamespace ? { namespace: defaultNamespace } : {}) };
  const tail = labels.slice(2).join('.');
  if (labels.length === 2 || tail === 'svc' || tail === 'svc.cluster.local')
    return { name: labels[0]!, namespace: labels[1]! };
  return undefined;
}
