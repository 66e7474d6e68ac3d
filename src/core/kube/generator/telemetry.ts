/**
 * OpenTelemetry wiring that Aspire injects locally and the manifest never carries: the
 * collector endpoint, the service name (kept equal to the App Host name so local and
 * production traces compare), and a per-pod instance id from the downward API so replicas
 * can be told apart.
 */
import { resourceIndex, usesServiceDefaults } from '../../model/semantics';
import type { Resource, Topology } from '../../model/topology';
import type { EnvBuilder } from './env';
import { k8sName, type GenContext } from './context';

/** The OTLP endpoint: a collector drawn in the design wins over the settings' URL. */
export function otlpEndpointFor(ctx: GenContext): string {
  const collector = ctx.topology.resources.find((r) => r.kind === 'otlp-collector');
  if (collector) {
    const grpc = collector.endpoints.find((e) => e.name === 'grpc' || e.targetPort === 4317) ?? collector.endpoints[0];
    const port = grpc?.port ?? grpc?.targetPort ?? 4317;
    return `http://${k8sName(ctx, collector.name)}:${port}`;
  }
  return ctx.settings.otlpEndpoint;
}

export function needsTelemetry(r: Resource): boolean {
  return usesServiceDefaults(r);
}

export function addTelemetryEnv(ctx: GenContext, r: Resource, env: EnvBuilder): void {
  env.set({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
  env.set({ name: 'POD_UID', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } });
  env.set({ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpointFor(ctx) });
  env.set({ name: 'OTEL_SERVICE_NAME', value: r.name });
  env.set({ name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'service.instance.id=$(POD_UID),k8s.pod.name=$(POD_NAME)' });
}

/** Used by tests and the README: which resources get telemetry. */
export function telemetryResources(t: Topology): Resource[] {
  const idx = resourceIndex(t);
  return [...idx.values()].filter(needsTelemetry);
}
