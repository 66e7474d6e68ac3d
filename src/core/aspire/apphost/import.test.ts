import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';
import { refs, res, runWith } from './import-test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const run = (body: string) => runWith(parser, body);

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
      'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddRedis("r");\nbuilder.AddContainer("c", ' +
        '"nginx"\n{ {\n',
    );
    const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
    expect(syntax.length).toBeGreaterThan(0);
    for (const d of syntax) expect(d.message).not.toMatch(/\n/);
  });
});
