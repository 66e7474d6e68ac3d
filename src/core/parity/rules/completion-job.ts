/**
 * A Job that others wait for must survive the next release, which three shapes break:
 *
 * - a Helm hook: `helm install --wait` (and `--atomic`) runs post-install/post-upgrade hooks only
 *   once every Deployment is ready, while the Deployment that waits for the Job is ready only
 *   after the Job completed, so the install never ends; a pre- hook runs before the Job's own
 *   dependencies exist; and hooks are no release objects, so Helm never prunes the old ones
 *   (before-hook-creation deletes only a hook of the same name);
 * - `ttlSecondsAfterFinished`: the completed Job is deleted, so a waiting pod that starts later
 *   (rescheduled, scaled) waits for a Job that is gone, and `kubectl apply` or a GitOps sync
 *   creates it again and runs it again;
 * - a fixed name: a Job's pod template is immutable, so the next release with a changed spec
 *   fails to apply (`kubectl apply`, `helm upgrade`) until someone deletes the Job.
 *
 * A name that changes with the release (`migrator-3f2a9c1e`, `migrator-v2`, `migrator-12`: its last
 * segment holds a digit) or `generateName` counts as versioned. Each shape is a warning: the
 * bundle runs, the next install or upgrade is what goes wrong.
 */
import { asRec, asStr, evidenceAt, type Workload } from '../bundle-index';
import { row, type CheckContext } from '../context';
import type { ParityRow } from '../types';

type Base = Pick<ParityRow, 'resource' | 'declaration'> & { detailKey: string };

/** What is wrong with the Job for its waiters, one sentence each. */
function problems(job: Workload, waiter: string): string[] {
  const meta = asRec(job.obj.metadata);
  const hook = asStr(asRec(meta?.annotations)?.['helm.sh/hook']);
  const out: string[] = [];
  if (hook !== undefined) {
    const phases = hook.split(',').map((p) => p.trim());
    out.push(
      phases.some((p) => p.startsWith('post-'))
        ? `it is a Helm ${hook} hook: helm install --wait runs it only after ${waiter} is ready, and ${waiter} ` +
            `waits for it, so the install never ends; and hooks are no release objects, so Helm never prunes them`
        : `it is a Helm ${hook} hook: it runs before or outside the release's objects it may need, and ` +
            `hooks are no release objects, so Helm never prunes them`,
    );
  }
  const ttl = asStr(asRec(job.obj.spec)?.ttlSecondsAfterFinished);
  if (ttl !== undefined)
    out.push(
      `ttlSecondsAfterFinished: ${ttl} deletes it once complete: a ${waiter} pod that starts later waits for a ` +
        `Job that is gone, and kubectl apply or a GitOps sync creates it again and runs it again`,
    );
  const versioned = asStr(meta?.generateName) !== undefined || /-[a-z]*[0-9][a-z0-9]*$/.test(job.name);
  if (!versioned)
    out.push(
      `its name ${job.name} stays the same across releases, and a Job's pod template cannot be changed: the ` +
        `next release with a changed spec fails to apply until the Job is deleted`,
    );
  return out;
}

/** The row for a wait on a Job: pass when it is a versioned release object without a TTL. */
export function completionJobRow(ctx: CheckContext, base: Base, job: Workload, waiter: string): ParityRow {
  const found = problems(job, waiter);
  return row({
    ...base,
    rule: 'waitfor-job',
    requirement:
      `The Job ${waiter} waits for survives upgrades: a release object (not a Helm hook) named for its spec, ` +
      `kept once complete`,
    status: found.length ? 'warn' : 'pass',
    detail: found.length
      ? `Job ${job.name}: ${found.join('; ')}. Name it for its spec (${ctx.k8sName(base.detailKey)}-<hash>) as ` +
        `convert does: a changed Job is a new one that runs once, and helm upgrade or kubectl apply --prune ` +
        `removes the old.`
      : `Job ${job.name} is a release object named for its revision: a changed spec is a new Job.`,
    evidence: [evidenceAt(job, ['metadata'])],
  });
}
