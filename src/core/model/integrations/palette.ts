/**
 * The designer palette: a thin view over the integration table plus the generic building blocks
 * (project, container, parameter, …). Every integration item builds its resources through
 * ./create.ts, the same code the App Host importer uses.
 */
import type { Endpoint, Resource } from '../topology';
import { APPS, INTEGRATIONS, integrationForEngine } from './index';
import { appResource, childResource, integrationResources } from './create';
import { GROUPS, type Group } from './types';

export type CatalogId = string;

export interface CatalogItem {
  id: CatalogId;
  label: string;
  /** Base for the generated name ("api", "api-2", …). */
  baseName: string;
  group: Group;
  /** The App Host call the item stands for (shown as a tooltip; the round-trip test uses it). */
  method?: string;
  /** Build the resources for a (unique) primary name; the first one is the primary. */
  create(name: string, parent?: Resource): Resource[];
}

export { GROUPS as PALETTE_GROUPS };

function base(name: string, kind: Resource['kind'], sourceType: string): Resource {
  return { name, kind, sourceType, args: [], env: [], endpoints: [], volumes: [], bindMounts: [], settings: {} };
}

function http(
  name: string,
  targetPort: number | undefined,
  scheme = 'http',
  transport: Endpoint['transport'] = 'http',
): Endpoint {
  const e: Endpoint = { name, scheme, protocol: 'tcp', transport, external: false };
  if (targetPort !== undefined) e.targetPort = targetPort;
  return e;
}

/** What `AddProject` gives every .NET project in the manifest: http + https, no targetPort. */
export function projectEndpoints(): Endpoint[] {
  return [http('http', undefined), http('https', undefined, 'https')];
}

/**
 * The environment Aspire 13.6.5 writes for every project in publish mode (fixtures/oracle: the
 * EMIT_*_LOG_ATTRIBUTES pair of older manifests is gone); workers (no launch profile) have no HTTP settings.
 */
export function projectEnv(name: string, worker = false): Resource['env'] {
  const telemetry = [{ name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY', value: 'in_memory' }];
  if (worker) return telemetry;
  return [
    ...telemetry,
    { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' },
    { name: 'HTTP_PORTS', value: `{${name}.bindings.http.targetPort}` },
  ];
}

/**
 * `HTTP_PORTS` / `HTTPS_PORTS` as Aspire 13.6 writes them for a project in publish mode
 * (ProjectResourceBuilderExtensions.SetOnePortsEnvVariable): every endpoint of that scheme, its
 * target port, joined by ";" — except the default `https` endpoint, which containers do not serve.
 */
export function aspNetCorePortsEnv(r: Resource): Resource['env'] {
  const ports = (scheme: string) =>
    r.endpoints
      .filter((e) => e.scheme === scheme && !(scheme === 'https' && e.name === 'https'))
      .map((e) => `{${r.name}.bindings.${e.name}.targetPort}`);
  const out: Resource['env'] = [];
  const http = ports('http');
  const https = ports('https');
  if (http.length) out.push({ name: 'HTTP_PORTS', value: http.join(';') });
  if (https.length) out.push({ name: 'HTTPS_PORTS', value: https.join(';') });
  return out;
}

const GENERIC: CatalogItem[] = [
  {
    id: 'project',
    label: '.NET project',
    baseName: 'api',
    group: 'Compute',
    method: 'AddProject',
    create: (name) => [
      {
        ...base(name, 'project', 'project.v0'),
        projectPath: `../${name}/${name}.csproj`,
        env: projectEnv(name),
        endpoints: projectEndpoints(),
      },
    ],
  },
  {
    id: 'container',
    label: 'Container',
    baseName: 'web',
    group: 'Compute',
    method: 'AddContainer',
    create: (name) => [
      {
        ...base(name, 'container', 'container.v0'),
        image: 'docker.io/library/nginx:1.29',
        endpoints: [http('http', 80)],
      },
    ],
  },
  {
    id: 'dockerfile',
    label: 'Dockerfile container',
    baseName: 'worker',
    group: 'Compute',
    method: 'AddDockerfile',
    create: (name) => [
      {
        ...base(name, 'dockerfile', 'container.v1'),
        build: { context: `../${name}`, dockerfile: `../${name}/Dockerfile` },
        endpoints: [http('http', 8080)],
      },
    ],
  },
  {
    id: 'database',
    label: 'Database',
    baseName: 'db',
    group: 'Data',
    method: 'AddDatabase',
    create: (name, parent) => {
      const spec = integrationForEngine(parent?.engine);
      const child = parent && spec ? childResource(spec, parent, name) : undefined;
      return child ? [child] : [];
    },
  },
  {
    id: 'parameter',
    label: 'Parameter',
    baseName: 'param',
    group: 'Configuration',
    method: 'AddParameter',
    create: (name) => [
      {
        ...base(name, 'parameter', 'parameter.v0'),
        parameter: { secret: false, default: { kind: 'value', value: '' } },
      },
    ],
  },
  {
    id: 'secret',
    label: 'Secret parameter',
    baseName: 'secret',
    group: 'Configuration',
    method: 'AddParameter',
    create: (name) => [{ ...base(name, 'parameter', 'parameter.v0'), parameter: { secret: true } }],
  },
  {
    id: 'connection-string',
    label: 'External service',
    baseName: 'external',
    group: 'Configuration',
    method: 'AddConnectionString',
    create: (name) => [
      {
        ...base(name, 'connection-string', 'parameter.v0'),
        connectionString: `{${name}.value}`,
        parameter: { secret: true },
      },
    ],
  },
  {
    id: 'otlp-collector',
    label: 'OTLP collector',
    baseName: 'otel-collector',
    group: 'Other',
    create: (name) => [
      {
        ...base(name, 'otlp-collector', 'container.v0'),
        image: 'docker.io/otel/opentelemetry-collector-contrib:0.135.0',
        endpoints: [http('grpc', 4317, 'http', 'http2'), http('http', 4318)],
      },
    ],
  },
];

/**
 * Language apps: `AddXApp(name, "../name")` listening on PORT (`.WithHttpEndpoint(env: "PORT")` where not built in).
 */
const APP_ITEMS: CatalogItem[] = APPS.filter((a) => a.baseName !== undefined && a.publishes === 'dockerfile').map(
  (a) => ({
    id: a.id,
    label: a.label,
    baseName: a.baseName!,
    group: a.group,
    method: a.csharp,
    create: (name: string) => [appResource(a, name, `../${name}`, {}, true)],
  }),
);

const INTEGRATION_ITEMS: CatalogItem[] = INTEGRATIONS.filter(
  (i) => i.baseName !== undefined && !i.publishesAsCloud,
).map((i) => ({
  id: i.engine,
  label: i.label,
  baseName: i.baseName!,
  group: i.group,
  method: i.csharp,
  create: (name: string) => integrationResources(i, name),
}));

export const CATALOG: readonly CatalogItem[] = [
  ...GENERIC.slice(0, 3),
  ...APP_ITEMS,
  ...INTEGRATION_ITEMS,
  ...GENERIC.slice(3),
];

export function catalogItem(id: CatalogId): CatalogItem {
  const item = CATALOG.find((c) => c.id === id);
  if (!item) throw new Error(`Unknown palette item "${id}".`);
  return item;
}

/** Servers that can hold a Database child (the palette's "Database" item needs one). */
export function canHoldDatabases(r: Resource): boolean {
  return r.kind === 'container' && integrationForEngine(r.engine)?.child?.csharp === 'AddDatabase';
}
