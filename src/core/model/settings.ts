/**
 * Deployment settings: choices outside the topology (namespace, registry, tag, telemetry,
 * ingress). One object, shared by the CLI flags, the app's settings panel and every layout.
 */
export interface DeploySettings {
  /** Namespace for every object; absent: no Namespace object and no metadata.namespace. */
  namespace?: string;
  /** Registry (and optional path) prefixed to project and Dockerfile images. */
  registry: string;
  /** Tag for images we build; never "latest" by default. */
  tag: string;
  /** OTLP collector URL given to every service (OTEL_EXPORTER_OTLP_ENDPOINT). */
  otlpEndpoint: string;
  /** How external endpoints are exposed. */
  exposure: 'ingress' | 'loadbalancer';
  ingressClass?: string;
  ingressHost?: string;
  /** Applied where a resource has no compute settings of its own. */
  defaultCompute: {
    requests: { cpu: string; memory: string };
    limits: { memory: string; cpu?: string };
  };
  /** Default size of each data volume claim. */
  storageSize: string;
  storageClass?: string;
}

export const DEFAULT_SETTINGS: DeploySettings = {
  registry: 'registry.example.com',
  tag: '1.0.0',
  otlpEndpoint: 'http://otel-collector:4317',
  exposure: 'ingress',
  ingressClass: 'nginx',
  defaultCompute: {
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { memory: '512Mi' },
  },
  storageSize: '5Gi',
};

/** Fill missing fields from the defaults, so partial input (CLI flags, old saves) is safe. */
export function withDefaults(partial: Partial<DeploySettings> | undefined): DeploySettings {
  return {
    ...DEFAULT_SETTINGS,
    ...(partial ?? {}),
    defaultCompute: partial?.defaultCompute ?? DEFAULT_SETTINGS.defaultCompute,
  };
}
