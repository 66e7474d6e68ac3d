/**
 * Probes. Services using Aspire service defaults expose /alive (liveness: is the process
 * functioning?) and /health (readiness: can it take traffic now?). They must differ: a
 * dependency outage should make a pod unready, not restart it. A startup probe gives the app
 * time to initialise before liveness counts. A worker with no endpoint gets no HTTP probe
 * (it would be restarted forever); an HTTP/2-only (gRPC) endpoint cannot answer HTTP/1.1
 * probes, so it gets gRPC readiness and TCP liveness; other containers get TCP readiness.
 */
import { healthPathsOf, resolveEndpoints, usesServiceDefaults, type ResolvedEndpoint } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import type { Probe } from 'kubernetes-types/core/v1';

export interface Probes {
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

function firstContainerPort(endpoints: ResolvedEndpoint[], pred: (e: ResolvedEndpoint) => boolean): ResolvedEndpoint | undefined {
  return endpoints.find((e) => pred(e) && e.endpoint.protocol === 'tcp' && e.sharesPortWith === undefined);
}

export function probesFor(r: Resource): Probes {
  const endpoints = resolveEndpoints(r);
  const http = firstContainerPort(endpoints, (e) => e.endpoint.transport === 'http');
  const grpc = firstContainerPort(endpoints, (e) => e.endpoint.transport === 'http2');
  const tcp = firstContainerPort(endpoints, () => true);

  if (usesServiceDefaults(r) || r.settings.healthPaths) {
    if (http) {
      const { liveness, readiness } = healthPathsOf(r);
      const get = (path: string) => ({ path, port: http.portName, scheme: 'HTTP' });
      return {
        startupProbe: { httpGet: get(liveness), periodSeconds: 5, failureThreshold: 30 },
        livenessProbe: { httpGet: get(liveness), initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
        readinessProbe: { httpGet: get(readiness), initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 },
      };
    }
    if (grpc) {
      return {
        startupProbe: { tcpSocket: { port: grpc.portName }, periodSeconds: 5, failureThreshold: 30 },
        livenessProbe: { tcpSocket: { port: grpc.portName }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 },
        readinessProbe: { grpc: { port: grpc.containerPort }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 3 },
      };
    }
    return {};
  }
  if (tcp) {
    return { readinessProbe: { tcpSocket: { port: tcp.portName }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 6 } };
  }
  return {};
}
