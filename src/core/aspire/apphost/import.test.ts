import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource, Topology } from '../../model/topology';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const HEAD = 'var builder = DistributedApplication.CreateBuilder(args);\n';
function run(body: string) {
  return importAppHost(parser, `${HEAD}${body}\nbuilder.Build().Run();\n`);
}
function res(t: Topology, name: string): Resource {
  const r = t.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}: ${t.resources.map((x) => x.name).join(', ')}`);
  return r;
}
const env = (r: Resource) => Object.fromEntries(r.env.map((e) => [e.name, e.value]));
const refs = (t: Topology) => t.references.map((r) => `${r.from}->${r.to} ${r.kind} ${r.waitFor}`);

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
      'Server={sql.bindings.tcp.host},{sql.bindings.tcp.port};User ID=sa;Password={sql-password.value};TrustServerCertificate=true',
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
      'builder.AddContainer("seq", "datalust/seq", "2025.2");\nbuilder.AddContainer("cache", "redis").WithImageTag("7");\nbuilder.AddContainer("kc", "quay.io/keycloak/keycloak:26.5");',
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
      'builder.AddParameter("key", secret: true);\nbuilder.AddParameter("region", "eu", publishValueAsDefault: true);\nbuilder.AddParameter("plain");\nbuilder.AddConnectionString("crm");',
    );
    expect(res(topology, 'key').parameter).toEqual({ secret: true });
    expect(res(topology, 'region').parameter).toEqual({ secret: false, default: { kind: 'value', value: 'eu' } });
    expect(res(topology, 'plain').parameter).toEqual({ secret: false });
    expect(res(topology, 'crm')).toMatchObject({ kind: 'connection-string', connectionString: '{crm.value}' });
  });
});

describe('relationships', () => {
  it('WithReference: connection strings, service discovery, endpoint references, aliases', () => {
    const { topology } = run(`
var db = builder.AddPostgres("pg").AddDatabase("orders");
var api = builder.AddProject<Projects.Api>("api");
var crm = builder.AddConnectionString("crm");
builder.AddProject<Projects.Web>("web")
    .WithReference(db)
    .WithReference(api)
    .WithReference(crm, "Crm");
builder.AddProject<Projects.Worker>("worker").WithReference(api.GetEndpoint("https"));`);
    expect(env(res(topology, 'web'))).toMatchObject({
      ConnectionStrings__orders: '{orders.connectionString}',
      services__api__http__0: '{api.bindings.http.url}',
      services__api__https__0: '{api.bindings.https.url}',
      API_HTTP: '{api.bindings.http.url}',
      API_HTTPS: '{api.bindings.https.url}',
      ConnectionStrings__Crm: '{crm.connectionString}',
    });
    const worker = env(res(topology, 'worker'));
    expect(worker['services__api__https__0']).toBe('{api.bindings.https.url}');
    expect(worker['services__api__http__0']).toBeUndefined();
    // Aspire 13 connection properties: ORDERS_HOST/PORT/URI/… name the server and its password.
    expect(env(res(topology, 'web'))).toMatchObject({
      ORDERS_HOST: '{pg.bindings.tcp.host}',
      ORDERS_PORT: '{pg.bindings.tcp.port}',
      ORDERS_USERNAME: 'postgres',
      ORDERS_PASSWORD: '{pg-password.value}',
      ORDERS_URI:
        'postgresql://postgres:{pg-password-uri-encoded.value}@{pg.bindings.tcp.host}:{pg.bindings.tcp.port}/orders',
      ORDERS_JDBCCONNECTIONSTRING: 'jdbc:postgresql://{pg.bindings.tcp.host}:{pg.bindings.tcp.port}/orders',
      ORDERS_DATABASENAME: 'orders',
    });
    expect(refs(topology).filter((r) => !r.includes('password'))).toEqual([
      'web->orders connection-string none',
      'web->pg endpoint-property none',
      'web->api service-discovery none',
      'web->crm connection-string none',
      'worker->api service-discovery none',
    ]);
  });

  it('WaitFor / WaitForCompletion set the wait mode; WaitFor alone is wait-only', () => {
    const { topology } = run(`
