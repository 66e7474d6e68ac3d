/**
 * `resource.WithX(...)`: the fluent calls on a resource builder. Each handler changes the
 * resource or adds references the way Aspire would, and returns the value the C# call returns
 * (the same builder, a child database, an endpoint reference).
 */
import type { Node } from 'web-tree-sitter';
import type { BindingProperty } from '../../model/template';
import type { Endpoint, Resource, Transport, HttpProbeSpec } from '../../model/topology';
import { bindArguments, lineOf, type MethodCall } from './syntax';
import { DEV_ONLY_CALLS, integrationByEngine, RABBITMQ_MANAGEMENT, splitImage } from '../../model/integrations/apphost-view';
import { aspNetCorePortsEnv } from '../../model/integrations/palette';
import { endpointEnv, referenceEnv } from './reference-env';
import { newResource } from './state';
import { REPORTED, type Evaluator, type Value } from './values';

type Handler = (ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>) => Value | void;

interface Spec {
  params: string[];
  run: Handler;
}

const self = (r: Resource): Value => ({ t: 'resource', name: r.name });

/** Resolve a resource-builder argument, reporting anything that is not one. */
function target(ev: Evaluator, r: Resource, c: MethodCall, node: Node | undefined): Value | undefined {
  if (!node) {
    ev.model.warn('missing-argument', `Line ${c.line}: ${c.method} needs a resource.`, c.line, r.name);
    return undefined;
  }
  const v = ev.value(node);
  if (v.t === 'resource' || v.t === 'endpoint') return v;
  if (v.t !== 'unknown' || !v.reported) {
    ev.model.warn('unresolved-reference', `Line ${c.line}: ${c.method}(${node.text}) does not name a resource declared in this file; ignored.`, c.line, r.name);
  }
  return undefined;
}

function withReference(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const t = target(ev, r, c, args.get('source'));
  if (!t) return;
  if (t.t === 'endpoint') {
    for (const e of endpointEnv(t.resource, t.endpoint, ev.model.resources.get(t.resource))) ev.model.setEnv(r, e);
    ev.model.reference(r.name, t.resource, 'service-discovery');
    return;
  }
  if (t.t !== 'resource') return;
  const res = ev.model.resources.get(t.name)!;
  const aliasNode = args.get('connectionName');
  const alias = aliasNode ? ev.str(aliasNode) : undefined;
  if (res.kind === 'parameter') {
    ev.model.warn('unsupported-reference', `Line ${c.line}: WithReference(${t.name}) on a parameter is not an Aspire overload; use WithEnvironment.`, c.line, r.name);
    return;
  }
  const { env, kind } = referenceEnv(res, alias, (n) => ev.model.resources.get(n));
  for (const e of env) ev.model.setEnv(r, e);
  ev.model.reference(r.name, t.name, kind);
  // Connection properties name the server and its password too, as the manifest's references do.
  for (const e of env) ev.model.referencesFromTemplate(r.name, e.value);
}

function waitFor(mode: 'running' | 'completion'): Handler {
  return (ev, r, c, args) => {
    const t = target(ev, r, c, args.get('dependency'));
    if (!t) return;
    const to = t.t === 'resource' ? t.name : t.t === 'endpoint' ? t.resource : undefined;
    if (to) ev.model.reference(r.name, to, 'wait-only', mode);
  };
}

function addDatabase(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): Value {
  const nameNode = args.get('name');
  const name = nameNode ? ev.str(nameNode) : undefined;
  if (name === undefined) {
    ev.model.warn('unresolved-name', `Line ${c.line}: AddDatabase needs a constant name; skipped.`, c.line, r.name);
    return REPORTED;
  }
  const dbNode = args.get('databaseName');
  const databaseName = (dbNode ? ev.str(dbNode) : undefined) ?? name;
  const integration = integrationByEngine(r.engine);
  if (!integration?.database || r.kind !== 'container') {
    ev.model.warn('unsupported-database', `Line ${c.line}: "${r.name}" is not a database server this tool knows; "${name}" is skipped.`, c.line, r.name);
    return REPORTED;
  }
  const db = newResource(name, 'database', 'value.v0');
  db.parent = r.name;
  db.databaseName = databaseName;
  db.connectionString = integration.database(r.name, databaseName, ev.model.passwords.get(r.name));
  return { t: 'resource', name: ev.model.add(db, c.line).name };
}

