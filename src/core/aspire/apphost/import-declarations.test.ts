import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';
import { env, refs, res, runWith } from './import-test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const run = (body: string) => runWith(parser, body);

describe('integrations', () => {
  it('AddSqlServer: image, port 1433, generated password parameter, connection string', () => {
    const { topology, diagnostics } = run('var sql = builder.AddSqlServer("sql");');
    expect(diagnostics).toEqual([]);
    const sql = res(topology, 'sql');
    expect(sql).toMatchObject({
      kind: 'container',
      engine: 'sqlserver',
      image: 'mcr.microsoft.com/mssql/server:2022-latest',
    });
    expect(sql.endpoints).toEqual([
      { name: 'tcp', scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 1433, external: false },
    ]);
    expect(sql.connectionString).toBe(
      'Server={sql.bindings.tcp.host},{sql.bindings.tcp.port};User ' +
        'ID=sa;Password={sql-password.value};TrustServerCertificate=true',
    );
    expect(env(sql)).toEqual({ ACCEPT_EULA: 'Y', MSSQL_SA_PASSWORD: '{sql-password.value}' });
    expect(res(topology, 'sql-password').parameter).toEqual({
      secret: true,
      default: { kind: 'generate', minLength: 22 },
    });
    expect(refs(topology)).toEqual(['sql->sql-password parameter none']);
  });

  it.each([
    // Aspire 13.6 pins (PostgreSQL 18 keeps its data one level up, at /var/lib/postgresql).
    ['AddPostgres', 'postgres', 'docker.io/library/postgres:18.3', 5432, '/var/lib/postgresql', true],
    ['AddMySql', 'mysql', 'docker.io/library/mysql:9.7', 3306, '/var/lib/mysql', true],
    ['AddMongoDB', 'mongodb', 'docker.io/library/mongo:8.3', 27017, '/data/db', true],
    ['AddRedis', 'redis', 'docker.io/library/redis:8.6', 6379, '/data', true],
    ['AddRabbitMQ', 'rabbitmq', 'docker.io/library/rabbitmq:4.3', 5672, '/var/lib/rabbitmq', true],
    ['AddKafka', 'kafka', 'docker.io/confluentinc/confluent-local:8.2.0', 9092, '/var/lib/kafka/data', false],
  ])('%s: engine %s, image %s, port %i, data volume at %s', (method, engine, image, port, dataPath, password) => {
    const { topology, diagnostics } = run(`builder.${method}("x").WithDataVolume();`);
    expect(diagnostics).toEqual([]);
    const x = res(topology, 'x');
    expect(x).toMatchObject({ kind: 'container', engine, image });
    expect(x.endpoints[0]!.targetPort).toBe(port);
    expect(x.volumes).toEqual([{ name: 'x-data', target: dataPath, readOnly: false }]);
    expect(x.connectionString).toContain('{x.bindings.tcp.host}');
    expect(topology.resources.some((r) => r.name === 'x-password')).toBe(password);
  });

  it('AddRedis persists with --save once it has a data volume (as the manifest shows)', () => {
    const { topology } = run('builder.AddRedis("a"); builder.AddRedis("b").WithDataVolume();');
    expect(res(topology, 'a').args).toEqual(['-c', 'redis-server --requirepass $REDIS_PASSWORD']);
    expect(res(topology, 'b').args).toEqual(['-c', 'redis-server --requirepass $REDIS_PASSWORD --save 60 1']);
    expect(res(topology, 'b').entrypoint).toBe('/bin/sh');
  });

  it('WithManagementPlugin: the -management image and an HTTP endpoint on 15672', () => {
    const { topology } = run('builder.AddRabbitMQ("eventbus").WithManagementPlugin();');
    const bus = res(topology, 'eventbus');
    expect(bus.image).toBe('docker.io/library/rabbitmq:4.3-management');
    expect(bus.endpoints.map((e) => `${e.name}:${e.targetPort}`)).toEqual(['tcp:5672', 'management:15672']);
  });

  it('AddDatabase: a database child with the manifest connection string (SQL Server: Initial Catalog)', () => {
    const { topology } = run(`
var pg = builder.AddPostgres("pg");
var db = pg.AddDatabase("orders", "ordersdb");
var sql = builder.AddSqlServer("sql").AddDatabase("catalog");
var mongo = builder.AddMongoDB("mongo").AddDatabase("docs");`);
    expect(res(topology, 'orders')).toMatchObject({
      kind: 'database',
      parent: 'pg',
      databaseName: 'ordersdb',
      connectionString: '{pg.connectionString};Database=ordersdb',
    });
    expect(res(topology, 'catalog').connectionString).toBe('{sql.connectionString};Initial Catalog=catalog');
    expect(res(topology, 'docs').connectionString).toBe(
      'mongodb://admin:{mongo-password-uri-encoded.value}@{mongo.bindings.tcp.host}:{mongo.bindings.tcp.port}/docs?authSource=admin&authMechanism=SCRAM-SHA-256',
    );
  });

  it('custom password parameter and port: no generated password, exposed port', () => {
    const { topology } = run(
      'var pw = builder.AddParameter("pw", secret: true);\nbuilder.AddPostgres("pg", password: pw, port: 6543);',
    );
    expect(topology.resources.map((r) => r.name)).toEqual(['pw', 'pg']);
    expect(res(topology, 'pg').connectionString).toContain('Password={pw.value}');
    expect(res(topology, 'pg').endpoints[0]).toMatchObject({ port: 6543, targetPort: 5432 });
    expect(refs(topology)).toEqual(['pg->pw parameter none']);
  });
});

