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
import { newResource, PLACEHOLDER_SOURCE } from './state';
import { withBindMount, withDataBindMount, withDataVolume, withVolume } from './storage-calls';
import { REPORTED, type Evaluator, type Value } from './values';
import { waitFor, withReference } from './reference-calls';
import { yarpConfiguration } from './yarp-configuration';
import { DASHBOARD_ONLY_CALLS, publishTarget } from './dashboard-calls';
import { publishAsStaticWebsite, STATIC_WEBSITE_PARAMS } from './static-website';
import { withOrleansProviderType } from './orleans-calls';
import { withArgs, withEnvironment } from './environment-calls';

interface Spec {
  params: string[];
  run: Handler;
}

const self = (r: Resource): Value => ({ t: 'resource', name: r.name });

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
      `Line ${c.line}: "${r.name}" is not a database server this tool knows; the database "${name}" is kept as a ` +
        `placeholder.`,
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

const SPECS: Record<string, Spec> = {
  WithReference: { params: ['source', 'connectionName', 'optional'], run: withReference },
  // TypeScript App Hosts name the Orleans overloads (withOrleansReference, withOrleansClientReference).
  WithOrleansReference: { params: ['source'], run: withReference },
  WithOrleansClientReference: { params: ['source'], run: withReference },
  WithOrleansProviderType: { params: ['providerType'], run: withOrleansProviderType },
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
  PublishAsStaticWebsite: { params: STATIC_WEBSITE_PARAMS, run: publishAsStaticWebsite },
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
  if (c.method === 'WithConfiguration' && yarpConfiguration(ev, r, c)) return self(r);
  const spec = SPECS[c.method];
  if (spec) {
    const out = spec.run(ev, r, c, bindArguments(c.args, spec.params));
    return out ?? self(r);
  }
  if (c.method === 'PublishAsKubernetesService' || c.method === 'WithComputeEnvironment')
    return publishTarget(ev, r, c);
  if (DEV_ONLY_CALLS.has(c.method) || DASHBOARD_ONLY_CALLS.has(c.method)) {
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
      `Line ${c.line}: ${ev.model.construct(c.method)}("${childName}") on "${r.name}" is not modelled; ` +
        `"${childName}" is kept as a placeholder.`,
      c.at,
      c.method,
    );
    if (child.sourceType === PLACEHOLDER_SOURCE) child.parent = r.name;
    return { t: 'resource', name: child.name };
  }
  ev.model.warn(
    'unknown-call',
    `Line ${c.line}: .${ev.model.construct(c.method)}(…) on "${r.name}" is not a call this tool understands (a ` +
      `custom extension method?); ignored, the rest of the chain still applies.`,
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
