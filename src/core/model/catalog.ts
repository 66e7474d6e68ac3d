/**
 * The designer palette: for each item, the Resources it creates, shaped the way the matching
 * Aspire integration writes them into the manifest (images, ports, volumes, env, connection
 * strings). Servers come with the password parameter Aspire generates for them, so a new
 * design is already deployable and the parity table has something real to check.
 */
import type { Endpoint, Engine, Resource } from './topology';

export type CatalogId =
  | 'project'
  | 'container'
  | 'dockerfile'
  | 'sqlserver'
  | 'postgres'
  | 'mysql'
  | 'mongodb'
  | 'redis'
  | 'rabbitmq'
  | 'kafka'
  | 'database'
  | 'parameter'
  | 'secret'
  | 'connection-string'
  | 'otlp-collector';

export interface CatalogItem {
  id: CatalogId;
  label: string;
  /** Base for the generated name ("api", "api-2", …). */
  baseName: string;
  group: 'Compute' | 'Data' | 'Messaging' | 'Configuration' | 'Other';
  /** Build the resources for a (unique) primary name; the first one is the primary. */
  create(name: string, parent?: Resource): Resource[];
}

function base(name: string, kind: Resource['kind'], sourceType: string): Resource {
  return { name, kind, sourceType, args: [], env: [], endpoints: [], volumes: [], bindMounts: [], settings: {} };
}

function tcp(targetPort: number, scheme = 'tcp', name = 'tcp'): Endpoint {
  return { name, scheme, protocol: 'tcp', transport: 'tcp', targetPort, external: false };
}

function http(name: string, targetPort: number | undefined, external = false, scheme = 'http'): Endpoint {
  const e: Endpoint = { name, scheme, protocol: 'tcp', transport: 'http', external };
  if (targetPort !== undefined) e.targetPort = targetPort;
  return e;
}

/** The generated password parameter Aspire adds next to a server (`<server>-password`). */
function password(server: string): Resource {
  return { ...base(`${server}-password`, 'parameter', 'parameter.v0'), parameter: { secret: true, default: { kind: 'generate', minLength: 22 } } };
}

interface ServerSpec {
  engine: Engine;
  image: string;
  port: number;
  scheme?: string;
  dataTarget: string;
  env: (n: string) => Record<string, string>;
  connectionString: (n: string) => string;
  withPassword: boolean;
}

function server(spec: ServerSpec): (name: string) => Resource[] {
  return (name) => {
    const r: Resource = {
      ...base(name, 'container', 'container.v0'),
      engine: spec.engine,
      image: spec.image,
      endpoints: [tcp(spec.port, spec.scheme)],
      env: Object.entries(spec.env(name)).map(([k, v]) => ({ name: k, value: v })),
      volumes: [{ name: `${name}-data`, target: spec.dataTarget, readOnly: false }],
      connectionString: spec.connectionString(name),
    };
    return spec.withPassword ? [r, password(name)] : [r];
  };
}

const host = (n: string) => `{${n}.bindings.tcp.host}`;
const port = (n: string) => `{${n}.bindings.tcp.port}`;
const pw = (n: string) => `{${n}-password.value}`;

