/**
 * Design commands: pure functions DesignDoc → DesignDoc that the store, tests and (later) a
 * command palette share. Each returns the SAME doc object when nothing changed, so undo history
 * (which compares by reference) never records no-op steps. Refusals carry a reason the UI shows.
 */
import { positionOf, type DesignDoc, type XY } from './design';
import { aspireNameProblem, envKeyName, toK8sName } from './names';
import type { EnvVar, Reference, ReferenceKind, Resource, Topology, WaitMode } from './topology';
import { renameInTemplate } from './template';
import { connectionStringEnv, ensureUriEncodedParameters, serviceDiscoveryEnv } from './integrations/references';

export type Refusal = { ok: false; reason: string };
export type Result<T = DesignDoc> = { ok: true; doc: T } | Refusal;

const refuse = (reason: string): Refusal => ({ ok: false, reason });

function find(t: Topology, name: string): Resource | undefined {
  return t.resources.find((r) => r.name === name);
}

function withTopology(doc: DesignDoc, topology: Topology): DesignDoc {
  return { ...doc, topology };
}

/** "api" → "api" if free, else "api-2", "api-3", … (case-insensitive, like Aspire). */
export function uniqueName(taken: Iterable<string>, wanted: string): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  const stem = wanted.replace(/-\d+$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

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
  const topology = ensureUriEncodedParameters({ ...doc.topology, resources: [...doc.topology.resources, ...resources] }, { references: false });
  for (const r of topology.resources.slice(doc.topology.resources.length + resources.length)) {
    positions[r.name] = { x: at.x + 40 * resources.length, y: at.y + 140 * resources.length };
  }
  return { ok: true, doc: { ...doc, topology, positions } };
}

/** Resources that can hold references (get env vars): things that run. */
function isConsumer(r: Resource): boolean {
  return r.kind === 'project' || r.kind === 'container' || r.kind === 'dockerfile' || r.kind === 'executable';
}

const KIND_WORD: Record<Resource['kind'], string> = {
  project: 'a project',
  container: 'a container',
  dockerfile: 'a Dockerfile container',
  executable: 'an executable',
  database: 'a database',
  parameter: 'a parameter',
  'connection-string': 'an external service',
  value: 'a value',
  'otlp-collector': 'an OTLP collector',
  cloud: 'a cloud resource',
  unknown: 'an unknown resource',
};

/** What WithReference(target) carries, or undefined when the target cannot be referenced. */
export function referenceKindFor(target: Resource): ReferenceKind | undefined {
  if (target.connectionString !== undefined) return 'connection-string';
  if (target.kind === 'parameter') return 'parameter';
  if (target.endpoints.length > 0) return 'service-discovery';
  return undefined;
}

