/**
 * WaitFor → an init container that blocks until the dependency is there, so a dependant does
 * not start first (what the App Host did locally). A database waits on its server. Readiness
 * probes keep covering it after startup.
 *
 * How it waits depends on what the target is: a target that listens is polled on its Service
 * port; a target that runs to completion (WaitForCompletion → a Job) is waited for with
 * `kubectl wait --for=condition=complete`; a target with no listener (a worker) with
 * `kubectl rollout status`, since a port poll on it would never end and the dependant would
 * never start. The kubectl waits need API access: ./waiter-rbac.ts.
 */
import { runsToCompletion } from '../../model/completion';
import { cyclesOf } from '../../model/cycles';
import { diag } from '../../model/diagnostics';
import { hasWorkload, isExternalManaged, isStateful, resolveEndpoints } from '../../model/semantics';
import type { Reference, Resource } from '../../model/topology';
import type { Container, Volume } from 'kubernetes-types/core/v1';
import { k8sName, type GenContext } from './context';
import { apiWaitContainer, waitContainerSecurity, waiterVolumes, type WatchedWorkload } from './waiter-rbac';

export const WAIT_IMAGE = 'busybox:1.36.1';

/** The resource that actually runs for a WaitFor target (a database runs in its server). */
function runningTarget(ctx: GenContext, target: Resource): Resource | undefined {
  if (target.kind === 'database' && target.parent) return ctx.byName.get(target.parent);
  return target;
}

export interface WaitPlan {
  initContainers: Container[];
  /** Pod volumes the kubectl waits need (their API token, a writable HOME). */
  volumes: Volume[];
  /** Workloads the pod's kubectl waits read: the Role grants exactly these. */
  watched: WatchedWorkload[];
}

/** The workload the generator writes for a target, as kubectl names it. */
function workloadOf(ctx: GenContext, target: Resource): WatchedWorkload {
  const name = k8sName(ctx, target.name);
  if (runsToCompletion(ctx.topology, target)) return { kind: 'job', name };
  return isStateful(target) ? { kind: 'statefulset', name } : { kind: 'deployment', name };
}

function portPoll(host: string, port: number): Container {
  return {
    name: `wait-for-${host}`.slice(0, 63).replace(/-+$/, ''),
    image: WAIT_IMAGE,
    command: ['sh', '-c', `until nc -z -w 2 ${host} ${port}; do echo "waiting for ${host}:${port}"; sleep 2; done`],
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
    securityContext: waitContainerSecurity(),
  };
}

function declarationOf(ref: Reference): string {
  return ref.waitFor === 'completion' ? `WaitForCompletion(${ref.to})` : `WaitFor(${ref.to})`;
}

export function waitPlanFor(ctx: GenContext, r: Resource): WaitPlan {
  const out: Container[] = [];
  const watched: WatchedWorkload[] = [];
  for (const ref of ctx.referencesFrom.get(r.name) ?? []) {
    if (ref.waitFor === 'none') continue;
    const declared = ctx.byName.get(ref.to);
    const target = declared && runningTarget(ctx, declared);
    if (!declared || !target) continue;
    if (isExternalManaged(target) || !hasWorkload(target)) {
      ctx.diagnostics.push(
        diag(
          'info',
          'waitfor-outside-cluster',
          `${r.name} waits for ${ref.to}, which does not run in the cluster; readiness must cover its availability.`,
          { resource: r.name },
        ),
      );
      continue;
    }
    const host = k8sName(ctx, target.name);
    const name = `wait-for-${host}`.slice(0, 63).replace(/-+$/, '');
    if (out.some((c) => c.name === name)) continue;
    const port = resolveEndpoints(target).find((e) => e.endpoint.protocol === 'tcp');
    const workload = workloadOf(ctx, target);
    if (workload.kind === 'job' || ref.waitFor === 'completion' || !port) {
      if (ref.waitFor === 'completion' && workload.kind !== 'job') {
        ctx.diagnostics.push(
          diag(
            'warning',
            'waitfor-completion',
            `${r.name} uses ${declarationOf(ref)}, but ${target.name} holds state and runs as a ` +
              `${workload.kind === 'statefulset' ? 'StatefulSet' : 'Deployment'}, which never completes; ${r.name} ` +
              `waits for its rollout instead.`,
            { resource: r.name },
          ),
        );
      }
      out.push(apiWaitContainer(name, workload));
      if (!watched.some((w) => w.kind === workload.kind && w.name === workload.name)) watched.push(workload);
      continue;
    }
    out.push(portPoll(host, port.servicePort));
  }
  return { initContainers: out, volumes: watched.length ? waiterVolumes() : [], watched };
}

/**
 * WaitFor cycles of the design (a → b → c → a): each pod waits at startup for the next, so none
 * ever starts. The bundle keeps the App Host's waits (the cycle is its decision) and says so, as
 * the parity check's cycle row does.
 */
export function warnWaitCycles(ctx: GenContext): void {
  const waitsOf = (r: Resource): Resource[] =>
    (ctx.referencesFrom.get(r.name) ?? []).flatMap((ref) => {
      const target = ref.waitFor === 'none' ? undefined : ctx.byName.get(ref.to);
      const running = target && runningTarget(ctx, target);
      return running && hasWorkload(running) && !isExternalManaged(running) ? [running] : [];
    });
  for (const cycle of cyclesOf(ctx.topology.resources.filter(hasWorkload), waitsOf)) {
    const names = cycle.map((r) => r.name);
    ctx.diagnostics.push(
      diag(
        'warning',
        'wait-cycle',
        `${[...names, names[0]].join(' → ')}: each waits at startup for the next (WaitFor), so no pod of the ` +
          `cycle ever starts; remove one of these WaitFor calls.`,
        { resource: names[0]! },
      ),
    );
  }
}