var db = builder.AddPostgres("pg");
var setup = builder.AddProject<Projects.Setup>("setup");
builder.AddProject<Projects.Api>("api").WaitFor(db).WithReference(db).WaitForCompletion(setup);`);
    expect(refs(topology)).toEqual([
      'pg->pg-password parameter none',
      'api->pg connection-string running',
      'api->pg-password parameter none',
      'api->setup wait-only completion',
      'pg-password-uri-encoded->pg-password parameter none',
      'api->pg-password-uri-encoded parameter none',
    ]);
  });

  it('calls on variables later, and assignment', () => {
    const { topology } = run(`
IResourceBuilder<ProjectResource> api;
api = builder.AddProject<Projects.Api>("api");
var cache = builder.AddRedis("cache");
api.WithReference(cache);
api.WaitFor(cache);`);
    expect(refs(topology)).toContain('api->cache connection-string running');
  });
});

describe('settings, endpoints, storage, environment', () => {
  it('WithReplicas, WithHttpHealthCheck, WithHttpProbe, PublishAsConnectionString, WithImageTag on a project', () => {
    const { topology } = run(`
builder.AddProject<Projects.Api>("api").WithReplicas(3).WithHttpHealthCheck("/health").WithHttpProbe(ProbeType.Liveness, "/alive").WithImageTag("2.0");
builder.AddProject<Projects.B>("b").WithHttpHealthCheck();
builder.AddRedis("cache").PublishAsConnectionString();`);
    expect(res(topology, 'api').settings).toEqual({
      replicas: 3,
      healthPaths: { readiness: '/health', liveness: '/alive' },
      // WithHttpProbe keeps what it declares; the generator fills Aspire's defaults for the rest.
      probes: { liveness: { path: '/alive' } },
      imageTag: '2.0',
    });
    expect(res(topology, 'b').settings.healthPaths).toEqual({ readiness: '/' });
    expect(res(topology, 'cache').settings.databaseMode).toBe('external');
  });

  it('WithHttpEndpoint/WithHttpsEndpoint/WithEndpoint, named and positional; WithExternalHttpEndpoints', () => {
    const { topology } = run(`
builder.AddContainer("c", "img", "1")
    .WithHttpEndpoint(8080, 80, "web")
    .WithHttpsEndpoint(targetPort: 443)
    .WithEndpoint(port: 9000, targetPort: 9000, name: "metrics", scheme: "tcp")
    .WithEndpoint(5000, 5001, "grpc", "grpc", isExternal: true)
    .WithHttpEndpoint(name: "env", targetPort: 3000, env: "PORT")
    .WithExternalHttpEndpoints()
    .WithEndpoint("metrics", e => { e.Port = 9100; e.Transport = "http2"; });`);
    const c = res(topology, 'c');
    expect(c.endpoints).toEqual([
      { name: 'web', scheme: 'http', protocol: 'tcp', transport: 'http', port: 8080, targetPort: 80, external: true },
      { name: 'https', scheme: 'https', protocol: 'tcp', transport: 'http', targetPort: 443, external: true },
      {
        name: 'metrics',
        scheme: 'tcp',
        protocol: 'tcp',
        transport: 'http2',
        port: 9100,
        targetPort: 9000,
        external: false,
      },
      { name: 'grpc', scheme: 'grpc', protocol: 'tcp', transport: 'tcp', port: 5000, targetPort: 5001, external: true },
      { name: 'env', scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 3000, external: true },
    ]);
    expect(env(c)).toEqual({ PORT: '{c.bindings.env.targetPort}' });
  });

  it('WithVolume (both overloads), WithBindMount, WithDataVolume(name), WithDataBindMount', () => {
    const { topology } = run(`
