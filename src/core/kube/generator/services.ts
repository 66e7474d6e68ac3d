/**
 * Services. The Service name equals the Aspire resource name (made DNS-safe), so
 * `https+http://trip-api` and `services__trip-api__http__0` resolve in the cluster. Ports keep
 * the endpoint names clients use; internal Services are ClusterIP. External endpoints get an
 * Ingress (HTTP) or a separate LoadBalancer Service, so internal discovery stays ClusterIP.
 */
import { diag } from '../../model/diagnostics';
import { resolveEndpoints, type ResolvedEndpoint } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Typed } from '../objects';
import { k8sName, metadata, type GenContext } from './context';
import { resourceLabels, selectorLabels } from './labels';

function servicePorts(endpoints: ResolvedEndpoint[]): ServicePort[] {
  const seen = new Set<number>();
  const ports: ServicePort[] = [];
  for (const e of endpoints) {
    if (seen.has(e.servicePort)) continue;
    seen.add(e.servicePort);
    ports.push({
      name: e.portName,
      port: e.servicePort,
      targetPort: e.portName,
      protocol: e.endpoint.protocol === 'udp' ? 'UDP' : 'TCP',
      ...(e.endpoint.transport === 'http2' ? { appProtocol: 'kubernetes.io/h2c' } : {}),
    });
  }
  return ports;
}

export function clusterService(ctx: GenContext, r: Resource): Typed<Service> | undefined {
  const endpoints = resolveEndpoints(r);
  if (endpoints.length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(ctx, k8sName(ctx, r.name), resourceLabels(ctx, r)),
    spec: { type: 'ClusterIP', selector: selectorLabels(ctx, r), ports: servicePorts(endpoints) },
  };
}

/** Headless Service giving each StatefulSet pod a stable DNS identity. */
export function headlessService(ctx: GenContext, r: Resource): Typed<Service> {
  const endpoints = resolveEndpoints(r);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(ctx, `${k8sName(ctx, r.name)}-headless`, resourceLabels(ctx, r)),
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: selectorLabels(ctx, r),
      ports: servicePorts(endpoints),
    },
  };
}

function ingressHostFor(ctx: GenContext, r: Resource): string | undefined {
  const host = ctx.settings.ingressHost;
  if (ctx.publicHttpCount <= 1) return host;
  // Several public services cannot all own "/" on one host: give each its own subdomain.
  return `${k8sName(ctx, r.name)}.${host ?? 'example.com'}`;
}

export function exposureObjects(ctx: GenContext, r: Resource): (Typed<Ingress> | Typed<Service>)[] {
  const external = resolveEndpoints(r).filter((e) => e.endpoint.external);
  if (external.length === 0) return [];
  const http = external.filter((e) => e.endpoint.transport !== 'tcp');
  const tcp = external.filter((e) => e.endpoint.transport === 'tcp');
  const name = k8sName(ctx, r.name);
  const out: (Typed<Ingress> | Typed<Service>)[] = [];
  if (ctx.settings.exposure === 'ingress' && http.length > 0) {
    const backend = http[0]!;
    const host = ingressHostFor(ctx, r);
    if (!ctx.settings.ingressHost) {
      ctx.diagnostics.push(
        diag(
          'info',
          'ingress-host-unset',
          `${r.name} is public through an Ingress${host ? ` on ${host}` : ' with no host'}; set the ingress host ` +
            `for production.`,
          { resource: r.name },
        ),
      );
    }
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: metadata(ctx, name, resourceLabels(ctx, r)),
      spec: {
        ...(ctx.settings.ingressClass ? { ingressClassName: ctx.settings.ingressClass } : {}),
        rules: [
          {
            ...(host ? { host } : {}),
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: backend.portName } } } },
              ],
            },
          },
        ],
      },
    });
  }
  const lbPorts = ctx.settings.exposure === 'loadbalancer' ? external : tcp;
  if (lbPorts.length > 0) {
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(ctx, `${name}-public`, resourceLabels(ctx, r)),
      spec: { type: 'LoadBalancer', selector: selectorLabels(ctx, r), ports: servicePorts(lbPorts) },
    });
  }
  return out;
}
