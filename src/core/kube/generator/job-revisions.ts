/**
 * A Job's pod template is immutable: `kubectl apply` of a changed Job fails ("field is
 * immutable"), and so does `helm upgrade`. Real charts and pipelines avoid that by making a changed
 * Job a new Job. So the completion Jobs (WaitForCompletion targets) carry a hash of their spec in
 * their name, `migrator-3f2a9c1e`: re-applying the same bundle is a no-op, a changed migrator is a
 * new Job that runs once, and the dependants' waits (their `kubectl wait job/…` and the Role that
 * lets them read it) name the new Job, so their pods roll and wait for it. The chart names the Job
 * again from its rendered spec (bundle/helm/template-job.ts), because values change the template.
 */
import type { GeneratedObject, KubeObject } from '../objects';

/** FNV-1a over the text, 8 hex digits: a name suffix, not a security measure. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `<name>-<hash of the spec>`, within the 63 characters a Job name (its pods' label) allows. */
export function revisionName(name: string, spec: unknown): string {
  return `${name.slice(0, 54).replace(/-+$/, '')}-${contentHash(JSON.stringify(spec) ?? '')}`;
}

/** The name a revision was made from: `migrator-3f2a9c1e` → `migrator` (other names unchanged). */
export function revisionBase(revision: string): string {
  return revision.replace(/-[0-9a-f]{8}$/, '');
}

type Rec = Record<string, unknown>;
const rec = (x: unknown): Rec | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Rec) : undefined);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

function podSpecOf(o: KubeObject): Rec | undefined {
  return rec(rec(rec(o.spec)?.template)?.spec);
}

/** Point the waits (init container commands, Role resourceNames) of every object at the renamed Jobs. */
function followRenames(objects: GeneratedObject[], renamed: Map<string, string>): void {
  for (const { object } of objects) {
    for (const c of list(podSpecOf(object)?.initContainers)) {
      const command = rec(c)?.command;
      if (Array.isArray(command))
        rec(c)!.command = command.map((w) =>
          typeof w === 'string' && w.startsWith('job/') && renamed.has(w.slice(4))
            ? `job/${renamed.get(w.slice(4))}`
            : w,
        );
    }
    if (object.kind !== 'Role') continue;
    for (const rule of list(object.rules)) {
      const r = rec(rule);
      if (!r || !list(r.resources).includes('jobs')) continue;
      r.resourceNames = list(r.resourceNames).map((n) => (typeof n === 'string' ? (renamed.get(n) ?? n) : n));
    }
  }
}

/** The Job names a Job's own waits read (`kubectl wait job/x`). */
function waitedJobs(job: KubeObject, among: ReadonlySet<string>): string[] {
  return list(podSpecOf(job)?.initContainers)
    .flatMap((c) => list(rec(c)?.command))
    .flatMap((w) => (typeof w === 'string' && w.startsWith('job/') && among.has(w.slice(4)) ? [w.slice(4)] : []));
}

/**
 * Rename every Job to its revision and point the waits at it. A Job that waits for another Job
 * is named after that one is: its spec then holds the other's revision, so a changed migrator
 * also renames the seeder that waits for it (whose wait, part of its immutable template, changed).
 */
export function reviseCompletionJobs(objects: GeneratedObject[]): void {
  const pending = new Map(objects.filter((o) => o.object.kind === 'Job').map((o) => [o.object.metadata.name, o]));
  while (pending.size > 0) {
    const names = new Set(pending.keys());
    let ready = [...pending.values()].filter((o) => waitedJobs(o.object, names).length === 0);
    // A wait cycle cannot start anyway (its own rule reports it); name those Jobs as they are.
    if (ready.length === 0) ready = [...pending.values()];
    const renamed = new Map<string, string>();
    for (const { object } of ready) {
      pending.delete(object.metadata.name);
      const name = revisionName(object.metadata.name, object.spec);
      renamed.set(object.metadata.name, name);
      object.metadata.name = name;
    }
    followRenames(objects, renamed);
  }
}
