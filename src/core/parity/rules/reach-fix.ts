/**
 * Fixes for unreachable hosts, taken from what the generator writes for the same design: the
 * server's Service (its ports and selector), or the consumer's env entry. A generated
 * fragment is offered only where it fits the bundle: selectors use the pod labels the bundle
 * has, ports target what the container declares, and an env entry that reads a Secret the
 * bundle lacks is described in words instead of pasted.
 */
import { resolveEndpoints } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import {
  asArr,
  asRec,
  asStr,
  containerPorts,
  getIn,
  resolvePortRef,
  servicePorts,
  type KObj,
  type Path,
  type Rec,
} from '../bundle-index';
import { secretValue } from '../resolve-value';
import type { CheckContext, ResourceMatch } from '../context';
import type { EnvEntry } from '../env';
import type { Reach } from '../reach';
import { generatedContainer, generatedEnv, generatedService } from '../regenerate';
import { fix } from '../snippets';
import { configMapKeyFix } from './configmap-key-fix';
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
  return m.workload.selector && Object.keys(m.workload.selector).length
    ? m.workload.selector
    : m.workload.templateLabels;
}

/** A Service for the server as the generator writes it, selecting the pods the bundle runs. */
/** Replace a Service's ports with the generator's for `server` (reachability and discovery rows). */
export function servicePortsFix(svc: KObj, server: Resource, ports: Rec[]): ParityFix {
  return fix(
    `Give Service ${svc.name} the ports the generator writes for ${server.name}.`,
    ports,
    svc.doc.file,
    ['spec', 'ports'],
    svc.doc.startLine,
  );
}

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

function designPort(server: Resource): number | undefined {
  return resolveEndpoints(server).find((e) => e.endpoint.protocol === 'tcp')?.servicePort;
}

function hasPorts(svc: KObj, ports: Rec[], sm: ResourceMatch): boolean {
  const have = servicePorts(svc);
  return ports.every((p) =>
    have.some(
      (h) =>
        h.port === p.port &&
        resolvePortRef(h.targetPort, sm.container, h.port) ===
          resolvePortRef(p.targetPort as number | string | undefined, sm.container, h.port),
    ),
  );
}

const HOST_CHAR = /[a-z0-9.\-_]/i;

/**
 * Replace every occurrence of the host `from` (any case) in `text`, as a whole name only (not
 * inside `$(SECRET_SQLSERVER_PASSWORD)` or `sqlserver-password`); undefined when there is none.
 */
function replaceAll(text: string, from: string, to: string): string | undefined {
  const lower = text.toLowerCase();
  const f = from.toLowerCase();
  let out = '';
  let i = 0;
  let found = false;
  for (let at = lower.indexOf(f); at >= 0; at = lower.indexOf(f, at + f.length)) {
    if (HOST_CHAR.test(text[at - 1] ?? '') || HOST_CHAR.test(text[at + f.length] ?? '')) continue;
    out += text.slice(i, at) + to;
    i = at + f.length;
    found = true;
  }
  return found ? out + text.slice(i) : undefined;
}

/** The value with the wrong host (and a port the server does not serve) corrected, as a fix at its source. */
function correctedValue(
  ctx: CheckContext,
  m: ResourceMatch,
  entry: EnvEntry,
  at: { host: string; port: number | undefined },
  serverName: string,
  port: number | undefined,
): ParityFix | undefined {
  const src = valueAt(ctx, m, entry);
  if (!src) return undefined;
  let text = at.host === serverName ? src.text : replaceAll(src.text, at.host, serverName);
  if (text === undefined) return undefined;
  if (at.port !== undefined && port !== undefined && at.port !== port) {
    // A port property (`X_PORT`) is the number alone.
    if (text.trim() === String(at.port)) text = String(port);
    for (const sep of [',', ':', '=']) text = text.split(`${sep}${at.port}`).join(`${sep}${port}`);
  }
  if (text === src.text) return undefined;
  const value = src.base64 ? btoa(String.fromCharCode(...new TextEncoder().encode(text))) : text;
  return fix(
    `Make ${entry.name} name ${serverName}${port !== undefined ? `:${port}` : ''} (${src.where}).`,
    value,
    src.file,
    src.path,
    src.line,
  );
}

