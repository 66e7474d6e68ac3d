/**
 * Orleans (`AddOrleans`), as Aspire.Hosting.Orleans 13.6.5 puts it in the app model. It is not a
 * resource: `AddOrleans("cluster")` returns a description of a cluster (clustering, grain
 * storage, reminders, streaming, broadcast channels, grain directories, ClusterId, ServiceId),
 * and `WithReference(orleans)` writes that description into each silo as `Orleans__*` settings,
 * references each provider's resource and adds the silo-to-silo and gateway endpoints;
 * `WithReference(orleans.AsClient())` writes the client's share (no storage, no endpoints).
 *
 * Source: microsoft/aspire src/Aspire.Hosting.Orleans/OrleansServiceExtensions.cs
 * (WithOrleansReference), ProviderConfiguration.cs (provider type = the resource's .NET type
 * name without "Resource", or WithOrleansProviderType's). Measured with the real 13.6.5:
 * fixtures/oracle/orleans, orleans-memory, orleans-providers.
 */
import { emptyResource, type Endpoint, type EnvVar, type Resource } from '../topology';
import { connectionStringEnv } from './references';
import { tcpEndpoint } from './types';

/** One provider: `Orleans__<section>__ProviderType`, and the resource it reads (`ServiceKey`). */
export interface OrleansProvider {
  /** Undefined when the resource's .NET type is not known here (reported by the caller). */
  type: string | undefined;
  /** The provider's resource: its name is the ServiceKey, and it is referenced. */
  resource?: string;
}

/** What `AddOrleans(name).With…()` has said so far. */
export interface OrleansService {
  name: string;
  /** Template: a literal (`WithClusterId("x")`), a parameter, or the generated `<name>-cluster-id`. */
  clusterId?: string;
  serviceId?: string;
  clustering?: OrleansProvider;
  /** Named providers, in call order (a later call with the same name replaces the provider in place). */
  streaming: Map<string, OrleansProvider>;
  broadcastChannel: Map<string, OrleansProvider>;
  reminders?: OrleansProvider;
  grainStorage: Map<string, OrleansProvider>;
  grainDirectory: Map<string, OrleansProvider>;
}

export function newOrleansService(name: string): OrleansService {
  return {
    name,
    streaming: new Map(),
    broadcastChannel: new Map(),
    grainStorage: new Map(),
    grainDirectory: new Map(),
  };
}

/** The built-in providers without a resource (WithMemory…, WithDevelopmentClustering, WithBroadcastChannel(name)). */
export const MEMORY: OrleansProvider = { type: 'Memory' };
export const DEVELOPMENT_CLUSTERING: OrleansProvider = { type: 'Development' };
export const DEFAULT_BROADCAST_CHANNEL: OrleansProvider = { type: 'Default' };

/**
 * The .NET type name (without "Resource") of what each integration declares, per engine: the
 * provider type Orleans is told to use. Class names from microsoft/aspire and CommunityToolkit
 * (`RedisResource`, `PostgresDatabaseResource`, `ConnectionStringParameterResource`, …).
 */
const SERVER_TYPE: Record<string, string> = {
  sqlserver: 'SqlServerServer',
  postgres: 'PostgresServer',
  mysql: 'MySqlServer',
  oracle: 'OracleDatabaseServer',
  mongodb: 'MongoDBServer',
  redis: 'Redis',
  valkey: 'Valkey',
  garnet: 'Garnet',
  rabbitmq: 'RabbitMQServer',
  kafka: 'KafkaServer',
  nats: 'NatsServer',
  seq: 'Seq',
  elasticsearch: 'Elasticsearch',
  qdrant: 'QdrantServer',
  milvus: 'MilvusServer',
  ollama: 'Ollama',
};
const DATABASE_TYPE: Record<string, string> = {
  sqlserver: 'SqlServerDatabase',
  postgres: 'PostgresDatabase',
  mysql: 'MySqlDatabase',
  oracle: 'OracleDatabase',
  mongodb: 'MongoDBDatabase',
  milvus: 'MilvusDatabase',
};

/**
 * Azure resources the App Host import keeps as placeholders (they publish as bicep), by the call
 * that declared them: `storage.AddTables("clustering")` is an AzureTableStorageResource. Only the
 * ones Aspire's own playground manifest shows (fixtures/manifests/playground-orleans.json).
 */
const PLACEHOLDER_TYPE: Record<string, string> = {
  AddTables: 'AzureTableStorage',
  AddBlobs: 'AzureBlobStorage',
};

/**
 * The provider type Aspire derives for a resource; `override` is WithOrleansProviderType's,
 * `construct` the call that declared a placeholder.
 */
