import { describe, expect, it } from 'vitest';
import { createDesignStore } from './design-store';

function envOf(store: ReturnType<typeof createDesignStore>, name: string) {
  return Object.fromEntries(
    store
      .getState()
      .doc.topology.resources.find((r) => r.name === name)!
      .env.map((e) => [e.name, e.value]),
  );
}

function fresh() {
  const s = createDesignStore();
  const at = { x: 0, y: 0 };
  s.getState().addFromCatalog('project', at); // api
  s.getState().addFromCatalog('postgres', at); // postgres + postgres-password
  s.getState().select(['postgres']);
  s.getState().addFromCatalog('database', at); // postgresdb
  s.getState().addFromCatalog('redis', at); // cache + cache-password
  s.temporal.getState().clear();
  return s;
}

describe('design store', () => {
  it('adds palette items with unique names and companions', () => {
    const s = fresh();
    const names = s.getState().doc.topology.resources.map((r) => r.name);
    expect(names).toEqual(['api', 'postgres', 'postgres-password', 'postgresdb', 'cache', 'cache-password']);
    s.getState().addFromCatalog('project', { x: 1, y: 1 });
    expect(s.getState().view.selected).toEqual(['api-2']);
    const pg = s.getState().doc.topology.resources.find((r) => r.name === 'postgres')!;
    expect(pg.image).toBe('docker.io/library/postgres:18.3');
    expect(pg.endpoints[0]!.targetPort).toBe(5432);
  });

  it('refuses a database without a server, with a reason', () => {
    const s = createDesignStore();
    const res = s.getState().addFromCatalog('database', { x: 0, y: 0 });
    expect(res.ok).toBe(false);
    expect(s.getState().view.notice?.text).toMatch(/select a SQL Server/);
    expect(s.getState().doc.topology.resources).toHaveLength(0);
  });

  it('connect injects Aspire env, disconnect removes it', () => {
    const s = fresh();
    expect(s.getState().connect('api', 'postgresdb', { waitFor: 'running' })).toBeUndefined();
    expect(s.getState().connect('api', 'cache')).toBeUndefined();
    expect(envOf(s, 'api')['ConnectionStrings__postgresdb']).toBe('{postgresdb.connectionString}');
    expect(s.getState().doc.topology.references).toContainEqual({
      from: 'api',
      to: 'postgresdb',
      kind: 'connection-string',
      waitFor: 'running',
    });
    s.getState().disconnect('api', 'postgresdb');
    expect(envOf(s, 'api')['ConnectionStrings__postgresdb']).toBeUndefined();
    expect(envOf(s, 'api')['ConnectionStrings__cache']).toBe('{cache.connectionString}');
  });

  it('service discovery writes services__ and NAME_ENDPOINT keys', () => {
    const s = fresh();
    s.getState().addFromCatalog('project', { x: 0, y: 0 }); // api-2
    expect(s.getState().connect('api-2', 'api')).toBeUndefined();
    const env = envOf(s, 'api-2');
    expect(env['services__api__http__0']).toBe('{api.bindings.http.url}');
    expect(env['services__api__https__0']).toBe('{api.bindings.https.url}');
    expect(env['API_HTTP']).toBe('{api.bindings.http.url}');
  });

  it('refuses illegal connections with a reason and changes nothing', () => {
    const s = fresh();
    const before = s.getState().doc;
    expect(s.getState().connect('postgres-password', 'api')).toMatch(/parameter cannot reference/);
    expect(s.getState().connect('api', 'api')).toMatch(/itself/);
    expect(s.getState().connect('api', 'nope')).toMatch(/no resource/);
    s.getState().connect('api', 'cache');
    expect(s.getState().connect('api', 'cache')).toMatch(/already references/);
    expect(s.getState().doc.topology.references).toHaveLength(1);
    expect(before.topology.references).toHaveLength(0);
  });

  it('refuses WaitFor cycles', () => {
    const s = fresh();
    s.getState().addFromCatalog('project', { x: 0, y: 0 }); // api-2
    expect(s.getState().connect('api', 'api-2', { waitFor: 'running' })).toBeUndefined();
    expect(s.getState().connect('api-2', 'api', { waitFor: 'running' })).toMatch(/deadlock/);
  });

  it('rename cascades to templates, env keys, references, parents and positions', () => {
    const s = fresh();
    s.getState().connect('api', 'postgresdb');
    s.getState().connect('api', 'postgres');
    expect(s.getState().rename('postgres', 'pg')).toBeUndefined();
    const t = s.getState().doc.topology;
    const db = t.resources.find((r) => r.name === 'postgresdb')!;
    expect(db.parent).toBe('pg');
    expect(db.connectionString).toBe('{pg.connectionString};Database=postgresdb');
    expect(envOf(s, 'api')['ConnectionStrings__pg']).toBe('{pg.connectionString}');
    expect(envOf(s, 'api')['ConnectionStrings__postgres']).toBeUndefined();
    expect(t.references.map((r) => r.to)).toContain('pg');
    expect(s.getState().doc.positions['pg']).toBeDefined();
    expect(s.getState().doc.positions['postgres']).toBeUndefined();
    // The server's generated password parameter follows, as Aspire would name it.
    const pg = t.resources.find((r) => r.name === 'pg')!;
    expect(t.resources.map((r) => r.name)).toContain('pg-password');
    expect(t.resources.map((r) => r.name)).not.toContain('postgres-password');
    expect(pg.env.map((e) => e.value).join(' ') + (pg.connectionString ?? '')).toContain('{pg-password.value}');
    // The project's own HTTP_PORTS template follows its rename too.
    s.getState().rename('api', 'catalog-api');
    expect(envOf(s, 'catalog-api')['HTTP_PORTS']).toBe('{catalog-api.bindings.http.targetPort}');
  });

  it('a password parameter the user renamed, or a taken name, is left alone', () => {
    const s = fresh();
    s.getState().rename('postgres-password', 'pg-secret');
    s.getState().rename('postgres', 'pg');
    const names = s.getState().doc.topology.resources.map((r) => r.name);
    expect(names).toContain('pg-secret');
    expect(names).not.toContain('pg-password');
    const s2 = fresh();
    s2.getState().addFromCatalog('parameter', { x: 0, y: 0 });
    const param = s2.getState().view.selected[0]!;
    s2.getState().rename(param, 'pg-password');
    s2.getState().rename('postgres', 'pg');
    const names2 = s2.getState().doc.topology.resources.map((r) => r.name);
    expect(names2).toContain('postgres-password');
    expect(names2).toContain('pg-password');
  });

  it('rename is validated', () => {
    const s = fresh();
    expect(s.getState().rename('api', 'cache')).toMatch(/already exists/);
    expect(s.getState().rename('api', 'CACHE')).toMatch(/already exists/);
    expect(s.getState().rename('api', '1api')).toMatch(/start with a letter/);
    expect(s.getState().rename('api', 'a--b')).toMatch(/two dashes/);
    expect(s.getState().doc.topology.resources[0]!.name).toBe('api');
  });

  it('remove reports dependents and removes the env they were given', () => {
    const s = fresh();
    s.getState().connect('api', 'postgresdb');
    const dependents = s.getState().remove(['postgres']);
    expect(dependents.sort()).toEqual(['api', 'postgresdb'].sort());
    const names = s.getState().doc.topology.resources.map((r) => r.name);
    expect(names).not.toContain('postgresdb');
    expect(envOf(s, 'api')['ConnectionStrings__postgresdb']).toBeUndefined();
    expect(s.getState().doc.topology.references).toHaveLength(0);
  });

  it('duplicate renames copies and rewires references among them', () => {
    const s = fresh();
    s.getState().connect('api', 'cache');
    const names = s.getState().duplicate(['api', 'cache']);
    expect(names).toEqual(['api-2', 'cache-2']);
    expect(envOf(s, 'api-2')['ConnectionStrings__cache-2']).toBe('{cache-2.connectionString}');
    expect(s.getState().doc.topology.references).toContainEqual({
      from: 'api-2',
      to: 'cache-2',
      kind: 'connection-string',
      waitFor: 'none',
    });
    const cache2 = s.getState().doc.topology.resources.find((r) => r.name === 'cache-2')!;
    expect(cache2.volumes[0]!.name).toBe('cache-2-data');
  });

  it('undo/redo: each action is one step, selection and no-ops are not', () => {
    const s = fresh();
    const t = s.temporal.getState;
    s.getState().select(['api']);
    s.getState().move({ api: s.getState().doc.positions['api']! }); // no-op
    expect(t().pastStates).toHaveLength(0);
    s.getState().connect('api', 'cache');
    s.getState().move({ api: { x: 500, y: 500 } });
    expect(t().pastStates).toHaveLength(2);
    t().undo();
    expect(s.getState().doc.positions['api']).toEqual({ x: 0, y: 0 });
    t().undo();
    expect(s.getState().doc.topology.references).toHaveLength(0);
    t().redo();
    expect(s.getState().doc.topology.references).toHaveLength(1);
  });

  it('import replaces the topology in one undo step', () => {
    const s = fresh();
    const before = s.getState().doc;
    s.getState().importTopology({ name: 'x', resources: [], references: [] });
    expect(s.getState().doc.topology.resources).toHaveLength(0);
    s.temporal.getState().undo();
    expect(s.getState().doc).toBe(before);
  });

  it('a resource named "constructor" has no inherited position: import and copy give it a real one', () => {
    const s = fresh();
    const api = s.getState().doc.topology.resources.find((r) => r.name === 'api')!;
    s.getState().importTopology({ name: 'x', resources: [{ ...api, name: 'constructor' }], references: [] });
    expect(Object.hasOwn(s.getState().doc.positions, 'constructor')).toBe(false);
    const fragment = s.getState().copy(['constructor']);
    expect(fragment.positions['constructor']).toEqual({ x: 0, y: 0 });
    s.getState().move({ constructor: { x: 5, y: 6 } });
    expect(s.getState().doc.positions['constructor']).toEqual({ x: 5, y: 6 });
  });

  it('edits follow renames and can be cleared', () => {
    const s = fresh();
    s.getState().setEdit('k8s/api/deployment.yaml', 'x');
    s.getState().rename('api', 'web-api');
    expect(s.getState().doc.edits).toEqual({ 'k8s/web-api/deployment.yaml': 'x' });
    s.getState().setEdit('k8s/web-api/deployment.yaml', undefined);
    expect(s.getState().doc.edits).toEqual({});
  });

  it('rejects invalid replicas', () => {
    const s = fresh();
    expect(s.getState().updateResource('api', { settings: { replicas: -1 } })).toMatch(/whole number/);
    expect(s.getState().updateResource('api', { settings: { replicas: 3 } })).toBeUndefined();
  });
});
