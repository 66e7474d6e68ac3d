/**
 * MinIO as CommunityToolkit.Aspire.Hosting.Minio writes it: importing an App Host that declares
 * it gives the container, secret and reference env the integration's source puts in the model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import type { CSharpParser } from '../../aspire/apphost/parser';
import { testParser } from '../../aspire/apphost/test-support';
import { engineFromImage } from './index';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const appHost = (declare: string) => `var builder = DistributedApplication.CreateBuilder(args);
${declare}
builder.AddProject<Projects.Api>("api").WithReference(minio);
builder.Build().Run();
`;

describe('AddMinioContainer', () => {
  it('a container with S3 and console endpoints, a generated root password and Aspire’s reference env', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      appHost('var minio = builder.AddMinioContainer("minio").WithDataVolume();'),
      { name: 'm' },
    );
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const minio = topology.resources.find((r) => r.name === 'minio')!;
    expect(minio.engine).toBe('minio');
    expect(minio.image).toBe('docker.io/minio/minio:RELEASE.2025-09-07T16-13-09Z');
    expect(minio.args).toEqual(['server', '/data', '--console-address', ':9001']);
    expect(minio.endpoints.map((e) => [e.name, e.targetPort])).toEqual([
      ['http', 9000],
      ['console', 9001],
    ]);
    expect(minio.env).toEqual(
      expect.arrayContaining([
        { name: 'MINIO_ROOT_USER', value: 'minioadmin' },
        { name: 'MINIO_ROOT_PASSWORD', value: '{minio-rootPassword.value}' },
      ]),
    );
    expect(minio.volumes.map((v) => v.target)).toEqual(['/data']);
    expect(topology.resources.find((r) => r.name === 'minio-rootPassword')?.kind).toBe('parameter');
    const api = topology.resources.find((r) => r.name === 'api')!;
    const env = Object.fromEntries(api.env.map((e) => [e.name, e.value]));
    expect(env['ConnectionStrings__minio']).toBe('{minio.connectionString}');
    expect(env['MINIO_ACCESSKEY']).toBe('minioadmin');
    expect(env['MINIO_SECRETKEY']).toBe('{minio-rootPassword.value}');
    expect(env['MINIO_URI']).toBe('http://{minio.bindings.http.host}:{minio.bindings.http.port}');
    expect(minio.connectionString).toBe(
      'Endpoint=http://{minio.bindings.http.host}:{minio.bindings.http.port};' +
        'AccessKey=minioadmin;SecretKey={minio-rootPassword.value}',
    );
  });

  it('rootUser and rootPassword parameters replace the default user and the generated password', () => {
    const { topology } = importAppHost(
      parser,
      appHost(`var user = builder.AddParameter("minio-user");
var pass = builder.AddParameter("minio-pass", secret: true);
var minio = builder.AddMinioContainer("minio", rootUser: user, rootPassword: pass);`),
      { name: 'm' },
    );
    const minio = topology.resources.find((r) => r.name === 'minio')!;
    expect(minio.env).toEqual(
      expect.arrayContaining([
        { name: 'MINIO_ROOT_USER', value: '{minio-user.value}' },
        { name: 'MINIO_ROOT_PASSWORD', value: '{minio-pass.value}' },
      ]),
    );
    expect(topology.resources.some((r) => r.name === 'minio-rootPassword')).toBe(false);
  });

  it('a manifest’s minio/minio image is recognised, other tags too', () => {
    expect(engineFromImage('docker.io/minio/minio:RELEASE.2024-01-01T00-00-00Z')).toBe('minio');
    expect(engineFromImage('quay.io/minio/minio:latest')).toBe('minio');
  });
});

describe('SQLite, SQL database projects, MCP Inspector: no workload, and the import says why', () => {
  it.each([
    ['builder.AddSqlite("minio")', 'SQLite is a database file'],
    ['builder.AddSqlProject<Projects.Db>("minio")', '.dacpac'],
    ['builder.AddMcpInspector("minio")', 'MCP Inspector'],
  ])('%s', (declare, reason) => {
    const { topology } = importAppHost(parser, appHost(`var minio = ${declare};`), { name: 'm' });
    const entry = (topology.unmodelled ?? []).find((u) => u.resource === 'minio')!;
    expect(entry.message).toContain('not deployed');
    expect(entry.message).toContain(reason);
    expect(entry.message).toContain('excludes it from the manifest');
    expect(topology.resources.find((r) => r.name === 'minio')?.kind).toBe('unknown');
  });
});
