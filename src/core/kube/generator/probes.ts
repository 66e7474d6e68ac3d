/**
 * Probes. Services using Aspire service defaults expose /alive (liveness: is the process
 * functioning?) and /health (readiness: can it take traffic now?). They must differ: a
 * dependency outage should make a pod unready, not restart it. A startup probe gives the app
 * time to initialise before liveness counts. A worker with no endpoint gets no HTTP probe
 * (it would be restarted forever); an HTTP/2-only (gRPC) endpoint cannot answer HTTP/1.1
 * probes, so it gets gRPC readiness and TCP liveness.
 *
 * Anything else (a Go, Node or Python app, an integration container) has no /alive: it gets
 * readiness on the path its health check names (`WithHttpHealthCheck`, or the integration's own,
 * e.g. Keycloak's /health/ready on its management port), liveness only when one is declared,
 * and otherwise TCP readiness. `WithHttpProbe` declarations win over all of this and keep their
 * delays and thresholds (Aspire's defaults fill what is not given).
 */
import { healthPathsOf, resolveEndpoints, usesServiceDefaults, type ResolvedEndpoint } from '../../model/semantics';
import type { HttpProbeSpec, Resource } from '../../model/topology';
import type { Probe } from 'kubernetes-types/core/v1';

export interface Probes {
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

function firstContainerPort(
  endpoints: ResolvedEndpoint[],
  pred: (e: ResolvedEndpoint) => boolean,
): ResolvedEndpoint | undefined {
  return endpoints.find((e) => pred(e) && e.endpoint.protocol === 'tcp' && e.sharesPortWith === undefined);
}

/** The endpoint a health check or probe targets: the named one, else the first HTTP one. */
function httpTarget(endpoints: ResolvedEndpoint[], name: string | undefined): ResolvedEndpoint | undefined {
  if (name !== undefined) return endpoints.find((e) => e.endpoint.name === name && e.endpoint.protocol === 'tcp');
  return firstContainerPort(endpoints, (e) => e.endpoint.transport === 'http');
}

/** Aspire's WithHttpProbe defaults (ResourceBuilderExtensions.WithHttpProbe). */
function declaredProbe(spec: HttpProbeSpec, target: ResolvedEndpoint): Probe {
  return {
    httpGet: { path: spec.path, port: target.portName, scheme: 'HTTP' },
    initialDelaySeconds: spec.initialDelaySeconds ?? 5,
    periodSeconds: spec.periodSeconds ?? 5,
    timeoutSeconds: spec.timeoutSeconds ?? 1,
    failureThreshold: spec.failureThreshold ?? 3,
    successThreshold: spec.successThreshold ?? 1,
  };
}

function declaredProbes(r: Resource, endpoints: ResolvedEndpoint[]): Probes | undefined {
  const declared = r.settings.probes;
  if (!declared || (!declared.startup && !declared.readiness && !declared.liveness)) return undefined;
  const out: Probes = {};
  const put = (key: keyof Probes, spec: HttpProbeSpec | undefined) => {
    const target = spec ? httpTarget(endpoints, spec.endpoint) : undefined;
    if (spec && target) out[key] = declaredProbe(spec, target);
  };
  put('startupProbe', declared.startup);
  put('readinessProbe', declared.readiness);
  put('livenessProbe', declared.liveness);
  return out;
}

function serviceDefaultProbes(r: Resource, endpoints: ResolvedEndpoint[]): Probes {
  const http = httpTarget(endpoints, r.settings.healthPaths?.endpoint);
  const grpc = firstContainerPort(endpoints, (e) => e.endpoint.transport === 'http2');
  if (http) {
    const { liveness, readiness } = healthPathsOf(r);
    const get = (path: string) => ({ path, port: http.portName, scheme: 'HTTP' });
    return {
      startupProbe: { httpGet: get(liveness), periodSeconds: 5, failureThreshold: 30 },
      livenessProbe: {
        httpGet: get(liveness),
        initialDelaySeconds: 10,
        periodSeconds: 10,
        timeoutSeconds: 3,
        failureThreshold: 3,
      },
      readinessProbe: {
        httpGet: get(readiness),
        initialDelaySeconds: 5,
        periodSeconds: 5,
        timeoutSeconds: 3,
        failureThreshold: 3,
      },
    };
  }
  if (grpc) {
    return {
      startupProbe: { tcpSocket: { port: grpc.portName }, periodSeconds: 5, failureThreshold: 30 },
      livenessProbe: {
        tcpSocket: { port: grpc.portName },
        initialDelaySeconds: 10,
        periodSeconds: 10,
        failureThreshold: 3,
      },
      readinessProbe: {
        grpc: { port: grpc.containerPort },
        initialDelaySeconds: 5,
        periodSeconds: 5,
        failureThreshold: 3,
      },
    };
  }
  return {};
}

/** A non-.NET workload: only the paths its health checks name, never a forced /alive. */
function healthCheckProbes(r: Resource, endpoints: ResolvedEndpoint[]): Probes | undefined {
  const hp = r.settings.healthPaths;
  if (!hp || (hp.readiness === undefined && hp.liveness === undefined)) return undefined;
  const http = httpTarget(endpoints, hp.endpoint);
  if (!http) return undefined;
  const get = (path: string) => ({ path, port: http.portName, scheme: 'HTTP' });
  const out: Probes = {};
  if (hp.readiness !== undefined)
    out.readinessProbe = {
      httpGet: get(hp.readiness),
      initialDelaySeconds: 5,
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 3,
    };
  if (hp.liveness !== undefined) {
    out.startupProbe = { httpGet: get(hp.liveness), periodSeconds: 5, failureThreshold: 30 };
    out.livenessProbe = {
      httpGet: get(hp.liveness),
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 3,
    };
  }
  return out;
}

function baseProbes(r: Resource, endpoints: ResolvedEndpoint[]): Probes {
  if (usesServiceDefaults(r)) return serviceDefaultProbes(r, endpoints);
  const checked = healthCheckProbes(r, endpoints);
  if (checked) return checked;
  const tcp = firstContainerPort(endpoints, () => true);
  if (tcp)
    return {
      readinessProbe: {
        tcpSocket: { port: tcp.portName },
        initialDelaySeconds: 5,
        periodSeconds: 10,
        failureThreshold: 6,
      },
    };
  return {};
}

/** Declared probes replace the probe of their type; the others stay as the defaults say. */
export function probesFor(r: Resource): Probes {
  const endpoints = resolveEndpoints(r);
  return { ...baseProbes(r, endpoints), ...(declaredProbes(r, endpoints) ?? {}) };
}
