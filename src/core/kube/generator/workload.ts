/**
 * One compute resource → its workload (Deployment, or StatefulSet when it holds data),
 * Services, storage and exposure. Each object carries a comment naming the App Host
 * declaration it recreates.
 */
import { declarationOf } from '../../model/declaration';
import { imageProblem, imageProblemText } from '../image-tag';
import { diag } from '../../model/diagnostics';
import { isStateful, replicasOf, resolveEndpoints } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Container, ContainerPort, PodSpec, Service, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { kubeObject, type KubeObject, type Typed } from '../objects';
import { k8sName, metadata, type GenContext } from './context';
import { renderString } from './env';
import { resourceLabels, selectorLabels } from './labels';
import { probesFor } from './probes';
import { clusterService, exposureObjects, headlessService } from './services';
import { claimTemplates, standaloneClaims, volumePlans } from './storage';
import { waitPlanFor } from './waitfor';
import { waiterAccountName, waiterObjects } from './waiter-rbac';
import { isReferencedBeyondWaits, runsToCompletion } from '../../model/completion';
import type { Job } from 'kubernetes-types/batch/v1';
import { bindMountVolumes } from './workload-bind-mounts';
import { computeResources, containerEnv, imageFor, securityContext } from './workload-container';

export { imageFor } from './workload-container';

