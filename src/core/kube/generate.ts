/**
 * generate: (topology, settings) → Kubernetes objects. Every row of the seed article's mapping
 * table: projects → Deployments, data services → StatefulSets with claims (or only a
 * connection Secret when external), symbolic names → Services, references → the exact .NET
 * configuration keys, secrets → Secrets, health endpoints → probes, dashboard telemetry →
 * OTLP settings, public endpoints → Ingress or LoadBalancer, WaitFor → init containers.
 * Pure and deterministic: the same input gives the same objects in the same order.
 */
import { diag } from '../model/diagnostics';
import { hasWorkload, isExternalManaged } from '../model/semantics';
import { withDefaults, type DeploySettings } from '../model/settings';
import type { Resource, Topology } from '../model/topology';
import type { ConfigMap, Namespace, Secret } from 'kubernetes-types/core/v1';
import { kubeObject, type GeneratedBundle, type Typed } from './objects';
import { createContext, metadata, type GenContext } from './generator/context';
import { parametersConfigMapName } from './generator/env';
import { reviseCompletionJobs } from './generator/job-revisions';
import { generateWorkload } from './generator/workload';
import { warnWaitCycles } from './generator/waitfor';

/** Marks placeholder Secrets so people and the parity checker can tell them apart. */
export const PLACEHOLDER_ANNOTATION = 'aspire-parity.io/placeholder';
export const PLACEHOLDER_VALUE = 'REPLACE_ME';

const COLLECTOR_ENDPOINTS = [
  {
    name: 'grpc',
    scheme: 'http',
    protocol: 'tcp' as const,
    transport: 'http2' as const,
    targetPort: 4317,
    external: false,
  },
  {
    name: 'http',
    scheme: 'http',
    protocol: 'tcp' as const,
    transport: 'http' as const,
    targetPort: 4318,
    external: false,
  },
];

function withCollectorDefaults(r: Resource): Resource {
  return r.endpoints.length > 0
    ? r
    : { ...r, endpoints: COLLECTOR_ENDPOINTS, settings: { serviceDefaults: false, ...r.settings } };
}

function explainNoWorkload(ctx: GenContext, r: Resource): void {
  const where = { resource: r.name };
  switch (r.kind) {
    case 'executable':
      ctx.diagnostics.push(
        diag(
          'warning',
          'executable-not-deployed',
          `${r.name} is an executable (AddExecutable); it has no Kubernetes equivalent and is not deployed. ` +
            `Containerise it (PublishAsDockerFile) to run it in the cluster.`,
          where,
        ),
      );
      break;
    case 'cloud':
      ctx.diagnostics.push(
        diag(
          'warning',
          'cloud-resource',
          `${r.name} (${r.sourceType}) is provisioned outside the cluster; references to it become Secrets you fill ` +
            `with its connection details.`,
          where,
        ),
      );
      break;
    case 'unknown':
      ctx.diagnostics.push(
        diag(
          'warning',
          'unknown-resource',
          `${r.name} (${r.sourceType || 'no type'}) is not understood and is not deployed.`,
          where,
        ),
      );
      break;
    case 'container':
      if (isExternalManaged(r)) {
        ctx.diagnostics.push(
          diag(
            'info',
            'external-managed',
            `${r.name} is an external managed service: only its connection Secret is generated.`,
            where,
          ),
        );
      }
      break;
    default:
      break;
  }
}

function placeholderSecrets(ctx: GenContext): void {
  const byName = new Map<string, typeof ctx.secrets>();
  for (const s of ctx.secrets) byName.set(s.secretName, [...(byName.get(s.secretName) ?? []), s]);
  for (const [secretName, entries] of byName) {
    const object: Typed<Secret> = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        ...metadata(ctx, secretName, {
          'app.kubernetes.io/part-of': ctx.appLabel,
          'app.kubernetes.io/managed-by': 'aspire-parity',
        }),
        annotations: { [PLACEHOLDER_ANNOTATION]: 'true' },
      },
      type: 'Opaque',
      stringData: Object.fromEntries(entries.map((e) => [e.key, PLACEHOLDER_VALUE])),
    };
    ctx.objects.push({
      object: kubeObject(object),
      group: 'secrets',
      resource: entries[0]!.resource,
      comment: `PLACEHOLDER — replace before applying: ${entries.map((e) => e.description).join('; ')}`,
    });
  }
}

function parametersConfigMap(ctx: GenContext): void {
  if (ctx.parameterKeys.size === 0) return;
  ctx.objects.push({
    object: kubeObject<ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(ctx, parametersConfigMapName(ctx), {
        'app.kubernetes.io/part-of': ctx.appLabel,
        'app.kubernetes.io/managed-by': 'aspire-parity',
      }),
      data: Object.fromEntries([...ctx.parameterKeys.keys()].map((k) => [k, ''])),
    }),
    group: 'parameters',
    comment:
      `AddParameter(…) values with no published default: set them here ` +
      `(${[...ctx.parameterKeys.values()].join(', ')})`,
  });
}

export function generate(topology: Topology, settingsInput?: Partial<DeploySettings>): GeneratedBundle {
  const settings = withDefaults(settingsInput);
  const ctx = createContext(topology, settings);
  if (settings.namespace) {
    ctx.objects.push({
      object: kubeObject<Namespace>({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: settings.namespace, labels: { 'app.kubernetes.io/part-of': ctx.appLabel } },
      }),
      group: 'namespace',
      comment: 'Namespace for the whole application',
    });
  }
  for (const resource of topology.resources) {
    const r = resource.kind === 'otlp-collector' ? withCollectorDefaults(resource) : resource;
    if (hasWorkload(r) || r.kind === 'otlp-collector') generateWorkload(ctx, r);
    else explainNoWorkload(ctx, r);
  }
  warnWaitCycles(ctx);
  // Shared objects last: they are only known once every consumer has been rendered.
  parametersConfigMap(ctx);
  placeholderSecrets(ctx);
  reviseCompletionJobs(ctx.objects);
  return { objects: ctx.objects, secrets: ctx.secrets, diagnostics: ctx.diagnostics, k8sNames: ctx.k8sNames };
}
