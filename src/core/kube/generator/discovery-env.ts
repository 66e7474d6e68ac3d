/**
 * The `services__<name>__<key>__<i>` entries a workload gets for an endpoint the cluster serves
 * with another scheme than the App Host declares: a project's default `https` endpoint is served
 * as plain http on the http port (TLS ends at the ingress, the pod has no certificate).
 *
 * Writing `services__api__https__0=http://api:8080` would lie about the scheme, and .NET's
 * configuration provider ignores an https entry whose value is not an https URL anyway
 * (fixtures/oracle, oracle/FINDINGS.md); `https://api:8080` would make `https+http://api` try
 * TLS against a plaintext port. So, like Aspire's own Kubernetes and Docker Compose publishers
 * (KubernetesResource.RemoveHttpsServiceDiscoveryVariables), the entry is not generated, and
 * `https+http://api` resolves to the http entry. A target served only through that endpoint
 * (an https-only launch profile) keeps its address under the `http` key, which is what it is.
 * Endpoints that keep https in the cluster (an explicit target port listed in HTTPS_PORTS)
 * keep their entries.
 */
import { resolveEndpoints } from '../../model/semantics';
import { parseTemplate } from '../../model/template';
import type { EnvVar, Resource } from '../../model/topology';
import type { GenContext } from './context';

const DISCOVERY_KEY = /^services__(.+)__([^_]+(?:_[^_]+)*)__(\d+)$/;

/** The endpoint `{t.bindings.e.url}` names when that is the whole value. */
function urlTarget(ctx: GenContext, value: string): { target: Resource; endpoint: string } | undefined {
  const parts = parseTemplate(value, (n) => ctx.byName.has(n), true);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (!only || typeof only === 'string' || only.path.kind !== 'binding' || only.path.property !== 'url') return;
  const target = ctx.byName.get(only.resource);
  return target ? { target, endpoint: only.path.endpoint } : undefined;
}

/** Whether the cluster serves this endpoint as http although it is declared https. */
export function servedWithoutTls(target: Resource, endpoint: string): boolean {
  const e = resolveEndpoints(target).find((x) => x.endpoint.name === endpoint);
  return e !== undefined && e.endpoint.scheme === 'https' && e.clusterScheme !== 'https';
}

/**
 * The name a consumer's env entry is generated under: itself, `services__x__http__i` for an
 * https-declared endpoint served as http when the consumer has no http entry for x, or
 * undefined when the entry is left out.
 */
export function discoveryEntryName(ctx: GenContext, consumer: Resource, e: EnvVar): string | undefined {
  const key = DISCOVERY_KEY.exec(e.name);
  if (!key || key[2] !== 'https') return e.name;
  const ref = urlTarget(ctx, e.value);
  if (!ref || !servedWithoutTls(ref.target, ref.endpoint)) return e.name;
  const http = `services__${key[1]}__http__`;
  if (consumer.env.some((x) => x.name.startsWith(http))) return undefined;
  return `${http}${key[3]}`;
}