export function generateWorkload(ctx: GenContext, r: Resource): void {
  const name = k8sName(ctx, r.name);
  const group = name;
  const declaration = declarationOf(r);
  const push = <T extends object>(object: Typed<T> | KubeObject, comment: string) =>
    ctx.objects.push({ object: kubeObject(object), resource: r.name, group, comment });

  if (r.kind === 'dockerfile') {
    ctx.diagnostics.push(
      diag(
        'info',
        'build-image',
        `${r.name}: build its image from ${r.build?.context ?? 'its Dockerfile'} and push it as ${imageFor(ctx, r)}.`,
        { resource: r.name },
      ),
    );
  }

  const env = containerEnv(ctx, r);
  const args = r.args.map((a) => renderString(ctx, r, a, env));
  const stateful = isStateful(r);
  const plans = volumePlans(r);
  const binds = bindMountVolumes(ctx, r);
  const claims = stateful ? [] : standaloneClaims(ctx, r, plans);
  const ports: ContainerPort[] = [];
  const seen = new Set<number>();
  for (const e of resolveEndpoints(r)) {
    if (seen.has(e.containerPort)) continue;
    seen.add(e.containerPort);
    ports.push({
      name: e.portName,
      containerPort: e.containerPort,
      protocol: e.endpoint.protocol === 'udp' ? 'UDP' : 'TCP',
    });
  }
  const volumeMounts: VolumeMount[] = [
    ...plans.map((p) => ({ name: p.name, mountPath: p.mountPath, ...(p.readOnly ? { readOnly: true } : {}) })),
    ...binds.mounts,
  ];
  const image = imageFor(ctx, r);
  const problem = imageProblem(image);
  // Never silently: the App Host (or --tag) chose it, so it is kept, and said in check's words.
  if (problem)
    ctx.diagnostics.push(
      diag('warning', 'image-unpinned', `${r.name}: ${imageProblemText(image, problem)} (WithImageTag).`, {
        resource: r.name,
        field: 'image',
      }),
    );
  const container: Container = {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    ...(r.entrypoint ? { command: [renderString(ctx, r, r.entrypoint, env)] } : {}),
    ...(args.length ? { args } : {}),
    ...(ports.length ? { ports } : {}),
  };
  const envList = env.build();
  if (envList.length) container.env = envList;
  // A Job is judged by its exit code: a probe on a task that serves no HTTP (a migrator) would
  // kill it before it finishes, and nothing routes to it, so it gets none.
  if (!runsToCompletion(ctx.topology, r)) Object.assign(container, probesFor(r));
  container.resources = computeResources(ctx, r);
  container.securityContext = securityContext(r);
  if (volumeMounts.length) container.volumeMounts = volumeMounts;

  const waits = waitPlanFor(ctx, r);
  const initContainers = waits.initContainers;
  const podVolumes: Volume[] = [
    ...claims.map((c) => ({ name: c.plan.name, persistentVolumeClaim: { claimName: c.claimName } })),
    ...binds.volumes,
    ...waits.volumes,
  ];
  const podSpec: PodSpec = {
    // kubectl waits run as their own ServiceAccount; only their init container mounts its token.
    ...(waits.watched.length ? { serviceAccountName: waiterAccountName(name) } : {}),
    automountServiceAccountToken: false,
    ...(initContainers.length ? { initContainers } : {}),
    containers: [container],
    ...(podVolumes.length ? { volumes: podVolumes } : {}),
  };
  const template = { metadata: { labels: resourceLabels(ctx, r) }, spec: podSpec };
  const labels = resourceLabels(ctx, r);
  const completes = runsToCompletion(ctx.topology, r);
  if (waits.watched.length) {
    const waited =
      ctx.referencesFrom
        .get(r.name)
        ?.filter((ref) => ref.waitFor !== 'none')
        .map((ref) => (ref.waitFor === 'completion' ? `WaitForCompletion(${ref.to})` : `WaitFor(${ref.to})`)) ?? [];
    const [account, role, binding] = waiterObjects(ctx, name, labels, waits.watched);
    push(account, `${declaration}.${waited.join('.')} → ServiceAccount the init containers wait with`);
    push(
      role,
      `${declaration}.${waited.join('.')} → Role: read (get/list/watch) only the ` +
        `${waits.watched.map((w) => `${w.kind}/${w.name}`).join(', ')} waited for`,
    );
    push(
      binding,
      `${declaration}.${waited.join('.')} → RoleBinding of that Role to ServiceAccount ${account.metadata.name}`,
    );
  }

  if (completes) {
    ctx.diagnostics.push(
      diag(
        'info',
        'completion-job',
        `${r.name} is waited for with WaitForCompletion, so it runs as a Job that must finish. A Job cannot ` +
          `be changed in place, so its name carries a hash of its spec (${name}-…): a changed ${r.name} is a new ` +
          `Job that runs once and the waits follow it. It is kept once complete (no TTL): a pod that starts ` +
          `later still finds it. helm upgrade (the chart names it from its rendered spec; not a hook, so ` +
          `helm --wait ends) and kubectl apply --prune delete the previous one; after a plain kubectl apply, ` +
          `remove it with kubectl delete job <old name>.`,
        { resource: r.name },
      ),
    );
    for (const c of claims)
      push(
        c.object,
        `${declaration}.WithVolume("${c.plan.name}") → PersistentVolumeClaim mounted at ${c.plan.mountPath}`,
      );
    const waiters = ctx.topology.references
      .filter((ref) => ref.to === r.name && ref.waitFor === 'completion')
      .map((ref) => ref.from);
    push<Job>(
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: metadata(ctx, name, labels),
        // A task that must finish: retried on failure, never restarted once it succeeded.
        spec: { backoffLimit: 6, template: { ...template, spec: { ...podSpec, restartPolicy: 'OnFailure' } } },
      },
      `${declaration} → Job: ${waiters.map((w) => `${w}.WaitForCompletion(${r.name})`).join(', ')} waits until ` +
        `it completes`,
    );
  } else if (stateful) {
    push(headlessService(ctx, r), `${declaration} → headless Service: stable DNS identity for each StatefulSet pod`);
    push<StatefulSet>(
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: metadata(ctx, name, labels),
        spec: {
          serviceName: `${name}-headless`,
          replicas: replicasOf(r),
          selector: { matchLabels: selectorLabels(ctx, r) },
          template,
          volumeClaimTemplates: claimTemplates(ctx, r, plans),
        },
      },
      `${declaration}${r.volumes.length ? '.WithDataVolume()' : ''} → ` +
        'StatefulSet: stable identity and durable storage',
    );
  } else {
    for (const c of claims)
      push(
        c.object,
        `${declaration}.WithVolume("${c.plan.name}") → PersistentVolumeClaim mounted at ${c.plan.mountPath}`,
      );
    push<Deployment>(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: metadata(ctx, name, labels),
        spec: { replicas: replicasOf(r), selector: { matchLabels: selectorLabels(ctx, r) }, template },
      },
      `${declaration}${r.settings.replicas ? `.WithReplicas(${r.settings.replicas})` : ''} → Deployment`,
    );
  }
  // A Job is reached only if something references its endpoints; a wait needs no Service.
  const svc = completes && !isReferencedBeyondWaits(ctx.topology, r) ? undefined : clusterService(ctx, r);
  if (svc)
    push(svc, `${declaration} endpoints → ClusterIP Service "${name}": the name clients use for service discovery`);
  for (const o of exposureObjects(ctx, r)) {
    push<Ingress | Service>(
      o,
      `${declaration}.WithExternalHttpEndpoints() → ${o.kind === 'Ingress' ? 'Ingress' : 'LoadBalancer Service'}: ` +
        `the public entry point`,
    );
  }
  for (const b of binds.objects) push(b.object, b.comment);
}
