/**
 * WithReference(service) → the consumer's service-discovery configuration names a Service
 * that exists, selects the target's pods and has the right port; and the symbolic name, the
 * Service name and OTEL_SERVICE_NAME agree.
 */
import { envKeyName } from '../../model/names';
import { resolveEndpoints } from '../../model/semantics';
import { parseTemplate } from '../../model/template';
import type { Reference, Resource } from '../../model/topology';
import { evidenceAt, servicePorts, type KObj } from '../bundle-index';
import { row, type CheckContext } from '../context';
import { expand, type EnvEntry } from '../env';
import { findService, reach } from '../reach';
import { fittedPorts, fittedService, serviceFix, servicePortsFix } from './reach-fix';
import { resolveValue } from '../resolve-value';
import { parseServiceUrl } from '../matcher';
import { fix } from '../snippets';
import type { ParityFix, ParityRow } from '../types';
import { servicePortFor } from './endpoints';
import { discoverers, namesRow } from './service-naming';

/** Env keys the consumer reads for the target's endpoints (from the design's env, else Aspire's defaults). */
export function discoveryKeys(consumer: Resource, target: Resource): string[] {
  const fromDesign = consumer.env
    .filter((e) =>
      parseTemplate(e.value).some(
        (p) =>
          typeof p !== 'string' && p.resource === target.name && p.path.kind === 'binding' && p.path.property === 'url',
      ),
    )
    .map((e) => e.name);
  if (fromDesign.length) return fromDesign;
  return target.endpoints
    .filter((e) => e.transport !== 'tcp' || e.scheme.startsWith('http'))
    .flatMap((e) => [`services__${target.name}__${e.name}__0`, `${envKeyName(target.name)}_${envKeyName(e.name)}`]);
}

/** `services__<name>__https__<i>`: what `https+http://name` and `https://_https.name` read first. */
const HTTPS_ENTRY = /^services__.+__https__\d+$/;

function defaultPort(scheme: string): number | undefined {
  if (scheme === 'http' || scheme === 'https+http') return 80;
  if (scheme === 'https' || scheme === 'http+https') return 443;
  return undefined;
}

export function discoveryRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const namesChecked = new Set<string>();
  // A reference's row reads both matches and looks the URL's host up among the Services.
  const services = ctx.version('services', ctx.idx.services);
  for (const ref of ctx.topology.references) {
    if (ref.kind !== 'service-discovery') continue;
    const consumer = ctx.resources.get(ref.from);
    const target = ctx.resources.get(ref.to);
    if (!consumer || !target || target.endpoints.length === 0) continue;
    rows.push(
      ctx.remember(
        'discovery',
        ref,
        `${ctx.matchKey(consumer.name)}\u0000${ctx.matchKey(target.name)}\u0000${services}`,
        () => discoveryRow(ctx, ref, consumer, target),
      ),
    );
    if (!namesChecked.has(target.name)) {
      namesChecked.add(target.name);
      // The row also reads every discovering consumer's configuration (foreign Service names).
      const consumers = discoverers(ctx, target)
        .map((c) => ctx.matchKey(c.name))
        .join('\u0002');
      const r = ctx.remember('discovery-names', target, `${ctx.matchKey(target.name)}\u0000${consumers}`, () =>
        namesRow(ctx, target),
      );
      if (r) rows.push(r);
    }
  }
  return rows;
}