/** Why `from` cannot reference `to`, or undefined when it can. */
export function connectionProblem(t: Topology, from: string, to: string): string | undefined {
  const a = find(t, from);
  const b = find(t, to);
  if (!a) return `There is no resource named "${from}".`;
  if (!b) return `There is no resource named "${to}".`;
  if (from === to) return `"${from}" cannot reference itself.`;
  if (!isConsumer(a)) return `${capital(KIND_WORD[a.kind])} cannot reference anything: "${from}" does not run, so it has no environment to receive "${to}".`;
  if (t.references.some((r) => r.from === from && r.to === to)) return `"${from}" already references "${to}".`;
  if (b.kind === 'otlp-collector') return `Services reach the OTLP collector through the telemetry settings, not a reference.`;
  if (!referenceKindFor(b)) return `${capital(KIND_WORD[b.kind])} like "${to}" has neither a connection string nor endpoints to reference.`;
  return undefined;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The env vars Aspire's WithReference(target) writes into the consumer (./integrations/references.ts). */
export function injectedEnv(target: Resource, kind: ReferenceKind, t?: Topology): EnvVar[] {
  const n = target.name;
  switch (kind) {
    case 'connection-string':
      return t ? connectionStringEnv(target, (x) => find(t, x)) : [{ name: `ConnectionStrings__${n}`, value: `{${n}.connectionString}` }];
    case 'service-discovery':
      return serviceDiscoveryEnv(target);
    case 'parameter':
      return [{ name: envKeyName(n), value: `{${n}.value}` }];
    default:
      return [];
  }
}

function mapResource(t: Topology, name: string, f: (r: Resource) => Resource): Topology {
  return { ...t, resources: t.resources.map((r) => (r.name === name ? f(r) : r)) };
}

export interface ConnectOptions {
  waitFor?: WaitMode;
}

/** WithReference(from → to) [+ WaitFor]: records the reference and injects Aspire's env. */
export function connect(doc: DesignDoc, from: string, to: string, opts: ConnectOptions = {}): Result {
  const t = doc.topology;
  const problem = connectionProblem(t, from, to);
  if (problem) return refuse(problem);
  const target = find(t, to)!;
  const kind = referenceKindFor(target)!;
  const waitFor = opts.waitFor ?? 'none';
  if (waitFor !== 'none') {
    const cycle = waitCycle(t, from, to);
    if (cycle) return refuse(cycle);
  }
  const env = injectedEnv(target, kind, t);
  const topology = mapResource(t, from, (r) => ({
    ...r,
    env: [...r.env.filter((e) => !env.some((x) => x.name === e.name)), ...env],
  }));
  const ref: Reference = { from, to, kind, waitFor };
  return { ok: true, doc: withTopology(doc, ensureUriEncodedParameters({ ...topology, references: [...t.references, ref] }, { references: false })) };
}

/** Remove a reference and the env it injected (env the user wrote by hand stays). */
export function disconnect(doc: DesignDoc, from: string, to: string): DesignDoc {
  const t = doc.topology;
  const ref = t.references.find((r) => r.from === from && r.to === to);
  if (!ref) return doc;
  const target = find(t, to);
  const injected = target ? injectedEnv(target, ref.kind, t) : [];
  const topology = mapResource(t, from, (r) => ({
    ...r,
    env: r.env.filter((e) => !injected.some((x) => x.name === e.name && x.value === e.value)),
  }));
  return withTopology(doc, { ...topology, references: t.references.filter((r) => r !== ref) });
}

/** A WaitFor chain from `to` back to `from` would deadlock startup. */
function waitCycle(t: Topology, from: string, to: string): string | undefined {
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === from) return `"${to}" already waits (directly or not) for "${from}"; waiting both ways would deadlock startup.`;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const r of t.references) if (r.from === n && r.waitFor !== 'none') stack.push(r.to);
  }
  return undefined;
}

/** WaitFor / WaitForCompletion on an existing reference, or a wait-only edge. */
export function setWaitFor(doc: DesignDoc, from: string, to: string, mode: WaitMode): Result {
  const t = doc.topology;
  const ref = t.references.find((r) => r.from === from && r.to === to);
  if (ref && ref.waitFor === mode) return { ok: true, doc };
  if (mode !== 'none') {
    const cycle = waitCycle(t, from, to);
    if (cycle) return refuse(cycle);
  }
  if (!ref) {
    if (mode === 'none') return { ok: true, doc };
    const a = find(t, from);
    if (!a || !find(t, to)) return refuse(`"${from}" or "${to}" does not exist.`);
    if (!isConsumer(a)) return refuse(`${capital(KIND_WORD[a.kind])} does not run, so it cannot wait for "${to}".`);
    return { ok: true, doc: withTopology(doc, { ...t, references: [...t.references, { from, to, kind: 'wait-only', waitFor: mode }] }) };
  }
  const references =
    mode === 'none' && ref.kind === 'wait-only'
      ? t.references.filter((r) => r !== ref)
      : t.references.map((r) => (r === ref ? { ...r, waitFor: mode } : r));
  return { ok: true, doc: withTopology(doc, { ...t, references }) };
}

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
function renameEnvKey(key: string, from: string, to: string): string {
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
      env: r.env.map((e) => ({ name: consumers.has(r.name) ? renameEnvKey(e.name, from, to) : e.name, value: tpl(e.value) })),
    };
    if (r.connectionString !== undefined) out.connectionString = tpl(r.connectionString);
    if (r.parent === from) out.parent = to;
    return out;
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
    edits[k.split('/').map((seg) => (seg === oldK8s ? newK8s : seg)).join('/')] = v;
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
  const ownedByServer = [server.connectionString ?? '', ...server.env.map((e) => e.value), ...server.args].some((s) => s.includes(mention));
  if (!ownedByServer) return doc;
  const next = rename(doc, oldName, newName);
  return next.ok ? next.doc : doc;
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

