import { describe, expect, it } from 'vitest';
import { CATALOG } from './integrations/palette';
import { connect, rename, updateResource } from './commands';
import { emptyDesign, type DesignDoc } from './design';
import { designWarnings } from './design-warnings';

function withSqlAndDb(): DesignDoc {
  const sql = CATALOG.find((c) => c.id === 'sqlserver')!.create('sql');
  const db = CATALOG.find((c) => c.id === 'database')!.create('sql-db', sql[0]!);
  const api = CATALOG.find((c) => c.id === 'project')!.create('api');
  let doc = emptyDesign();
  doc = { ...doc, topology: { ...doc.topology, resources: [...sql, ...db, ...api] } };
  const r = connect(doc, 'api', 'sql-db');
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
}

const ok = (r: ReturnType<typeof rename>): DesignDoc => {
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
};
const res = (doc: DesignDoc, name: string) => doc.topology.resources.find((r) => r.name === name)!;

describe('rename carries derived values', () => {
  it('moves a project path (and so its Projects.X type) with the name until the user edits it', () => {
    let doc = ok(rename(withSqlAndDb(), 'api', 'trip-api'));
    expect(res(doc, 'trip-api').projectPath).toBe('../trip-api/trip-api.csproj');
    doc = ok(updateResource(doc, 'trip-api', { projectPath: '../src/Trips/Trips.csproj' }));
    doc = ok(rename(doc, 'trip-api', 'trips'));
    expect(res(doc, 'trips').projectPath).toBe('../src/Trips/Trips.csproj');
  });

  it('renames the database name and the connection string every consumer reads', () => {
    const doc = ok(rename(withSqlAndDb(), 'sql-db', 'catalog'));
    const db = res(doc, 'catalog');
    expect(db.databaseName).toBe('catalog');
    expect(db.connectionString).toBe('{sql.connectionString};Initial Catalog=catalog');
    expect(res(doc, 'api').env.find((e) => e.name === 'ConnectionStrings__catalog')?.value).toBe(
      '{catalog.connectionString}',
    );
  });

  it('keeps a database name the user chose, and edits of it carry into the connection string', () => {
    let doc = ok(updateResource(withSqlAndDb(), 'sql-db', { databaseName: 'CatalogDb' }));
    expect(res(doc, 'sql-db').connectionString).toBe('{sql.connectionString};Initial Catalog=CatalogDb');
    doc = ok(rename(doc, 'sql-db', 'catalog'));
    expect(res(doc, 'catalog').databaseName).toBe('CatalogDb');
    expect(updateResource(doc, 'catalog', { databaseName: 'a;b' }).ok).toBe(false);
  });

  it('renames the server volume and generated password with the server', () => {
    const doc = ok(rename(withSqlAndDb(), 'sql', 'catalog-sql'));
    expect(res(doc, 'catalog-sql').volumes.map((v) => v.name)).toEqual(['catalog-sql-data']);
    expect(res(doc, 'catalog-sql-password')).toBeDefined();
  });
});

describe('designWarnings', () => {
  it('warns about two projects with one path and a database server with 3 replicas', () => {
    let doc = withSqlAndDb();
    const second = CATALOG.find((c) => c.id === 'project')!.create('worker')[0]!;
    doc = {
      ...doc,
      topology: {
        ...doc.topology,
        resources: [...doc.topology.resources, { ...second, projectPath: '../api/api.csproj' }],
      },
    };
    doc = ok(updateResource(doc, 'sql', { settings: { replicas: 3 } }));
    const w = designWarnings(doc.topology);
    expect(w.map((d) => `${d.code}:${d.resource}`).sort()).toEqual([
      'database-replicas:sql',
      'duplicate-project-path:api',
      'duplicate-project-path:worker',
    ]);
    expect(designWarnings(withSqlAndDb().topology)).toEqual([]);
  });
});
