import { describe, expect, it } from 'vitest';
import type { Reference } from '../../model/topology';
import { importManifest } from './import-manifest';
import { fixture, manifest } from './test-helpers';

const ref = (from: string, to: string, kind: Reference['kind']): Reference => ({ from, to, kind, waitFor: 'none' });

describe('reference derivation', () => {
  it('rebuilds the seed travel platform graph', () => {
    const r = importManifest(fixture('seed-travel-platform.json'), { fileName: 'seed-travel-platform.json' });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.topology.references).toEqual([
      ref('catalog-sql', 'catalog-sql-password', 'parameter'),
      ref('trip-api', 'catalog', 'connection-string'),
      ref('availability-worker', 'trip-api', 'service-discovery'),
      ref('availability-worker', 'catalog', 'connection-string'),
    ]);
    const catalog = r.topology.resources.find((x) => x.name === 'catalog')!;
    expect(catalog).toMatchObject({ kind: 'database', parent: 'catalog-sql', databaseName: 'catalog' });
    const sql = r.topology.resources.find((x) => x.name === 'catalog-sql')!;
    expect(sql).toMatchObject({
      kind: 'container',
      engine: 'sqlserver',
      volumes: [{ target: '/var/opt/mssql', readOnly: false }],
    });
  });

  it('classifies kinds and keeps the strongest per pair', () => {
    const r = importManifest(
      manifest({
        db: {
          type: 'container.v0',
          image: 'postgres',
          connectionString: 'Host={db.bindings.tcp.host}',
          bindings: { tcp: { scheme: 'tcp', targetPort: 5432 } },
        },
        svc: { type: 'project.v0', path: 'a', bindings: { http: { scheme: 'http' } } },
        p: { type: 'parameter.v0', value: '{p.inputs.value}', inputs: { value: { type: 'string' } } },
        a: {
          type: 'project.v0',
          path: 'b',
          env: {
            H: '{db.bindings.tcp.host}',
            CS: '{db.connectionString}',
            P: '{svc.bindings.http.port}',
            U: '{svc.bindings.http.url}',
            X: '{p.value}',
          },
          args: ['--p={p.value}'],
        },
        b: {
          type: 'project.v0',
          path: 'c',
          env: { PORT: '{svc.bindings.http.targetPort}', SCHEME: '{svc.bindings.http.scheme}' },
        },
      }),
    );
    expect(r.topology.references).toEqual([
      ref('a', 'db', 'connection-string'),
      ref('a', 'svc', 'service-discovery'),
      ref('a', 'p', 'parameter'),
      ref('b', 'svc', 'endpoint-property'),
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('draws no edge for self references or a database child to its server', () => {
    const r = importManifest(fixture('playground-mongo.json'));
    const from = (n: string) => r.topology.references.filter((x) => x.from === n).map((x) => `${x.to}:${x.kind}`);
    expect(from('mongo')).toEqual(['mongo-password:parameter', 'mongo-password-uri-encoded:parameter']);
    expect(from('db')).toEqual(['mongo-password-uri-encoded:parameter']);
    expect(from('api')).toEqual([
      'db:connection-string',
      'mongo:endpoint-property',
      'mongo-password:parameter',
      'mongo-password-uri-encoded:parameter',
    ]);
  });

  it('allows cycles', () => {
    const r = importManifest(
      manifest({
        a: {
          type: 'project.v0',
          path: 'a',
          env: { B: '{b.bindings.http.url}' },
          bindings: { http: { scheme: 'http' } },
        },
        b: {
          type: 'project.v0',
          path: 'b',
          env: { A: '{a.bindings.http.url}' },
          bindings: { http: { scheme: 'http' } },
        },
      }),
    );
    expect(r.topology.references).toEqual([ref('a', 'b', 'service-discovery'), ref('b', 'a', 'service-discovery')]);
  });

  it('scans connection strings, build args and cloud params', () => {
    const r = importManifest(
      manifest({
        p: { type: 'parameter.v0', value: '{p.inputs.value}', inputs: { value: { type: 'string', secret: true } } },
        v: { type: 'value.v0', connectionString: 'Key={p.value}' },
        img: { type: 'container.v1', build: { context: '.', args: { TOKEN: '{p.value}' } } },
        kv: { type: 'azure.bicep.v0', path: 'kv.bicep', params: { principal: { nested: ['{p.value}'] } } },
      }),
    );
    expect(r.topology.references).toEqual([
      ref('v', 'p', 'parameter'),
      ref('img', 'p', 'parameter'),
      ref('kv', 'p', 'parameter'),
    ]);
  });

  it('keeps literal braces literal, without diagnostics', () => {
    const r = importManifest(fixture('playground-yarp.json'));
    expect(r.diagnostics.filter((d) => d.code === 'dangling-reference')).toEqual([]);
    const literal = importManifest(
      manifest({
        g: {
          type: 'container.v0',
          image: 'x',
          env: { R: '/api/{**catch-all}', J: '[{"api_uri":"{value}"}]', K: '{not an expression}', L: '{a.b.c}' },
          args: ['{}', '{', '}{'],
        },
      }),
    );
    expect(literal.diagnostics).toEqual([]);
    expect(literal.topology.references).toEqual([]);
    expect(literal.topology.resources[0]!.env.map((e) => e.value)).toEqual([
      '/api/{**catch-all}',
      '[{"api_uri":"{value}"}]',
      '{not an expression}',
      '{a.b.c}',
    ]);
  });

  it('warns about dangling references with resource, field and expression', () => {
    const r = importManifest(fixture('edge-cases/dangling-refs.json'));
    const dangling = r.diagnostics.filter((d) => d.code === 'dangling-reference');
    expect(dangling.map((d) => [d.resource, d.field])).toEqual([
      ['gateway', 'env.MISSING_RESOURCE'],
      ['gateway', 'env.MISSING_BINDING'],
      ['gateway', 'env.PARAM_BINDING'],
    ]);
    expect(dangling.every((d) => d.severity === 'warning' && d.line !== undefined)).toBe(true);
    expect(dangling[0]!.message).toContain('{ghost.bindings.http.url}');
    expect(dangling[1]!.message).toMatch(/"api" has no binding "grpc" \(it has http\)/);
    expect(dangling[2]!.message).toMatch(/"db-password" is a parameter and has no endpoints/);
    // Still edges to the resources that exist (the user can fix the binding name).
    expect(r.topology.references).toContainEqual(ref('gateway', 'api', 'service-discovery'));
    expect(r.topology.references).toContainEqual(ref('api', 'gateway', 'service-discovery'));
  });

  it('finds the dangling references in real manifests', () => {
    const pe = importManifest(fixture('playground-parameterendtoend.json')).diagnostics.filter(
      (d) => d.code === 'dangling-reference',
    );
    expect(pe.some((d) => d.message.includes('{sql.bindings.tcp.host}'))).toBe(true);
    const tp = importManifest(fixture('test-testproject-apphost.json')).diagnostics.filter(
      (d) => d.code === 'dangling-reference',
    );
    expect(tp.some((d) => d.message.includes('rabbitmq-password-uri-encoded'))).toBe(true);
    const dt = importManifest(fixture('playground-devtunnels.json')).diagnostics.filter(
      (d) => d.code === 'dangling-reference',
    );
    expect(dt.some((d) => d.message.includes('api.bindings.tunnel'))).toBe(true);
  });

  it('sets waitFor to none (the manifest does not carry WaitFor)', () => {
    const r = importManifest(fixture('playground-waitfor.json'));
    expect(r.topology.references.length).toBeGreaterThan(0);
    expect(r.topology.references.every((x) => x.waitFor === 'none')).toBe(true);
  });
});