/** A self-contained piece of a design: what copy puts on the clipboard. */
export interface Fragment {
  format: 'aspire-parity-fragment';
  resources: Resource[];
  references: Reference[];
  positions: Record<string, XY>;
}

/** Copy: the selected resources, the references among them, and their positions. */
export function extractFragment(doc: DesignDoc, names: readonly string[]): Fragment {
  const set = new Set(names);
  const resources = doc.topology.resources.filter((r) => set.has(r.name));
  const positions: Record<string, XY> = {};
  for (const r of resources) positions[r.name] = positionOf(doc.positions, r.name) ?? { x: 0, y: 0 };
  return {
    format: 'aspire-parity-fragment',
    resources,
    references: doc.topology.references.filter((r) => set.has(r.from) && (set.has(r.to) || find(doc.topology, r.to))),
    positions,
  };
}

/**
 * Paste a fragment: every resource gets a free name ("api" → "api-2"), templates and
 * references among the copies follow the new names, references to resources outside the
 * fragment are kept when those still exist. Returns the new names (to select them).
 */
export function pasteFragment(doc: DesignDoc, fragment: Fragment, offset: XY = { x: 40, y: 40 }): { doc: DesignDoc; names: string[] } {
  const taken = doc.topology.resources.map((r) => r.name);
  const renames = new Map<string, string>();
  for (const r of fragment.resources) {
    const n = uniqueName([...taken, ...renames.values()], r.name);
    renames.set(r.name, n);
  }
  const rewrite = (s: string) => {
    let out = s;
    for (const [a, b] of renames) if (a !== b) out = renameInTemplate(out, a, b);
    return out;
  };
  const resources = fragment.resources.map((r) => {
    const to = renames.get(r.name)!;
    const copy: Resource = {
      ...structuredClone(r),
      name: to,
      args: r.args.map(rewrite),
      env: r.env.map((e) => {
        let key = e.name;
        for (const [a, b] of renames) if (a !== b) key = renameEnvKey(key, a, b);
        return { name: key, value: rewrite(e.value) };
      }),
    };
    if (r.connectionString !== undefined) copy.connectionString = rewrite(r.connectionString);
    if (r.parent !== undefined) copy.parent = renames.get(r.parent) ?? r.parent;
    // Copies of volumes must not share the original's named volume.
    copy.volumes = r.volumes.map((v) => (v.name ? { ...v, name: v.name.replace(r.name, to) } : v));
    return copy;
  });
  const existing = new Set([...taken, ...renames.values()]);
  const references = fragment.references
    .map((r) => ({ ...r, from: renames.get(r.from) ?? r.from, to: renames.get(r.to) ?? r.to }))
    .filter((r) => existing.has(r.from) && existing.has(r.to));
  const positions = { ...doc.positions };
  for (const [old, neu] of renames) {
    const p = positionOf(fragment.positions, old) ?? { x: 0, y: 0 };
    positions[neu] = { x: p.x + offset.x, y: p.y + offset.y };
  }
  return {
    doc: {
      ...doc,
      topology: { ...doc.topology, resources: [...doc.topology.resources, ...resources], references: [...doc.topology.references, ...references] },
      positions,
    },
    names: [...renames.values()],
  };
}

/** Fields the inspector may change directly; name changes go through rename(). */
export type ResourcePatch = Partial<Omit<Resource, 'name'>>;

export function updateResource(doc: DesignDoc, name: string, patch: ResourcePatch): Result {
  const r = find(doc.topology, name);
  if (!r) return refuse(`There is no resource named "${name}".`);
  if (patch.settings?.replicas !== undefined && (!Number.isInteger(patch.settings.replicas) || patch.settings.replicas < 0)) {
    return refuse('Replicas must be a whole number, 0 or more.');
  }
  return { ok: true, doc: withTopology(doc, mapResource(doc.topology, name, (x) => ({ ...x, ...patch }))) };
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
