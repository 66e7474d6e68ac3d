/**
 * `resource.WithX(...)`: the fluent calls on a resource builder. Each handler changes the
 * resource or adds references the way Aspire would, and returns the value the C# call returns
 * (the same builder, a child database, an endpoint reference).
 */
import type { Node } from 'web-tree-sitter';
import type { BindingProperty } from '../../model/template';
import type { Resource } from '../../model/topology';
import { bindArguments, type MethodCall } from './syntax';
import { DEV_ONLY_CALLS, integrationByEngine } from '../../model/integrations/apphost-view';
import { httpEndpoint, isHttpScheme, withEndpoint } from './endpoint-calls';
import type { Handler } from './handler';
import { withImage, withImageRegistry, withImageTag, withManagementPlugin } from './image-calls';
import {
  excludeFromManifest,
  HTTP_PROBE_PARAMS,
  otherTarget,
  publishAsDockerFile,
  withContainerFiles,
  withCreationScript,
  withHttpProbe,
  withOtlpExporter,
} from './publish-calls';
import { endpointEnv, referenceEnv } from './reference-env';
import { newResource, PLACEHOLDER_SOURCE } from './state';
import { withBindMount, withDataBindMount, withDataVolume, withVolume } from './storage-calls';
import { REPORTED, type Evaluator, type Value } from './values';
import { argsCallback, environmentCallback } from './callback-calls';
import { externalServiceEnv, isExternalService } from './external-service';

interface Spec {
  params: string[];
  run: Handler;
}

const self = (r: Resource): Value => ({ t: 'resource', name: r.name });

