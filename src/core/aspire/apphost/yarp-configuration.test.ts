/**
 * YARP's code-based routes (`WithConfiguration`): routes and clusters become the REVERSEPROXY__
 * environment Aspire writes, and every cluster's destination is a reference (service discovery).
 * The expected keys and values are those of Aspire's own manifest for the same shape
 * (fixtures/manifests/playground-yarp.json).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHostTs } from '../apphost-ts/import';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const HEAD = 'var builder = DistributedApplication.CreateBuilder(args);\n';
const run = (body: string) =>
  importAppHost(parser, `${HEAD}${body}\nbuilder.Build().Run();\n`, { fileName: 'AppHost.cs' });
const proxyEnv = (env: { name: string; value: string }[]) =>
  Object.fromEntries(env.filter((e) => e.name.startsWith('REVERSEPROXY__')).map((e) => [e.name, e.value]));

describe('YARP WithConfiguration', () => {
  it('routes, catch-all routes, clusters and path transforms, as Aspire writes them', () => {
    const { topology, diagnostics } = run(`
var api = builder.AddProject<Projects.Backend>("backend");
var web = builder.AddProject<Projects.Frontend>("frontend");
builder.AddYarp("gateway").WithConfiguration(yarp =>
{
    yarp.AddRoute(web);
    yarp.AddRoute("/api/{**catch-all}", api).WithTransformPathRemovePrefix("/api");
});`);
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    const manifest = JSON.parse(readFileSync('fixtures/manifests/playground-yarp.json', 'utf8')) as {
      resources: Record<string, { env: Record<string, string> }>;
    };
    const gateway = topology.resources.find((r) => r.name === 'gateway')!;
    expect(proxyEnv(gateway.env)).toEqual(
      proxyEnv(Object.entries(manifest.resources.gateway!.env).map(([name, value]) => ({ name, value }))),
    );
    const refs = topology.references.filter((r) => r.from === 'gateway').map((r) => `${r.to}:${r.kind}`);
    expect(refs.sort()).toEqual(['backend:service-discovery', 'frontend:service-discovery']);
    // The service discovery entries a reference writes are there too.
    expect(gateway.env.map((e) => e.name)).toEqual(expect.arrayContaining(['services__backend__http__0']));
  });

  it('a cluster variable, an endpoint cluster and typed lambda parameters', () => {
    const { topology } = run(`
var api = builder.AddContainer("api", "my/api").WithHttpEndpoint(targetPort: 8080, name: "admin");
builder.AddYarp("gw").WithConfiguration((IYarpConfigurationBuilder c) =>
{
    var admin = c.AddCluster(api.GetEndpoint("admin"));
    c.AddRoute("/admin/{**rest}", admin).WithTransformPathPrefix("/v2");
});`);
    const gw = topology.resources.find((r) => r.name === 'gw')!;
    expect(proxyEnv(gw.env)).toEqual({
      REVERSEPROXY__CLUSTERS__cluster_api__DESTINATIONS__destination1__ADDRESS: 'http://_admin.api',
      REVERSEPROXY__ROUTES__route0__MATCH__PATH: '/admin/{**rest}',
      REVERSEPROXY__ROUTES__route0__CLUSTERID: 'cluster_api',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__0__PathPrefix: '/v2',
    });
    expect(topology.references.map((r) => `${r.from}->${r.to}:${r.kind}`)).toContain('gw->api:service-discovery');
  });

  it('route options and statements it does not know are unmodelled entries with their line', () => {
    const { topology } = run(`
var api = builder.AddProject<Projects.Api>("api");
builder.AddYarp("gw").WithConfiguration(yarp =>
{
    yarp.AddRoute("/api/{**x}", api).WithMatchHeaders(new RouteHeader());
    yarp.AddCluster("pool", new object[] { "https://a.example", "https://b.example" });
    Console.WriteLine("configured");
});`);
    const lost = (topology.unmodelled ?? []).filter((u) => u.construct === 'WithConfiguration');
    expect(lost.map((u) => `${u.line}:${u.resource}`)).toEqual(['6:gw', '7:gw', '8:gw']);
    expect(lost[0]?.message).toMatch(/\.WithMatchHeaders/);
    // What was understood still stands.
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toContain('gw->api');
  });

  it('WithConfiguration on something that is not YARP stays an unknown call', () => {
    const { topology } = run(`builder.AddContainer("x", "img").WithConfiguration(c => c.Foo());`);
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}`)).toEqual(['WithConfiguration@2']);
  });
});

describe('YARP WithConfiguration: the lambda parameter may shadow the App Host builder', () => {
  it('endpoints of App Host resources as route targets', () => {
    const { topology, diagnostics } = run(`
var catalog = builder.AddProject<Projects.Catalog>("catalog");
var yarp = builder.AddYarp("gw");
yarp.WithConfiguration(builder =>
{
    builder.AddRoute("/catalog/{**catch-all}", catalog.GetEndpoint("http")).WithTransformPathRemovePrefix("/catalog");
});`);
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    const gw = topology.resources.find((r) => r.name === 'gw')!;
    expect(proxyEnv(gw.env)).toMatchObject({
      REVERSEPROXY__CLUSTERS__cluster_catalog__DESTINATIONS__destination1__ADDRESS: 'http://catalog',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__0__PathRemovePrefix: '/catalog',
    });
  });
});

describe('YARP route options', () => {
  it('match, order and request transforms become the route keys YARP reads', () => {
    const { topology, diagnostics } = run(`
var api = builder.AddProject<Projects.Api>("api");
builder.AddYarp("gw").WithConfiguration(yarp =>
{
    yarp.AddRoute("/v1/{**rest}", api)
        .WithMatchMethods("GET", "POST")
        .WithOrder(2)
        .WithTransformRequestHeader("X-Gateway", "aspire", append: false)
        .WithTransformQueryRemoveKey("debug")
        .WithTransformCopyRequestHeaders(false);
});`);
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    const gw = topology.resources.find((r) => r.name === 'gw')!;
    expect(proxyEnv(gw.env)).toMatchObject({
      REVERSEPROXY__ROUTES__route0__MATCH__METHODS__0: 'GET',
      REVERSEPROXY__ROUTES__route0__MATCH__METHODS__1: 'POST',
      REVERSEPROXY__ROUTES__route0__ORDER: '2',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__0__RequestHeader: 'X-Gateway',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__0__Set: 'aspire',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__1__QueryRemoveParameter: 'debug',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__2__RequestHeadersCopy: 'False',
    });
  });

  it('apphost.ts: cluster helpers and a publish-mode condition inside the configuration', () => {
    const text = `import { createBuilder } from "./.aspire/modules/aspire.mjs";
const builder = await createBuilder();
const executionContext = await builder.executionContext();
const api = await builder.addNodeApp("api", "./api", "index.js").withHttpEndpoint({ env: "PORT" });
const web = await builder.addViteApp("web", "./web");
await builder.addYarp("app").withConfiguration(async (yarp) => {
    const apiCluster = await yarp.addClusterFromResource(api);
    await (await yarp.addRoute("/api/{**catch-all}", apiCluster)).withTransformPathRemovePrefix("/api");
    if (await executionContext.isRunMode()) {
        await yarp.addRoute("{**catch-all}", await yarp.addClusterFromResource(web));
    }
});
await builder.build().run();
`;
    const { topology, diagnostics } = importAppHostTs(ts, parser, text, { fileName: 'apphost.ts' });
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    const app = topology.resources.find((r) => r.name === 'app')!;
    expect(proxyEnv(app.env)).toEqual({
      REVERSEPROXY__CLUSTERS__cluster_api__DESTINATIONS__destination1__ADDRESS: 'http://api',
      REVERSEPROXY__ROUTES__route0__MATCH__PATH: '/api/{**catch-all}',
      REVERSEPROXY__ROUTES__route0__CLUSTERID: 'cluster_api',
      REVERSEPROXY__ROUTES__route0__TRANSFORMS__0__PathRemovePrefix: '/api',
    });
    expect(topology.references.filter((r) => r.from === 'app').map((r) => r.to)).toEqual(['api']);
  });
});
