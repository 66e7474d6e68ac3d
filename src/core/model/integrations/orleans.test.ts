/**
 * Orleans as Aspire 13.6.5 writes it (fixtures/oracle/orleans*): the App Host import gives the
 * same bundle as Aspire's own manifest, silos get their silo/gateway ports on the pod and the
 * Service, C# and TypeScript App Hosts agree, and what cannot be modelled is said.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import type { CSharpParser } from '../../aspire/apphost/parser';
import { testParser } from '../../aspire/apphost/test-support';
import { importAppHostTs } from '../../aspire/apphost-ts/import';
import { importManifest } from '../../aspire/manifest';
import { generateBundle } from '../../bundle/plain';
import type { Topology } from '../topology';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const oracle = (scenario: string, file: string) => readFileSync(`fixtures/oracle/${scenario}/${file}`, 'utf8');
const yamlOf = (t: Topology) =>
  generateBundle(t)
    .files.filter((f) => f.path.endsWith('.yaml'))
    .map((f) => `# ${f.path}\n${f.text}`)
    .join('\n');
const envOf = (t: Topology, name: string) =>
  Object.fromEntries(t.resources.find((r) => r.name === name)!.env.map((e) => [e.name, e.value]));

describe('Orleans (AddOrleans, WithReference(orleans), AsClient)', () => {
  for (const scenario of ['orleans', 'orleans-memory', 'orleans-providers']) {
    it(`${scenario}: the App Host import and Aspire's manifest give the same bundle`, () => {
      const source = importAppHost(parser, oracle(scenario, 'apphost.cs'));
      expect(source.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      // Replicas and waits are App Host-only (the manifest has neither): compare without them.
      for (const r of source.topology.resources) delete r.settings.replicas;
      for (const r of source.topology.references) r.waitFor = 'none';
      const manifest = importManifest(oracle(scenario, 'aspire-manifest.json')).topology;
      expect(yamlOf(source.topology)).toEqual(yamlOf(manifest));
    });
  }

  it('a silo listens on its silo and gateway ports and its Service serves them', () => {
    const files = generateBundle(importAppHost(parser, oracle('orleans', 'apphost.cs')).topology).files;
    const all = files.map((f) => f.text).join('\n---\n');
    for (const [name, port] of [
      ['orleans-silo', 8000],
      ['orleans-gateway', 8001],
    ] as const) {
      expect(all).toMatch(new RegExp(`- name: ${name}\\n\\s+containerPort: ${port}\\n`));
      expect(all).toMatch(new RegExp(`- name: ${name}\\n\\s+port: ${port}\\n\\s+targetPort: ${name}\\n`));
    }
    expect(all).toMatch(/- name: Orleans__Endpoints__SiloPort\n\s+value: "8000"/);
    expect(all).toMatch(/- name: Orleans__Endpoints__GatewayPort\n\s+value: "8001"/);
  });

  it('a TypeScript App Host writes what the C# one does', () => {
    const cs = importAppHost(parser, oracle('orleans', 'apphost.cs')).topology;
    const tsHost = importAppHostTs(
      ts,
      parser,
      `import { createBuilder } from './.modules/aspire.js';
const builder = await createBuilder();
const redis = await builder.addRedis("orleans-redis");
const orleans = await builder.addOrleans("cluster").withClustering(redis).withGrainStorage("Default", redis);
await builder.addProject("silo", "../../../oracle/stubs/Api/Api.csproj", "http")
  .withOrleansReference(orleans).waitFor(redis);
await builder.addProject("client", "../../../oracle/stubs/Frontend/Frontend.csproj", "http")
  .withOrleansClientReference(orleans.asClient()).waitFor(redis);
await builder.build().run();
`,
    );
    expect(tsHost.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    for (const name of ['silo', 'client']) expect(envOf(tsHost.topology, name)).toEqual(envOf(cs, name));
    expect(tsHost.topology.resources.map((r) => r.name).sort()).toEqual(cs.resources.map((r) => r.name).sort());
  });

  it('Azure storage providers (placeholders here) are written as Aspire wrote them in its playground', () => {
    // The App Host of microsoft/aspire playground/orleans; its manifest: fixtures/manifests/playground-orleans.json.
    const { topology } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var storage = builder.AddAzureStorage("storage").RunAsEmulator();
var orleans = builder.AddOrleans("my-app")
    .WithClustering(storage.AddTables("clustering"))
    .WithGrainStorage("Default", storage.AddBlobs("grainstate"));
builder.AddProject<Projects.OrleansServer>("silo").WithReference(orleans).WithReplicas(3);
builder.AddProject<Projects.OrleansClient>("frontend").WithReference(orleans.AsClient());
builder.Build().Run();`,
    );
    const manifest = importManifest(readFileSync('fixtures/manifests/playground-orleans.json', 'utf8')).topology;
    // Storage's own properties (CLUSTERING_URI, …) belong to the Azure resources this tool does not model.
    const orleansEnv = (t: Topology, name: string) =>
      Object.fromEntries(Object.entries(envOf(t, name)).filter(([k]) => /^(Orleans__|ConnectionStrings__)/.test(k)));
    for (const name of ['silo', 'frontend']) expect(orleansEnv(topology, name)).toEqual(orleansEnv(manifest, name));
  });

  it('says what Aspire refuses or what the table cannot name', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var custom = builder.AddContainer("custom", "example/custom-store", "1.0");
var bare = builder.AddOrleans("bare");
var odd = builder.AddOrleans("odd").WithClustering(builder.AddConnectionString("c")).WithGrainStorage("S", custom);
builder.AddProject("a", "../A/A.csproj").WithReference(bare);
builder.AddProject("b", "../B/B.csproj").WithReference(odd).WaitFor(odd);
builder.Build().Run();`,
    );
    const codes = diagnostics.map((d) => `${d.code}:${d.resource ?? ''}`);
    expect(codes).toContain('invalid-call:a');
    expect(codes).toContain('unsupported-reference:custom');
    expect(codes).toContain('unsupported-reference:b');
    expect(envOf(topology, 'a')).not.toHaveProperty('Orleans__ClusterId');
    // No generated ids for a service nothing references successfully.
    expect(topology.resources.map((r) => r.name)).not.toContain('bare-cluster-id');
    expect(envOf(topology, 'b')).toMatchObject({
      Orleans__Clustering__ProviderType: 'ConnectionStringParameter',
      Orleans__Clustering__ServiceKey: 'c',
      Orleans__ClusterId: '{odd-cluster-id.value}',
    });
  });
});
