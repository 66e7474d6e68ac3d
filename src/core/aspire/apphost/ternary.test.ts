/**
 * A ternary publish mode cannot decide has one value: the reader picks one and says which, with
 * the line, so a deployment never silently rests on a guess (C# and TypeScript alike).
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../model/diagnostics';
import { importAppHostTs } from '../apphost-ts/import';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const HEAD = 'var builder = DistributedApplication.CreateBuilder(args);\n';
const run = (body: string) => importAppHost(parser, `${HEAD}${body}\nbuilder.Build().Run();\n`, { fileName: 'x.cs' });
const undecided = (d: Diagnostic[]) => d.filter((x) => x.code === 'undecidable-condition' && x.severity === 'warning');

describe('undecidable ternaries', () => {
  it('names the line, the value used and the one not used', () => {
    const { topology, diagnostics } = run(`
var tag = builder.Configuration["Tag"] == "edge" ? "8.0-edge" : "7.4";
builder.AddContainer("cache", "redis", tag);
builder.AddProject<Projects.Api>("api");`);
    expect(topology.resources.find((r) => r.name === 'cache')?.image).toBe('redis:8.0-edge');
    const [w] = undecided(diagnostics);
    expect(w).toMatchObject({ line: 3, file: 'x.cs' });
    expect(w?.message).toMatch(/first alternative, "8\.0-edge", is used, not "7\.4"/);
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}`)).toEqual(['?:@3']);
  });

  it('a side that is not a constant loses to one that is, and the warning says the second was used', () => {
    const { diagnostics } = run(`
var port = builder.Configuration["P"] != null ? int.Parse(builder.Configuration["P"]) : 8080;
builder.AddContainer("web", "nginx").WithHttpEndpoint(targetPort: port);`);
    expect(undecided(diagnostics)[0]?.message).toMatch(/second alternative, 8080, is used, not a value that is not/);
  });

  it('resources on both sides: both are read, the choice is named and tied to the chosen resource', () => {
    const { topology, diagnostics } = run(`
var cache = builder.Configuration["UseValkey"] == "1" ? builder.AddValkey("valkey") : builder.AddRedis("redis");
builder.AddProject<Projects.Api>("api").WithReference(cache);`);
    const targets = topology.references.filter((r) => r.from === 'api').map((r) => r.to);
    expect(targets).toContain('valkey');
    expect(targets).not.toContain('redis');
    expect(topology.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['valkey', 'redis']));
    expect(undecided(diagnostics)[0]).toMatchObject({ resource: 'valkey' });
    expect(undecided(diagnostics)[0]?.message).toMatch(/the resource "valkey", is used, not the resource "redis"/);
  });

  it('sides that agree need no choice and give no warning; publish mode still decides silently', () => {
    const { diagnostics } = run(`
var a = builder.Configuration["X"] == "1" ? "same" : "same";
var b = builder.ExecutionContext.IsPublishMode ? "pub" : "run";
builder.AddContainer(a, "nginx", b);`);
    expect(undecided(diagnostics)).toEqual([]);
  });

  it('TypeScript: the same warning, at the apphost.ts line', () => {
    const text =
      "import { createBuilder } from './.modules/aspire.js';\nconst builder = await createBuilder();\n" +
      "const tag = process.env.TAG === 'edge' ? '8.0-edge' : '7.4';\n" +
      "await builder.addContainer('cache', 'redis', tag);\nawait builder.build().run();\n";
    const { diagnostics } = importAppHostTs(ts, parser, text, { fileName: 'apphost.ts' });
    expect(undecided(diagnostics)).toEqual([
      expect.objectContaining({ line: 3, file: 'apphost.ts', message: expect.stringMatching(/"8\.0-edge", is used/) }),
    ]);
  });
});

describe('switch expressions', () => {
  it('a constant subject picks its arm', () => {
    const { topology, diagnostics } = run(`
const string Target = "k8s";
var cache = Target switch { "compose" => builder.AddValkey("valkey"), "k8s" => builder.AddRedis("redis"), _ => null };
builder.AddProject<Projects.Api>("api").WithReference(cache);`);
    expect(topology.resources.map((r) => r.name)).not.toContain('valkey');
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toContain('api->redis');
    expect(undecided(diagnostics)).toEqual([]);
  });

  it('an undecidable subject: every arm is read, and the value used is named with the line', () => {
    const { topology, diagnostics } = run(`
var target = builder.Configuration["Target"];
var db = (target, 1) switch { ("pg", _) => builder.AddPostgres("pg"), (_, 1) => builder.AddMySql("mysql"), _ => null };
builder.AddProject<Projects.Api>("api").WithReference(db);`);
    expect(topology.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['pg', 'mysql', 'api']));
    expect(undecided(diagnostics)).toEqual([
      expect.objectContaining({
        line: 4,
        message: expect.stringMatching(/the resource "pg", is used, not the resource "mysql"/),
      }),
    ]);
  });
});