builder.AddContainer("c", "img", "1").WithVolume("/cache").WithVolume("logs", "/var/log", isReadOnly: true).WithBindMount("./conf", "/etc/conf", true);
builder.AddPostgres("pg").WithDataVolume("pgdata");
builder.AddMySql("my").WithDataBindMount("../data");`);
    const c = res(topology, 'c');
    expect(c.volumes).toEqual([
      { target: '/cache', readOnly: false },
      { name: 'logs', target: '/var/log', readOnly: true },
    ]);
    expect(c.bindMounts).toEqual([{ source: './conf', target: '/etc/conf', readOnly: true }]);
    expect(res(topology, 'pg').volumes).toEqual([{ name: 'pgdata', target: '/var/lib/postgresql', readOnly: false }]);
    expect(res(topology, 'my').bindMounts).toEqual([{ source: '../data', target: '/var/lib/mysql', readOnly: false }]);
  });

  it('WithEnvironment: literal, constant, parameter, endpoint, interpolation; WithArgs', () => {
    const { topology } = run(`
const string Mode = "prod";
var key = builder.AddParameter("key", secret: true);
var api = builder.AddProject<Projects.Api>("api");
var db = builder.AddPostgres("pg");
builder.AddContainer("c", "img", "1")
    .WithEnvironment("A", "1")
    .WithEnvironment("MODE", Mode)
    .WithEnvironment("KEY", key)
    .WithEnvironment("API", api.GetEndpoint("http"))
    .WithEnvironment("API_HOST", api.GetEndpoint("http").Property(EndpointProperty.Host))
    .WithEnvironment("DB", db)
    .WithEnvironment("URL", $"{api.GetEndpoint("https")}/v1?mode={Mode}")
    .WithArgs("--mode", Mode, key);`);
    const c = res(topology, 'c');
    expect(env(c)).toEqual({
      A: '1',
      MODE: 'prod',
      KEY: '{key.value}',
      API: '{api.bindings.http.url}',
      API_HOST: '{api.bindings.http.host}',
      DB: '{pg.connectionString}',
      URL: '{api.bindings.https.url}/v1?mode=prod',
    });
    expect(c.args).toEqual(['--mode', 'prod', '{key.value}']);
    expect(refs(topology).filter((r) => r.startsWith('c->'))).toEqual([
      'c->key parameter none',
      'c->api service-discovery none',
      'c->pg connection-string none',
    ]);
  });
});

describe('styles', () => {
  it('a classic Main method inside a namespace', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      `using Aspire.Hosting;
namespace Shop;
internal static class Program
{
    private static async Task Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        builder.AddProject<Projects.Api>("api").WithReplicas(2);
        await builder.Build().RunAsync();
    }
}`,
    );
    expect(diagnostics).toEqual([]);
    expect(res(topology, 'api').settings.replicas).toBe(2);
  });

  it('resource names from class constants: in the class of Main, and qualified from top-level code', () => {
    const main = importAppHost(
      parser,
      `namespace Shop;
public static class Program
{
    private const string ApiName = "api";
    const string Prefix = "shop";
    static readonly string Cache = Prefix + "-cache";
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        var redis = builder.AddRedis(Cache);
        builder.AddProject<Projects.Api>(ApiName).WithReference(redis).WaitFor(redis);
        builder.AddProject<Projects.Web>($"{Prefix}-web");
        builder.Build().Run();
    }
}`,
    );
    expect(main.diagnostics).toEqual([]);
    expect(main.topology.resources.map((r) => r.name)).toEqual([
      'shop-cache-password',
      'shop-cache',
      'api',
      'shop-web',
      'shop-cache-password-uri-encoded',
    ]);
    expect(refs(main.topology)).toContain('api->shop-cache connection-string running');

    // Top-level statements come first in the file, so the constants are declared after their use.
    const topLevel = run(`builder.AddContainer(Names.Web, "nginx", Names.Tag);
static class Names { public const string Web = "web"; public const string Tag = "1.27"; }`);
    expect(res(topLevel.topology, 'web').image).toBe('nginx:1.27');
  });

  it('explicit types, comments inside chains, verbatim and raw strings, string concatenation', () => {
    const { topology, diagnostics } = run(`
// a comment
IResourceBuilder<RedisResource> cache = builder /* inline */ .AddRedis("cache") // trailing
    // between calls
    .WithDataVolume(@"cache""data");
