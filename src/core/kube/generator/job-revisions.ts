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

/** Rename every Job to its revision and point the waits (commands, Role resourceNames) at it. */
export function reviseCompletionJobs(objects: GeneratedObject[]): void {
  const renamed = new Map<string, string>();
  for (const { object } of objects) {
    if (object.kind !== 'Job') continue;
    const name = revisionName(object.metadata.name, object.spec);
    renamed.set(object.metadata.name, name);
    object.metadata.name = name;
  }
  if (renamed.size === 0) return;
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
