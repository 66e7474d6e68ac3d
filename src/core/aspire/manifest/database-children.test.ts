import { describe, expect, it } from 'vitest';
import { databaseNameFrom } from './database-children';
import { importManifest } from './import-manifest';
import { fixture, manifest, resource } from './test-helpers';

describe('database children', () => {
  it.each([
    ['test-testproject-apphost.json', 'postgresdb', 'postgres', 'postgresdb', 'postgres'],
    ['test-testproject-apphost.json', 'tempdb', 'sqlserver', 'tempdb', 'sqlserver'],
    ['test-testproject-apphost.json', 'mysqldb', 'mysql', 'mysqldb', 'mysql'],
    ['seed-travel-platform.json', 'catalog', 'catalog-sql', 'catalog', 'sqlserver'],
    ['playground-mysql.json', 'catalog', 'mysql', 'catalog', 'mysql'],
    ['playground-mongo.json', 'db', 'mongo', 'db', 'mongodb'],
    ['playground-oracleendtoend.json', 'FREEPDB1', 'oracle', 'FREEPDB1', 'oracle'],
    ['playground-testshop.json', 'catalogdb', 'postgres', 'catalogdb', 'postgres'],
  ])('%s: %s belongs to %s', (file, child, parent, dbName, engine) => {
    const t = importManifest(fixture(file)).topology;
    expect(resource(t, child)).toMatchObject({ kind: 'database', parent, databaseName: dbName });
    expect(resource(t, parent).engine).toBe(engine);
  });

  it("ties Azure-provisioned servers' databases to the cloud resource", () => {
    const t = importManifest(fixture('playground-sqlserverendtoend.json')).topology;
    expect(resource(t, 'db1')).toMatchObject({ kind: 'database', parent: 'sql1', databaseName: 'db1' });
    expect(resource(t, 'sql1').kind).toBe('cloud');
  });

  it('reads database names from Database=, Initial Catalog=, paths and URLs', () => {
    expect(databaseNameFrom('{s.connectionString};Database=orders', ';Database=orders')).toBe('orders');
    expect(
      databaseNameFrom(
        '{s.connectionString};Initial Catalog=tempdb;Encrypt=false',
        ';Initial Catalog=tempdb;Encrypt=false',
      ),
    ).toBe('tempdb');
    expect(databaseNameFrom('{o.connectionString}/freepdb1', '/freepdb1')).toBe('freepdb1');
    expect(
      databaseNameFrom(
        'mongodb://u:{p.value}@{m.bindings.tcp.host}:{m.bindings.tcp.port}/shop%20db?authSource=admin',
        undefined,
      ),
    ).toBe('shop db');
    expect(databaseNameFrom('{s.connectionString};Encrypt=false', ';Encrypt=false')).toBeUndefined();
  });

  it('falls back to the resource name and ignores plain values', () => {
    const t = importManifest(
      manifest({
        sql: {
          type: 'container.v0',
          image: 'mcr.microsoft.com/mssql/server:2022-latest',
          connectionString: 'Server={sql.bindings.tcp.host}',
          bindings: { tcp: { scheme: 'tcp', targetPort: 1433 } },
        },
        web: { type: 'project.v0', path: 'w', bindings: { http: { scheme: 'http' } } },
        child: { type: 'value.v0', connectionString: '{sql.connectionString};Encrypt=false' },
        alias: { type: 'value.v0', connectionString: '{sql.connectionString}' },
        url: { type: 'value.v0', connectionString: 'Endpoint={web.bindings.http.url}' },
        cloudy: { type: 'azure.bicep.v0', path: 'x.bicep', connectionString: '{cloudy.outputs.cs}' },
        deployment: { type: 'value.v0', connectionString: '{cloudy.connectionString};Deployment=chat' },
        clouddb: { type: 'value.v0', connectionString: '{cloudy.connectionString};Database=reports' },
      }),
    ).topology;
    expect(resource(t, 'child')).toMatchObject({ kind: 'database', parent: 'sql', databaseName: 'child' });
    expect(resource(t, 'alias').kind).toBe('value');
    expect(resource(t, 'url').kind).toBe('value');
    expect(resource(t, 'deployment').kind).toBe('value');
    expect(resource(t, 'clouddb')).toMatchObject({ kind: 'database', parent: 'cloudy', databaseName: 'reports' });
    // A database child has no edge to its server: the parent link carries it.
    expect(t.references.filter((r) => r.from === 'child')).toEqual([]);
    expect(t.references).toContainEqual({ from: 'alias', to: 'sql', kind: 'connection-string', waitFor: 'none' });
  });
});
