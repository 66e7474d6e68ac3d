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

/** Settings objects this module completed: completing one again returns it as it is. */
const complete = new WeakSet<DeploySettings>();

/**
 * Fill missing fields from the defaults, so partial input (CLI flags, old saves) is safe.
 * Defaults are applied once per run, where partial settings enter (the CLI's flags, the app's
 * design): the result is marked, and the layers below (generate, layouts, parity) that call this
 * again on it get the same object back instead of merging anew.
 */
export function withDefaults(partial: Partial<DeploySettings> | undefined): DeploySettings {
  if (partial !== undefined && isComplete(partial)) return partial;
  const out: DeploySettings = {
    ...DEFAULT_SETTINGS,
    ...(partial ?? {}),
    defaultCompute: partial?.defaultCompute ?? DEFAULT_SETTINGS.defaultCompute,
  };
  complete.add(out);
  return out;
}

/** True for settings `withDefaults` produced: nothing is missing. */
export function isComplete(settings: Partial<DeploySettings>): settings is DeploySettings {
  return complete.has(settings as DeploySettings);
}