const isHttpScheme = (s: string) => s === 'http' || s === 'https';

/** Add (or, when the name exists, update) an endpoint. */
function putEndpoint(ev: Evaluator, r: Resource, c: MethodCall, e: Endpoint, envName: string | undefined): void {
  if (e.port !== undefined && e.port === e.targetPort) delete e.port; // the manifest writes port only when it differs
  const existing = r.endpoints.find((x) => x.name === e.name);
  if (existing) {
    ev.model.warn('duplicate-endpoint', `Line ${c.line}: "${r.name}" already has an endpoint named "${e.name}" (Aspire would refuse this); the two are merged.`, c.line, r.name);
    Object.assign(existing, { ...e, external: existing.external || e.external });
  } else {
    r.endpoints.push(e);
  }
  if (envName) ev.model.setEnv(r, { name: envName, value: `{${r.name}.bindings.${e.name}.targetPort}` });
  // Aspire 13.6 lists every HTTP endpoint's target port in HTTP_PORTS (and HTTPS_PORTS likewise).
  if (r.kind === 'project' && !envName) for (const p of aspNetCorePortsEnv(r)) ev.model.setEnv(r, p);
}

function httpEndpoint(scheme: 'http' | 'https'): Handler {
  return (ev, r, c, args) => {
    const get = (k: string) => {
      const n = args.get(k);
      return n ? ev.int(n) : undefined;
    };
    const nameNode = args.get('name');
    const envNode = args.get('env');
    const name = (nameNode ? ev.str(nameNode) : undefined) ?? scheme;
    const e: Endpoint = { name, scheme, protocol: 'tcp', transport: 'http', external: false };
    const port = get('port');
    const targetPort = get('targetPort');
    if (port !== undefined) e.port = port;
    if (targetPort !== undefined) e.targetPort = targetPort;
    putEndpoint(ev, r, c, e, envNode ? ev.str(envNode) : undefined);
  };
}

/** `WithEndpoint("name", e => { e.Port = 1; e.IsExternal = true; })`: change an endpoint in place. */
function endpointCallback(ev: Evaluator, r: Resource, c: MethodCall, name: string, lambda: Node): void {
  let e = r.endpoints.find((x) => x.name === name);
  if (!e) {
    e = { name, scheme: 'tcp', protocol: 'tcp', transport: 'tcp', external: false };
    r.endpoints.push(e);
  }
  const body = lambda.childForFieldName('body');
  const assignments = !body ? [] : body.type === 'block' ? body.namedChildren.map((s) => s?.namedChild(0) ?? null) : [body];
  for (const a of assignments) {
    if (a?.type !== 'assignment_expression') {
      if (a && a.type !== 'comment') ev.model.warn('unsupported-call', `Line ${lineOf(a)}: "${a.text}" inside WithEndpoint is not understood; ignored.`, lineOf(a), r.name);
      continue;
    }
    const prop = a.childForFieldName('left')?.childForFieldName('name')?.text;
    const right = a.childForFieldName('right');
    if (!right) continue;
    switch (prop) {
      case 'Port':
      case 'TargetPort': {
        const v = ev.int(right);
        if (v === undefined) break;
        if (prop === 'Port') e.port = v;
        else e.targetPort = v;
        continue;
      }
      case 'IsExternal':
        e.external = ev.bool(right) === true;
        continue;
      case 'UriScheme': {
        const v = ev.str(right);
        if (v !== undefined) e.scheme = v;
        continue;
      }
      case 'Transport': {
        const v = ev.str(right);
        if (v === 'http' || v === 'http2' || v === 'tcp') e.transport = v;
        continue;
      }
    }
    ev.model.warn('unsupported-call', `Line ${lineOf(a)}: "${a.text}" inside WithEndpoint is not understood; ignored.`, lineOf(a), r.name);
  }
  if (e.port !== undefined && e.port === e.targetPort) delete e.port;
}

