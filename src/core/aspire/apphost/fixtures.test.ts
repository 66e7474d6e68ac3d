/**
 * What each App Host fixture carries that a manifest cannot: replicas, WaitFor references and
 * health paths (the generator turns them into replicas, init containers and probes).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import seed from '../../../../fixtures/apphost/seed-travel.cs?raw';
import eshop from '../../../../fixtures/apphost/eshop.cs?raw';
import mainMethod from '../../../../fixtures/apphost/main-method.cs?raw';
import explicitTypes from '../../../../fixtures/apphost/explicit-types.cs?raw';
import unsupported from '../../../../fixtures/apphost/unsupported.cs?raw';
import everyCall from '../../../../fixtures/apphost/every-call.cs?raw';
import type { Topology } from '../../model/topology';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const waits = (t: Topology) =>
  t.references.filter((r) => r.waitFor !== 'none').map((r) => `${r.from}->${r.to}:${r.waitFor}`);
const replicas = (t: Topology) =>
  Object.fromEntries(
    t.resources.filter((r) => r.settings.replicas !== undefined).map((r) => [r.name, r.settings.replicas]),
  );
const health = (t: Topology) =>
  Object.fromEntries(t.resources.filter((r) => r.settings.healthPaths).map((r) => [r.name, r.settings.healthPaths]));

describe('fixtures', () => {
  it('seed article Step 1: SQL Server + database, two projects, WaitFor on both', () => {
    const { topology, diagnostics } = importAppHost(parser, seed);
    expect(diagnostics).toEqual([]);
    expect(topology.resources.map((r) => `${r.name}:${r.kind}`)).toEqual([
      'catalog-sql-password:parameter',
      'catalog-sql:container',
      'catalog:database',
      'trip-api:project',
      'availability-worker:project',
      'catalog-sql-password-uri-encoded:value',
    ]);
    expect(waits(topology)).toEqual([
      'trip-api->catalog:running',
      'availability-worker->trip-api:running',
      'availability-worker->catalog:running',
    ]);
    expect(topology.resources.find((r) => r.name === 'catalog-sql')!.volumes).toEqual([
      { name: 'catalog-sql-data', target: '/var/opt/mssql', readOnly: false },
    ]);
  });

  it('eShop-like: 4 databases, 8 projects, replicas, health checks, cyclic references', () => {
    const { topology, diagnostics } = importAppHost(parser, eshop);
    expect(diagnostics).toEqual([]);
    expect(topology.resources.filter((r) => r.kind === 'project')).toHaveLength(8);
    expect(topology.resources.filter((r) => r.kind === 'database').map((r) => r.parent)).toEqual([
      'postgres',
      'postgres',
      'postgres',
      'postgres',
    ]);
    expect(replicas(topology)).toEqual({ 'identity-api': 2, 'catalog-api': 3, webapp: 2 });
    expect(health(topology)).toEqual({
      'basket-api': { readiness: '/health' },
      'catalog-api': { readiness: '/health' },
      'ordering-api': { readiness: '/health' },
      webapp: { readiness: '/health' },
    });
    expect(waits(topology)).toContain('order-processor->ordering-api:running');
    expect(waits(topology).filter((w) => w.endsWith('->eventbus:running'))).toHaveLength(7);
    const pairs = new Set(topology.references.map((r) => `${r.from}->${r.to}`));
    expect(pairs.has('basket-api->identity-api') && pairs.has('identity-api->basket-api')).toBe(true);
    expect(topology.resources.find((r) => r.name === 'postgres')!.image).toBe('docker.io/library/postgres:16.4');
    expect(topology.resources.find((r) => r.name === 'identity-api')!.env).toContainEqual({
      name: 'WebAppClient',
      value: '{webapp.bindings.https.url}',
    });
  });

  it('Main method: WaitForCompletion, replicas and a custom health path', () => {
    const { topology, diagnostics } = importAppHost(parser, mainMethod);
    expect(diagnostics).toEqual([]);
    expect(waits(topology)).toEqual(['migrations->orders:running', 'api->migrations:completion', 'web->api:running']);
    expect(replicas(topology)).toEqual({ api: 3 });
    expect(health(topology)).toEqual({ api: { readiness: '/healthz' } });
    expect(topology.resources.find((r) => r.name === 'cache')!.endpoints[0]).toMatchObject({
      port: 6380,
      targetPort: 6379,
    });
  });

  it('explicit types and comments: constants, custom password, path overload, probes', () => {
    const { topology, diagnostics } = importAppHost(parser, explicitTypes);
    expect(diagnostics).toEqual([]);
    const api = topology.resources.find((r) => r.name === 'inventory-api')!;
    expect(api.projectPath).toBe('../Inventory.Api/Inventory.Api.csproj');
    expect(api.settings.healthPaths).toEqual({ readiness: '/ready', liveness: '/alive' });
    expect(api.env).toContainEqual({ name: 'ConnectionStrings__InventoryDb', value: '{inventory.connectionString}' });
    expect(api.env).toContainEqual({ name: 'QUEUE', value: 'orders-queue' });
    expect(topology.resources.some((r) => r.name === 'sql-password' && r.parameter?.secret === true)).toBe(true);
    expect(topology.resources.find((r) => r.name === 'inventory')!.databaseName).toBe('inventory');
    expect(waits(topology)).toEqual(['inventory-api->inventory:running']);
  });

  it('publish-mode if and foreach run; what is not understood is a warning with its line, the rest imports', () => {
    const { topology, diagnostics } = importAppHost(parser, unsupported);
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'unknown-call@17:6',
      'placeholder@20:9',
    ]);
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}:${u.column} ${u.resource ?? ''}`)).toEqual([
      'WithMyCustomTelemetry@17:6 api',
      'AddAzureFunctionsProject@20:9 functions',
    ]);
    expect(replicas(topology)).toEqual({ cache: 3 });
    expect(topology.resources.filter((r) => r.kind === 'project').map((r) => r.name)).toEqual(['a', 'b', 'api']);
    expect(waits(topology)).toEqual(['api->cache:running']);
  });

  it('every call: imports with no diagnostics and carries replicas, waits and health', () => {
    const { topology, diagnostics } = importAppHost(parser, everyCall);
    expect(diagnostics).toEqual([]);
    expect(replicas(topology)).toEqual({ api: 2 });
    expect(health(topology)).toEqual({ api: { readiness: '/health' } });
    expect(waits(topology)).toEqual(['setup->appdb:running', 'api->pg:running', 'api->setup:completion']);
  });
});
