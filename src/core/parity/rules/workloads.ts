/**
 * AddProject / AddContainer → a workload runs it; stateless → Deployment, stateful → stable
 * identity and storage (StatefulSet); replicas as designed. Resources with no workload get
 * the row that fits them (executables have no Kubernetes equivalent; cloud resources live
 * outside the cluster).
 */
import { runsToCompletion } from '../../model/completion';
import { hasWorkload, isExternalManaged, isStateful, replicasOf } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import { evidenceAt, type Workload } from '../bundle-index';
import { row, type CheckContext } from '../context';
import { declarationOf } from '../declarations';
import { generatedObjects } from '../regenerate';
import { fix, replaceFix } from '../snippets';
import type { ParityFix, ParityRow } from '../types';

const STATELESS_KINDS = new Set(['Deployment', 'Rollout', 'DeploymentConfig']);

function skeleton(ctx: CheckContext, r: Resource): unknown {
  const name = ctx.k8sName(r.name);
  const stateful = isStateful(r);
  return {
    apiVersion: 'apps/v1',
    kind: stateful ? 'StatefulSet' : 'Deployment',
    metadata: { name },
    spec: {
      ...(stateful ? { serviceName: name } : {}),
      replicas: replicasOf(r),
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: { containers: [{ name, image: r.image ?? `<registry>/${name}:<tag>` }] },
      },
    },
  };
}

export function workloadRows(ctx: CheckContext): ParityRow[] {
  // A resource's rows read its match and the bundle's HorizontalPodAutoscalers.
  const hpas = ctx.version(
    'hpa',
    ctx.idx.objects.filter((o) => o.kind === 'HorizontalPodAutoscaler'),
  );
  return ctx.topology.resources.flatMap((r) =>
    ctx.remember('workloads', r, `${ctx.matchKey(r.name)}\u0000${hpas}`, () => rowsOf(ctx, r)),
  );
}

