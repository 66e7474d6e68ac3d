/* eslint-disable max-len -- App Host programs (and the strings they produce) are quoted as written */
/**
 * The App Host is read as `aspire publish` runs it: one test per construct (conditions,
 * constant folding, loops, helper and extension methods, file-based directives).
 */
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
const run = (body: string, siblings: { name: string; text: string }[] = []) =>
  importAppHost(parser, `${HEAD}${body}\nbuilder.Build().Run();\n`, { fileName: 'Program.cs', siblings });
const names = (t: Topology) => t.resources.map((r) => r.name);
const res = (t: Topology, name: string): Resource => {
  const r = t.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}: ${names(t).join(', ')}`);
  return r;
};
const refs = (t: Topology) => t.references.map((r) => `${r.from}->${r.to} ${r.kind} ${r.waitFor}`);
const warnings = (d: { severity: string; code: string; line?: number }[]) =>
  d.filter((x) => x.severity === 'warning').map((x) => `${x.code}@${x.line}`);

describe('conditions: publish mode decides', () => {
  it('IsPublishMode is true, IsRunMode false, IsDevelopment() false; the other branch is not read', () => {
    const { topology, diagnostics } = run(`
if (builder.ExecutionContext.IsPublishMode) { builder.AddRedis("published"); } else { builder.AddRedis("local"); }
if (builder.ExecutionContext.IsRunMode) builder.AddRedis("run-only");
if (!builder.Environment.IsDevelopment()) builder.AddProject<Projects.Api>("api");
var isPublish = builder.ExecutionContext.IsPublishMode;
var cache = isPublish ? builder.AddRedis("prod-cache") : builder.AddRedis("dev-cache");`);
    expect(warnings(diagnostics)).toEqual([]);
    expect(names(topology).filter((n) => !n.endsWith('-password'))).toEqual(['published', 'api', 'prod-cache']);
  });

  it('an undecidable condition keeps both branches, says so with its line, and the first wins a name clash', () => {
    const { topology, diagnostics } = run(`
var useExisting = builder.Configuration["UseExisting"] == "true";
if (useExisting) { builder.AddConnectionString("db"); builder.AddProject<Projects.A>("a"); }
else { builder.AddPostgres("db"); builder.AddProject<Projects.B>("b"); }`);
    expect(warnings(diagnostics)).toEqual(['undecidable-condition@4', 'alternative-declaration@5']);
    expect(res(topology, 'db').kind).toBe('connection-string');
    expect(names(topology)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(topology.unmodelled?.map((u) => u.construct)).toEqual(['if', 'AddPostgres']);
  });

  it('switch on a constant runs its section', () => {
    const { topology } = run(`
const string Mode = "k8s";
switch (Mode) { case "local": builder.AddRedis("local"); break; case "k8s": builder.AddRedis("cluster"); break; default: builder.AddRedis("other"); break; }
builder.AddProject<Projects.Api>("api");`);
    expect(names(topology)).toContain('cluster');
    expect(names(topology)).not.toContain('local');
    expect(names(topology)).not.toContain('other');
  });
});

describe('constant folding', () => {
  it('const, static readonly, concatenation, interpolation with format specifiers and alignment', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
builder.AddProject<Projects.Api>(Names.Prefix + "-api");
builder.AddRedis($"{Names.Prefix}-cache-{Names.Shard:000}");
builder.AddRedis($"r{7:D2}-{255:x}-{1,3}".Replace(" ", ""));
builder.Build().Run();
static class Names { public const string Prefix = "shop"; public static readonly int Shard = 4; }`,
    );
    expect(diagnostics).toEqual([]);
    expect(names(topology)).toEqual(expect.arrayContaining(['shop-api', 'shop-cache-004', 'r07-ff-1']));
  });

  it('ternaries, arithmetic, string.Format, Path.Combine with AppHostDirectory, nameof, ToLowerInvariant', () => {
    const { topology, diagnostics } = run(`
const int Base = 2;
var replicas = Base * 3 - 1;
var web = builder.AddDockerfile("web", Path.Combine(builder.AppHostDirectory, "..", "frontend"));
var api = builder.AddProject("api", Path.Combine("..", "Api", "Api.csproj")).WithReplicas(replicas > 4 ? replicas : 1);
builder.AddRedis(string.Format("{0}-{1:00}", "cache", Base));
builder.AddRedis(nameof(api) + "cache".ToUpperInvariant().ToLowerInvariant());`);
    expect(diagnostics).toEqual([]);
    expect(res(topology, 'web').build?.context).toBe('../frontend');
    expect(res(topology, 'api').projectPath).toBe('../Api/Api.csproj');
    expect(res(topology, 'api').settings.replicas).toBe(5);
    expect(names(topology)).toEqual(expect.arrayContaining(['cache-02', 'apicache']));
  });
});