function withEndpoint(ev: Evaluator, r: Resource, c: MethodCall): void {
  const first = c.args[0];
  const second = c.args[1];
  if (first && !first.name && second?.value.type === 'lambda_expression') {
    const name = ev.str(first.value);
    if (name !== undefined) endpointCallback(ev, r, c, name, second.value);
    else ev.model.warn('unresolved-argument', `Line ${c.line}: the endpoint name is not a constant string; ignored.`, c.line, r.name);
    return;
  }
  const args = bindArguments(c.args, ['port', 'targetPort', 'scheme', 'name', 'env', 'isProxied', 'isExternal', 'protocol']);
  const int = (k: string) => {
    const n = args.get(k);
    return n ? ev.int(n) : undefined;
  };
  const str = (k: string) => {
    const n = args.get(k);
    return n ? ev.str(n) : undefined;
  };
  const scheme = str('scheme') ?? 'tcp';
  const name = str('name') ?? scheme;
  const transport: Transport = isHttpScheme(scheme) ? 'http' : 'tcp';
  const protocolNode = args.get('protocol');
  const e: Endpoint = {
    name,
    scheme,
    protocol: protocolNode && /Udp$/.test(protocolNode.text) ? 'udp' : 'tcp',
    transport,
    external: (() => {
      const n = args.get('isExternal');
      return n ? ev.bool(n) === true : false;
    })(),
  };
  const port = int('port');
  const targetPort = int('targetPort');
  if (port !== undefined) e.port = port;
  if (targetPort !== undefined) e.targetPort = targetPort;
  putEndpoint(ev, r, c, e, str('env'));
}

function withEnvironment(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const nameNode = args.get('name');
  const valueNode = args.get('value');
  if (!nameNode || !valueNode) {
    ev.model.warn('unsupported-call', `Line ${c.line}: WithEnvironment with a callback is not understood; ignored.`, c.line, r.name);
    return;
  }
  const name = ev.str(nameNode);
  const value = ev.template(valueNode);
  if (name === undefined || value === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: WithEnvironment(${nameNode.text}, ${valueNode.text}) is not a constant or a resource value; ignored.`, c.line, r.name);
    return;
  }
  ev.model.setEnv(r, { name, value });
  ev.model.referencesFromTemplate(r.name, value);
}

function withArgs(ev: Evaluator, r: Resource, c: MethodCall): void {
  for (const a of c.args) {
    if (a.value.type === 'lambda_expression') {
      ev.model.warn('unsupported-call', `Line ${c.line}: WithArgs with a callback is not understood; ignored.`, c.line, r.name);
      continue;
    }
    const t = ev.template(a.value);
    if (t === undefined) {
      ev.model.warn('unresolved-argument', `Line ${c.line}: the argument ${a.value.text} is not a constant; ignored.`, c.line, r.name);
      continue;
    }
    r.args.push(t);
    ev.model.referencesFromTemplate(r.name, t);
  }
}

function dataPath(ev: Evaluator, r: Resource, c: MethodCall): string | undefined {
  const path = integrationByEngine(r.engine)?.dataPath;
  if (!path || r.kind !== 'container') {
    ev.model.warn('unsupported-call', `Line ${c.line}: ${c.method} on "${r.name}": no known data path for this resource; ignored.`, c.line, r.name);
    return undefined;
  }
  return path;
}

/** Redis, Valkey, Garnet and NATS change their command line when they persist data; Kafka its env (KAFKA_LOG_DIRS). */
function persistArgs(r: Resource): void {
  const i = integrationByEngine(r.engine);
  if (i?.args && JSON.stringify(r.args) === JSON.stringify(i.args(r.name, false))) r.args = i.args(r.name, true);
  if (!i) return;
  const secret = i.spec.secret ? `${r.name}${i.spec.secret.suffix}` : undefined;
  for (const e of i.spec.env({ name: r.name, ...(secret ? { secret } : {}), dataVolume: true })) if (!r.env.some((x) => x.name === e.name)) r.env.push(e);
}

function withDataVolume(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const target = dataPath(ev, r, c);
  if (!target) return;
  const nameNode = args.get('name');
  const roNode = args.get('isReadOnly');
  const name = (nameNode ? ev.str(nameNode) : undefined) ?? `${r.name}-data`;
  r.volumes.push({ name, target, readOnly: roNode ? ev.bool(roNode) === true : false });
  persistArgs(r);
}

function withDataBindMount(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const target = dataPath(ev, r, c);
  const srcNode = args.get('source');
  const source = srcNode ? ev.str(srcNode) : undefined;
  if (!target || source === undefined) return;
  const roNode = args.get('isReadOnly');
  r.bindMounts.push({ source, target, readOnly: roNode ? ev.bool(roNode) === true : false });
  persistArgs(r);
}

function withVolume(ev: Evaluator, r: Resource, c: MethodCall): void {
  // Overloads: WithVolume(target) and WithVolume(name, target, isReadOnly = false).
  const positional = c.args.filter((a) => !a.name).length;
  const onlyTarget = positional === 1 && !c.args.some((a) => a.name === 'name' || a.name === 'target');
  const args = bindArguments(c.args, onlyTarget ? ['target'] : ['name', 'target', 'isReadOnly']);
  const tNode = args.get('target');
  const target = tNode ? ev.str(tNode) : undefined;
  if (target === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: WithVolume needs a constant target path; ignored.`, c.line, r.name);
    return;
  }
  const nNode = args.get('name');
  const name = nNode ? ev.str(nNode) : undefined;
  const roNode = args.get('isReadOnly');
  r.volumes.push({ ...(name !== undefined ? { name } : {}), target, readOnly: roNode ? ev.bool(roNode) === true : false });
}