function rowsOf(ctx: CheckContext, r: Resource): ParityRow[] {
  const rows: ParityRow[] = [];
  const declaration = declarationOf(r);
  if (r.kind === 'executable') {
    rows.push(
      row({
        rule: 'workload',
        resource: r.name,
        declaration,
        requirement: 'An executable has a production equivalent',
        status: 'warn',
        detail:
          'AddExecutable runs a local process; Kubernetes has no equivalent. Package it as a container image or run ' +
          'it outside the cluster.',
        checklist: ['workload'],
      }),
    );
    return rows;
  }
  if (r.kind === 'cloud' || r.kind === 'unknown') {
    rows.push(
      row({
        rule: 'workload',
        resource: r.name,
        declaration,
        requirement: 'The resource is provisioned for production',
        status: 'unknown',
        detail: `${r.sourceType} is provisioned outside the cluster; verify it exists and the cluster can reach it.`,
      }),
    );
    return rows;
  }
  if (r.kind === 'container' && isExternalManaged(r)) {
    rows.push(
      row({
        rule: 'workload',
        resource: r.name,
        declaration,
        requirement: 'The external managed service is reachable',
        status: 'unknown',
        detail:
          'Runs as an external managed service; verify the cluster can reach it (network policy, firewall) with the ' +
          'credentials in its connection Secret.',
        checklist: ['durable-data'],
      }),
    );
    return rows;
  }
  if (!hasWorkload(r)) return rows;
  const m = ctx.match(r.name);
  const requirement = 'A Deployment or other workload runs it';
  if (!m) {
    const snippet = skeleton(ctx, r);
    rows.push(
      row({
        rule: 'workload',
        resource: r.name,
        declaration,
        requirement,
        status: 'fail',
        detail:
          `No workload in the bundle runs ${r.name} (no container named "${ctx.k8sName(r.name)}", no matching ` +
          `image or OTEL_SERVICE_NAME).`,
        fix: fix(`Add a ${isStateful(r) ? 'StatefulSet' : 'Deployment'} for ${r.name}.`, snippet),
        checklist: ['workload'],
      }),
    );
    return rows;
  }
  const w = m.workload;
  rows.push(
    row({
      rule: 'workload',
      resource: r.name,
      declaration,
      requirement,
      status: 'pass',
      detail: `${w.kind} ${w.name} runs it (matched by ${m.by}).`,
      evidence: [evidenceAt(w, m.container.path)],
      checklist: ['workload'],
    }),
  );

  // Kind: stateless vs stateful.
  const ev = [evidenceAt(w, ['kind'])];
  if (isStateful(r)) {
    const req = 'Stateful: stable identity and storage (StatefulSet)';
    if (w.kind === 'StatefulSet')
      rows.push(
        row({
          rule: 'workload-kind',
          resource: r.name,
          declaration,
          requirement: req,
          status: 'pass',
          detail: `StatefulSet ${w.name}.`,
          evidence: ev,
          checklist: ['stateful-storage'],
        }),
      );
    else
      rows.push(
        row({
          rule: 'workload-kind',
          resource: r.name,
          declaration,
          requirement: req,
          status: w.kind === 'Deployment' ? 'warn' : 'fail',
          detail:
            `${w.kind} ${w.name} gives replicas no stable identity; data volumes need a StatefulSet with ` +
            `volumeClaimTemplates (a single-replica Deployment with a PVC works but cannot scale).`,
          evidence: ev,
          fix: fix(`Run ${r.name} as a StatefulSet with volumeClaimTemplates.`),
          checklist: ['stateful-storage'],
        }),
      );
  } else if (runsToCompletion(ctx.topology, r)) {
    // WaitForCompletion(x): x is a task that must finish; a Deployment would restart it forever.
    const req = 'Runs to completion (WaitForCompletion): a Job';
    const ok = w.kind === 'Job' || w.kind === 'CronJob';
    rows.push(
      row({
        rule: 'workload-kind',
        resource: r.name,
        declaration,
        requirement: req,
        status: ok ? 'pass' : 'warn',
        detail: ok
          ? `${w.kind} ${w.name}.`
          : `${w.kind} ${w.name} restarts ${r.name} after it completes; what waits for its completion cannot tell ` +
            `it finished.`,
        evidence: ev,
        ...(ok ? {} : { fix: asGeneratedJob(ctx, r.name, w) }),
        checklist: ['stateless-deployment'],
      }),
    );
  } else {
    const req = 'Stateless: interchangeable replicas (Deployment)';
    const ok = STATELESS_KINDS.has(w.kind);
    rows.push(
      row({
        rule: 'workload-kind',
        resource: r.name,
        declaration,
        requirement: req,
        status: ok ? 'pass' : w.kind === 'StatefulSet' ? 'warn' : 'fail',
        detail: ok
          ? `${w.kind} ${w.name}.`
          : `${w.kind} ${w.name}: a stateless service should be a ` +
            `Deployment${w.kind === 'Pod' ? ' (a bare Pod is not replaced when its node fails)' : ''}.`,
        evidence: ev,
        ...(ok
          ? {}
          : {
              fix:
                w.kind === 'DaemonSet' || w.kind === 'ReplicaSet'
                  ? fix(
                      `Change ${w.name} to a Deployment (its spec keeps the same shape).`,
                      'Deployment',
                      w.doc.file,
                      ['kind'],
                      w.doc.startLine,
                    )
                  : fix(`Change ${w.name} to a Deployment.`),
            }),
        checklist: ['stateless-deployment'],
      }),
    );
  }

  // Replicas.
  const want = replicasOf(r);
  const declaredReplicas = r.settings.replicas !== undefined ? `WithReplicas(${want})` : declaration;
  const hpa = ctx.idx.objects.find(
    (o) =>
      o.kind === 'HorizontalPodAutoscaler' &&
      (o.obj.spec as { scaleTargetRef?: { name?: unknown } } | undefined)?.scaleTargetRef?.name === w.name,
  );
  const req = `${want} replica${want === 1 ? '' : 's'} as designed`;
  if (hpa)
    rows.push(
      row({
        rule: 'replicas',
        resource: r.name,
        declaration: declaredReplicas,
        requirement: req,
        status: 'unknown',
        detail: `HorizontalPodAutoscaler ${hpa.name} decides the replica count; verify its min/max cover ${want}.`,
        evidence: [evidenceAt(hpa)],
        checklist: ['replicas'],
      }),
    );
  else if (w.kind === 'DaemonSet' || w.kind === 'Pod' || w.kind === 'Job' || w.kind === 'CronJob')
    rows.push(
      row({
        rule: 'replicas',
        resource: r.name,
        declaration: declaredReplicas,
        requirement: req,
        status: want === 1 ? 'pass' : 'fail',
        detail: `${w.kind} has no replica count.`,
        evidence: ev,
        checklist: ['replicas'],
      }),
    );
  else {
    const have = w.replicas ?? 1;
    const ok = have === want;
    rows.push(
      row({
        rule: 'replicas',
        resource: r.name,
        declaration: declaredReplicas,
        requirement: req,
        status: ok ? 'pass' : 'fail',
        detail: ok
          ? `replicas: ${have}.`
          : `replicas: ${have}${w.replicas === undefined ? ' (default)' : ''}, the design says ${want}.`,
        evidence: [evidenceAt(w, w.replicas === undefined ? ['spec'] : ['spec', 'replicas'])],
        ...(ok ? {} : { fix: fix(`Set spec.replicas to ${want}.`, want, w.doc.file, ['spec', 'replicas']) }),
        checklist: ['replicas'],
      }),
    );
  }
  return rows;
}

/** The Job the generator writes for a WaitForCompletion target, in place of the bundle's workload. */
function asGeneratedJob(ctx: CheckContext, resource: string, w: Workload): ParityFix {
  const job = generatedObjects(ctx.topology, ctx.settings, resource).find((o) => o.kind === 'Job');
  if (!job) return fix(`Run ${resource} as a Job.`);
  const metadata = { ...job.metadata, ...(w.namespace ? { namespace: w.namespace } : {}) };
  return replaceFix(
    `Run ${resource} as the Job the generator writes (named for its spec, so a changed ${resource} is a new Job); ` +
      `what waits for it must then wait for job/${job.metadata.name}.`,
    { ...job, metadata },
    w.doc.file,
    [],
    w.doc.startLine,
  );
}
