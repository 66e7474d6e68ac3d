/* eslint-disable max-len -- App Host programs (and the strings they produce) are quoted as written */
/**
 * TypeScript App Hosts read through the same interpreter as C#: one test per construct, and
 * the same App Host written in both languages gives the same topology.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology';
import { importAppHost } from '../apphost/import';
import { normaliseTopology } from '../apphost/normalise';
import type { CSharpParser } from '../apphost/parser';
import { testParser } from '../apphost/test-support';
import { importAppHostTs, looksLikeTypeScriptAppHost } from './import';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const HEAD =
  "import { createBuilder, ContainerLifetime } from './.modules/aspire.js';\nconst builder = await createBuilder();\n";
const run = (body: string) => importAppHostTs(ts, parser, `${HEAD}${body}\nawait builder.build().run();\n`);
const names = (t: Topology) => t.resources.map((r) => r.name);
const res = (t: Topology, name: string) => t.resources.find((r) => r.name === name)!;
const refs = (t: Topology) => t.references.map((r) => `${r.from}->${r.to} ${r.kind} ${r.waitFor}`);

describe('TypeScript App Hosts', () => {
  it('fluent calls, options objects and property getters map to the C# calls', () => {
    const { topology, diagnostics } = run(`
const pg = await builder.addPostgres("pg").withDataVolume().withLifetime(ContainerLifetime.Persistent);
const db = await pg.addDatabase("orders");
const cache = await builder.addRedis("cache").withImage("redis/redis-stack", { tag: "7.2" });
const api = await builder.addProject("api", "../Api/Api.csproj", "https")
    .withReference(db).waitFor(db)
    .withReference(cache)
    .withEnvironment("FEATURE", "on")
    .withHttpHealthCheck({ path: "/health" })
    .withReplicas(2)
    .withExternalHttpEndpoints();
await builder.addContainer("web", "nginx").withHttpEndpoint({ targetPort: 80 }).withReference(api.getEndpoint("https"));`);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(res(topology, 'pg').volumes).toEqual([{ name: 'pg-data', target: '/var/lib/postgresql', readOnly: false }]);
    expect(res(topology, 'cache').image).toBe('redis/redis-stack:7.2');
    expect(res(topology, 'api')).toMatchObject({
      projectPath: '../Api/Api.csproj',
      settings: { replicas: 2, healthPaths: { readiness: '/health' } },
    });
    expect(res(topology, 'api').env).toContainEqual({ name: 'FEATURE', value: 'on' });
    expect(res(topology, 'web').endpoints[0]?.targetPort).toBe(80);
    expect(refs(topology)).toEqual(
      expect.arrayContaining([
        'api->orders connection-string running',
        'api->cache connection-string none',
        'web->api service-discovery none',
      ]),
    );
  });

  it('publish mode through executionContext getters; loops, template literals, helper functions', () => {
    const { topology, diagnostics } = run(`
const context = await builder.executionContext.get();
const pg = await builder.addPostgres("pg");
if (await context.isRunMode.get()) { await pg.withDataVolume(); }
if (await context.isPublishMode.get()) { await pg.withReplicas(1); }
async function addWorker(name: string, replicas = 2) {
  return await builder.addProject(name, \`../\${name}/\${name}.csproj\`).withReplicas(replicas);
}
const shards = ["eu", "us"];
for (const s of shards) { await addWorker(\`worker-\${s}\`); }
for (let i = 0; i < 2; i++) { await pg.addDatabase(\`db\${i}\`); }
const seeded = (n: number) => builder.addRedis("seed" + n);
await seeded(1);`);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(res(topology, 'pg').volumes).toEqual([]);
    expect(res(topology, 'pg').settings.replicas).toBe(1);
    expect(names(topology)).toEqual(expect.arrayContaining(['worker-eu', 'worker-us', 'db0', 'db1', 'seed1']));
    expect(res(topology, 'worker-us')).toMatchObject({
      projectPath: '../worker-us/worker-us.csproj',
      settings: { replicas: 2 },
    });
  });

  it('the newer SDK shape reads properties as methods: executionContext(), isPublishMode()', () => {
    const { topology, diagnostics } = run(`
const executionContext = await builder.executionContext();
if (await executionContext.isPublishMode()) { await builder.addDockerfile("api", "./api"); }
else { await builder.addExecutable("api", "go", "./api", ["run", "main.go"]); }`);
    expect(res(topology, 'api')).toMatchObject({ kind: 'dockerfile', build: { context: './api' } });
    // Decided by publish mode, not kept as two alternatives.
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('what is not understood is reported at its TypeScript line and column, with camelCase constructs', () => {
    const { topology, diagnostics } = run(`
const kc = await builder.addAcmeBroker("keycloak", 8080);
const api = await builder.addProject("api", "../Api/Api.csproj").withReference(kc).withSomethingCustom();
while (true) { await builder.addRedis("never"); }
class Helper {}`);
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'unsupported-statement@6:1',
      'unsupported-statement@7:1',
      'placeholder@4:26',
      'unknown-call@5:84',
    ]);
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line} ${u.resource ?? ''}`)).toEqual([
      'while@6 ',
      'class@7 ',
      'addAcmeBroker@4 keycloak',
      'withSomethingCustom@5 api',
    ]);
    expect(refs(topology)).toEqual(['api->keycloak service-discovery none']);
  });

  it('TypeScript syntax errors are warnings with positions; an empty App Host is an error', () => {
    const broken = importAppHostTs(
      ts,
      parser,
      `${HEAD}const x = builder.addRedis("a"\nawait builder.addProject("api", "../a.csproj");`,
    );
    expect(broken.diagnostics.some((d) => d.code === 'syntax-error' && d.line === 4)).toBe(true);
    expect(importAppHostTs(ts, parser, HEAD).diagnostics.map((d) => d.code)).toEqual(['empty-apphost']);
  });

  it('the same App Host in C# and TypeScript gives the same topology', () => {
    const cs = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var cache = builder.AddRedis("cache").WithDataVolume();
var pg = builder.AddPostgres("pg");
var db = pg.AddDatabase("app");
var api = builder.AddProject("api", "../Api/Api.csproj").WithReference(db).WaitFor(db).WithReference(cache).WithReplicas(3);
builder.AddContainer("web", "nginx", "1.27").WithHttpEndpoint(targetPort: 80).WithExternalHttpEndpoints().WithReference(api);
builder.Build().Run();`,
    ).topology;
    const tsTopology = run(`
const cache = await builder.addRedis("cache").withDataVolume();
const pg = await builder.addPostgres("pg");
const db = await pg.addDatabase("app");
const api = await builder.addProject("api", "../Api/Api.csproj").withReference(db).waitFor(db).withReference(cache).withReplicas(3);
await builder.addContainer("web", "nginx", "1.27").withHttpEndpoint({ targetPort: 80 }).withExternalHttpEndpoints().withReference(api);`).topology;
    expect(normaliseTopology(tsTopology, { strict: true })).toEqual(normaliseTopology(cs, { strict: true }));
  });

  it('recognises TypeScript App Hosts by name or content', () => {
    expect(looksLikeTypeScriptAppHost('', 'apphost.mts')).toBe(true);
    expect(looksLikeTypeScriptAppHost(HEAD, 'pasted')).toBe(true);
    expect(looksLikeTypeScriptAppHost('var builder = DistributedApplication.CreateBuilder(args);', 'Program.cs')).toBe(
      false,
    );
  });
});
