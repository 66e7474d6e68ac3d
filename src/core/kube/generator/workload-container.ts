/** A workload's main container parts: its image, environment, security context and compute resources. */
import { diag } from '../../model/diagnostics';
import { resolveEndpoints } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import type { ResourceRequirements, SecurityContext } from 'kubernetes-types/core/v1';
import { k8sName, type GenContext } from './context';
import { discoveryEntryName } from './discovery-env';
import { addEnv, EnvBuilder, externalPropertyNames } from './env';
import { addTelemetryEnv, needsTelemetry } from './telemetry';

const VALID_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const COLLECTOR_IMAGE = 'otel/opentelemetry-collector-contrib:0.114.0';

/** Image for a resource: built images come from the registry with the release tag. */
export function imageFor(ctx: GenContext, r: Resource): string {
  if (r.kind === 'otlp-collector') return r.image ?? COLLECTOR_IMAGE;
  if (r.image && r.kind === 'container') {
    return r.settings.imageTag ? r.image.replace(/(:[^/:@]+)?(@.*)?$/, `:${r.settings.imageTag}`) : r.image;
  }
  const registry = ctx.settings.registry.replace(/\/+$/, '');
  const tag = r.settings.imageTag ?? ctx.settings.tag;
  return `${registry ? `${registry}/` : ''}${k8sName(ctx, r.name)}:${tag}`;
}

export function containerEnv(ctx: GenContext, r: Resource): EnvBuilder {
  const env = new EnvBuilder();
  const externalProperties = externalPropertyNames(ctx, r);
  for (const e of r.env) {
    if (externalProperties.has(e.name)) continue;
    if (!VALID_ENV_NAME.test(e.name)) {
      // Kubernetes rejects the whole object for one bad name; skip it and say why.
      ctx.diagnostics.push(
        diag(
          'warning',
          'invalid-env-name',
          `${r.name}: environment variable "${e.name}" is not a valid Kubernetes env name (letters, digits, "-", ` +
            `"." and "_" only) and is not generated.`,
          { resource: r.name, field: `env.${e.name}` },
        ),
      );
      continue;
    }
    // A project's https endpoint is served as http in the cluster: no services__ entry lies about it.
    const name = discoveryEntryName(ctx, r, e);
    if (name !== undefined) addEnv(ctx, r, name, e.value, env);
  }
  const httpPorts = [
    ...new Set(
      resolveEndpoints(r)
        .filter((e) => e.endpoint.transport !== 'tcp' && e.clusterScheme === 'http')
        .map((e) => e.containerPort),
    ),
  ];
  if (r.kind === 'project' && httpPorts.length > 0 && !env.has('HTTP_PORTS') && !env.has('ASPNETCORE_URLS')) {
    // Older manifests do not carry HTTP_PORTS; ASP.NET must listen where the Service points.
    env.set({ name: 'HTTP_PORTS', value: httpPorts.join(';') });
  }
  if (needsTelemetry(r)) addTelemetryEnv(ctx, r, env);
  return env;
}

export function securityContext(r: Resource): SecurityContext {
  // .NET 8+ images run as the non-root "app" user; third-party images may need root to start.
  return r.kind === 'project'
    ? { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } }
    : { allowPrivilegeEscalation: false };
}

export function computeResources(ctx: GenContext, r: Resource): ResourceRequirements {
  const c = r.settings.compute;
  const d = ctx.settings.defaultCompute;
  return {
    requests: { ...d.requests, ...(c?.requests ?? {}) },
    limits: { ...(d.limits.cpu ? { cpu: d.limits.cpu } : {}), memory: d.limits.memory, ...(c?.limits ?? {}) },
  };
}