export function providerFor(
  target: Resource,
  byName: (n: string) => Resource | undefined,
  override?: string,
  construct?: string,
): OrleansProvider {
  if (override !== undefined) return { type: override, resource: target.name };
  let type: string | undefined;
  if (target.kind === 'unknown') type = construct !== undefined ? PLACEHOLDER_TYPE[construct] : undefined;
  else if (target.kind === 'connection-string') type = 'ConnectionStringParameter';
  else if (target.kind === 'container' && target.engine) type = SERVER_TYPE[target.engine];
  else if (target.kind === 'database' && target.parent) {
    const engine = byName(target.parent)?.engine;
    type = engine ? DATABASE_TYPE[engine] : undefined;
  }
  return { type, resource: target.name };
}

/** ClusterId and ServiceId default to generated parameters `<name>-cluster-id`, `<name>-service-id`. */
export const ID_PARAMETER_SUFFIXES = ['-cluster-id', '-service-id'] as const;
/** `GenerateParameterDefault { MinLength = 25, Upper = false, Special = false }`, not secret. */
export const ID_PARAMETER_LENGTH = 25;

/**
 * The generated id parameters a reference needs. Aspire creates them only when a reference
 * writes them (an unreferenced or fully configured service writes none).
 */
export function idParameters(s: OrleansService): Resource[] {
  const out: Resource[] = [];
  for (const [suffix, given] of [
    ['-cluster-id', s.clusterId],
    ['-service-id', s.serviceId],
  ] as const) {
    if (given !== undefined) continue;
    out.push({
      ...emptyResource(`${s.name}${suffix}`, 'parameter', 'parameter.v0'),
      parameter: { secret: false, default: { kind: 'generate', minLength: ID_PARAMETER_LENGTH } },
      raw: {
        type: 'parameter.v0',
        value: `{${s.name}${suffix}.inputs.value}`,
        inputs: {
          value: {
            type: 'string',
            default: { generate: { minLength: ID_PARAMETER_LENGTH, upper: false, special: false } },
          },
        },
      },
    });
  }
  return out;
}

/** The silo-to-silo and client-to-gateway endpoints (`WithEndpoint(scheme: "tcp", name, env)`). */
export const SILO_ENDPOINTS: ReadonlyArray<{ endpoint: string; env: string }> = [
  { endpoint: 'orleans-silo', env: 'Orleans__Endpoints__SiloPort' },
  { endpoint: 'orleans-gateway', env: 'Orleans__Endpoints__GatewayPort' },
];

/** An endpoint Aspire gives a silo: tcp, no target port (publish allocates one from 8000 up). */
export function siloEndpoint(name: string): Endpoint {
  const e = tcpEndpoint(name, 0);
  delete e.targetPort;
  return e;
}

export interface OrleansReference {
  /** In the order Aspire's environment callbacks write them. */
  env: EnvVar[];
  /** The resources of the providers this consumer references (connection strings). */
  providers: string[];
  /** Endpoints a silo gets (none for a client). */
  endpoints: Endpoint[];
}

/**
 * What `consumer.WithReference(orleans)` (silo) or `WithReference(orleans.AsClient())` writes,
 * in Aspire's order: clustering, streaming, broadcast channels, the ids and tracing, then for a
 * silo reminders, grain storage, grain directories and the two endpoints' port variables.
 */
export function orleansReference(
  s: OrleansService,
  consumer: string,
  silo: boolean,
  byName: (n: string) => Resource | undefined,
): OrleansReference {
  const env: EnvVar[] = [];
  const providers: string[] = [];
  const put = (name: string, value: string) => {
    const i = env.findIndex((e) => e.name === name);
    if (i >= 0) env[i] = { name, value };
    else env.push({ name, value });
  };
  const configure = (section: string, p: OrleansProvider) => {
    if (p.type !== undefined) put(`Orleans__${section}__ProviderType`, p.type);
    if (p.resource === undefined) return;
    put(`Orleans__${section}__ServiceKey`, p.resource);
    const target = byName(p.resource);
    if (!target) return;
    if (!providers.includes(p.resource)) providers.push(p.resource);
    // A placeholder (an Azure resource kept unmodelled) gets the bare connection string and alias.
    for (const e of connectionStringEnv(target, byName)) put(e.name, e.value);
  };
  if (s.clustering) configure('Clustering', s.clustering);
  for (const [n, p] of s.streaming) configure(`Streaming__${n}`, p);
  for (const [n, p] of s.broadcastChannel) configure(`BroadcastChannel__${n}`, p);
  put('Orleans__ClusterId', s.clusterId ?? `{${s.name}-cluster-id.value}`);
  put('Orleans__ServiceId', s.serviceId ?? `{${s.name}-service-id.value}`);
  put('Orleans__EnableDistributedTracing', 'true');
  const endpoints: Endpoint[] = [];
  if (silo) {
    if (s.reminders) configure('Reminders', s.reminders);
    for (const [n, p] of s.grainStorage) configure(`GrainStorage__${n}`, p);
    for (const [n, p] of s.grainDirectory) configure(`GrainDirectory__${n}`, p);
    for (const { endpoint, env: variable } of SILO_ENDPOINTS) {
      endpoints.push(siloEndpoint(endpoint));
      put(variable, `{${consumer}.bindings.${endpoint}.targetPort}`);
    }
  }
  return { env, providers, endpoints };
}