describe('loops: unrolled when their bounds are constant', () => {
  it('for with constant bounds declares a fleet; interpolation names each one', () => {
    const { topology, diagnostics } = run(`
var pg = builder.AddPostgres("pg");
for (var i = 1; i <= 3; i++) { var db = pg.AddDatabase($"shard-{i:00}"); builder.AddProject<Projects.Worker>($"worker-{i}").WithReference(db).WaitFor(db); }`);
    expect(diagnostics).toEqual([]);
    expect(names(topology)).toEqual(
      expect.arrayContaining(['shard-01', 'shard-02', 'shard-03', 'worker-1', 'worker-2', 'worker-3']),
    );
    expect(refs(topology)).toContain('worker-3->shard-03 connection-string running');
  });

  it('foreach over arrays, collection expressions, lists and tuples (deconstructed)', () => {
    const { topology, diagnostics } = run(`
string[] caches = ["a", "b"];
foreach (var c in caches) builder.AddRedis(c);
foreach (var name in new List<string> { "x", "y" }) builder.AddProject<Projects.Api>(name);
foreach (var (svc, port) in new[] { ("p", 8080), ("q", 9090) }) builder.AddContainer(svc, "nginx").WithHttpEndpoint(targetPort: port);
foreach (var n in Enumerable.Range(1, 2)) builder.AddRedis($"range{n}");`);
    expect(diagnostics).toEqual([]);
    expect(names(topology)).toEqual(expect.arrayContaining(['a', 'b', 'x', 'y', 'p', 'q', 'range1', 'range2']));
    expect(res(topology, 'q').endpoints[0]?.targetPort).toBe(9090);
  });

  it('a loop past the limit stops with a clear message; a loop over unknown data is reported', () => {
    const { topology, diagnostics } = run(`
for (var i = 0; i < 100000; i++) builder.AddRedis($"r{i}");
foreach (var s in builder.Configuration.GetSection("x").GetChildren()) builder.AddRedis(s.Key);`);
    expect(warnings(diagnostics)).toEqual(['loop-limit@3', 'unsupported-statement@4']);
    expect(diagnostics.find((d) => d.code === 'loop-limit')?.message).toMatch(/more than 256 times/);
    expect(topology.resources.filter((r) => r.kind === 'container')).toHaveLength(256);
  });
});

