/** `#if` directives keep one branch, as the compiler does for `aspire publish`; a guessed symbol is reported. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../model/diagnostics';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const run = (text: string) => importAppHost(parser, text, { fileName: 'AppHost.cs' });
const names = (t: { resources: { name: string }[] }) =>
  t.resources.map((r) => r.name).filter((n) => !/-password/.test(n));
const guesses = (d: Diagnostic[]) => d.filter((x) => x.code === 'undecidable-condition').map((x) => x.line);

describe('#if / #elif / #else', () => {
  it('top-level statements under #if are read; unknown symbols are undefined, and the choice is reported', () => {
    const { topology, diagnostics } = run(`var builder = DistributedApplication.CreateBuilder(args);
var api = builder.AddProject<Projects.Api>("api");
#if USE_CONFIG_FILE
builder.AddYarp("gateway-file").WithReference(api);
#else
var yarp = builder.AddYarp("gateway");
yarp.WithReference(api);
#endif
#if !SKIP_DASHBOARD
builder.AddRedis("cache");
#endif
builder.Build().Run();
`);
    expect(names(topology)).toEqual(['api', 'gateway', 'cache']);
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toContain('gateway->api');
    expect(guesses(diagnostics)).toEqual([3, 9]);
    expect(diagnostics.find((d) => d.line === 3)?.message).toMatch(/USE_CONFIG_FILE.*the #else branch is imported/);
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}`)).toEqual(['#if@3', '#if@9']);
  });

  it('DEBUG, NET symbols and #define decide silently; #elif chains; directives inside methods', () => {
    const { topology, diagnostics } = run(`#define WITH_CACHE
using Aspire.Hosting;
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
#pragma warning disable ASPIRE001
#region resources
#if RELEASE
        builder.AddProject<Projects.Release>("release");
#elif DEBUG && NET8_0_OR_GREATER
        builder.AddProject<Projects.Debug>("debug");
#else
        builder.AddProject<Projects.Other>("other");
#endif
#if WITH_CACHE || FEATURE_X
        builder.AddRedis("cache");
#endif
#endregion
        builder.Build().Run();
    }
}
`);
    expect(names(topology)).toEqual(['debug', 'cache']);
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.line} ${d.message}`)).toEqual([]);
  });

  it('classes and helper methods under #if are declared or left out with the branch', () => {
    const { topology } = run(`var builder = DistributedApplication.CreateBuilder(args);
builder.AddShop();
builder.Build().Run();
#if !LEGACY
static class Ext {
  public static void AddShop(this IDistributedApplicationBuilder b) => b.AddProject<Projects.Shop>("shop");
}
#endif
`);
    expect(names(topology)).toEqual(['shop']);
  });
});