/** Where a value is written: the env entry itself, or the ConfigMap or Secret key it reads. */
function valueAt(
  ctx: CheckContext,
  m: ResourceMatch,
  entry: EnvEntry,
): { text: string; file: string; path: Path; line: number; where: string; base64?: boolean } | undefined {
  if (entry.source === 'literal')
    return {
      text: entry.value ?? '',
      file: m.workload.doc.file,
      path: [...entry.path, 'value'],
      line: m.workload.doc.startLine,
      where: 'in the workload',
    };
  if ((entry.source === 'configmap' || entry.source === 'configmap-envfrom') && entry.configMapName) {
    const cm = ctx.idx.configMaps.get(entry.configMapName);
    const k =
      entry.source === 'configmap'
        ? asStr(getIn(m.workload.obj, [...entry.path, 'valueFrom', 'configMapKeyRef', 'key']))
        : undefined;
    const keyName = k ?? Object.keys(cm?.data ?? {}).find((x) => cm!.data[x] === entry.value);
    if (!cm || !keyName || cm.data[keyName] === undefined) return undefined;
    return {
      text: cm.data[keyName]!,
      file: cm.obj.doc.file,
      path: ['data', keyName],
      line: cm.obj.doc.startLine,
      where: `ConfigMap ${cm.obj.name}`,
    };
  }
  if ((entry.source === 'secret' || entry.source === 'secret-envfrom') && entry.secretName && entry.secretKey) {
    const s = ctx.idx.secrets.get(entry.secretName);
    if (!s) return undefined;
    const sd = asStr(getIn(s.obj.obj, ['stringData', entry.secretKey]));
    if (sd !== undefined)
      return {
        text: sd,
        file: s.obj.doc.file,
        path: ['stringData', entry.secretKey],
        line: s.obj.doc.startLine,
        where: `Secret ${entry.secretName}`,
      };
    const v = secretValue(ctx.idx, entry.secretName, entry.secretKey);
    if (v !== undefined)
      return {
        text: v,
        file: s.obj.doc.file,
        path: ['data', entry.secretKey],
        line: s.obj.doc.startLine,
        where: `Secret ${entry.secretName}`,
        base64: true,
      };
  }
  return undefined;
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
    if (failed.detail.includes('selects'))
      return fix(
        `Make Service ${svc.name} select the pods of ${server.name}.`,
        podSelector(sm),
        svc.doc.file,
        ['spec', 'selector'],
        svc.doc.startLine,
      );
    const ports = fittedPorts(ctx, server);
    // The Service already has what the generator writes: the container's ports or the value is wrong.
    if (ports && hasPorts(svc, ports, sm)) {
      const cports = asArr(generatedContainer(ctx.topology, ctx.settings, server.name)?.ports);
      if (failed.detail.includes(' listens on ') && cports.length)
        return fix(
          `Declare the container ports the generator writes for ${server.name}.`,
          cports,
          sm.workload.doc.file,
          [...sm.container.path, 'ports'],
          sm.workload.doc.startLine,
        );
      return undefined;
    }
    return ports ? servicePortsFix(svc, server, ports) : 'unfixable';
  }
  if (failed.missing === serverName) {
    const s = sm ? fittedService(ctx, server) : undefined;
    // A whole object without a target is a new document (of the file holding the row's evidence).
    return s ? fix(`Add the Service ${serverName} the generator writes for ${server.name}.`, s) : 'unfixable';
  }
  return undefined;
}

export function reachFix(
  ctx: CheckContext,
  consumer: Resource,
  server: Resource,
  m: ResourceMatch,
  key: string,
  entry: EnvEntry | undefined,
  failed: Reach | undefined,
  at?: { host: string; port: number | undefined },
): ParityFix | undefined {
  const sf = failed ? serviceFix(ctx, server, failed) : undefined;
  if (sf === 'unfixable') return undefined;
  if (sf) return sf;
  const serverName = ctx.k8sName(server.name);
  // Keep the value where it is (its source) and correct only the host and port it names.
  const to = failed?.rename ?? serverName;
  const corrected = entry && at ? correctedValue(ctx, m, entry, at, to, designPort(server)) : undefined;
  if (corrected) return corrected;
  const absentKey = entry ? configMapKeyFix(ctx, consumer, m, entry) : undefined;
  if (absentKey) return absentKey;
  // The value names the wrong host: the generator's entry names the right one.
  if (entry && (entry.source === 'literal' || entry.source === 'configmap' || entry.source === 'configmap-envfrom')) {
    const gen = generatedEnv(ctx.topology, ctx.settings, consumer.name, entry.name === key ? key : entry.name);
    const missing = secretsRead(gen).filter((n) => !ctx.secretKnown(n));
    if (gen.length && missing.length === 0 && entry.source === 'literal')
      return fix(`Set ${entry.name} as the generator writes it.`, gen, m.workload.doc.file, [
        ...m.container.path,
        'env',
      ]);
    const generated = gen[gen.length - 1]?.value;
    return fix(
      `Make ${entry.name}${entry.configMapName ? ` (ConfigMap ${entry.configMapName})` : ''} name the ${serverName} ` +
        `Service${generated !== undefined ? `, as the generator writes it: ${String(generated)}` : ''}.`,
    );
  }
  if (entry?.secretName)
    return fix(`Set Secret ${entry.secretName} key ${entry.secretKey} to a value naming the ${serverName} Service.`);
  return undefined;
}