describe('methods the App Host declares', () => {
  it('local functions (called before their declaration), static helpers with defaults and return values', () => {
    const { topology, diagnostics } = run(`
var cache = AddCache("cache");
Wire(builder.AddProject<Projects.Api>("api"), cache);
IResourceBuilder<RedisResource> AddCache(string name, int replicas = 2) => builder.AddRedis(name).WithReplicas(replicas);
void Wire(IResourceBuilder<ProjectResource> p, IResourceBuilder<RedisResource> c) { p.WithReference(c).WaitFor(c); }`);
    expect(diagnostics).toEqual([]);
    expect(res(topology, 'cache').settings.replicas).toBe(2);
    expect(refs(topology)).toContain('api->cache connection-string running');
  });

  it('extension methods on the builder and on resources, in a sibling file', () => {
    const ext = `using Aspire.Hosting;
namespace Shop.AppHost;
public static class Extensions
{
    public static IDistributedApplicationBuilder AddShop(this IDistributedApplicationBuilder b)
    {
        var db = b.AddPostgres("pg").AddDatabase("orders");
        b.AddProject<Projects.Orders>("orders-api").WithReference(db).WithTelemetryNobodyKnows();
        return b;
    }
    public static IResourceBuilder<T> WithStandardReplicas<T>(this IResourceBuilder<T> r) where T : IResource => r.WithReplicas(3);
}`;
    const { topology, diagnostics } = run(
      `builder.AddShop();\nbuilder.AddProject<Projects.Web>("web").WithStandardReplicas();`,
      [{ name: 'Extensions.cs', text: ext }],
    );
    expect(names(topology)).toEqual(expect.arrayContaining(['pg', 'orders', 'orders-api', 'web']));
    expect(res(topology, 'web').settings.replicas).toBe(3);
    expect(refs(topology)).toContain('orders-api->orders connection-string none');
    // What is not understood inside the sibling file names that file, line and column.
    const lost = topology.unmodelled?.find((u) => u.construct === 'WithTelemetryNobodyKnows');
    expect(lost).toMatchObject({ file: 'Extensions.cs', line: 8, resource: 'orders-api' });
    // The diagnostic carries the file itself (the CLI prints file:line, the app panel names it).
    expect(diagnostics.find((d) => d.code === 'unknown-call')).toMatchObject({ file: 'Extensions.cs', line: 8 });
    expect(diagnostics.find((d) => d.code === 'unknown-call')?.message).toMatch(/^Line 8/);
  });

  it('a helper called several times reports its unknown call once, per line', () => {
    const { diagnostics, topology } =
      run(`void AddApi(string n) { builder.AddProject<Projects.Api>(n).WithNobodyKnows(); }
AddApi("a");
AddApi("b");
AddApi("a2");`);
    expect(diagnostics.filter((d) => d.code === 'unknown-call').map((d) => `${d.line}:${d.resource}`)).toEqual([
      '2:a',
      '2:b',
      '2:a2',
    ]);
    const again = run(`void Log() { Logger.Write("x"); }\nLog();\nLog();\nbuilder.AddProject<Projects.Api>("api");`);
    expect(again.diagnostics.filter((d) => d.code === 'unknown-call')).toHaveLength(1);
    expect(topology.unmodelled).toHaveLength(3);
  });

  it('recursion stops at a depth limit instead of hanging', () => {
    const { diagnostics } = run(`void Loop() { Loop(); }\nLoop();\nbuilder.AddProject<Projects.Api>("api");`);
    expect(diagnostics.some((d) => d.code === 'unsupported-call' && /levels deep/.test(d.message))).toBe(true);
  });
});

describe('file-based App Hosts', () => {
  it('#:sdk, #:package and #:project directives are read, not reported as syntax errors; positions stay', () => {
    const text = `#!/usr/bin/env dotnet
#:sdk Aspire.AppHost.Sdk@13.0.0
#:package Aspire.Hosting.Redis@13.0.0
#:project ../src/Catalog.Api/Catalog.Api.csproj

var builder = DistributedApplication.CreateBuilder(args);
var cache = builder.AddRedis("cache");
builder.AddProject<Projects.Catalog_Api>("catalog").WithReference(cache).WithNothingKnown();
builder.Build().Run();
`;
    const { topology, diagnostics } = importAppHost(parser, text, { fileName: 'apphost.cs' });
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['unknown-call@8:74']);
    expect(res(topology, 'catalog').projectPath).toBe('../src/Catalog.Api/Catalog.Api.csproj');
  });
});

describe('nothing silently dropped', () => {
  it(
    'an App Host whose only workload sits behind an unknown call is an error naming why, and the ' + 'warnings stay',
    () => {
      const { diagnostics } = run('builder.AddAcmeBroker("kc", 8080);\nbuilder.AddMyWholeSystem();');
      expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
        'warning placeholder',
        'warning unknown-call',
        'error empty-apphost',
      ]);
      expect(diagnostics.at(-1)?.message).toMatch(/No deployable resource.*kc/);
    },
  );

  it('a reference to a resource declared by an unknown integration keeps it as a placeholder', () => {
    const { topology } = run(
      'var kc = builder.AddAcmeBroker("keycloak", ' +
        '8080);\nbuilder.AddProject<Projects.Api>("api").WithReference(kc).WaitFor(kc);',
    );
    expect(res(topology, 'keycloak')).toMatchObject({ kind: 'unknown', sourceType: 'apphost.placeholder' });
    expect(refs(topology)).toEqual(['api->keycloak service-discovery running']);
    expect(topology.unmodelled).toContainEqual(
      expect.objectContaining({ resource: 'keycloak', construct: 'AddAcmeBroker', line: 2, column: 18 }),
    );
  });
});
