/**
 * The consumer test's cases, built from committed files only: Aspire's manifest says what each
 * workload's App Host implies (its `ConnectionStrings__*` and `services__*` keys and what they
 * mean); our product turns the same manifest into a bundle; each workload's env is resolved
 * as Kubernetes would (./kube-env.ts). The .NET program (oracle/Consumer) then says what it
 * reads from that env; the test compares with the expectation computed here.
 *
 * Expectations are evaluated from the manifest's own expressions, independently of our template
 * code: a host is the target's Service name, a port is that Service's port for the endpoint, a
 * parameter is the value its Secret or ConfigMap entry holds in the bundle.
 */
import { importManifest } from '../../core/aspire/manifest';
import { generate } from '../../core/kube/generate';
import type { GeneratedBundle, KubeObject } from '../../core/kube/objects';
import { containerEnv, placeholder } from './kube-env';

// Free-form manifest JSON and Kubernetes objects, probed field by field as the tests do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export interface ConsumerCase {
  /** The workload's Aspire resource name. */
  workload: string;
  /** Its env as the process sees it. */
  env: Record<string, string>;
  /** GetConnectionString(name) → the string the App Host implies. */
  connectionStrings: Record<string, string>;
  /** A service-discovery URI → the endpoint(s) it must resolve to, as .NET prints them. */
  services: Record<string, string[]>;
  /**
   * Other settings the App Host implies that a framework reads by configuration key
   * (`Orleans:ClusterId`, `Orleans:Clustering:ServiceKey`, `Orleans:Endpoints:SiloPort`, …) → value.
   */
  settings: Record<string, string>;
}

interface Context {
  resources: Record<string, Obj>;
  gen: GeneratedBundle;
  objects: KubeObject[];
}

/**
 * The Service of a resource and its port for an endpoint; undefined when the bundle serves no
 * such port (a project's https endpoint: TLS ends at the ingress, the pod serves http).
 */
function servicePort(ctx: Context, resource: string, endpoint: string): { host: string; port: string } | undefined {
  const host = ctx.gen.k8sNames.get(resource) ?? resource;
  const svc = ctx.objects.find((o) => o.kind === 'Service' && o.metadata.name === host) as Obj | undefined;
  const ports = (svc?.spec?.ports ?? []) as Obj[];
  const port =
    ports.find((p) => p.name === endpoint) ??
    ports.find((p) => String(p.name) === endpoint.toLowerCase().replace(/[^a-z0-9-]/g, '-'));
  return port ? { host, port: String(port.port) } : undefined;
}

/** Thrown when an expression names an endpoint the cluster does not serve. */
class NotServed extends Error {}

/** What a parameter's value is in the cluster: its Secret's or ConfigMap's entry, or its published default. */
function parameterValue(ctx: Context, name: string): string {
  const secret = ctx.gen.secrets.find((s) => s.resource === name);
  if (secret) return placeholder('secret', secret.secretName, secret.key);
  const input = ctx.resources[name]?.inputs?.value as Obj | undefined;
  if (input?.default?.value !== undefined) return String(input.default.value);
  const cm = ctx.objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.endsWith('-parameters')) as
    Obj | undefined;
  const key = Object.keys(cm?.data ?? {}).find((k) => k === name.replace(/[^-._a-zA-Z0-9]/g, '-'));
  return key ? placeholder('config', cm!.metadata.name, key) : `(no value for parameter ${name})`;
}

function evaluate(ctx: Context, template: string, depth = 0): string {
  if (depth > 10) return template;
  return template.replace(/\{([A-Za-z0-9_-]+)\.([^{}]+)\}/g, (whole, res: string, path: string) => {
    const r = ctx.resources[res];
    if (!r) return whole;
    const binding = /^bindings\.([^.]+)\.(url|host|port|targetPort|scheme)$/.exec(path);
    if (binding) {
      const [, ep, prop] = binding;
      const b = (r.bindings ?? {})[ep!] as Obj | undefined;
      const served = servicePort(ctx, res, ep!);
      if (!served) throw new NotServed(`${res}/${ep}`);
      const { host, port } = served;
      const scheme = String(b?.scheme ?? 'tcp');
      if (prop === 'host') return host;
      if (prop === 'port') return port;
      if (prop === 'scheme') return scheme;
      if (prop === 'targetPort') return String(b?.targetPort ?? port);
      return `${scheme}://${host}:${port}`;
    }
    if (path === 'connectionString') return evaluate(ctx, String(r.connectionString ?? ''), depth + 1);
    if (path === 'value' || path === 'inputs.value') {
      if (r.type === 'parameter.v0') return parameterValue(ctx, res);
      const inner = evaluate(ctx, String(r.value ?? r.connectionString ?? ''), depth + 1);
      return r.filter === 'uri' ? encodeURIComponent(inner) : inner;
    }
    return whole;
  });
}

