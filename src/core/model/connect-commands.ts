/** References: which connections are legal (and why not), WithReference's env, WaitFor. */
import { connectionStringEnv, ensureUriEncodedParameters, serviceDiscoveryEnv } from './integrations/references';
import type { DesignDoc } from './design';
import { envKeyName } from './names';
import type { EnvVar, Reference, ReferenceKind, Resource, Topology, WaitMode } from './topology';
import { find, mapResource, refuse, withTopology, type Result } from './command-result';

/** Resources that can hold references (get env vars): things that run. */
export function isConsumer(r: Resource): boolean {
  return r.kind === 'project' || r.kind === 'container' || r.kind === 'dockerfile' || r.kind === 'executable';
}

export const KIND_WORD: Record<Resource['kind'], string> = {
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
  if (!isConsumer(a))
    return (
      `${capital(KIND_WORD[a.kind])} cannot reference anything: "${from}" does not run, so it has no ` +
      `environment to receive "${to}".`
    );
  if (t.references.some((r) => r.from === from && r.to === to)) return `"${from}" already references "${to}".`;
  if (b.kind === 'otlp-collector')
    return `Services reach the OTLP collector through the telemetry settings, not a reference.`;
  if (!referenceKindFor(b))
    return `${capital(KIND_WORD[b.kind])} like "${to}" has neither a connection string nor endpoints to reference.`;
  return undefined;
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The env vars Aspire's WithReference(target) writes into the consumer. */
export function injectedEnv(target: Resource, kind: ReferenceKind, t?: Topology): EnvVar[] {
  const n = target.name;
  switch (kind) {
    case 'connection-string':
      // Aspire 13.6: the connection string, its portable alias and the connection properties (./integrations).
      return t
        ? connectionStringEnv(target, (x) => find(t, x))
        : [{ name: `ConnectionStrings__${n}`, value: `{${n}.connectionString}` }];
    case 'service-discovery':
      return serviceDiscoveryEnv(target);
    case 'parameter':
      return [{ name: envKeyName(n), value: `{${n}.value}` }];
    default:
      return [];
  }
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
  return {
    ok: true,
    doc: withTopology(
      doc,
      ensureUriEncodedParameters({ ...topology, references: [...t.references, ref] }, { references: false }),
    ),
  };
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
    if (n === from)
      return `"${to}" already waits (directly or not) for "${from}"; waiting both ways would deadlock startup.`;
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
    return {
      ok: true,
      doc: withTopology(doc, { ...t, references: [...t.references, { from, to, kind: 'wait-only', waitFor: mode }] }),
    };
  }
  const references =
    mode === 'none' && ref.kind === 'wait-only'
      ? t.references.filter((r) => r !== ref)
      : t.references.map((r) => (r === ref ? { ...r, waitFor: mode } : r));
  return { ok: true, doc: withTopology(doc, { ...t, references }) };
}