function discoveryRow(ctx: CheckContext, ref: Reference, consumer: Resource, target: Resource): ParityRow {
  const base = {
    rule: 'discovery',
    resource: consumer.name,
    detailKey: target.name,
    declaration: `WithReference(${target.name})`,
    requirement:
      `${consumer.name}'s service discovery for "${target.name}" points at a Service that selects ` +
      `${target.name} with the right port`,
    checklist: ['service-name'],
  };
  const cm = ctx.match(consumer.name);
  if (!cm)
    return row({
      ...base,
      status: 'unknown',
      detail: `No workload runs ${consumer.name}, so its configuration cannot be read.`,
    });
  const tm = ctx.match(target.name);
  const keys = discoveryKeys(consumer, target);
  const entries = keys.map((k) => cm.env.get(k)).filter((e): e is EnvEntry => e !== undefined);
  const tServices = tm?.services ?? [];
  const tk8s = ctx.k8sName(target.name);
  const firstHttp = resolveEndpoints(target).find((e) => !e.sharesPortWith);
  const envPath = [...cm.container.path, 'env'];
  const addFix = fix(
    `Add ${keys[0]} pointing at the ${tk8s} Service.`,
    [{ name: keys[0], value: `${firstHttp?.clusterScheme ?? 'http'}://${tk8s}:${firstHttp?.servicePort ?? 80}` }],
    cm.workload.doc.file,
    envPath,
  );
  if (entries.length === 0) {
    if (cm.env.opaqueConfigMapSources.length || cm.env.opaqueSecretSources.length) {
      const src = [...cm.env.opaqueConfigMapSources, ...cm.env.opaqueSecretSources][0]!;
      return row({
        ...base,
        status: 'unknown',
        detail:
          `${keys[0]} is not set in the bundle; it may come from ${src.name} (not in the bundle). Verify it ` +
          `holds the ${tk8s} Service URL.`,
        evidence: [src.evidence],
      });
    }
    return row({
      ...base,
      status: 'fail',
      detail: `${consumer.name} has none of ${keys.slice(0, 2).join(', ')}; it cannot resolve "${target.name}".`,
      evidence: [evidenceAt(cm.workload, cm.container.path)],
      fix: addFix,
    });
  }
  const ignored: EnvEntry[] = [];
  for (const entry of entries) {
    // Read as the process gets it: Secrets and ConfigMaps of the bundle, `$(VAR)` and its `$$` escape.
    const resolved = resolveValue(ctx.idx, cm.env, entry);
    if ('opaque' in resolved)
      return row({
        ...base,
        status: 'unknown',
        detail: `${resolved.opaque}; verify ${entry.name} holds the ${tk8s} Service URL.`,
        evidence: [entry.evidence],
      });
    if ('absent' in resolved)
      return row({ ...base, status: 'fail', detail: `${resolved.absent}.`, evidence: [entry.evidence], fix: addFix });
    const value = resolved.text;
    // What details show: a Secret's part stays `<secret:name/key>`, never its value.
    const display = expand(cm.env, entry).text;
    const url = parseServiceUrl(value) ?? parseServiceUrl(/[a-z][a-z0-9+.-]*:\/\/[^;\s,]+/i.exec(value)?.[0] ?? '');
    if (!url)
      return row({
        ...base,
        status: 'fail',
        detail: `${entry.name}="${display}" is not a URL.`,
        evidence: [entry.evidence],
        fix: addFix,
      });
    // Cluster DNS: a short name is the consumer's namespace, `x.ns[.svc[.cluster.local]]` names its own.
    const svc = findService(ctx, url.fullHost, cm.workload.namespace ?? ctx.settings?.namespace);
    // The URL names the target's own Service and the bundle lacks it: the Service is what to add.
    const elsewhere = svc ? undefined : tServices.find((s) => s.name === url.host && s.namespace !== undefined);
    const lacking = !svc && !elsewhere && url.fullHost === tk8s && tm ? fittedService(ctx, target) : undefined;
    if (elsewhere) {
      const to = `${url.scheme}://${url.host}.${elsewhere.namespace}${url.port !== undefined ? `:${url.port}` : ''}`;
      return row({
        ...base,
        status: 'fail',
        detail:
          `${entry.name} points at "${url.fullHost}", but Service ${url.host} is in namespace ` +
          `${elsewhere.namespace}.`,
        evidence: [entry.evidence, evidenceAt(elsewhere, ['metadata', 'namespace'])],
        fix: fix(`Point ${entry.name} at ${to}.`, [{ name: entry.name, value: to }], cm.workload.doc.file, envPath),
      });
    }
    if (!svc)
      return row({
        ...base,
        status: 'fail',
        detail:
          `${entry.name} points at "${url.fullHost}", but the bundle has no Service of that ` +
          `name${tServices.length ? ` (${target.name} is served by ${tServices.map((s) => s.name).join(', ')})` : ''}.`,
        evidence: [entry.evidence],
        fix: lacking ? fix(`Add the Service ${tk8s} the generator writes for ${target.name}.`, lacking) : addFix,
      });
    if (!tServices.includes(svc))
      return row({
        ...base,
        status: 'fail',
        detail: `Service ${svc.name} does not select the pods of ${target.name}.`,
        evidence: [entry.evidence, evidenceAt(svc, ['spec', 'selector'])],
        ...serviceSideFix(ctx, target, url.fullHost, url.port ?? defaultPort(url.scheme), cm.workload.namespace),
      });
    const port = url.port ?? defaultPort(url.scheme);
    const sp = servicePorts(svc).find((p) => p.port === port);
    if (!sp)
      return row({
        ...base,
        status: 'fail',
        detail: `${entry.name} uses port ${port ?? '(none)'}, but Service ${svc.name} listens on ${servicePorts(svc)
          .map((p) => p.port)
          .join(', ')}.`,
        evidence: [entry.evidence, evidenceAt(svc, ['spec', 'ports'])],
        fix: portsFix(ctx, target, svc, port, firstHttp?.servicePort) ?? addFix,
      });
    const reached = tm
      ? resolveEndpoints(target).filter((e) => servicePortFor(svc, tm, e.containerPort)?.port === sp.port)
      : [];
    if (reached.length === 0)
      return row({
        ...base,
        status: 'fail',
        detail: `Service ${svc.name} port ${sp.port} does not reach any endpoint of ${target.name}.`,
        evidence: [entry.evidence, evidenceAt(svc, ['spec', 'ports', sp.index])],
        ...serviceSideFix(ctx, target, url.fullHost, sp.port, cm.workload.namespace),
      });
    // https+http:// prefers an https entry: TLS against a port served as plain http fails every call.
    if (url.scheme === 'https' && !reached.some((e) => e.clusterScheme === 'https'))
      return row({
        ...base,
        status: 'fail',
        detail:
          `${entry.name}="${display}" asks for TLS, but Service ${svc.name} port ${sp.port} is served as plain http ` +
          `(TLS ends at the ingress); clients would fail the handshake. Point it at http://${url.host}:${sp.port}` +
          ' or leave the https entry out.',
        evidence: [entry.evidence, evidenceAt(svc, ['spec', 'ports', sp.index])],
      });
    if (url.scheme === 'http' && HTTPS_ENTRY.test(entry.name)) ignored.push(entry);
  }
  const detail = entries.map((e) => `${e.name}=${expand(cm.env, e).text}`).join('; ');
  // .NET's configuration provider skips an https entry whose value is not an https URL (oracle/FINDINGS.md).
  if (ignored.length > 0)
    return row({
      ...base,
      status: 'warn',
      detail:
        `${ignored.map((e) => e.name).join(', ')} holds an http:// URL; .NET ignores an https entry that is ` +
        `not an https URL, so https://_https.${target.name} resolves to nothing from it. Remove it: ` +
        `https+http://${target.name} uses the http entry. ${detail}`,
      evidence: ignored.map((e) => e.evidence),
      fix: fix(`Remove ${ignored.map((e) => e.name).join(', ')} from ${consumer.name}.`),
    });
  const plain = resolveEndpoints(target)
    .filter((e) => e.endpoint.scheme === 'https' && e.clusterScheme !== 'https')
    .map((e) => e.endpoint.name);
  return row({
    ...base,
    status: 'pass',
    detail: plain.length
      ? `${detail} (no https entry: ${target.name}'s ${plain.join(', ')} endpoint is served as plain http ` +
        'in the cluster, TLS ends at the ingress; https+http:// resolves to the http entry)'
      : detail,
    evidence: entries.map((e) => e.evidence),
  });
}

/** The URL names the design's port and the Service lacks it: the Service's ports are what to correct. */
function portsFix(
  ctx: CheckContext,
  target: Resource,
  svc: KObj,
  port: number | undefined,
  design: number | undefined,
) {
  const ports = port !== undefined && port === design ? fittedPorts(ctx, target) : undefined;
  return ports ? servicePortsFix(svc, target, ports) : undefined;
}

/** The Service (or the container behind it) is what is wrong: the Fix the reachability rows give for it. */
function serviceSideFix(
  ctx: CheckContext,
  target: Resource,
  host: string,
  port: number | undefined,
  namespace: string | undefined,
): { fix?: ParityFix } {
  const r = reach(ctx, { host, ...(port !== undefined ? { port } : {}) }, port, target, namespace);
  const f = r.ok ? undefined : serviceFix(ctx, target, r);
  return f && f !== 'unfixable' ? { fix: f } : {};
}
