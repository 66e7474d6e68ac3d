/**
 * What a topology means for deployment: shared by the generator, the parity engine and the
 * UI, so they never disagree about defaults (project port 8080, /alive and /health, which
 * resources are stateful, which get workloads).
 */
import { engineFromImage, INTEGRATIONS } from './integrations';
import type { Endpoint, Engine, Resource, Topology } from './topology';

const DATA_GROUPS: ReadonlySet<string> = new Set(['Data', 'Caching', 'Messaging', 'AI & search']);

/** ASP.NET Core container images listen on 8080 (HTTP_PORTS) unless told otherwise. */
export const PROJECT_DEFAULT_PORT = 8080;
/** Aspire allocates ports for extra project endpoints from 8000 upward; so do we. */
const ALLOCATED_PORT_BASE = 8000;

export const DEFAULT_LIVENESS_PATH = '/alive';
export const DEFAULT_READINESS_PATH = '/health';

/** Integrations that hold data (they get storage and the "database" role); from the table's groups. */
const DATA_ENGINES: ReadonlySet<Engine> = new Set(
  INTEGRATIONS.filter((i) => DATA_GROUPS.has(i.group)).map((i) => i.engine),
);

/** Engine from a container image reference (the integration table's images and aliases). */
export { engineFromImage };

/** Resources that become a workload (Deployment or StatefulSet) when in the cluster. */
export function hasWorkload(r: Resource): boolean {
  if (r.kind === 'project' || r.kind === 'dockerfile') return true;
  if (r.kind === 'container') return !isExternalManaged(r);
  return false;
}

/** A database/cache server the user chose to run as an external managed service. */
export function isExternalManaged(r: Resource): boolean {
  return r.settings.databaseMode === 'external';
}

/** A backing service that holds data: a known engine, or any container with a connection string. */
export function isDataService(r: Resource): boolean {
  if (r.kind !== 'container') return false;
  return (r.engine !== undefined && DATA_ENGINES.has(r.engine)) || r.connectionString !== undefined;
}

/** Stateful: needs stable identity and storage (StatefulSet + volumeClaimTemplates). */
export function isStateful(r: Resource): boolean {
  return (r.kind === 'container' || r.kind === 'dockerfile') && r.volumes.length > 0;
}

/** Projects use Aspire service defaults unless the design says otherwise. */
export function usesServiceDefaults(r: Resource): boolean {
  return r.settings.serviceDefaults ?? r.kind === 'project';
}

export function replicasOf(r: Resource): number {
  return r.settings.replicas ?? 1;
}

export function healthPathsOf(r: Resource): { liveness: string; readiness: string } {
  return {
    liveness: r.settings.healthPaths?.liveness ?? DEFAULT_LIVENESS_PATH,
    readiness: r.settings.healthPaths?.readiness ?? DEFAULT_READINESS_PATH,
  };
}

/** How one endpoint lands in Kubernetes. */
export interface ResolvedEndpoint {
  endpoint: Endpoint;
  /** The port the container listens on. */
  containerPort: number;
  /** The Service port clients use. */
  servicePort: number;
  /** The container/Service port name (IANA_SVC_NAME: ≤ 15, lower case). */
  portName: string;
  /** True when this endpoint shares a container port with an earlier one (a project's https). */
  sharesPortWith?: string;
  /** Scheme clients should use inside the cluster (a project's https is served as http). */
  clusterScheme: string;
}

/** IANA service name: ≤ 15 chars, lower-case alphanumerics and '-', at least one letter. */
export function toPortName(name: string, used: Set<string>): string {
  let s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!/[a-z]/.test(s)) s = `p-${s}`;
  s = s.slice(0, 15).replace(/-+$/, '');
  let candidate = s;
  let n = 2;
  while (used.has(candidate)) candidate = `${s.slice(0, 13)}-${n++}`.slice(0, 15);
  used.add(candidate);
  return candidate;
}

/**
 * The Service port of an endpoint without an explicit `port`: its container port, unless another
 * endpoint of the resource asks for that Service port explicitly while listening elsewhere
 * (a project's default http on 8080 beside `WithHttpEndpoint(port: 8080, targetPort: 80)`).
 * Then the explicit one keeps it and this one steps to the next free port; otherwise the
 * Service would carry only one of them and the other's discovery URL would reach the wrong
 * listener.
 */
function defaultServicePort(
  containerPort: number,
  self: Endpoint,
  all: readonly Endpoint[],
  earlier: readonly ResolvedEndpoint[],
): number {
  const claimedElsewhere = (port: number) =>
    all.some((o) => o !== self && o.port === port && o.targetPort !== containerPort);
  if (!claimedElsewhere(containerPort)) return containerPort;
  const taken = new Set([
    ...all.flatMap((o) => [o.port, o.targetPort].filter((p) => p !== undefined)),
    ...earlier.map((o) => o.servicePort),
  ]);
  let port = containerPort + 1;
  while (taken.has(port) || claimedElsewhere(port)) port++;
  return port;
}

/**
 * Resolve every endpoint of a resource to container and Service ports. Projects without a
 * targetPort listen on 8080 (http, and https served as http inside the cluster, since TLS
 * terminates at the Ingress); other endpoints without one get ports from 8000 upward.
 */
export function resolveEndpoints(r: Resource): ResolvedEndpoint[] {
  const used = new Set<number>(r.endpoints.flatMap((e) => (e.targetPort !== undefined ? [e.targetPort] : [])));
  const names = new Set<string>();
  const byTarget = new Map<number, string>();
  let next = ALLOCATED_PORT_BASE;
  const out: ResolvedEndpoint[] = [];
  const isProjectLike = r.kind === 'project';
  for (const e of r.endpoints) {
    let containerPort = e.targetPort;
    let clusterScheme = e.scheme;
    if (containerPort === undefined) {
      if (isProjectLike && (e.name === 'http' || e.name === 'https')) {
        containerPort = PROJECT_DEFAULT_PORT;
        if (e.scheme === 'https') clusterScheme = 'http';
      } else {
        while (used.has(next) || next === PROJECT_DEFAULT_PORT) next++;
        containerPort = next;
        used.add(next);
      }
    }
    const servicePort = e.port ?? defaultServicePort(containerPort, e, r.endpoints, out);
    const sharesPortWith = byTarget.get(containerPort);
    if (sharesPortWith === undefined) byTarget.set(containerPort, e.name);
    out.push({
      endpoint: e,
      containerPort,
      servicePort:
        sharesPortWith !== undefined && e.port === undefined
          ? out.find((o) => o.endpoint.name === sharesPortWith)!.servicePort
          : servicePort,
      portName:
        sharesPortWith !== undefined
          ? out.find((o) => o.endpoint.name === sharesPortWith)!.portName
          : toPortName(e.name, names),
      ...(sharesPortWith !== undefined ? { sharesPortWith } : {}),
      clusterScheme,
    });
  }
  return out;
}

/** Resources reachable by name, for reference resolution. */
export function resourceIndex(t: Topology): Map<string, Resource> {
  return new Map(t.resources.map((r) => [r.name, r]));
}

/** The HTTP endpoints a service's probes can use (http/https transport). */
export function httpEndpoints(r: Resource): ResolvedEndpoint[] {
  return resolveEndpoints(r).filter((e) => e.endpoint.transport === 'http' && e.endpoint.protocol === 'tcp');
}
