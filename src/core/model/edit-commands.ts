/** Add, delete, edit, move and import: the commands that are not about references or names. */
import { ensureUriEncodedParameters } from './integrations/references';
import { positionOf, type DesignDoc, type XY } from './design';
import { aspireNameProblem } from './names';
import type { Resource, Topology } from './topology';
import { find, mapResource, refuse, withTopology, type Result } from './command-result';
import { disconnect } from './connect-commands';
import { withDatabaseName } from './rename-command';

/** Add resources (the first is the primary) at a position; names are assumed unique. */
export function addResources(doc: DesignDoc, resources: Resource[], at: XY): Result {
  if (resources.length === 0) return refuse('Nothing to add.');
  const names = new Set(doc.topology.resources.map((r) => r.name.toLowerCase()));
  for (const r of resources) {
    const problem = aspireNameProblem(r.name);
    if (problem) return refuse(`"${r.name}": ${problem}`);
    if (names.has(r.name.toLowerCase())) return refuse(`A resource named "${r.name}" already exists.`);
    names.add(r.name.toLowerCase());
  }
  const positions = { ...doc.positions };
  resources.forEach((r, i) => {
    positions[r.name] = { x: at.x + i * 40, y: at.y + i * 140 };
  });
  // `{p:uri}` in an integration's strings needs the `<p>-uri-encoded` value beside it, as in a manifest.
  const topology = ensureUriEncodedParameters(
    { ...doc.topology, resources: [...doc.topology.resources, ...resources] },
    { references: false },
  );
  for (const r of topology.resources.slice(doc.topology.resources.length + resources.length)) {
    positions[r.name] = { x: at.x + 40 * resources.length, y: at.y + 140 * resources.length };
  }
  return { ok: true, doc: { ...doc, topology, positions } };
}

/** Who would be affected by deleting these resources (references to them, databases inside them). */
export function dependentsOf(t: Topology, names: readonly string[]): string[] {
  const gone = new Set(names);
  const out = new Set<string>();
  for (const r of t.references) if (gone.has(r.to) && !gone.has(r.from)) out.add(r.from);
  for (const r of t.resources) if (r.parent && gone.has(r.parent) && !gone.has(r.name)) out.add(r.name);
  return [...out];
}

/**
 * Delete resources (and databases whose server goes), dropping the references to them and the
 * env those references injected. Returns who depended on them so the UI can say so.
 */
export function remove(doc: DesignDoc, names: readonly string[]): { doc: DesignDoc; dependents: string[] } {
  const t = doc.topology;
  const gone = new Set(names.filter((n) => find(t, n)));
  if (gone.size === 0) return { doc, dependents: [] };
  // Databases go with their server; they are listed among the dependents so the warning names them.
  const children = t.resources.filter((r) => r.parent && gone.has(r.parent) && !gone.has(r.name)).map((r) => r.name);
  for (const c of children) gone.add(c);
  const dependents = [...new Set([...children, ...dependentsOf(t, [...gone])])];
  let next = doc;
  for (const r of t.references) if (gone.has(r.to) && !gone.has(r.from)) next = disconnect(next, r.from, r.to);
  const nt = next.topology;
  const positions = { ...next.positions };
  for (const n of gone) delete positions[n];
  return {
    doc: {
      ...next,
      topology: {
        ...nt,
        resources: nt.resources.filter((r) => !gone.has(r.name)),
        references: nt.references.filter((r) => !gone.has(r.from) && !gone.has(r.to)),
      },
      positions,
    },
    dependents,
  };
}

/** Fields the inspector may change directly; name changes go through rename(). */
export type ResourcePatch = Partial<Omit<Resource, 'name'>>;

export function updateResource(doc: DesignDoc, name: string, patch: ResourcePatch): Result {
  const r = find(doc.topology, name);
  if (!r) return refuse(`There is no resource named "${name}".`);
  if (
    patch.settings?.replicas !== undefined &&
    (!Number.isInteger(patch.settings.replicas) || patch.settings.replicas < 0)
  ) {
    return refuse('Replicas must be a whole number, 0 or more.');
  }
  const full = { ...patch };
  if (patch.databaseName !== undefined && patch.databaseName !== r.databaseName) {
    if (!/^[^;=\s]+$/.test(patch.databaseName))
      return refuse('A database name is one word without ";", "=" or spaces.');
    // The connection string carries the database name: it follows (consumers read it through {db.connectionString}).
    if (r.databaseName && r.connectionString !== undefined && patch.connectionString === undefined) {
      full.connectionString = withDatabaseName(r.connectionString, r.databaseName, patch.databaseName);
    }
  }
  return {
    ok: true,
    doc: withTopology(
      doc,
      mapResource(doc.topology, name, (x) => ({ ...x, ...full })),
    ),
  };
}

/** Move resources; unchanged positions keep the same doc (no undo step). */
export function move(doc: DesignDoc, moves: Record<string, XY>): DesignDoc {
  let changed = false;
  const positions = { ...doc.positions };
  for (const [n, p] of Object.entries(moves)) {
    if (!find(doc.topology, n) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const old = positionOf(positions, n);
    if (old && old.x === p.x && old.y === p.y) continue;
    positions[n] = { x: p.x, y: p.y };
    changed = true;
  }
  return changed ? { ...doc, positions } : doc;
}

/** Replace the topology (an import); positions of resources with the same name are kept. */
export function importTopology(doc: DesignDoc, topology: Topology, positions: Record<string, XY> = {}): DesignDoc {
  const kept: Record<string, XY> = {};
  for (const r of topology.resources) {
    const p = positionOf(positions, r.name);
    if (p) kept[r.name] = p;
  }
  return { ...doc, topology, positions: kept };
}
