/**
 * The integration table's own promises: every row is sourced and pinned, lookups are
 * unambiguous, and the strings it writes are the ones Aspire writes (compared with manifests
 * Aspire itself produced, copied under fixtures/manifests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APPS,
  engineFromImage,
  ENGINES,
  imageRef,
  INTEGRATIONS,
  integrationForImage,
  integrationForMethod,
} from './index';
import { childResource, integrationResources } from './create';
import { connectionStringEnv, encodeEnvName, serviceDiscoveryEnv, serviceDiscoveryKey } from './references';
import { importManifest } from '../../aspire/manifest';
import type { Resource } from '../topology';

const manifest = (file: string) =>
  (
    JSON.parse(readFileSync(join(__dirname, '../../../../fixtures/manifests', file), 'utf8')) as {
      resources: Record<string, { env?: Record<string, string> }>;
    }
  ).resources;

describe('every row', () => {
  it.each(INTEGRATIONS.map((i) => [i.engine, i] as const))(
    '%s: sourced, pinned, named in C# and TypeScript',
    (_e, i) => {
      expect(i.source).toMatch(
        /^(microsoft\/aspire|CommunityToolkit\/Aspire|elastic\/elastic-aspire-dotnet) src\/\S+\.cs/,
      );
      expect(i.package).toMatch(/^(Aspire|CommunityToolkit\.Aspire)\.Hosting\./);
      expect(i.image.registry).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      expect(i.image.tag).not.toBe('latest');
      expect(i.image.tag.length).toBeGreaterThan(0);
      expect(i.csharp).toMatch(/^Add[A-Z]/);
      expect(i.typescript).toBe(i.csharp.charAt(0).toLowerCase() + i.csharp.slice(1));
      expect(i.endpoints.length).toBeGreaterThan(0);
      for (const ep of i.unreferencedEndpoints ?? []) expect(i.endpoints.map((e) => e.name)).toContain(ep);
      if (i.health) expect(i.endpoints.map((e) => e.name)).toContain(i.health.endpoint);
      // Connection property keys are unique (Aspire keys them case-insensitively).
      const keys = (i.properties?.({ name: 'x', secret: 'x-password' }) ?? []).map(([k]) => k.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('application integrations are sourced too', () => {
    for (const a of APPS) {
      expect(a.source).toMatch(/^(microsoft\/aspire|CommunityToolkit\/Aspire) src\/\S+\.cs/);
      expect(a.typescript).toBe(a.csharp.charAt(0).toLowerCase() + a.csharp.slice(1));
    }
  });

  it('covers what issue #16 lists', () => {
    const methods = new Set([...INTEGRATIONS.map((i) => i.csharp), ...APPS.map((a) => a.csharp)]);
    for (const m of [
      'AddSqlServer',
      'AddPostgres',
      'AddMySql',
      'AddOracle',
      'AddMongoDB',
      'AddMinioContainer',
      'AddRedis',
      'AddValkey',
      'AddGarnet',
      'AddRabbitMQ',
      'AddKafka',
      'AddNats',
      'AddKeycloak',
      'AddYarp',
      'AddSeq',
      'AddElasticsearch',
      'AddQdrant',
      'AddMilvus',
      'AddOllama',
      'AddFlagd',
      'AddAzureStorage',
      'AddAzureCosmosDB',
      'AddAzureServiceBus',
      'AddAzureEventHubs',
      'AddViteApp',
      'AddJavaScriptApp',
      'AddNextJsApp',
      'AddNodeApp',
      'AddNpmApp',
      'AddPythonApp',
      'AddUvicornApp',
      'AddPythonModule',
      'AddPythonExecutable',
      'AddGoApp',
      'AddCSharpApp',
      'AddOrleans',
      'WithDaprSidecar',
    ]) {
      expect(methods).toContain(m);
    }
  });

  it('engines and methods are unambiguous; ENGINES lists them all', () => {
    expect(new Set(INTEGRATIONS.map((i) => i.engine)).size).toBe(INTEGRATIONS.length);
    expect(new Set(INTEGRATIONS.map((i) => i.csharp)).size).toBe(INTEGRATIONS.length);
    expect(ENGINES).toEqual([...INTEGRATIONS.map((i) => i.engine), 'other']);
    for (const i of INTEGRATIONS) {
      expect(integrationForMethod(i.csharp)).toBe(i);
      expect(integrationForMethod(i.typescript)).toBe(i);
    }
  });

  it('each pinned image is recognised as its own integration, with or without docker.io/library', () => {
    for (const i of INTEGRATIONS) {
      expect(integrationForImage(imageRef(i.image))).toBe(i);
      expect(engineFromImage(`${i.image.image}:other-tag`)).toBe(i.engine);
    }
    expect(engineFromImage('pgvector/pgvector:pg17')).toBe('postgres');
    expect(engineFromImage('container-registry.oracle.com/database/enterprise:21')).toBe('oracle');
    expect(engineFromImage('docker.io/library/nginx:1.29')).toBeUndefined();
  });
});

describe('strings Aspire writes', () => {
  const pg = INTEGRATIONS.find((i) => i.engine === 'postgres')!;
  const [server] = integrationResources(pg, 'postgres') as [Resource];
  const db = childResource(pg, server, 'catalogdb')!;
  const lookup = (n: string) => [server, db].find((r) => r.name === n);

  it('PostgreSQL database properties are the playground testshop manifest’s, key for key', () => {
    const api = manifest('playground-testshop.json')['catalogservice']!.env!;
    const expected = Object.entries(api).filter(
      ([k]) => k === 'ConnectionStrings__catalogdb' || k.startsWith('CATALOGDB_'),
    );
    expect(connectionStringEnv(db, lookup).map((e) => [e.name, e.value])).toEqual(expected);
  });

  it.each([
    ['playground-mysql.json', 'catalog'],
    ['playground-mongo.json', 'db'],
    ['playground-oracleendtoend.json', 'FREEPDB1'],
    ['playground-nats.json', 'nats'],
    ['playground-qdrant.json', 'qdrant'],
    ['playground-milvus.json', 'milvus'],
    ['playground-seq.json', 'seq'],
    ['playground-kafka.json', 'kafka'],
    ['playground-redis.json', 'garnet'],
    ['playground-redis.json', 'valkey'],
    // Elastic's 13.x ElasticsearchResource still has no GetConnectionProperties: the string only.
    ['history-elasticsearch.json', 'elasticsearch'],
    // (SQL Server's URI: this manifest predates aspire#12583, which made the password {p:uri}.)
  ])('%s: WithReference(%s) writes what Aspire wrote', (file, target) => {
    // Import Aspire's own manifest, then rebuild the reference env from the table alone.
    const text = readFileSync(join(__dirname, '../../../../fixtures/manifests', file), 'utf8');
    const t = importManifest(text, { fileName: file }).topology;
    const lookup = (n: string) => t.resources.find((r) => r.name === n);
    const consumer = t.resources.find((r) => r.env.some((e) => e.name === `ConnectionStrings__${target}`))!;
    const prefix = `${encodeEnvName(target).toUpperCase()}_`;
    const expected = consumer.env
      .filter(
        (e) =>
          e.name === `ConnectionStrings__${target}` ||
          e.name.startsWith(`ConnectionStrings__${target}_`) ||
          e.name.startsWith(prefix),
      )
      .map((e) => [e.name, e.value]);
    expect(connectionStringEnv(lookup(target)!, lookup).map((e) => [e.name, e.value])).toEqual(expected);
  });

  it('services__ keys: scheme for endpoints named http/https, the name otherwise; NAME_ENDPOINT first', () => {
    expect(serviceDiscoveryKey('http', 'http')).toBe('http');
    expect(serviceDiscoveryKey('https', 'https')).toBe('https');
    expect(serviceDiscoveryKey('grpc', 'http')).toBe('grpc');
    const kc = integrationResources(
      INTEGRATIONS.find((i) => i.engine === 'keycloak')!,
      'keycloak',
    )[0]!;
    // The management endpoint is ExcludeReferenceEndpoint: only http is referenced.
    expect(serviceDiscoveryEnv(kc)).toEqual([
      { name: 'KEYCLOAK_HTTP', value: '{keycloak.bindings.http.url}' },
      { name: 'services__keycloak__http__0', value: '{keycloak.bindings.http.url}' },
    ]);
  });

  it('names are encoded as Aspire’s EnvironmentVariableNameEncoder does', () => {
    expect(encodeEnvName('my-db')).toBe('my_db');
    expect(encodeEnvName('1db')).toBe('_1db');
    expect(encodeEnvName('ok_Name')).toBe('ok_Name');
  });
});
