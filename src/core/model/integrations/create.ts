/**
 * Build the resources an integration call declares: the server container (image, endpoints, env,
 * args, connection string) and the secret parameter it generates, and child databases. The
 * palette and the App Host importer both build through here, which is what makes drawing a
 * PostgreSQL and importing `builder.AddPostgres("pg")` give the same bundle.
 */
import type { Endpoint, Resource } from '../topology';
import type { AppSpec } from './apps';
import { secretParameterName } from './index';
import { imageRef, type IntegrationSpec, type ServerContext } from './types';

function blank(name: string, kind: Resource['kind'], sourceType: string): Resource {
  return { name, kind, sourceType, args: [], env: [], endpoints: [], volumes: [], bindMounts: [], settings: {} };
}

/** The generated secret parameter (`<server>-password`, …) Aspire adds with the server. */
export function generatedSecret(spec: IntegrationSpec, server: string): Resource | undefined {
  const name = secretParameterName(spec, server);
  if (!name || !spec.secret) return undefined;
  return {
    ...blank(name, 'parameter', 'parameter.v0'),
    parameter: { secret: true, default: { kind: 'generate', minLength: spec.secret.length } },
  };
}

export interface ServerOptions {
  /** WithDataVolume(): a `<name>-data` volume at the integration's data path (args may change with it). */
  dataVolume?: boolean;
  /** An existing parameter used as the secret instead of the generated one. */
  secret?: string;
  /** WithImageTag. */
  tag?: string;
  /** `port:` argument: the host port, kept as the endpoint's exposed port. */
  port?: number;
  /** `userName:` argument: a parameter replacing the default user. */
  user?: string;
}

/** The server container as the integration declares it (without its generated secret). */
export function serverResource(spec: IntegrationSpec, name: string, opts: ServerOptions = {}): Resource {
  const ctx: ServerContext = { name, dataVolume: opts.dataVolume === true && spec.dataPath !== undefined };
  const secret = opts.secret ?? secretParameterName(spec, name);
  if (secret !== undefined) ctx.secret = secret;
  if (opts.user !== undefined) ctx.user = opts.user;
  const r = blank(name, 'container', 'container.v0');
  r.engine = spec.engine;
  r.image = imageRef(spec.image, opts.tag);
  r.endpoints = spec.endpoints.map((e) => ({ ...e }));
  if (opts.port !== undefined && r.endpoints[0] && opts.port !== r.endpoints[0].targetPort)
    r.endpoints[0].port = opts.port;
  r.env = spec.env(ctx);
  if (spec.entrypoint) r.entrypoint = spec.entrypoint;
  if (spec.args) r.args = spec.args(ctx);
  if (spec.connectionString) r.connectionString = spec.connectionString(ctx);
  if (ctx.dataVolume) r.volumes = [{ name: `${name}-data`, target: spec.dataPath!, readOnly: false }];
  if (spec.health) r.settings = { healthPaths: { readiness: spec.health.path, endpoint: spec.health.endpoint } };
  return r;
}

/**
 * Server plus its generated secret parameter: what the palette drops on the canvas, i.e.
 * `AddX(name).WithDataVolume()` where the integration has a data path (durable by default).
 */
export function integrationResources(spec: IntegrationSpec, name: string): Resource[] {
  const secret = generatedSecret(spec, name);
  const server = serverResource(spec, name, { dataVolume: spec.dataPath !== undefined });
  return secret ? [server, secret] : [server];
}

/** A child database (`AddDatabase(name, databaseName)`) of a server built by `serverResource`. */
export function childResource(
  spec: IntegrationSpec,
  server: Resource,
  name: string,
  databaseName = name,
  secret?: string,
): Resource | undefined {
  if (!spec.child) return undefined;
  const ctx: ServerContext = { name: server.name };
  const s = secret ?? secretParameterName(spec, server.name);
  if (s !== undefined) ctx.secret = s;
  return {
    ...blank(name, 'database', 'value.v0'),
    engine: spec.engine,
    parent: server.name,
    databaseName,
    connectionString: spec.child.connectionString(ctx, databaseName),
  };
}

/**
 * A language app (`AddViteApp("web", "../web")`, …) as publish writes it: a container built from
 * the Dockerfile Aspire generates (`<name>.Dockerfile` beside the manifest, context the app
 * directory), the integration's env, and, when it listens (`WithHttpEndpoint(env: "PORT")`,
 * built in for Vite and Uvicorn), an http endpoint whose port Kubernetes allocates and PORT.
 * No service defaults: it gets no /alive or /health of its own.
 */
export function appResource(
  spec: AppSpec,
  name: string,
  directory: string,
  call: Record<string, string> = {},
  listens = spec.httpEndpointEnv !== undefined,
): Resource {
  const r = blank(name, 'dockerfile', 'container.v1');
  r.build = { context: directory, dockerfile: `${name}.Dockerfile` };
  r.env = spec.env(name);
  if (spec.args) r.args = spec.args(name, call);
  if (listens) {
    const http: Endpoint = { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', external: false };
    r.endpoints = [http];
    r.env.push({ name: spec.httpEndpointEnv ?? 'PORT', value: `{${name}.bindings.http.targetPort}` });
  }
  r.settings = { serviceDefaults: false };
  return r;
}