describe('projects, containers, parameters', () => {
  it('AddProject<Projects.X>: http + https without targetPort, HTTP_PORTS and OTLP retry env', () => {
    const { topology } = run('builder.AddProject<Projects.TripApi>("trip-api");');
    const p = res(topology, 'trip-api');
    expect(p).toMatchObject({ kind: 'project', sourceType: 'project.v0', projectPath: '../TripApi/TripApi.csproj' });
    expect(p.endpoints.map((e) => [e.name, e.scheme, e.targetPort])).toEqual([
      ['http', 'http', undefined],
      ['https', 'https', undefined],
    ]);
    expect(env(p)).toMatchObject({
      HTTP_PORTS: '{trip-api.bindings.http.targetPort}',
      OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY: 'in_memory',
    });
  });

  it('AddProject path overload', () => {
    const { topology } = run('builder.AddProject("api", @"..\\Api\\Api.csproj");');
    expect(res(topology, 'api').projectPath).toBe('../Api/Api.csproj');
  });

  it('AddContainer(name, image, tag) and WithImageTag', () => {
    const { topology } = run(
      'builder.AddContainer("seq", "datalust/seq", "2025.2");\nbuilder.AddContainer("cache", ' +
        '"redis").WithImageTag("7");\nbuilder.AddContainer("kc", "quay.io/keycloak/keycloak:26.5");',
    );
    expect(res(topology, 'seq').image).toBe('datalust/seq:2025.2');
    expect(res(topology, 'cache')).toMatchObject({ image: 'redis:7', engine: 'redis' });
    expect(res(topology, 'kc').image).toBe('quay.io/keycloak/keycloak:26.5');
  });

  it('AddDockerfile(name, context, dockerfile?)', () => {
    const { topology } = run(
      'builder.AddDockerfile("a", "../a");\nbuilder.AddDockerfile("b", "../b", "Dockerfile.prod");',
    );
    expect(res(topology, 'a')).toMatchObject({
      kind: 'dockerfile',
      build: { context: '../a', dockerfile: '../a/Dockerfile' },
    });
    expect(res(topology, 'b').build).toEqual({ context: '../b', dockerfile: '../b/Dockerfile.prod' });
  });

  it('AddParameter(name, secret: true), value overload, AddConnectionString', () => {
    const { topology } = run(
      'builder.AddParameter("key", secret: true);\nbuilder.AddParameter("region", "eu", publishValueAsDefault: ' +
        'true);\nbuilder.AddParameter("plain");\nbuilder.AddConnectionString("crm");',
    );
    expect(res(topology, 'key').parameter).toEqual({ secret: true });
    expect(res(topology, 'region').parameter).toEqual({ secret: false, default: { kind: 'value', value: 'eu' } });
    expect(res(topology, 'plain').parameter).toEqual({ secret: false });
    expect(res(topology, 'crm')).toMatchObject({ kind: 'connection-string', connectionString: '{crm.value}' });
  });
});

describe('run-only declarations', () => {
  it('AddDotnetProject: a placeholder saying aspire publish refuses it, references to it kept', () => {
    const { topology } = run(`var api = builder.AddDotnetProject("api", "../Api");
builder.AddProject<Projects.Web>("web").WithReference(api);`);
    expect(res(topology, 'api').kind).toBe('unknown');
    expect(refs(topology)).toContain('web->api service-discovery none');
    expect(topology.unmodelled?.find((u) => u.resource === 'api')?.message).toMatch(/aspire publish refuses it/);
  });
});
