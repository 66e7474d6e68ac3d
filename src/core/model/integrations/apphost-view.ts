/**
 * The integration table as the App Host reader and writer look things up: by method or engine,
 * with templates taking (name, secret parameter). A view, not a second table: every function
 * here reads ./index.ts.
 */
import type { Endpoint, Engine, EnvVar } from '../topology';
import { INTEGRATIONS, integrationForEngine, integrationForMethod } from './index';
import type { IntegrationSpec, ServerContext } from './types';

export { RABBITMQ_MANAGEMENT, splitImage } from './index';
export { projectEndpoints, projectEnv } from './palette';

export interface Integration {
  /** The C# builder method, e.g. "AddPostgres". */
  method: string;
  engine: Engine;
  /** Image repository (registry included) and default tag (the tag WithImageTag replaces). */
  repository: string;
  tag: string;
  endpoints: (name: string) => Endpoint[];
  env: (name: string, secret: string | undefined, hasDataVolume?: boolean) => EnvVar[];
  entrypoint?: string;
  args?: (name: string, hasDataVolume: boolean, secret?: string) => string[];
  connectionString: (name: string, secret: string | undefined) => string;
  dataPath: string;
  /** Whether the integration generates a secret parameter (`<name>-password`, `<name>-Key`, …). */
  password: boolean;
  database?: (server: string, database: string, secret: string | undefined) => string;
  params: string[];
  spec: IntegrationSpec;
}

const ctx = (name: string, secret: string | undefined, dataVolume = false): ServerContext => ({
  name,
  ...(secret !== undefined ? { secret } : {}),
  dataVolume,
});

function view(spec: IntegrationSpec): Integration {
  const child = spec.child;
  const args = spec.args;
  const connectionString = spec.connectionString;
  return {
    method: spec.csharp,
    engine: spec.engine,
    repository: `${spec.image.registry}/${spec.image.image}`,
    tag: spec.image.tag,
    endpoints: () => spec.endpoints.map((e) => ({ ...e })),
    env: (n, s, data = false) => spec.env(ctx(n, s, data)),
    ...(spec.entrypoint ? { entrypoint: spec.entrypoint } : {}),
    // The secret defaults to the conventional name, as the manifest writer would name it.
    ...(args
      ? {
          args: (n: string, data: boolean, s?: string) =>
            args(ctx(n, s ?? (spec.secret ? `${n}${spec.secret.suffix}` : undefined), data)),
        }
      : {}),
    connectionString: (n, s) => (connectionString ? connectionString(ctx(n, s)) : ''),
    dataPath: spec.dataPath ?? '',
    password: spec.secret !== undefined,
    ...(child?.csharp === 'AddDatabase'
      ? { database: (s: string, d: string, p: string | undefined) => child.connectionString(ctx(s, p), d) }
      : {}),
    params: spec.params,
    spec,
  };
}

/** Integrations the App Host reader turns into containers (those published as containers). */
export const APPHOST_INTEGRATIONS: readonly Integration[] = INTEGRATIONS.filter(
  (i) => !i.publishesAsCloud && i.connectionString !== undefined,
).map(view);

export function integrationByMethod(method: string): Integration | undefined {
  const spec = integrationForMethod(method);
  return spec && !spec.publishesAsCloud ? view(spec) : undefined;
}

export function integrationByEngine(engine: string | undefined): Integration | undefined {
  const spec = integrationForEngine(engine);
  return spec ? view(spec) : undefined;
}

/**
 * The name Aspire gives a generated integration secret: `<server>-password`, or the integration's own suffix (`-Key`,
 * `-key`).
 */
export function passwordParameterName(server: string, integration?: Integration): string {
  return `${server}${integration?.spec.secret?.suffix ?? '-password'}`;
}

/** Generated passwords: 22 characters (Aspire's default for integration passwords). */
export const GENERATED_PASSWORD_LENGTH = 22;

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
  'WithAttu',
  'WithOpenWebUI',
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

/** `Projects.Foo_Bar` ↔ `../Foo_Bar/Foo_Bar.csproj`: the path the SDK's generated type stands for. */
export function conventionalProjectPath(typeName: string): string {
  return `../${typeName}/${typeName}.csproj`;
}
