/**
 * WaitFor → startup ordering is handled in the cluster: an init container that waits for the
 * target's Service (mentions its host or port), and the target has a readiness probe so "its
 * Service answers" means "it is ready".
 */
import type { Reference, Resource } from '../../model/topology';
import { hasWorkload, resolveEndpoints } from '../../model/semantics';
import { evidenceAt } from '../bundle-index';
import { row, type CheckContext } from '../context';
import { fix } from '../snippets';
import { completionJobRow } from './completion-job';
import { completionWaitFix } from './completion-wait';
import type { ParityRow } from '../types';

/** The resource that actually runs for a target: a database's server. */
function runningTarget(ctx: CheckContext, target: Resource): Resource {
  if (target.kind === 'database' && target.parent) return ctx.resources.get(target.parent) ?? target;
  return target;
}

export function waitForRows(ctx: CheckContext): ParityRow[] {
  return ctx.topology.references.flatMap((ref) => {
    if (ref.waitFor === 'none') return [];
    const consumer = ctx.resources.get(ref.from);
    const declared = ctx.resources.get(ref.to);
    if (!consumer || !declared) return [];
    const target = runningTarget(ctx, declared);
    // A reference's rows read the consumer's match and the running target's.
    return ctx.remember('waitfor', ref, `${ctx.matchKey(consumer.name)}\u0000${ctx.matchKey(target.name)}`, () =>
      rowsOf(ctx, ref, consumer, declared, target),
    );
  });
}

