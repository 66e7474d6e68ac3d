/**
 * What each hosting integration (`AddPostgres`, `AddRedis`, …) puts in the app model, written
 * the way Aspire's manifest writer shows it (../../../../shared reference §6, corpus manifests
 * from Aspire 13.1): image, endpoints, environment, connection string, data path and the
 * generated password parameter. Importer and exporter both read this table, so what one adds
 * the other recognises as "the default" and does not write out again.
 *
 * One simplification, on purpose: where Aspire writes `{x-password-uri-encoded.value}` (MongoDB,
 * RabbitMQ URLs) we write `{x-password.value}`, because the `-uri-encoded` helper resource is an
 * artefact of the manifest format, not something App Host code declares.
 */
import type { Endpoint, Engine, EnvVar } from '../../model/topology';

export interface Integration {
  /** The builder method, e.g. "AddPostgres". */
  method: string;
  engine: Engine;
  /** Image repository and default tag (the tag WithImageTag replaces). */
  repository: string;
  tag: string;
  endpoints: (name: string) => Endpoint[];
  /** The server's own environment; `pw` is the password parameter's name, when it has one. */
  env: (name: string, pw: string | undefined) => EnvVar[];
  entrypoint?: string;
  args?: (name: string, hasDataVolume: boolean) => string[];
  connectionString: (name: string, pw: string | undefined) => string;
  /** Where WithDataVolume mounts. */
  dataPath: string;
  /** Whether the integration generates a `<name>-password` secret parameter. */
  password: boolean;
  /** Connection string of a child database (AddDatabase); absent: no databases. */
  database?: (server: string, database: string, pw: string | undefined) => string;
  /** Positional parameters after the name, as the C# overload declares them. */
  params: string[];
}

const tcp = (targetPort: number, scheme = 'tcp', name = 'tcp'): Endpoint => ({
  name,
  scheme,
  protocol: 'tcp',
  transport: 'tcp',
  targetPort,
  external: false,
});

const host = (n: string) => `{${n}.bindings.tcp.host}`;
const port = (n: string) => `{${n}.bindings.tcp.port}`;
const value = (p: string | undefined) => (p ? `{${p}.value}` : '');

