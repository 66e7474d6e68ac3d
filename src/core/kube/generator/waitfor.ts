/**
 * WaitFor → an init container that blocks until the dependency's Service accepts TCP
 * connections, so a dependant does not start first (what the App Host did locally). A
 * database waits on its server. Readiness probes keep covering it after startup.
 */
import { diag } from '../../model/diagnostics';
import { hasWorkload, isExternalManaged, resolveEndpoints } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import type { Container } from 'kubernetes-types/core/v1';
import { k8sName, type GenContext } from './context';

export const WAIT_IMAGE = 'busybox:1.36.1';

/** The resource that actually runs for a WaitFor target (a database runs in its server). */
function runningTarget(ctx: GenContext, target: Resource): Resource | undefined {
  if (target.kind === 'database' && target.parent) return ctx.byName.get(target.parent);
  return target;
}

export function initContainersFor(ctx: GenContext, r: Resource): Container[] {
  const out: Container[] = [];
  for (const ref of ctx.referencesFrom.get(r.name) ?? []) {
    if (ref.waitFor === 'none') continue;
    const declared = ctx.byName.get(ref.to);
    const target = declared && runningTarget(ctx, declared);
    if (!declared || !target) continue;
    if (isExternalManaged(target) || !hasWorkload(target)) {
      ctx.diagnostics.push(diag('info', 'waitfor-outside-cluster', `${r.name} waits for ${ref.to}, which does not run in the cluster; readiness must cover its availability.`, { resource: r.name }));
      continue;
    }
    if (ref.waitFor === 'completion') {
      ctx.diagnostics.push(diag('warning', 'waitfor-completion', `${r.name} uses WaitForCompletion(${ref.to}); run ${ref.to} as a Job (or Helm hook) before ${r.name}. An init container waits for its port meanwhile.`, { resource: r.name }));
    }
    const port = resolveEndpoints(target).find((e) => e.endpoint.protocol === 'tcp');
    if (!port) {
      ctx.diagnostics.push(diag('warning', 'waitfor-no-endpoint', `${r.name} waits for ${ref.to}, which has no TCP endpoint to wait on.`, { resource: r.name }));
      continue;
    }
    const host = k8sName(ctx, target.name);
    const name = `wait-for-${host}`.slice(0, 63).replace(/-+$/, '');
    if (out.some((c) => c.name === name)) continue;
    out.push({
      name,
      image: WAIT_IMAGE,
      command: ['sh', '-c', `until nc -z -w 2 ${host} ${port.servicePort}; do echo "waiting for ${host}:${port.servicePort}"; sleep 2; done`],
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
      securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 65534, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
  }
  return out;
}