export const CATALOG: readonly CatalogItem[] = [
  {
    id: 'project',
    label: '.NET project',
    baseName: 'api',
    group: 'Compute',
    create: (name) => [
      {
        ...base(name, 'project', 'project.v0'),
        projectPath: `../${name}/${name}.csproj`,
        // What AddProject writes: OTLP exporter tuning, forwarded headers and the port Kestrel binds.
        env: [
          { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES', value: 'true' },
          { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES', value: 'true' },
          { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY', value: 'in_memory' },
          { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' },
          { name: 'HTTP_PORTS', value: `{${name}.bindings.http.targetPort}` },
        ],
        endpoints: [http('http', undefined), http('https', undefined, false, 'https')],
      },
    ],
  },
  {
    id: 'container',
    label: 'Container',
    baseName: 'web',
    group: 'Compute',
    create: (name) => [{ ...base(name, 'container', 'container.v0'), image: 'docker.io/library/nginx:1.29', endpoints: [http('http', 80)] }],
  },
  {
    id: 'dockerfile',
    label: 'Dockerfile container',
    baseName: 'worker',
    group: 'Compute',
    create: (name) => [
      {
        ...base(name, 'dockerfile', 'container.v1'),
        build: { context: `../${name}`, dockerfile: `../${name}/Dockerfile` },
        endpoints: [http('http', 8080)],
      },
    ],
  },
  {
    id: 'sqlserver',
    label: 'SQL Server',
    baseName: 'sql',
    group: 'Data',
    create: server({
      engine: 'sqlserver',
      image: 'mcr.microsoft.com/mssql/server:2022-latest',
      port: 1433,
      dataTarget: '/var/opt/mssql',
      env: (n) => ({ ACCEPT_EULA: 'Y', MSSQL_SA_PASSWORD: pw(n) }),
      connectionString: (n) => `Server=${host(n)},${port(n)};User ID=sa;Password=${pw(n)};TrustServerCertificate=true`,
      withPassword: true,
    }),
  },
  {
    id: 'postgres',
    label: 'PostgreSQL',
    baseName: 'postgres',
    group: 'Data',
    create: server({
      engine: 'postgres',
      image: 'docker.io/library/postgres:17.6',
      port: 5432,
      dataTarget: '/var/lib/postgresql/data',
      env: (n) => ({ POSTGRES_HOST_AUTH_METHOD: 'scram-sha-256', POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: pw(n) }),
      connectionString: (n) => `Host=${host(n)};Port=${port(n)};Username=postgres;Password=${pw(n)}`,
      withPassword: true,
    }),
  },
  {
    id: 'mysql',
    label: 'MySQL',
    baseName: 'mysql',
    group: 'Data',
    create: server({
      engine: 'mysql',
      image: 'docker.io/library/mysql:9.4',
      port: 3306,
      dataTarget: '/var/lib/mysql',
      env: (n) => ({ MYSQL_ROOT_PASSWORD: pw(n) }),
      connectionString: (n) => `Server=${host(n)};Port=${port(n)};User ID=root;Password=${pw(n)}`,
      withPassword: true,
    }),
  },
  {
    id: 'mongodb',
    label: 'MongoDB',
    baseName: 'mongo',
    group: 'Data',
    create: server({
      engine: 'mongodb',
      image: 'docker.io/library/mongo:8.0',
      port: 27017,
      dataTarget: '/data/db',
      env: (n) => ({ MONGO_INITDB_ROOT_USERNAME: 'admin', MONGO_INITDB_ROOT_PASSWORD: pw(n) }),
      connectionString: (n) => `mongodb://admin:${pw(n)}@${host(n)}:${port(n)}?authSource=admin&authMechanism=SCRAM-SHA-256`,
      withPassword: true,
    }),
  },
  {
    id: 'redis',
    label: 'Redis',
    baseName: 'cache',
    group: 'Data',
    create: server({
      engine: 'redis',
      image: 'docker.io/library/redis:8.2',
      port: 6379,
      scheme: 'redis',
      dataTarget: '/data',
      env: (n) => ({ REDIS_PASSWORD: pw(n) }),
      connectionString: (n) => `${host(n)}:${port(n)},password=${pw(n)}`,
      withPassword: true,
    }),
  },
  {
    id: 'rabbitmq',
    label: 'RabbitMQ',
    baseName: 'messaging',
    group: 'Messaging',
    create: server({
      engine: 'rabbitmq',
      image: 'docker.io/library/rabbitmq:4.1',
      port: 5672,
      dataTarget: '/var/lib/rabbitmq',
      env: (n) => ({ RABBITMQ_DEFAULT_USER: 'guest', RABBITMQ_DEFAULT_PASS: pw(n) }),
      connectionString: (n) => `amqp://guest:${pw(n)}@${host(n)}:${port(n)}`,
      withPassword: true,
    }),
  },
  {
    id: 'kafka',
    label: 'Kafka',
    baseName: 'kafka',
    group: 'Messaging',
    create: server({
      engine: 'kafka',
      image: 'docker.io/confluentinc/confluent-local:8.0.0',
      port: 9092,
      dataTarget: '/var/lib/kafka/data',
      env: () => ({}),
      connectionString: (n) => `${host(n)}:${port(n)}`,
      withPassword: false,
    }),
  },
  {
    id: 'database',
    label: 'Database',
    baseName: 'db',
    group: 'Data',
    create: (name, parent) => {
      if (!parent) return [];
      const sep = parent.engine === 'mongodb' ? '' : ';Database=';
      return [
        {
          ...base(name, 'database', 'value.v0'),
          ...(parent.engine !== undefined ? { engine: parent.engine } : {}),
          parent: parent.name,
          databaseName: name,
          connectionString: sep ? `{${parent.name}.connectionString}${sep}${name}` : `{${parent.name}.connectionString}`,
        },
      ];
    },
  },
  {
    id: 'parameter',
    label: 'Parameter',
    baseName: 'param',
    group: 'Configuration',
    create: (name) => [{ ...base(name, 'parameter', 'parameter.v0'), parameter: { secret: false, default: { kind: 'value', value: '' } } }],
  },
  {
    id: 'secret',
    label: 'Secret parameter',
    baseName: 'secret',
    group: 'Configuration',
    create: (name) => [{ ...base(name, 'parameter', 'parameter.v0'), parameter: { secret: true } }],
  },
  {
    id: 'connection-string',
    label: 'External service',
    baseName: 'external',
    group: 'Configuration',
    create: (name) => [
      { ...base(name, 'connection-string', 'parameter.v0'), connectionString: `{${name}.value}`, parameter: { secret: true } },
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
        endpoints: [
          { name: 'grpc', scheme: 'http', protocol: 'tcp', transport: 'http2', targetPort: 4317, external: false },
          http('http', 4318),
        ],
      },
    ],
  },
];

export function catalogItem(id: CatalogId): CatalogItem {
  const item = CATALOG.find((c) => c.id === id);
  if (!item) throw new Error(`Unknown palette item "${id}".`);
  return item;
}

/** Servers that can hold a Database child (the palette's "Database" item needs one). */
export function canHoldDatabases(r: Resource): boolean {
  return r.kind === 'container' && (r.engine === 'sqlserver' || r.engine === 'postgres' || r.engine === 'mysql' || r.engine === 'mongodb');
}
