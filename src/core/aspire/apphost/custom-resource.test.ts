/** Custom resource types added with `builder.AddResource(new T(…))` are never lost in silence. */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const HEAD = 'var builder = DistributedApplication.CreateBuilder(args);\n';
const run = (body: string, siblings: { name: string; text: string }[] = []) =>
  importAppHost(parser, `${HEAD}${body}\nbuilder.Build().Run();\n`, { fileName: 'AppHost.cs', siblings });

describe('builder.AddResource(new CustomResource(…))', () => {
  it('a constant name: a placeholder that keeps references, and an unmodelled entry naming the type and line', () => {
    const { topology } = run(`
var clock = builder.AddResource(new TalkingClockResource("clock")).WithUrl("https://example.com");
builder.AddProject<Projects.Api>("api").WithReference(clock).WaitFor(clock);`);
    expect(topology.resources.find((r) => r.name === 'clock')?.kind).toBe('unknown');
    expect(topology.references.map((r) => `${r.from}->${r.to}:${r.waitFor}`)).toContain('api->clock:running');
    expect(topology.unmodelled).toContainEqual(
      expect.objectContaining({
        construct: 'AddResource(TalkingClockResource)',
        resource: 'clock',
        file: 'AppHost.cs',
        line: 3,
        message: expect.stringMatching(/custom resource type, TalkingClockResource/),
      }),
    );
  });

  it('an instance built first, with an object initialiser, inside a sibling helper', () => {
    const helper = `public static class Ext {
  public static IResourceBuilder<TestResource> AddTest(this IDistributedApplicationBuilder builder, string name)
  {
    var res = new TestResource(name) { Timeout = 5 };
    return builder.AddResource(res);
  }
}`;
    const { topology } = run(`builder.AddTest("probe");\nbuilder.AddProject<Projects.Api>("api");`, [
      { name: 'Ext.cs', text: helper },
    ]);
    expect(topology.unmodelled).toContainEqual(
      expect.objectContaining({ construct: 'AddResource(TestResource)', resource: 'probe', file: 'Ext.cs', line: 5 }),
    );
  });

  it('a name that is not a constant, or an object of unknown origin: a warning naming the type or the argument', () => {
    const { topology, diagnostics } = run(`
builder.AddResource(new HealthResource(Guid.NewGuid().ToString()));
builder.AddResource(MakeResource());
builder.AddProject<Projects.Api>("api");`);
    const lost = topology.unmodelled?.filter((u) => u.construct.startsWith('AddResource')) ?? [];
    expect(lost.map((u) => `${u.construct}@${u.line}`)).toEqual(['AddResource(HealthResource)@3', 'AddResource(…)@4']);
    expect(diagnostics.find((d) => d.line === 3 && d.code === 'unsupported-call')?.message).toMatch(
      /HealthResource, whose name is not a constant/,
    );
  });
});

describe('custom container resources', () => {
  it('a type declared as a ContainerResource is a container, its image from the chain; unmodelled entry kept', () => {
    const ext = `public class GrafanaResource(string name) : ContainerResource(name), IResourceWithServiceDiscovery { }
public class BareResource(string name) : ContainerResource(name) { }
public static class Ext {
  public static IResourceBuilder<GrafanaResource> AddGrafana(
    this IDistributedApplicationBuilder builder, string name) =>
    builder.AddResource(new GrafanaResource(name))
      .WithImage("grafana/grafana", "11.0").WithHttpEndpoint(targetPort: 3000);
}`;
    const { topology } = run(
      `var g = builder.AddGrafana("grafana");
builder.AddResource(new BareResource("bare"));
builder.AddProject<Projects.Api>("api").WithReference(g);`,
      [{ name: 'Ext.cs', text: ext }],
    );
    const grafana = topology.resources.find((r) => r.name === 'grafana');
    expect(grafana).toMatchObject({ kind: 'container', image: 'grafana/grafana:11.0' });
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toContain('api->grafana');
    // No image set anywhere the reader can see: not deployable, a placeholder with its line.
    expect(topology.resources.find((r) => r.name === 'bare')?.kind).toBe('unknown');
    expect(topology.unmodelled?.map((u) => `${u.file}:${u.line}:${u.resource}`)).toEqual(
      expect.arrayContaining(['Ext.cs:6:grafana', 'AppHost.cs:3:bare']),
    );
  });
});

describe('resource values', () => {
  it('x.Resource.Name is the resource name (Aspire playgrounds pass it as an argument)', () => {
    const { topology, diagnostics } = run(`
var kafka = builder.AddKafka("kafka");
builder.AddProject<Projects.Producer>("producer").WithReference(kafka).WithArgs(kafka.Resource.Name);`);
    expect(topology.resources.find((r) => r.name === 'producer')?.args).toEqual(['kafka']);
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });
});
