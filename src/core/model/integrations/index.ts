/**
 * The one table of integration knowledge (issue #16). Each row says what an Aspire 13.6 hosting
 * integration puts in the app model; palette, App Host import/export, manifest import, generator
 * and parity all read it from here, so they cannot drift apart.
 */
import type { Engine, Resource } from '../topology';
import { APPS, appByMethod } from './apps';
import { AZURE_COSMOS_DB, AZURE_EVENT_HUBS, AZURE_SERVICE_BUS, AZURE_STORAGE } from './azure';
import { GARNET, KAFKA, NATS, RABBITMQ, RABBITMQ_MANAGEMENT, REDIS, VALKEY } from './caches-messaging';
import { MONGODB, MYSQL, ORACLE, POSTGRES, SQL_SERVER } from './databases';
import { ELASTICSEARCH, KEYCLOAK, MILVUS, OLLAMA, QDRANT, SEQ, YARP } from './services';
import { MINIO } from './storage';
import { FLAGD } from './configuration';
import type { IntegrationSpec, ServerContext } from './types';

export type { AppSpec } from './apps';
export type { ChildSpec, Group, ImagePin, IntegrationSpec, Properties, ServerContext } from './types';
export { GROUPS, imageRef } from './types';
export { APPS, appByMethod, RABBITMQ_MANAGEMENT };

/** Every container integration, in palette order. */
export const INTEGRATIONS: readonly IntegrationSpec[] = [
  SQL_SERVER,
  POSTGRES,
  MYSQL,
  ORACLE,
  MONGODB,
  MINIO,
  REDIS,
  VALKEY,
  GARNET,
  RABBITMQ,
  KAFKA,
  NATS,
  KEYCLOAK,
  YARP,
  SEQ,
  ELASTICSEARCH,
  QDRANT,
  MILVUS,
  OLLAMA,
  FLAGD,
  AZURE_STORAGE,
  AZURE_COSMOS_DB,
  AZURE_SERVICE_BUS,
  AZURE_EVENT_HUBS,
];

/** Every Engine value (the design-document reader validates against it). */
export const ENGINES: readonly Engine[] = [...INTEGRATIONS.map((i) => i.engine), 'other'];

const BY_ENGINE = new Map<string, IntegrationSpec>(INTEGRATIONS.map((i) => [i.engine, i]));
const BY_METHOD = new Map<string, IntegrationSpec>(
  INTEGRATIONS.flatMap((i) => [[i.csharp, i] as const, [i.typescript, i] as const]),
);

export function integrationForEngine(engine: string | undefined): IntegrationSpec | undefined {
  return engine === undefined ? undefined : BY_ENGINE.get(engine);
}

/** The container integration behind a C# (`AddPostgres`) or TypeScript (`addPostgres`) method. */
export function integrationForMethod(method: string): IntegrationSpec | undefined {
  return BY_METHOD.get(method);
}

/** Whether a method name declares an application integration (`AddViteApp`, …) rather than a container. */
export function isAppMethod(method: string): boolean {
  return appByMethod(method) !== undefined;
}

/** Split "repo:tag" (a registry port is not a tag; a digest is dropped). */
export function splitImage(image: string): { repository: string; tag?: string } {
  const at = image.indexOf('@');
  const base = at >= 0 ? image.slice(0, at) : image;
  const colon = base.lastIndexOf(':');
  if (colon > base.lastIndexOf('/')) return { repository: base.slice(0, colon), tag: base.slice(colon + 1) };
  return { repository: base };
}

/**
 * The integration an image belongs to: first the exact repository Aspire pins (with or without
 * the `docker.io/` and `library/` prefixes), then the aliases (pgvector for Postgres, …).
 */
export function integrationForImage(image: string | undefined): IntegrationSpec | undefined {
  if (!image) return undefined;
  const repo = splitImage(image.toLowerCase())
    .repository.replace(/^docker\.io\//, '')
    .replace(/^library\//, '');
  for (const i of INTEGRATIONS) {
    const pinned = `${i.image.registry}/${i.image.image}`.replace(/^docker\.io\//, '').replace(/^library\//, '');
    if (repo === pinned || repo === i.image.image.replace(/^library\//, '')) return i;
  }
  const tail = repo.split('/').slice(-2).join('/');
  // Oracle's own registry names images like container-registry.oracle.com/database/free.
  if (/(^|\.)oracle\.com\//.test(repo)) return ORACLE;
  return INTEGRATIONS.find((i) => i.imageAliases?.test(tail));
}

/** Engine from a container image reference, e.g. "mcr.microsoft.com/mssql/server:2022-latest". */
export function engineFromImage(image: string | undefined): Engine | undefined {
  return integrationForImage(image)?.engine;
}

/** The name Aspire gives an integration's generated secret (`<server>-password`, `<qdrant>-Key`, …). */
export function secretParameterName(spec: IntegrationSpec, server: string): string | undefined {
  return spec.secret ? `${server}${spec.secret.suffix}` : undefined;
}

const PROBE = '\u0000probe';
const USER_PROBE = '\u0000user';

/**
 * Rebuild a server's template context from the resource as it stands: the secret parameter is
 * read back from the env var the integration puts it in (so a user-supplied password parameter
 * is found too), else the conventional name.
 */
export function serverContext(
  spec: IntegrationSpec,
  r: Resource,
  byName: (n: string) => Resource | undefined,
): ServerContext {
  const ctx: ServerContext = {
    name: r.name,
    dataVolume: spec.dataPath !== undefined && r.volumes.some((v) => v.target === spec.dataPath),
  };
  const carrier = spec.env({ name: r.name, secret: PROBE }).find((e) => e.value === `{${PROBE}.value}`);
  const held = carrier
    ? r.env.find((e) => e.name === carrier.name)?.value.match(/^\{([^{}]+)\.value\}$/)?.[1]
    : undefined;
  const conventional = secretParameterName(spec, r.name);
  if (held !== undefined) ctx.secret = held;
  else if (conventional !== undefined && byName(conventional)) ctx.secret = conventional;
  // A userName parameter, read back the same way from the env var that carries the user.
  const userCarrier = spec.env({ name: r.name, user: USER_PROBE }).find((e) => e.value === `{${USER_PROBE}.value}`);
  const user = userCarrier
    ? r.env.find((e) => e.name === userCarrier.name)?.value.match(/^\{([^{}]+)\.value\}$/)?.[1]
    : undefined;
  if (user !== undefined) ctx.user = user;
  return ctx;
}