function rowsOf(
  ctx: CheckContext,
  ref: Reference,
  consumer: Resource,
  declared: Resource,
  target: Resource,
): ParityRow[] {
  const rows: ParityRow[] = [];
  const declaration =
    ref.waitFor === 'completion' ? `WaitForCompletion(${declared.name})` : `WaitFor(${declared.name})`;
  const base = {
    rule: 'waitfor',
    resource: consumer.name,
    detailKey: declared.name,
    declaration,
    requirement: `${consumer.name} starts only after ${declared.name} is available (init container or equivalent)`,
  };
  const cm = ctx.match(consumer.name);
  if (!cm) {
    rows.push(row({ ...base, status: 'unknown', detail: `No workload runs ${consumer.name}.` }));
    return rows;
  }
  if (target.kind === 'parameter') {
    // Aspire accepts WaitFor on a parameter (it waits until the value is set). In the cluster no
    // process stands behind it: the kubelet starts the pod only once the Secret or ConfigMap it
    // reads exists, which the parameter's own row checks. Nothing to add, and nothing to fail.
    rows.push(
      row({
        ...base,
        status: 'pass',
        detail:
          `${declared.name} is a parameter, not a process: ${consumer.name}'s pod starts once the Secret or ` +
          `ConfigMap holding it exists (checked on the parameter's row); no init container is needed.`,
      }),
    );
    return rows;
  }
  if (!hasWorkload(target)) {
    rows.push(
      row({
        ...base,
        status: 'unknown',
        detail:
          `${target.name} runs outside the cluster; verify ${consumer.name} retries or fails visibly until it ` +
          `is reachable.`,
      }),
    );
    return rows;
  }
  const tm = ctx.match(target.name);
  // What a wait names: the Services, or the workload itself (`kubectl wait job/migrator-3f2a9c1e`).
  const hosts = new Set([
    ctx.k8sName(target.name),
    ...(tm?.services.map((s) => s.name) ?? []),
    ...(tm ? [tm.workload.name] : []),
  ]);
  const ports = new Set(
    resolveEndpoints(target)
      .flatMap((e) => [e.servicePort, e.containerPort])
      .map(String),
  );
  const waiter = cm.workload.initContainers.find((ic) => {
    const text = JSON.stringify([ic.spec.command, ic.spec.args, ic.spec.env]);
    const words = new Set(text.toLowerCase().split(/[^a-z0-9.-]+/));
    const mentionsHost = [...hosts].some((h) => words.has(h) || [...words].some((w) => w.startsWith(`${h}.`)));
    return (
      mentionsHost && (ports.size === 0 || [...ports].some((p) => text.includes(p)) || ref.waitFor === 'completion')
    );
  });
  const snippet = [
    {
      name: `wait-for-${ctx.k8sName(target.name)}`,
      image: 'busybox:1.36',
      command: [
        'sh',
        '-c',
        `until nc -z ${ctx.k8sName(target.name)} ${resolveEndpoints(target)[0]?.servicePort ?? 80}; do echo waiting ` +
          `for ${ctx.k8sName(target.name)}; sleep 2; done`,
      ],
    },
  ];
  if (waiter)
    rows.push(
      row({
        ...base,
        status: 'pass',
        detail: `Init container ${waiter.name} waits for ${[...hosts][0]}.`,
        evidence: [evidenceAt(cm.workload, waiter.path)],
      }),
    );
  else {
    // A target that completes or has no listener cannot be polled on a port: the wait goes through
    // the API and needs a ServiceAccount, Role and RoleBinding, more than one snippet can add.
    const completing =
      ref.waitFor === 'completion' ||
      (tm !== undefined && (tm.workload.kind === 'Job' || tm.workload.kind === 'CronJob')) ||
      !resolveEndpoints(target).some((e) => e.endpoint.protocol === 'tcp');
    const kind =
      tm?.workload.kind === 'Job' || tm?.workload.kind === 'CronJob'
        ? 'job'
        : (tm?.workload.kind.toLowerCase() ?? 'deployment');
    const f = completing
      ? (completionWaitFix(ctx, consumer.name, target.name, cm.workload) ??
        fix(
          `Add an init container that waits until ${ctx.k8sName(target.name)} ` +
            (kind === 'job'
              ? `completes (kubectl wait --for=condition=complete job/${ctx.k8sName(target.name)})`
              : `has rolled out (kubectl rollout status ${kind}/${ctx.k8sName(target.name)})`) +
            ', run as a ServiceAccount whose Role may get/list/watch it — as convert generates it.',
        ))
      : fix(`Add an init container that waits for ${ctx.k8sName(target.name)}.`, snippet, cm.workload.doc.file, [
          ...cm.workload.podPath,
          'initContainers',
        ]);
    rows.push(
      row({
        ...base,
        status: 'fail',
        detail: cm.workload.initContainers.length
          ? `No init container of ${cm.workload.name} mentions ${[...hosts].join(' or ')} with its port.`
          : `${cm.workload.name} has no init container; it starts before ${target.name} is ready.`,
        evidence: [evidenceAt(cm.workload, cm.workload.podPath)],
        fix: f,
      }),
    );
  }

  // A Job waited for must also survive the next release (hook, TTL and fixed-name shapes).
  if (tm?.workload.kind === 'Job')
    rows.push(completionJobRow(ctx, { ...base, detailKey: declared.name }, tm.workload, consumer.name));

  // Readiness of the target is what makes "the Service answers" mean "ready". A wait for
  // completion (a Job) ends on the exit code, where readiness means nothing.
  if (tm && ref.waitFor !== 'completion' && tm.workload.kind !== 'Job' && tm.workload.kind !== 'CronJob') {
    const probe = tm.container.spec.readinessProbe;
    rows.push(
      row({
        rule: 'waitfor-readiness',
        resource: consumer.name,
        detailKey: declared.name,
        declaration,
        requirement: `${target.name} reports readiness, so waiting for its Service means waiting until it is ready`,
        status: probe ? 'pass' : 'warn',
        detail: probe
          ? `${tm.workload.name} has a readinessProbe.`
          : resolveEndpoints(target).some((e) => e.endpoint.protocol === 'tcp')
            ? `${tm.workload.name} has no readinessProbe: its Service routes as soon as the process starts, ` +
              `before it can serve.`
            : // A worker has no Service: the wait is a rollout, which completes as soon as the process starts.
              `${tm.workload.name} has no readinessProbe: its rollout completes as soon as the process starts, ` +
              `before it is ready.`,
        evidence: [evidenceAt(tm.workload, probe ? [...tm.container.path, 'readinessProbe'] : tm.container.path)],
      }),
    );
  }
  return rows;
}
