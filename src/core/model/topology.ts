/**
 * The Topology: the single source of truth for a design. It mirrors what an Aspire App Host
 * declares (resources, endpoints, references, parameters, volumes) plus the settings the
 * manifest cannot carry (replicas, health paths, WaitFor, database mode, resource limits).
 *
 * Strings that can hold Aspire expressions (`env` values, `args`, `connectionString`) are kept
 * verbatim as templates, e.g. "Host={pg.bindings.tcp.host}"; see ./template.ts. Keeping the
 * text lets import → export round-trip and lets a rename rewrite every use.
 */

/** What a resource is, as the designer and the generator see it. */
export type ResourceKind =
  | 'project' // AddProject: a .NET service (uses service defaults by default)
  | 'container' // AddContainer / integration containers (databases, caches, brokers)
  | 'dockerfile' // AddDockerfile / container.v1 with build / legacy dockerfile.v0
  | 'executable' // AddExecutable: no honest Kubernetes equivalent
  | 'database' // AddDatabase: a child of a database server container
  | 'parameter' // AddParameter (secret or not)
  | 'connection-string' // AddConnectionString: an external service known only by its connection string
  | 'value' // value.v0 / annotated.string that is not a database child
  | 'otlp-collector' // a telemetry collector the designer added (not an Aspire resource)
  | 'cloud' // azure.bicep.*, aws.*, dapr.*: provisioned outside the cluster
  | 'unknown'; // a type we do not understand, kept verbatim

/**
 * Which hosting integration made a container (`AddPostgres`, `AddKeycloak`, …), recognised from
 * the App Host call, the image or the designer palette. The facts behind each one live in one
 * table: ./integrations (ENGINES there lists these in order).
 */
export type Engine =
  | 'sqlserver'
  | 'postgres'
  | 'mysql'
  | 'mongodb'
  | 'minio'
  | 'redis'
  | 'rabbitmq'
  | 'kafka'
  | 'oracle'
  | 'nats'
  | 'valkey'
  | 'garnet'
  | 'keycloak'
  | 'yarp'
  | 'seq'
  | 'elasticsearch'
  | 'qdrant'
  | 'milvus'
  | 'ollama'
  | 'flagd'
  | 'azurite'
  | 'cosmosdb'
  | 'servicebus'
  | 'eventhubs'
  | 'other';

export type Transport = 'http' | 'http2' | 'tcp';

/** A named binding of a resource (manifest `bindings`). */
export interface Endpoint {
  name: string;
  scheme: string;
  protocol: 'tcp' | 'udp';
  transport: Transport;
  /** The port clients use ("exposed" port). Absent: same as the target port. */
  port?: number;
  /** The port the workload listens on. Absent for .NET projects' default http/https. */
  targetPort?: number;
  external: boolean;
}

export interface Volume {
  /** Absent for anonymous volumes. */
  name?: string;
  target: string;
  readOnly: boolean;
}

export interface BindMount {
  source: string;
  target: string;
  readOnly: boolean;
}

export interface EnvVar {
  name: string;
  /** A template: literal text with `{resource.path}` expressions. */
  value: string;
}

export interface ContainerBuild {
  context: string;
  dockerfile?: string;
  stage?: string;
  args?: Record<string, string>;
}

export type ParameterDefault = { kind: 'value'; value: string } | { kind: 'generate'; minLength: number };

export interface ParameterSpec {
  secret: boolean;
  default?: ParameterDefault;
}

export interface ComputeResources {
  requests?: { cpu?: string; memory?: string };
  limits?: { cpu?: string; memory?: string };
}

/** How WaitFor is declared: WaitFor (target running/healthy) or WaitForCompletion (a job). */
export type WaitMode = 'none' | 'running' | 'completion';

/** One Kubernetes probe as `WithHttpProbe(type, path, initialDelaySeconds, …)` declares it. */
export interface HttpProbeSpec {
  path: string;
  /** The endpoint it targets; absent: the first HTTP endpoint. */
  endpoint?: string;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
}

/**
 * Settings the manifest cannot carry. Each is optional: absent means "the default", which
 * ./defaults.ts spells out in one place so generator, parity and UI agree.
 */