/** A URI as .NET's Uri.ToString() prints it (a bare authority gets a trailing slash, as in WHATWG URLs). */
const asEndpoint = (url: string): string => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/** The in-cluster value of an App Host env value, or undefined when it names an endpoint the cluster does not serve. */
function inCluster(ctx: Context, value: string): string | undefined {
  try {
    return evaluate(ctx, value);
  } catch (e) {
    if (e instanceof NotServed) return undefined;
    throw e;
  }
}

/** Env keys other frameworks read through configuration: Orleans (Microsoft.Orleans reads `Orleans:*`). */
const SETTINGS = /^Orleans__/;

function expectations(
  ctx: Context,
  env: Record<string, string>,
): Pick<ConsumerCase, 'connectionStrings' | 'services' | 'settings'> {
  const connectionStrings: Record<string, string> = {};
  const services: Record<string, string[]> = {};
  const settings: Record<string, string> = {};
  const byService = new Map<string, Map<string, string | undefined>>();
  for (const [key, value] of Object.entries(env)) {
    const cs = /^ConnectionStrings__(.+)$/.exec(key);
    if (cs) connectionStrings[cs[1]!] = evaluate(ctx, value);
    if (SETTINGS.test(key)) settings[key.replace(/__/g, ':')] = evaluate(ctx, value);
    const sd = /^services__(.+?)__(.+)__(\d+)$/.exec(key);
    if (sd) {
      const endpoints = byService.get(sd[1]!) ?? new Map<string, string | undefined>();
      endpoints.set(sd[2]!, inCluster(ctx, value));
      byService.set(sd[1]!, endpoints);
    }
  }
  for (const [service, endpoints] of byService) {
    // "https+http://name": https when the cluster serves it, else http (Aspire's service defaults).
    const preferred = endpoints.get('https') ?? endpoints.get('http') ?? endpoints.get('default');
    if (preferred !== undefined && /^https?:/.test(preferred))
      services[`https+http://${service}`] = [asEndpoint(preferred)];
    for (const [name, url] of endpoints) {
      const declared = /^([a-z0-9+.-]+):/.exec(env[`services__${service}__${name}__0`] ?? '')?.[1];
      const scheme =
        declared && !declared.includes('{')
          ? declared
          : (url && /^([a-z0-9+.-]+):/.exec(url)?.[1]) || (name === 'https' ? 'https' : 'http');
      // Not served in the cluster: the configuration must not claim an address for it.
      services[`${scheme}://_${name}.${service}`] =
        url === undefined ? [] : [/^https?:/.test(url) ? asEndpoint(url) : url];
    }
  }
  return { connectionStrings, services, settings };
}

/** One case per workload (Deployment or StatefulSet) whose App Host env implies connection strings or services. */
export function consumerCases(manifestText: string): ConsumerCase[] {
  const manifest = JSON.parse(manifestText) as Obj;
  const { topology } = importManifest(manifestText);
  const gen = generate(topology, { namespace: 'oracle' });
  const ctx: Context = { resources: manifest.resources ?? {}, gen, objects: gen.objects.map((o) => o.object) };
  const cases: ConsumerCase[] = [];
  for (const [name, r] of Object.entries(ctx.resources)) {
    const implied = expectations(ctx, (r.env ?? {}) as Record<string, string>);
    if (Object.values(implied).every((x) => Object.keys(x).length === 0)) continue;
    const workload = gen.objects.find(
      (o) => o.resource === name && (o.object.kind === 'Deployment' || o.object.kind === 'StatefulSet'),
    );
    cases.push({ workload: name, env: workload ? containerEnv(workload.object, ctx.objects) : {}, ...implied });
  }
  return cases;
}
