/**
 * Fixes for unreachable hosts, taken from what the generator writes for the same design: the
 * server's Service (its ports and selector), or the consumer's env entry. A generated
 * fragment is offered only where it fits the bundle: selectors use the pod labels the bundle
 * has, ports target what the container declares, and an env entry that reads a Secret the
 * bundle lacks is described in words instead of pasted.
 */
import { resolveEndpoints } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import { asArr, asRec, asStr, containerPorts, getIn, type Rec } from '../bundle-index';
import type { CheckContext, ResourceMatch } from '../context';
import type { EnvEntry } from '../env';
import type { Reach } from '../reach';
import { generatedEnv, generatedService } from '../regenerate';
import { fix } from '../snippets';
import type { ParityFix } from '../types';

/** The generator's ports for the server, targeting container ports the bundle can route to. */
export function fittedPorts(ctx: CheckContext, server: Resource): Rec[] | undefined {
  const svc = generatedService(ctx.topology, ctx.settings, server.name);
  if (!svc) return undefined;
  const m = ctx.match(server.name);
  const named = new Set(m ? containerPorts(m.container).flatMap((p) => (p.name ? [p.name] : [])) : []);
  const endpoints = resolveEndpoints(server);
  return asArr(getIn(svc, ['spec', 'ports'])).flatMap((p) => {
    const r = asRec(p);
    if (!r) return [];
    const tp = asStr(r.targetPort);
    if (tp === undefined || named.has(tp) || /^\d+$/.test(tp)) return [r];
    // The bundle's container does not name the port: target it by number.
    const e = endpoints.find((x) => x.portName === tp);
    return [{ ...r, targetPort: e?.containerPort ?? r.port }];
  });
}

function podSelector(m: ResourceMatch): Record<string, string> {
  return m.workload.selector && Object.keys(m.workload.selector).length ? m.workload.selector : m.workload.templateLabels;
}

/** A Service for the server as the generator writes it, selecting the pods the bundle runs. */
export function fittedService(ctx: CheckContext, server: Resource): Rec | undefined {
  const svc = generatedService(ctx.topology, ctx.settings, server.name);
  const m = ctx.match(server.name);
  const ports = fittedPorts(ctx, server);
  if (!svc || !m || !ports) return undefined;
  const meta = { ...(asRec(svc.metadata) ?? {}) };
  if (m.workload.namespace) meta.namespace = m.workload.namespace;
  else delete meta.namespace;
  return { ...svc, metadata: meta, spec: { ...(asRec(svc.spec) ?? {}), selector: podSelector(m), ports } };
}

/** Secret names a generated env fragment reads. */
function secretsRead(entries: Rec[]): string[] {
  return entries.flatMap((e) => {
    const n = asStr(getIn(e, ['valueFrom', 'secretKeyRef', 'name']));
    return n ? [n] : [];
  });
}

/**
 * When the host is the server's own Service name and that Service is missing or wrong, the fix
 * is the Service the generator writes (its ports, its selector, or all of it).
 * `unfixable`: the Service side is broken in a way no generated fragment repairs here.
 */
export function serviceFix(ctx: CheckContext, server: Resource, failed: Reach): ParityFix | 'unfixable' | undefined {
  const sm = ctx.match(server.name);
  const svc = failed.service;
  const serverName = ctx.k8sName(server.name);
  if (svc) {
    if (!sm) return 'unfixable';
    if (failed.detail.includes('selects')) return fix(`Make Service ${svc.name} select the pods of ${server.name}.`, podSelector(sm), svc.doc.file, ['spec', 'selector'], svc.doc.startLine);
    const ports = fittedPorts(ctx, server);
    return ports ? fix(`Give Service ${svc.name} the ports the generator writes for ${server.name}.`, ports, svc.doc.file, ['spec', 'ports'], svc.doc.startLine) : 'unfixable';
  }
  if (failed.missing === serverName) {
    const s = sm ? fittedService(ctx, server) : undefined;
    // A whole object without a target is a new document (of the file holding the row's evidence).
    return s ? fix(`Add the Service ${serverName} the generator writes for ${server.name}.`, s) : 'unfixable';
  }
  return undefined;
}

export function reachFix(ctx: CheckContext, consumer: Resource, server: Resource, m: ResourceMatch, key: string, entry: EnvEntry | undefined, failed: Reach | undefined): ParityFix | undefined {
  const sf = failed ? serviceFix(ctx, server, failed) : undefined;
  if (sf === 'unfixable') return undefined;
  if (sf) return sf;
  const serverName = ctx.k8sName(server.name);
  // The value names the wrong host: the generator's entry names the right one.
  if (entry && (entry.source === 'literal' || entry.source === 'configmap' || entry.source === 'configmap-envfrom')) {
    const gen = generatedEnv(ctx.topology, ctx.settings, consumer.name, entry.name === key ? key : entry.name);
    const missing = secretsRead(gen).filter((n) => !ctx.secretKnown(n));
    if (gen.length && missing.length === 0 && entry.source === 'literal') return fix(`Set ${entry.name} as the generator writes it.`, gen, m.workload.doc.file, [...m.container.path, 'env']);
    return fix(`Make ${entry.name}${entry.configMapName ? ` (ConfigMap ${entry.configMapName})` : ''} name the ${serverName} Service${gen[gen.length - 1]?.value !== undefined ? `, as the generator writes it: ${String(gen[gen.length - 1]!.value)}` : ''}.`);
  }
  if (entry?.secretName) return fix(`Set Secret ${entry.secretName} key ${entry.secretKey} to a value naming the ${serverName} Service.`);
  return undefined;
}