export interface ResourceSettings {
  replicas?: number;
  /** Liveness and readiness HTTP paths (Aspire service defaults: /alive and /health). */
  healthPaths?: {
    liveness?: string;
    readiness?: string;
    /** The endpoint the health check calls; absent: the first HTTP one. */ endpoint?: string;
  };
  /** `WithHttpProbe` declarations, honoured as written (Aspire's defaults fill what is not given). */
  probes?: { startup?: HttpProbeSpec; readiness?: HttpProbeSpec; liveness?: HttpProbeSpec };
  /** Whether the service calls AddServiceDefaults / MapDefaultEndpoints (projects: yes by default). */
  serviceDefaults?: boolean;
  /** Database/cache servers: run in the cluster (StatefulSet) or use an external managed service. */
  databaseMode?: 'in-cluster' | 'external';
  compute?: ComputeResources;
  /** Storage size for each data volume claim, e.g. "5Gi". */
  storageSize?: string;
  /** Image tag override for this resource (WithImageTag / per-service tag). */
  imageTag?: string;
}

export interface Resource {
  /** The Aspire resource name, verbatim (case preserved). Unique in a topology. */
  name: string;
  kind: ResourceKind;
  /** The manifest `type` it came from (`project.v0`, `azure.bicep.v1`, …), or the designer's. */
  sourceType: string;
  engine?: Engine;
  /** container: full image reference including tag. */
  image?: string;
  build?: ContainerBuild;
  /** project: path to the .csproj (as written in the manifest). */
  projectPath?: string;
  /** executable */
  command?: string;
  workingDirectory?: string;
  entrypoint?: string;
  args: string[];
  env: EnvVar[];
  endpoints: Endpoint[];
  volumes: Volume[];
  bindMounts: BindMount[];
  /** Template for this resource's own connection string (servers, databases, connection strings). */
  connectionString?: string;
  /** database: the server container it belongs to. */
  parent?: string;
  /** database: the database name inside the server. */
  databaseName?: string;
  parameter?: ParameterSpec;
  settings: ResourceSettings;
  /** The original JSON for types we keep but do not model (cloud, unknown, error resources). */
  raw?: unknown;
}

/** Every field of a Resource, in reading order (saved designs write them so; readers know them). */
export const RESOURCE_KEYS: readonly (keyof Resource)[] = [
  'name',
  'kind',
  'sourceType',
  'engine',
  'image',
  'build',
  'projectPath',
  'command',
  'workingDirectory',
  'entrypoint',
  'args',
  'env',
  'endpoints',
  'volumes',
  'bindMounts',
  'connectionString',
  'parent',
  'databaseName',
  'parameter',
  'settings',
  'raw',
];

/** What a reference carries, decided by the expression or the designer's edge. */
/** A fresh resource with every list present, so readers and catalogue entries set only what they know. */
export function emptyResource(name: string, kind: ResourceKind, sourceType: string): Resource {
  return { name, kind, sourceType, args: [], env: [], endpoints: [], volumes: [], bindMounts: [], settings: {} };
}

export type ReferenceKind =
  | 'connection-string' // {x.connectionString}
  | 'service-discovery' // {x.bindings.e.url} / services__x__e__0
  | 'parameter' // {p.value}
  | 'endpoint-property' // {x.bindings.e.host|port|targetPort|scheme}
  | 'wait-only'; // WaitFor without WithReference

/** consumer → target, from WithReference (and WaitFor). */
export interface Reference {
  from: string;
  to: string;
  kind: ReferenceKind;
  waitFor: WaitMode;
}

/**
 * Something import read but could not model (a call the reader does not know, a branch it could
 * not decide, a declaration it could not evaluate). Nothing is dropped in silence: each one is
 * shown on the canvas (on `resource`, when known) and becomes an `unknown` parity row, so
 * `check` can never pass what import lost.
 */
export interface Unmodelled {
  /** The resource it touches. A reference to an undeclared resource keeps a placeholder resource
   *  (kind 'unknown', sourceType 'apphost.placeholder') so the relationship stays visible. */
  resource?: string;
  /** The construct, as written: a method name ("WithCreationScript"), "if", "foreach", … */
  construct: string;
  /** One line, naming what was not modelled and what it means for the deployment. */
  message: string;
  /** Where: the file as the user named it, 1-based line and column. */
  file?: string;
  line?: number;
  column?: number;
}

export interface Topology {
  /** Application name: used for part-of labels and chart names. */
  name: string;
  resources: Resource[];
  references: Reference[];
  /** What import could not model; absent or empty when everything was understood. */
  unmodelled?: Unmodelled[];
}

export function emptyTopology(name = 'app'): Topology {
  return { name, resources: [], references: [] };
}
