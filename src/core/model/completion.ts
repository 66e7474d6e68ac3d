/**
 * Which resources run to completion: a resource some other resource waits on with
 * `WaitForCompletion(x)` is a task that must finish (a migrator, a seeder), so in Kubernetes it
 * is a Job, not a Deployment that restarts it forever. The generator writes it that way and the
 * parity check expects it, so the fact lives here, once.
 */
import { hasWorkload, isExternalManaged, isStateful } from './semantics';
import type { Resource, Topology } from './topology';

const memo = new WeakMap<Topology, Set<string>>();

/** Names of the resources waited on with WaitForCompletion that can run as a Job. */
export function completionTargets(topology: Topology): Set<string> {
  const hit = memo.get(topology);
  if (hit) return hit;
  const byName = new Map(topology.resources.map((r) => [r.name, r]));
  const out = new Set<string>();
  for (const ref of topology.references) {
    if (ref.waitFor !== 'completion') continue;
    const r = byName.get(ref.to);
    // A data service holds state and never "completes"; a database runs in its server.
    if (r && hasWorkload(r) && !isExternalManaged(r) && !isStateful(r) && r.kind !== 'database') out.add(r.name);
  }
  memo.set(topology, out);
  return out;
}

export function runsToCompletion(topology: Topology, r: Resource): boolean {
  return completionTargets(topology).has(r.name);
}

/** Whether anything reaches the resource over the network (a reference that is more than a wait). */
export function isReferencedBeyondWaits(topology: Topology, r: Resource): boolean {
  return topology.references.some((ref) => ref.to === r.name && ref.kind !== 'wait-only');
}
