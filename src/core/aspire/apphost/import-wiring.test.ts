/* eslint-disable max-len -- App Host programs (and the strings they produce) are quoted as written */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';
import { env, refs, res, runWith } from './import-test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const run = (body: string) => runWith(parser, body);

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
