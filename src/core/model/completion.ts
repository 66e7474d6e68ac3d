/**
 * Which resources run to completion: a resource some other resource waits on with
 * `WaitForCompletion(x)` is a task that must finish (a migrator, a seeder), so in Kubernetes it
 * is a Job, not a Deployment that restarts it forever. The generator writes it that way and the
 * parity check expects it, so the fact lives here, once.
 */
import { hasWorkload, isExternalManaged, isStateful } from './semantics';
import type { Resource, Topology } from './topology';

/** A data service holds state and never "completes"; a database runs in its server. */
function canComplete(r: Resource): boolean {
  return hasWorkload(r) && !isExternalManaged(r) && !isStateful(r) && r.kind !== 'database';
}

/**
 * Whether r is waited on with WaitForCompletion and can run as a Job. One pass, not memoised: callers may edit a
 * topology in place between runs.
 */
export function runsToCompletion(topology: Topology, r: Resource): boolean {
  return canComplete(r) && topology.references.some((ref) => ref.to === r.name && ref.waitFor === 'completion');
}

/** Whether anything reaches the resource over the network (a reference that is more than a wait). */
export function isReferencedBeyondWaits(topology: Topology, r: Resource): boolean {
  return topology.references.some((ref) => ref.to === r.name && ref.kind !== 'wait-only');
}
