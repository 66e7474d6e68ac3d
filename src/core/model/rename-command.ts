/**
 * Rename: the name, everything that mentions it, and the values derived from it — a project's
 * path (and so its Projects.X type), a database's database name (and its connection string),
 * volume names, the server's generated password — as long as they still hold the derived value
 * (the user has not edited them).
 */
import type { DesignDoc, XY } from './design';
import { aspireNameProblem, envKeyName, toK8sName } from './names';
import type { Resource, Topology } from './topology';
import { renameInTemplate } from './template';
import { find, refuse, type Result } from './command-result';

/** Why `to` is not an acceptable new name for `from`, or undefined. */
export function renameProblem(t: Topology, from: string, to: string): string | undefined {
  const problem = aspireNameProblem(to);
  if (problem) return problem;
  if (to.toLowerCase() !== from.toLowerCase() && t.resources.some((r) => r.name.toLowerCase() === to.toLowerCase())) {
    return `A resource named "${to}" already exists.`;
  }
  return undefined;
}

/** Rename an env var key that WithReference derived from the old target name. */
export function renameEnvKey(key: string, from: string, to: string): string {
  if (key === `ConnectionStrings__${from}`) return `ConnectionStrings__${to}`;
  const sd = /^services__(.+)__([^_]+(?:_[^_]+)*)__(\d+)$/.exec(key);
  if (sd && sd[1] === from) return `services__${to}__${sd[2]}__${sd[3]}`;
  const oldKey = envKeyName(from);
  if (key === oldKey) return envKeyName(to);
  if (key.startsWith(`${oldKey}_`)) return `${envKeyName(to)}${key.slice(oldKey.length)}`;
  return key;
}

/**
 * Rename a resource everywhere: its own record, every template that mentions it (env, args,
 * connection strings), the env keys WithReference derived from its name, references,
 * database parents, positions and hand-edit paths.
 */
export function rename(doc: DesignDoc, from: string, to: string): Result {
  if (from === to) return { ok: true, doc };
  const t = doc.topology;
  if (!find(t, from)) return refuse(`There is no resource named "${from}".`);
  const problem = renameProblem(t, from, to);
  if (problem) return refuse(problem);
  const consumers = new Set(t.references.filter((r) => r.to === from).map((r) => r.from));
  const tpl = (s: string) => renameInTemplate(s, from, to);
  const resources = t.resources.map((r) => {
    const out: Resource = {
      ...r,
      name: r.name === from ? to : r.name,
      args: r.args.map(tpl),
      env: r.env.map((e) => ({
        name: consumers.has(r.name) ? renameEnvKey(e.name, from, to) : e.name,
        value: tpl(e.value),
      })),
    };
    if (r.connectionString !== undefined) out.connectionString = tpl(r.connectionString);
    if (r.parent === from) out.parent = to;
    return r.name === from ? followName(out, from, to) : out;
  });
  const references = t.references.map((r) =>
    r.from === from || r.to === from ? { ...r, from: r.from === from ? to : r.from, to: r.to === from ? to : r.to } : r,
  );
  const positions: Record<string, XY> = {};
  for (const [k, v] of Object.entries(doc.positions)) positions[k === from ? to : k] = v;
  const oldK8s = toK8sName(from);
  const newK8s = toK8sName(to);
  const edits: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.edits)) {
    edits[
      k
        .split('/')
        .map((seg) => (seg === oldK8s ? newK8s : seg))
        .join('/')
    ] = v;
  }
  const renamed: DesignDoc = { ...doc, topology: { ...t, resources, references }, positions, edits };
  return { ok: true, doc: renameCompanionPassword(renamed, from, to) };
}

/**
 * `AddSqlServer("sql")` brings a generated `sql-password` parameter; after renaming the server
 * to `catalog-sql`, Aspire would call it `catalog-sql-password`, so the design follows, unless
 * the user has already taken that name or the parameter is not the server's own.
 */
function renameCompanionPassword(doc: DesignDoc, from: string, to: string): DesignDoc {
  const oldName = `${from}-password`;
  const newName = `${to}-password`;
  const t = doc.topology;
  const param = find(t, oldName);
  const server = find(t, to);
  if (!param || param.kind !== 'parameter' || !server || find(t, newName)) return doc;
  const mention = `{${oldName}.value}`;
  const ownedByServer = [server.connectionString ?? '', ...server.env.map((e) => e.value), ...server.args].some((s) =>
    s.includes(mention),
  );
  if (!ownedByServer) return doc;
  const next = rename(doc, oldName, newName);
  return next.ok ? next.doc : doc;
}

/** The project path the palette gives `AddProject("name")`; the Projects.X type follows from it. */
export function derivedProjectPath(name: string): string {
  return `../${name}/${name}.csproj`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The connection string with its `Database=old` (or SQL Server's `Initial Catalog=old`, as AddDatabase writes them)
 * changed to the new name.
 */
export function withDatabaseName(connectionString: string, oldName: string, newName: string): string {
  return connectionString.replace(
    new RegExp(`(^|;)(Database=|Initial Catalog=)${escapeRe(oldName)}(?=;|$)`, 'i'),
    `$1$2${newName}`,
  );
}

/**
 * Values derived from the old name follow the new one while they still hold the derived value:
 * project path, database name (and the connection string that carries it), volume names.
 */
function followName(r: Resource, from: string, to: string): Resource {
  const out: Resource = { ...r };
  if (r.kind === 'project' && r.projectPath === derivedProjectPath(from)) out.projectPath = derivedProjectPath(to);
  if (r.databaseName === from) {
    out.databaseName = to;
    if (out.connectionString !== undefined) out.connectionString = withDatabaseName(out.connectionString, from, to);
  }
  if (r.volumes.some((v) => v.name?.startsWith(`${from}-`))) {
    out.volumes = r.volumes.map((v) =>
      v.name?.startsWith(`${from}-`) ? { ...v, name: `${to}${v.name.slice(from.length)}` } : v,
    );
  }
  return out;
}
