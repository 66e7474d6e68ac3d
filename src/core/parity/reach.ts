/**
 * "Can this pod reach that server at host:port?", answered the way the cluster would: the host
 * is a Service of that name in the namespace, the Service selects the server's pods, and one of
 * its ports is the port asked for and targets a port the server's container listens on.
 * Shared by the connection-string, connection-property and WaitFor reachability rows.
 */
import { resolveEndpoints } from '../model/semantics';
import type { Resource } from '../model/topology';
import {
  containerPorts,
  evidenceAt,
  resolvePortRef,
  servicePorts,
  workloadsSelectedBy,
  type BundleIndex,
  type KObj,
  type Workload,
} from './bundle-index';
import { isClusterServiceName, isLoopback, serviceOfHost, type HostPort } from './connection-hosts';
import type { CheckContext } from './context';
import type { Evidence } from './types';

export interface Reach {
  ok: boolean;
  /** Outside the cluster: neither provable nor refutable from the bundle. */
  external?: boolean;
  detail: string;
  evidence: Evidence[];
  /** The Service the host named, when it exists (for fixes). */
  service?: KObj;
  /** The Service name a host named that the bundle lacks. */
  missing?: string;
  /** The host that reaches the named Service in the namespace it is in (`name.ns`). */
  rename?: string;
}

function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  // An object without a namespace lands in the one it is applied to, like its neighbours.
  return a === undefined || b === undefined || a === b;
}

/** Services by name, once per bundle index: hosts are looked up per token of every init container. */
const byName = new WeakMap<BundleIndex, Map<string, KObj[]>>();

function servicesNamed(idx: BundleIndex, name: string): KObj[] {
  let m = byName.get(idx);
  if (!m) {
    m = new Map();
    for (const s of idx.services) {
      const list = m.get(s.name);
      if (list) list.push(s);
      else m.set(s.name, [s]);
    }
    byName.set(idx, m);
  }
  return m.get(name) ?? [];
}

/**
 * A memo key part naming the Services that hosts resolve to (their documents and places), so a
 * row is recomputed when one of those changes, appears or goes, and not for any other Service.
 */
export function servicesKey(ctx: CheckContext, hosts: Iterable<string>): string {
  const names = new Set<string>();
  for (const h of hosts) names.add(h.split('.')[0]!);
  return [...names]
    .sort()
    .map(
      (n) =>
        `${n}=${servicesNamed(ctx.idx, n)
          .map((s) => ctx.docKey(s))
          .join('+')}`,
    )
    .join(',');
}

/** The Service a host resolves to from a pod in `namespace`. */
export function findService(ctx: CheckContext, host: string, namespace: string | undefined): KObj | undefined {
  const ref = serviceOfHost(host, namespace);
  if (!ref) return undefined;
  return servicesNamed(ctx.idx, ref.name).find((s) => sameNamespace(s.namespace, ref.namespace));
}

/** Judge one host:port against the server resource that must answer it. */
export function reach(
  ctx: CheckContext,
  hp: HostPort,
  port: number | undefined,
  server: Resource,
  fromNamespace: string | undefined,
): Reach {
  if (isLoopback(hp.host))
    return { ok: false, detail: `${hp.host} is the pod itself, not ${server.name}`, evidence: [] };
  const svc = findService(ctx, hp.host, fromNamespace);
  if (!svc) {
    const ref = serviceOfHost(hp.host, fromNamespace);
    // A dotted name that is no Service of the bundle is a DNS name elsewhere (a managed database).
    // `x.ns.svc[.cluster.local]` is the cluster's own domain: a name missing there is a broken host.
    if (
      !ref ||
      (hp.host.includes('.') && !isClusterServiceName(hp.host) && servicesNamed(ctx.idx, ref.name).length === 0)
    ) {
      return { ok: true, external: true, detail: `${hp.host} is outside the cluster`, evidence: [] };
    }
    // The name exists in another namespace: the host must say which (`name.ns`), or the Service move.
    const elsewhere = servicesNamed(ctx.idx, ref.name).find((s) => s.namespace !== undefined);
    if (elsewhere)
      return {
        ok: false,
        detail:
          `Service ${ref.name} is in namespace ${elsewhere.namespace}, but "${hp.host}" looks in namespace ` +
          `${ref.namespace ?? '(the one applied to)'}`,
        evidence: [evidenceAt(elsewhere, ['metadata', 'namespace'])],
        rename: `${ref.name}.${elsewhere.namespace}`,
      };
    return {
      ok: false,
      detail: `no Service named "${ref.name}" in the bundle, so "${hp.host}" does not resolve`,
      evidence: [],
      missing: ref.name,
    };
  }
  const ev = [evidenceAt(svc, ['metadata', 'name'])];
  const selected = workloadsSelectedBy(ctx.idx, svc);
  const m = ctx.match(server.name);
  if (selected.length === 0)
    return {
      ok: false,
      detail: `Service ${svc.name} selects no pods`,
      evidence: [evidenceAt(svc, ['spec', 'selector'])],
      service: svc,
    };
  const workload: Workload | undefined = m ? selected.find((w) => w === m.workload) : selected[0];
  if (!workload)
    return {
      ok: false,
      detail:
        `Service ${svc.name} selects ${selected.map((w) => `${w.kind} ${w.name}`).join(', ')}, not the pods ` +
        `of ${server.name}`,
      evidence: [evidenceAt(svc, ['spec', 'selector'])],
      service: svc,
    };
  const ports = servicePorts(svc);
  const want = port ?? ports[0]?.port;
  const sp = ports.find((p) => p.port === want);
  if (!sp)
    return {
      ok: false,
      detail:
        `Service ${svc.name} has no port ${want ?? '(none)'} (it has ` +
        `${ports.map((p) => p.port).join(', ') || 'none'})`,
      evidence: [evidenceAt(svc, ['spec', 'ports'])],
      service: svc,
    };
  const container = m && m.workload === workload ? m.container : workload.containers[0];
  if (!container)
    return { ok: false, detail: `${workload.kind} ${workload.name} has no container`, evidence: ev, service: svc };
  const target = resolvePortRef(sp.targetPort, container, sp.port);
  const declared = containerPorts(container).map((p) => p.containerPort);
  // An image listens where its App Host endpoint says (a containerPort declaration cannot move
  // it); a project listens where its HTTP_PORTS says, i.e. its declared ports.
  const fixed = server.kind === 'container' && server.endpoints.some((e) => e.targetPort !== undefined);
  const listening = fixed || declared.length === 0 ? resolveEndpoints(server).map((e) => e.containerPort) : declared;
  const portEv = evidenceAt(svc, ['spec', 'ports', sp.index]);
  if (target === undefined)
    return {
      ok: false,
      detail:
        `Service ${svc.name} port ${sp.port} targets "${String(sp.targetPort)}", which container ` +
        `${container.name} does not name`,
      evidence: [portEv],
      service: svc,
    };
  if (!listening.includes(target))
    return {
      ok: false,
      detail:
        `Service ${svc.name} port ${sp.port} targets ${target}, but ${container.name} listens on ` +
        `${listening.join(', ') || 'nothing'}`,
      evidence: [portEv],
      service: svc,
    };
  return {
    ok: true,
    detail: `${hp.host}:${sp.port} → Service ${svc.name} → ${workload.kind} ${workload.name} port ${target}`,
    evidence: [portEv],
    service: svc,
  };
}