IResourceBuilder<ContainerResource> c = builder.AddContainer("c", """img""", "1" + ".0");`);
    expect(diagnostics).toEqual([]);
    expect(res(topology, 'cache').volumes[0]!.name).toBe('cache"data');
    expect(res(topology, 'c').image).toBe('img:1.0');
  });
});

describe('what is not understood becomes a warning with its line; the rest imports', () => {
  it('if, foreach, custom extension methods, unknown integrations, unresolved names', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      [
        'var builder = DistributedApplication.CreateBuilder(args);', // 1
        'var cache = builder.AddRedis("cache");', // 2
        'if (builder.ExecutionContext.IsPublishMode)', // 3
        '{', // 4
        '    cache.WithReplicas(3);', // 5
        '}', // 6
        'foreach (var n in names) { builder.AddProject<Projects.W>(n); }', // 7
        'var api = builder.AddProject<Projects.Api>("api")', // 8
        '    .WithMyTelemetry()', // 9
        '    .WithReference(cache);', // 10
        'builder.AddAzureFunctionsProject<Projects.F>("f");', // 11
        'builder.AddContainer(name, "img");', // 12
        'builder.Build().Run();', // 13
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.line])).toEqual([
      ['unsupported-statement', 7],
      ['unknown-call', 9],
      ['placeholder', 11],
      ['unresolved-name', 12],
    ]);
    expect(diagnostics.every((d) => d.message.includes(`Line ${d.line}`))).toBe(true);
    expect(topology.resources.map((r) => r.name)).toEqual([
      'cache-password',
      'cache',
      'api',
      'f',
      'cache-password-uri-encoded',
    ]);
    expect(res(topology, 'f')).toMatchObject({ kind: 'unknown', sourceType: 'apphost.placeholder' });
    // Publish mode decides the if: the replicas apply.
    expect(res(topology, 'cache').settings.replicas).toBe(3);
    expect(topology.unmodelled?.map((u) => [u.construct, u.line])).toEqual([
      ['foreach', 7],
      ['WithMyTelemetry', 9],
      ['AddAzureFunctionsProject', 11],
      ['AddContainer', 12],
    ]);
    expect(refs(topology)).toContain('api->cache connection-string none');
  });

  it('syntax errors are warnings; duplicate names and unknown references too; never throws', () => {
    const { topology, diagnostics } = run(`
var a = builder.AddRedis("a");
builder.AddRedis("a");
builder.AddProject<Projects.X>("x").WithReference(nope);
var broken = builder.AddContainer("b", "img" ;
builder.AddProject<Projects.Y>("y");`);
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('syntax-error');
    expect(codes).toContain('duplicate-resource');
    // A reference to something never declared keeps a placeholder, so the relationship stays visible.
    expect(codes).toContain('placeholder');
    expect(topology.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['a', 'x', 'y', 'nope']));
    expect(res(topology, 'nope')).toMatchObject({ kind: 'unknown', sourceType: 'apphost.placeholder' });
    expect(refs(topology)).toContain('x->nope service-discovery none');
    expect(topology.unmodelled).toContainEqual(
      expect.objectContaining({ resource: 'nope', construct: 'WithReference', line: 5 }),
    );
    for (const junk of [
      '',
      '}}}{{{',
      'class {',
      'var x = ;',
      '\u0000\uffff',
      'builder.AddRedis("a").WithReference(builder).WaitFor("x");',
    ]) {
      expect(() => importAppHost(parser, junk)).not.toThrow();
    }
    expect(importAppHost(parser, '').diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'error empty-apphost',
    ]);
  });

  it('names the syntax error when it leaves no resources (the CLI shows only the error)', () => {
    const { diagnostics } = importAppHost(
      parser,
      'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddContainer("c", "nginx"\n{ {\n',
    );
    const error = diagnostics.find((d) => d.severity === 'error')!;
    expect(error.code).toBe('empty-apphost');
    expect(error.message).toMatch(/syntax error/);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('keeps a syntax error that spans lines to one line of text', () => {
    const { diagnostics } = importAppHost(
      parser,
      'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddRedis("r");\nbuilder.AddContainer("c", "nginx"\n{ {\n',
    );
    const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
    expect(syntax.length).toBeGreaterThan(0);
    for (const d of syntax) expect(d.message).not.toMatch(/\n/);
  });
});