function withBindMount(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const s = args.get('source');
  const t = args.get('target');
  const source = s ? ev.str(s) : undefined;
  const target = t ? ev.str(t) : undefined;
  if (source === undefined || target === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: WithBindMount needs constant paths; ignored.`, c.line, r.name);
    return;
  }
  const roNode = args.get('isReadOnly');
  r.bindMounts.push({ source, target, readOnly: roNode ? ev.bool(roNode) === true : false });
}

function setImage(r: Resource, repository: string, tag: string | undefined): void {
  r.image = tag !== undefined ? `${repository}:${tag}` : repository;
}

function withImageTag(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('tag');
  const tag = n ? ev.str(n) : undefined;
  if (tag === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: WithImageTag needs a constant tag; ignored.`, c.line, r.name);
    return;
  }
  if (!r.image) {
    // Projects and Dockerfiles have no image yet; the tag is the one to build with.
    r.settings.imageTag = tag;
    return;
  }
  setImage(r, splitImage(r.image).repository, tag);
}

function withImage(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('image');
  const image = n ? ev.str(n) : undefined;
  const t = args.get('tag');
  const tag = t ? ev.str(t) : undefined;
  if (image === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: WithImage needs a constant image; ignored.`, c.line, r.name);
    return;
  }
  const split = splitImage(image);
  setImage(r, split.repository, tag ?? split.tag ?? 'latest');
}

function withImageRegistry(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('registry');
  const registry = n ? ev.str(n) : undefined;
  if (registry === undefined || !r.image) return;
  const { repository, tag } = splitImage(r.image);
  const parts = repository.split('/');
  // A first segment with a dot or port is a registry; replace it, else prefix one.
  const rest = parts.length > 1 && /[.:]/.test(parts[0]!) ? parts.slice(1) : parts;
  setImage(r, [registry, ...rest].join('/'), tag);
}

function withManagementPlugin(ev: Evaluator, r: Resource, c: MethodCall): void {
  if (r.engine !== 'rabbitmq' || !r.image) {
    ev.model.warn('unsupported-call', `Line ${c.line}: WithManagementPlugin applies to RabbitMQ only; ignored.`, c.line, r.name);
    return;
  }
  const { repository, tag } = splitImage(r.image);
  if (tag && !tag.endsWith('-management')) setImage(r, repository, `${tag}-management`);
  if (!r.endpoints.some((e) => e.name === 'management')) r.endpoints.push({ ...RABBITMQ_MANAGEMENT });
}

function withHttpProbe(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const typeNode = args.get('probeType');
  const pathNode = args.get('path');
  const path = (pathNode ? ev.str(pathNode) : undefined) ?? '/';
  const type = typeNode?.text ?? '';
  const key = /Liveness$/.test(type) ? 'liveness' : /Readiness$/.test(type) ? 'readiness' : /Startup$/.test(type) ? 'startup' : undefined;
  if (!key) {
    ev.model.info('not-modelled', `Line ${c.line}: ${typeNode?.text ?? 'this'} probe type is not understood; it is not generated.`, c.line, r.name);
    return;
  }
  // The probe as declared, with its timings (the generator fills Aspire's defaults).
  const spec: HttpProbeSpec = { path };
  for (const k of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold'] as const) {
    const n = args.get(k);
    const v = n ? ev.int(n) : undefined;
    if (v !== undefined) spec[k] = v;
  }
  const ep = args.get('endpointName');
  const endpoint = ep ? ev.str(ep) : undefined;
  if (endpoint !== undefined) spec.endpoint = endpoint;
  r.settings.probes = { ...(r.settings.probes ?? {}), [key]: spec };
  // WithHttpProbe also adds a health check on that path (liveness/readiness paths for parity).
  if (key !== 'startup') r.settings.healthPaths = { ...(r.settings.healthPaths ?? {}), [key]: path };
}

const SPECS: Record<string, Spec> = {
  WithReference: { params: ['source', 'connectionName', 'optional'], run: withReference },
  WaitFor: { params: ['dependency'], run: waitFor('running') },
  WaitForStart: { params: ['dependency'], run: waitFor('running') },
  WaitForCompletion: { params: ['dependency', 'exitCode'], run: waitFor('completion') },
  WithReplicas: {
    params: ['replicas'],
    run: (ev, r, c, a) => {
      const n = a.get('replicas');
      const v = n ? ev.int(n) : undefined;
      if (v === undefined || v < 0) ev.model.warn('unresolved-argument', `Line ${c.line}: WithReplicas needs a constant count; ignored.`, c.line, r.name);
      else r.settings.replicas = v;
    },
  },
  WithDataVolume: { params: ['name', 'isReadOnly'], run: withDataVolume },
  WithDataBindMount: { params: ['source', 'isReadOnly'], run: withDataBindMount },
  WithVolume: { params: [], run: (ev, r, c) => withVolume(ev, r, c) },
  WithBindMount: { params: ['source', 'target', 'isReadOnly'], run: withBindMount },
  WithExternalHttpEndpoints: {
    params: [],
    run: (_ev, r) => {
      for (const e of r.endpoints) if (isHttpScheme(e.scheme)) e.external = true;
    },
  },
  WithHttpEndpoint: { params: ['port', 'targetPort', 'name', 'env', 'isProxied'], run: httpEndpoint('http') },
  WithHttpsEndpoint: { params: ['port', 'targetPort', 'name', 'env', 'isProxied'], run: httpEndpoint('https') },
  WithEndpoint: { params: [], run: (ev, r, c) => withEndpoint(ev, r, c) },
  WithEnvironment: { params: ['name', 'value'], run: withEnvironment },
  WithArgs: { params: [], run: (ev, r, c) => withArgs(ev, r, c) },
  WithEntrypoint: {
    params: ['entrypoint'],
    run: (ev, r, _c, a) => {
      const n = a.get('entrypoint');
      const v = n ? ev.str(n) : undefined;
      if (v !== undefined) r.entrypoint = v;
    },
  },
  WithHttpHealthCheck: {
    params: ['path', 'statusCode', 'endpointName'],
    run: (ev, r, _c, a) => {
      const n = a.get('path');
      const ep = a.get('endpointName');
      const endpoint = ep ? ev.str(ep) : undefined;
      // Aspire probes "/" when no path is given.
      r.settings.healthPaths = { ...(r.settings.healthPaths ?? {}), readiness: (n ? ev.str(n) : undefined) ?? '/', ...(endpoint !== undefined ? { endpoint } : {}) };
    },
  },
  WithHttpProbe: { params: ['probeType', 'path', 'initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold', 'endpointName'], run: withHttpProbe },
  WithImageTag: { params: ['tag'], run: withImageTag },
  WithImage: { params: ['image', 'tag'], run: withImage },
  WithImageRegistry: { params: ['registry'], run: withImageRegistry },
  WithManagementPlugin: { params: ['port'], run: (ev, r, c) => withManagementPlugin(ev, r, c) },
  WithBuildArg: {
    params: ['name', 'value'],
    run: (ev, r, c, a) => {
      const n = a.get('name');
      const v = a.get('value');
      const name = n ? ev.str(n) : undefined;
      const value = v ? ev.template(v) : undefined;
      if (!r.build || name === undefined || value === undefined) {
        ev.model.warn('unsupported-call', `Line ${c.line}: WithBuildArg is not understood here; ignored.`, c.line, r.name);
        return;
      }
      r.build.args = { ...(r.build.args ?? {}), [name]: value };
    },
  },
  PublishAsConnectionString: { params: [], run: (_ev, r) => void (r.settings.databaseMode = 'external') },
  RunAsExisting: { params: [], run: (_ev, r) => void (r.settings.databaseMode = 'external') },
  PublishAsExisting: { params: [], run: (_ev, r) => void (r.settings.databaseMode = 'external') },
  AddDatabase: { params: ['name', 'databaseName'], run: addDatabase },
};

/** Dispatch a call on a resource builder. */
export function resourceCall(ev: Evaluator, r: Resource, c: MethodCall): Value {
  if (c.method === 'GetEndpoint') {
    const n = c.args[0]?.value;
    const name = n ? ev.str(n) : undefined;
    if (name === undefined) {
      ev.model.warn('unresolved-argument', `Line ${c.line}: GetEndpoint needs a constant name.`, c.line, r.name);
      return REPORTED;
    }
    if (!r.endpoints.some((e) => e.name === name)) ev.model.warn('unknown-endpoint', `Line ${c.line}: "${r.name}" has no endpoint named "${name}" (yet).`, c.line, r.name);
    return { t: 'endpoint', resource: r.name, endpoint: name };
  }
  const spec = SPECS[c.method];
  if (spec) {
    const out = spec.run(ev, r, c, bindArguments(c.args, spec.params));
    return out ?? self(r);
  }
  if (DEV_ONLY_CALLS.has(c.method)) {
    ev.model.info('dev-only', `Line ${c.line}: ${c.method} on "${r.name}" only affects local runs; nothing to deploy.`, c.line, r.name);
    return self(r);
  }
  ev.model.warn('unknown-call', `Line ${c.line}: .${c.method}(…) on "${r.name}" is not a call this tool understands (a custom extension method?); ignored, the rest of the chain still applies.`, c.line, r.name);
  return self(r);
}

/** `endpoint.Property(EndpointProperty.Host)` → an endpoint-property value. */
export function endpointCall(ev: Evaluator, v: Extract<Value, { t: 'endpoint' }>, c: MethodCall): Value {
  if (c.method === 'Property' && c.args[0]) {
    const m = /EndpointProperty\.(Url|Host|IPV4Host|Port|TargetPort|Scheme|HostAndPort|TlsEnabled)$/.exec(c.args[0].value.text);
    const map: Record<string, BindingProperty> = { Url: 'url', Host: 'host', IPV4Host: 'host', Port: 'port', TargetPort: 'targetPort', Scheme: 'scheme', TlsEnabled: 'tlsEnabled' };
    if (m && m[1] !== 'HostAndPort') return { ...v, property: map[m[1]!]! };
    if (m) return { t: 'template', value: `{${v.resource}.bindings.${v.endpoint}.host}:{${v.resource}.bindings.${v.endpoint}.port}` };
  }
  ev.model.warn('unknown-call', `Line ${c.line}: .${c.method}(…) on an endpoint is not understood; ignored.`, c.line);
  return REPORTED;
}
