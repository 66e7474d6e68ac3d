/**
 * Database children (§6 of the manifest reference). The manifest has no parent/child link:
 * `AddDatabase("catalog")` is a value.v0 whose connection string is the server's plus a
 * database, e.g. "{catalog-sql.connectionString};Database=catalog". Mongo instead repeats the
 * whole URL with the server's bindings: "mongodb://…@{mongo.bindings.tcp.host}:{…port}/db?…".
 */
import { expressionsIn } from '../../model/template';
import type { Resource } from '../../model/topology';

/**
 * Kinds that can be a database server (containers, Dockerfile builds, cloud databases, external connection strings).
 */
const SERVER_KINDS: ReadonlySet<Resource['kind']> = new Set(['container', 'dockerfile', 'cloud', 'connection-string']);
/** Servers we run ourselves: any suffix selects a database. Others (cloud, external) must say "Database=" or "/db". */
const OWN_SERVER_KINDS: ReadonlySet<Resource['kind']> = new Set(['container', 'dockerfile']);
const SELECTS_DATABASE = /^\s*(\/[^/?;#]|;.*\b(Database|Initial Catalog)\s*=)/i;

const LEADING_SERVER = /^\{([A-Za-z0-9_-]+)\.connectionString\}/;

/** The database name a child's connection string selects, if it says. */
export function databaseNameFrom(connectionString: string, afterServer: string | undefined): string | undefined {
  const kv = /(?:^|;)\s*(?:Database|Initial Catalog)\s*=\s*([^;]*)/i.exec(afterServer ?? connectionString);
  if (kv && kv[1]!.trim()) return kv[1]!.trim();
  if (afterServer !== undefined) {
    // "{oracle.connectionString}/freepdb1", "{mongo.connectionString}/db?…"
    const path = /^\/([^/?;#]+)/.exec(afterServer);
    if (path) return decodeSafe(path[1]!);
    return undefined;
  }
  // A URL: the first path segment after the authority.
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/([^/?#;]+)/i.exec(connectionString);
  return url ? decodeSafe(url[1]!) : undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Mark every value.v0 that belongs to a server as kind 'database' with `parent` and
 * `databaseName`. Mutates the resources in place.
 */
export function detectDatabaseChildren(resources: Resource[], byName: ReadonlyMap<string, Resource>): void {
  for (const r of resources) {
    if (r.sourceType !== 'value.v0' || r.connectionString === undefined) continue;
    const cs = r.connectionString;
    let parent: string | undefined;
    let afterServer: string | undefined;
    const lead = LEADING_SERVER.exec(cs);
    if (lead) {
      const server = byName.get(lead[1]!);
      const rest = cs.slice(lead[0].length);
      // ";Database=x" or "/db": a bare "{server.connectionString}" is an alias, not a database.
      const selects =
        server && (OWN_SERVER_KINDS.has(server.kind) ? /^\s*[;/]/.test(rest) : SELECTS_DATABASE.test(rest));
      if (server && server !== r && SERVER_KINDS.has(server.kind) && selects) {
        parent = server.name;
        afterServer = rest.trimStart();
      }
    } else {
      const bindingTargets = new Set(
        expressionsIn(cs)
          .filter((e) => e.path.kind === 'binding')
          .map((e) => e.resource),
      );
      if (bindingTargets.size === 1) {
        const server = byName.get([...bindingTargets][0]!);
        // Only a server that has its own connection string: a plain service URL is not a database.
        if (server && server !== r && OWN_SERVER_KINDS.has(server.kind) && server.connectionString !== undefined)
          parent = server.name;
      }
    }
    if (parent === undefined) continue;
    r.kind = 'database';
    r.parent = parent;
    r.databaseName = databaseNameFrom(cs, afterServer) ?? r.name;
  }
}
