/** Dashboard-only calls and console output are named (info, with the line) but are not unknown rows. */
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

describe('calls that only shape the local run', () => {
  it('C#: dashboard commands, relationships, hidden state and Console output', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var cache = builder.AddRedis("cache").WithHttpCommand("/flush", "Flush").WithPersistentLifetime();
builder.AddProject<Projects.Api>("api").WithReferenceRelationship(cache).WithHidden().WithCommand("x", "X", _ => null);
Console.WriteLine("ready");
builder.Build().Run();
`,
      { fileName: 'AppHost.cs' },
    );
    expect(topology.unmodelled ?? []).toEqual([]);
    const info = diagnostics.filter((d) => d.severity === 'info').map((d) => `${d.line}:${d.message.split(' ')[2]}`);
    expect(info).toEqual(
      expect.arrayContaining([
        '2:WithHttpCommand',
        '2:WithPersistentLifetime',
        '3:WithReferenceRelationship',
        '4:Console.WriteLine(…)',
      ]),
    );
  });

  it('TypeScript: withCommand and console.log', () => {
    const text =
      "import { createBuilder } from './.modules/aspire.js';\nconst builder = await createBuilder();\n" +
      "const api = await builder.addContainer('api', 'nginx')\n" +
      "  .withCommand('x', 'X', async () => ({ success: true }));\n" +
      "console.log('api added');\nawait builder.build().run();\n";
    const { topology } = importAppHostTs(ts, parser, text, { fileName: 'apphost.ts' });
    expect(topology.unmodelled ?? []).toEqual([]);
  });

  it('PublishAsKubernetesService is unmodelled (its edits miss this bundle); WithComputeEnvironment is info', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var k8s = builder.AddKubernetesEnvironment("k8s");
var key = builder.AddParameterFromConfiguration("apikey", "Api:Key", secret: true);
builder.AddProject<Projects.Api>("api").WithEnvironment("KEY", key)
    .PublishAsKubernetesService(s => { s.Workload.Spec.Replicas = 3; })
    .WithComputeEnvironment(k8s);
builder.Build().Run();
`,
      { fileName: 'AppHost.cs' },
    );
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}:${u.resource}`)).toEqual([
      'PublishAsKubernetesService@5:api',
    ]);
    expect(diagnostics.find((d) => d.line === 6)).toMatchObject({ severity: 'info', code: 'other-target' });
    // AddParameterFromConfiguration declares a parameter like AddParameter (its value comes at deploy time).
    expect(topology.resources.find((r) => r.name === 'apikey')).toMatchObject({
      kind: 'parameter',
      parameter: { secret: true },
    });
    expect(topology.references.map((r) => `${r.from}->${r.to}:${r.kind}`)).toContain('api->apikey:parameter');
  });
});