/** Resolve a resource-builder argument, reporting anything that is not one. */
function target(ev: Evaluator, r: Resource, c: MethodCall, node: Node | undefined): Value | undefined {
  if (!node) {
    ev.model.warn(
      'missing-argument',
      `Line ${c.line}: ${ev.model.construct(c.method)} needs a resource.`,
      c.at,
      r.name,
      c.method,
    );
    return undefined;
  }
  const v = ev.value(node);
  if (v.t === 'resource' || v.t === 'endpoint') return v;
  if (v.t === 'unknown' && node.type === 'identifier') {
    // A variable whose declaration was not understood: keep the relationship on a placeholder.
    const p = ev.model.placeholder(
      node.text,
      `Line ${c.line}: ${ev.model.construct(c.method)}(${node.text}) refers to "${node.text}", whose declaration was not understood; a placeholder keeps the relationship visible.`,
      c.at,
      c.method,
    );
    return { t: 'resource', name: p.name };
  }
  if (v.t !== 'unknown' || !v.reported) {
    ev.model.warn(
      'unresolved-reference',
      `Line ${c.line}: ${ev.model.construct(c.method)}(${node.text}) does not name a resource declared in this file; ignored.`,
      c.at,
      r.name,
      c.method,
    );
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
  if (isExternalService(res)) {
    for (const e of externalServiceEnv(res)) ev.model.setEnv(r, e);
    ev.model.referencesFromTemplate(r.name, (res.raw as { url: string }).url);
    return;
  }
  if (res.kind === 'parameter') {
    ev.model.warn(
      'unsupported-reference',
      `Line ${c.line}: WithReference(${t.name}) on a parameter is not an Aspire overload; use WithEnvironment.`,
      c.at,
      r.name,
      c.method,
    );
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
    ev.model.warn(
      'unresolved-name',
      `Line ${c.line}: AddDatabase needs a constant name; skipped.`,
      c.at,
      r.name,
      c.method,
    );
    return REPORTED;
  }
  const dbNode = args.get('databaseName');
  const databaseName = (dbNode ? ev.str(dbNode) : undefined) ?? name;
  const integration = integrationByEngine(r.engine);
  if (!integration?.database || r.kind !== 'container') {
    // Kept as a placeholder child, so what references the database stays visible.
    const child = ev.model.placeholder(
      name,
      `Line ${c.line}: "${r.name}" is not a database server this tool knows; the database "${name}" is kept as a placeholder.`,
      c.at,
      c.method,
    );
    if (child.sourceType === PLACEHOLDER_SOURCE) child.parent = r.name;
    return { t: 'resource', name: child.name };
  }
  const db = newResource(name, 'database', 'value.v0');
  db.parent = r.name;
  db.databaseName = databaseName;
  db.connectionString = integration.database(r.name, databaseName, ev.model.passwords.get(r.name));
  return { t: 'resource', name: ev.model.add(db, c.at, c.method).name };
}

function withEnvironment(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const nameNode = args.get('name');
  const valueNode = args.get('value');
  if (!nameNode || !valueNode) {
    const lambda = c.args[0]?.value;
    if (c.args.length === 1 && lambda?.type === 'lambda_expression') environmentCallback(ev, r, c, lambda);
    else
      ev.model.warn(
        'unsupported-call',
        `Line ${c.line}: WithEnvironment with a callback is not understood; ignored.`,
        c.at,
        r.name,
        c.method,
      );
    return;
  }
  const name = ev.str(nameNode);
  const value = ev.template(valueNode);
  if (name === undefined || value === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithEnvironment(${nameNode.text}, ${valueNode.text}) is not a constant or a resource value; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  ev.model.setEnv(r, { name, value });
  ev.model.referencesFromTemplate(r.name, value);
}

function withArgs(ev: Evaluator, r: Resource, c: MethodCall): void {
  for (const a of c.args) {
    // TypeScript passes one array: withArgs(["--port", "80"]).
    const list = ev.value(a.value);
    if (list.t === 'array') {
      for (const item of list.items) {
        const t = ev.templateOf(item);
        if (t === undefined)
          ev.model.warn(
            'unresolved-argument',
            `Line ${c.line}: an argument in ${a.value.text.slice(0, 40)} is not a constant; ignored.`,
            c.at,
            r.name,
            c.method,
          );
        else {
          r.args.push(t);
          ev.model.referencesFromTemplate(r.name, t);
        }
      }
      continue;
    }
    if (a.value.type === 'lambda_expression') {
      argsCallback(ev, r, c, a.value);
      continue;
    }
    const t = ev.template(a.value);
    if (t === undefined) {
      ev.model.warn(
        'unresolved-argument',
        `Line ${c.line}: the argument ${a.value.text} is not a constant; ignored.`,
        c.at,
        r.name,
        c.method,
      );
      continue;
    }
    r.args.push(t);
    ev.model.referencesFromTemplate(r.name, t);
  }
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
      if (v === undefined || v < 0)
        ev.model.warn(
          'unresolved-argument',
          `Line ${c.line}: WithReplicas needs a constant count; ignored.`,
          c.at,
          r.name,
          c.method,
        );
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
      r.settings.healthPaths = {
        ...(r.settings.healthPaths ?? {}),
        readiness: (n ? ev.str(n) : undefined) ?? '/',
        ...(endpoint !== undefined ? { endpoint } : {}),
      };
    },
  },
  WithHttpProbe: { params: HTTP_PROBE_PARAMS, run: withHttpProbe },
  WithImageTag: { params: ['tag'], run: withImageTag },
  WithImage: { params: ['image', 'tag'], run: withImage },
  WithImageRegistry: { params: ['registry'], run: withImageRegistry },
  ExcludeFromManifest: { params: [], run: excludeFromManifest },
  WithCreationScript: { params: ['script'], run: withCreationScript },
  WithOtlpExporter: { params: [], run: withOtlpExporter },
  PublishAsDockerFile: { params: [], run: publishAsDockerFile },
  PublishAsDockerComposeService: { params: [], run: otherTarget },
  PublishAsAzureContainerApp: { params: [], run: otherTarget },
  PublishWithContainerFiles: { params: ['source', 'destinationPath'], run: withContainerFiles },
  PublishWithStaticFiles: { params: ['source'], run: withContainerFiles },
  WithManagementPlugin: { params: ['port'], run: (ev, r, c) => withManagementPlugin(ev, r, c) },
  WithBuildArg: {
    params: ['name', 'value'],
    run: (ev, r, c, a) => {
      const n = a.get('name');
      const v = a.get('value');
      const name = n ? ev.str(n) : undefined;
      const value = v ? ev.template(v) : undefined;
      if (!r.build || name === undefined || value === undefined) {
        ev.model.warn(
          'unsupported-call',
          `Line ${c.line}: WithBuildArg is not understood here; ignored.`,
          c.at,
          r.name,
          c.method,
        );
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
      ev.model.warn(
        'unresolved-argument',
        `Line ${c.line}: GetEndpoint needs a constant name.`,
        c.at,
        r.name,
        c.method,
      );
      return REPORTED;
    }
    if (!r.endpoints.some((e) => e.name === name))
      ev.model.warn(
        'unknown-endpoint',
        `Line ${c.line}: "${r.name}" has no endpoint named "${name}" (yet).`,
        c.at,
        r.name,
        c.method,
      );
    return { t: 'endpoint', resource: r.name, endpoint: name };
  }
  const spec = SPECS[c.method];
  if (spec) {
    const out = spec.run(ev, r, c, bindArguments(c.args, spec.params));
    return out ?? self(r);
  }
  if (DEV_ONLY_CALLS.has(c.method)) {
    ev.model.info(
      'dev-only',
      `Line ${c.line}: ${ev.model.construct(c.method)} on "${r.name}" only affects local runs; nothing to deploy.`,
      c.at,
      r.name,
    );
    return self(r);
  }
  // `storage.AddBlobs("blobs")`, `server.AddDatabase("db")` on something not modelled: a child placeholder.
  const childName = /^Add[A-Z]/.test(c.method) && c.args[0] ? ev.str(c.args[0].value) : undefined;
  if (childName !== undefined) {
    const child = ev.model.placeholder(
      childName,
      `Line ${c.line}: ${ev.model.construct(c.method)}("${childName}") on "${r.name}" is not modelled; "${childName}" is kept as a placeholder.`,
      c.at,
      c.method,
    );
    if (child.sourceType === PLACEHOLDER_SOURCE) child.parent = r.name;
    return { t: 'resource', name: child.name };
  }
  ev.model.warn(
    'unknown-call',
    `Line ${c.line}: .${ev.model.construct(c.method)}(…) on "${r.name}" is not a call this tool understands (a custom extension method?); ignored, the rest of the chain still applies.`,
    c.at,
    r.name,
    c.method,
  );
  return self(r);
}

/** `endpoint.Property(EndpointProperty.Host)` → an endpoint-property value. */
export function endpointCall(ev: Evaluator, v: Extract<Value, { t: 'endpoint' }>, c: MethodCall): Value {
  if (c.method === 'Property' && c.args[0]) {
    const m = /EndpointProperty\.(Url|Host|IPV4Host|Port|TargetPort|Scheme|HostAndPort|TlsEnabled)$/.exec(
      c.args[0].value.text,
    );
    const map: Record<string, BindingProperty> = {
      Url: 'url',
      Host: 'host',
      IPV4Host: 'host',
      Port: 'port',
      TargetPort: 'targetPort',
      Scheme: 'scheme',
      TlsEnabled: 'tlsEnabled',
    };
    if (m && m[1] !== 'HostAndPort') return { ...v, property: map[m[1]!]! };
    if (m)
      return {
        t: 'template',
        value: `{${v.resource}.bindings.${v.endpoint}.host}:{${v.resource}.bindings.${v.endpoint}.port}`,
      };
  }
  ev.model.warn(
    'unknown-call',
    `Line ${c.line}: .${ev.model.construct(c.method)}(…) on an endpoint is not understood; ignored.`,
    c.at,
    undefined,
    c.method,
  );
  return REPORTED;
}