export const INTEGRATIONS: readonly Integration[] = [
  {
    method: 'AddSqlServer',
    engine: 'sqlserver',
    repository: 'mcr.microsoft.com/mssql/server',
    tag: '2022-latest',
    endpoints: () => [tcp(1433)],
    env: (_n, pw) => [
      { name: 'ACCEPT_EULA', value: 'Y' },
      { name: 'MSSQL_SA_PASSWORD', value: value(pw) },
    ],
    connectionString: (n, pw) => `Server=${host(n)},${port(n)};User ID=sa;Password=${value(pw)};TrustServerCertificate=true`,
    dataPath: '/var/opt/mssql',
    password: true,
    database: (s, d) => `{${s}.connectionString};Initial Catalog=${d}`,
    params: ['password', 'port'],
  },
  {
    method: 'AddPostgres',
    engine: 'postgres',
    repository: 'docker.io/library/postgres',
    tag: '17.6',
    endpoints: () => [tcp(5432)],
    env: (_n, pw) => [
      { name: 'POSTGRES_HOST_AUTH_METHOD', value: 'scram-sha-256' },
      { name: 'POSTGRES_INITDB_ARGS', value: '--auth-host=scram-sha-256 --auth-local=scram-sha-256' },
      { name: 'POSTGRES_USER', value: 'postgres' },
      { name: 'POSTGRES_PASSWORD', value: value(pw) },
    ],
    connectionString: (n, pw) => `Host=${host(n)};Port=${port(n)};Username=postgres;Password=${value(pw)}`,
    dataPath: '/var/lib/postgresql/data',
    password: true,
    database: (s, d) => `{${s}.connectionString};Database=${d}`,
    params: ['userName', 'password', 'port'],
  },
  {
    method: 'AddMySql',
    engine: 'mysql',
    repository: 'docker.io/library/mysql',
    tag: '9.6',
    endpoints: () => [tcp(3306)],
    env: (_n, pw) => [{ name: 'MYSQL_ROOT_PASSWORD', value: value(pw) }],
    connectionString: (n, pw) => `Server=${host(n)};Port=${port(n)};User ID=root;Password=${value(pw)}`,
    dataPath: '/var/lib/mysql',
    password: true,
    database: (s, d) => `{${s}.connectionString};Database=${d}`,
    params: ['password', 'port'],
  },
  {
    method: 'AddMongoDB',
    engine: 'mongodb',
    repository: 'docker.io/library/mongo',
    tag: '8.2',
    endpoints: () => [tcp(27017)],
    env: (_n, pw) => [
      { name: 'MONGO_INITDB_ROOT_USERNAME', value: 'admin' },
      { name: 'MONGO_INITDB_ROOT_PASSWORD', value: value(pw) },
    ],
    connectionString: (n, pw) => `mongodb://admin:${value(pw)}@${host(n)}:${port(n)}/?authSource=admin&authMechanism=SCRAM-SHA-256`,
    dataPath: '/data/db',
    password: true,
    // MongoDB repeats the server URL instead of extending the server's connection string.
    database: (s, d, pw) => `mongodb://admin:${value(pw)}@${host(s)}:${port(s)}/${d}?authSource=admin&authMechanism=SCRAM-SHA-256`,
    params: ['port', 'userName', 'password'],
  },
  {
    method: 'AddRedis',
    engine: 'redis',
    repository: 'docker.io/library/redis',
    tag: '8.6',
    endpoints: () => [tcp(6379, 'redis')],
    env: (_n, pw) => [{ name: 'REDIS_PASSWORD', value: value(pw) }],
    entrypoint: '/bin/sh',
    args: (_n, data) => ['-c', `redis-server --requirepass $REDIS_PASSWORD${data ? ' --save 60 1' : ''}`],
    connectionString: (n, pw) => `${host(n)}:${port(n)},password=${value(pw)}`,
    dataPath: '/data',
    password: true,
    params: ['port', 'password'],
  },
  {
    method: 'AddRabbitMQ',
    engine: 'rabbitmq',
    repository: 'docker.io/library/rabbitmq',
    tag: '4.2',
    endpoints: () => [tcp(5672)],
    env: (_n, pw) => [
      { name: 'RABBITMQ_DEFAULT_USER', value: 'guest' },
      { name: 'RABBITMQ_DEFAULT_PASS', value: value(pw) },
    ],
    connectionString: (n, pw) => `amqp://guest:${value(pw)}@${host(n)}:${port(n)}`,
    dataPath: '/var/lib/rabbitmq',
    password: true,
    params: ['userName', 'password', 'port'],
  },
  {
    method: 'AddKafka',
    engine: 'kafka',
    repository: 'docker.io/confluentinc/confluent-local',
    tag: '8.1.1',
    endpoints: () => [tcp(9092), tcp(9093, 'tcp', 'internal')],
    env: (n) => [
      { name: 'KAFKA_LISTENERS', value: 'PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093' },
      { name: 'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP', value: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT' },
      {
        name: 'KAFKA_ADVERTISED_LISTENERS',
        value: `PLAINTEXT://${host(n)}:29092,PLAINTEXT_HOST://${host(n)}:${port(n)},PLAINTEXT_INTERNAL://{${n}.bindings.internal.host}:{${n}.bindings.internal.port}`,
      },
    ],
    connectionString: (n) => `${host(n)}:${port(n)}`,
    dataPath: '/var/lib/kafka/data',
    password: false,
    params: ['port'],
  },
  {
    method: 'AddNats',
    engine: 'nats',
    repository: 'docker.io/library/nats',
    tag: '2.12',
    endpoints: () => [tcp(4222)],
    env: () => [],
    args: (_n, data) => (data ? ['-js', '-sd', '/var/lib/nats'] : ['-js']),
    connectionString: (n) => `nats://${host(n)}:${port(n)}`,
    dataPath: '/var/lib/nats',
    password: false,
    params: ['port'],
  },
];

const BY_METHOD = new Map(INTEGRATIONS.map((i) => [i.method, i]));
const BY_ENGINE = new Map(INTEGRATIONS.map((i) => [i.engine, i]));

export function integrationByMethod(method: string): Integration | undefined {
  return BY_METHOD.get(method);
}

export function integrationByEngine(engine: string | undefined): Integration | undefined {
  return engine === undefined ? undefined : BY_ENGINE.get(engine as Engine);
}

/** The name Aspire gives a generated integration password. */
export function passwordParameterName(server: string): string {
  return `${server}-password`;
}

/** Generated passwords: 22 characters (Aspire's default for integration passwords). */
export const GENERATED_PASSWORD_LENGTH = 22;

/** RabbitMQ's management plugin: the `-management` image and an HTTP endpoint on 15672. */
export const RABBITMQ_MANAGEMENT: Endpoint = {
  name: 'management',
  scheme: 'http',
  protocol: 'tcp',
  transport: 'http',
  targetPort: 15672,
  external: false,
};

/** Split "repo:tag" (a registry port is not a tag). */
export function splitImage(image: string): { repository: string; tag?: string } {
  const at = image.indexOf('@');
  const base = at >= 0 ? image.slice(0, at) : image;
  const colon = base.lastIndexOf(':');
  if (colon > base.lastIndexOf('/')) return { repository: base.slice(0, colon), tag: base.slice(colon + 1) };
  return { repository: base };
}

/** Dev-time helpers that add nothing to a deployment (admin UIs, lifetimes, container names). */
export const DEV_ONLY_CALLS: ReadonlySet<string> = new Set([
  'WithLifetime',
  'WithPgAdmin',
  'WithPgWeb',
  'WithRedisCommander',
  'WithRedisInsight',
  'WithMongoExpress',
  'WithPhpMyAdmin',
  'WithKafkaUI',
  'WithDbGate',
  'WithContainerName',
  'WithUrl',
  'WithUrls',
  'WithUrlForEndpoint',
  'WithIconName',
  'WithExplicitStart',
  'WithParentRelationship',
  'WithDescription',
  'WithImagePullPolicy',
  'WithHealthCheck',
  'WithAnnotation',
  'WithInitBindMount',
  'WithInitFiles',
  'WithComputeEnvironment',
  'PublishAsKubernetesService',
]);

/** What `AddProject` gives every .NET project in the manifest: http + https, no targetPort. */
export function projectEndpoints(): Endpoint[] {
  return [
    { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', external: false },
    { name: 'https', scheme: 'https', protocol: 'tcp', transport: 'http', external: false },
  ];
}

/** The environment Aspire writes for every project (reference §6); workers have no HTTP settings. */
export function projectEnv(name: string, worker = false): EnvVar[] {
  if (worker) return [{ name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY', value: 'in_memory' }];
  return [
    { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY', value: 'in_memory' },
    { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' },
    { name: 'HTTP_PORTS', value: `{${name}.bindings.http.targetPort}` },
  ];
}

/** `Projects.Foo_Bar` ↔ `../Foo_Bar/Foo_Bar.csproj`: the path the SDK's generated type stands for. */
export function conventionalProjectPath(typeName: string): string {
  return `../${typeName}/${typeName}.csproj`;
}
