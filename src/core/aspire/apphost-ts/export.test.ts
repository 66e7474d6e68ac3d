/* eslint-disable max-len -- App Host programs (and the strings they produce) are quoted as written */
/**
 * apphost.ts export: idiomatic TypeScript, and round trips hold as they do for C#
 * (import → export TS → import TS gives the same topology, strictly, for every fixture; random
 * topologies survive export → import).
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../apphost/import';
import { normaliseTopology } from '../apphost/normalise';
import type { CSharpParser } from '../apphost/parser';
import { randomTopology } from '../apphost/random-topology';
import { testParser } from '../apphost/test-support';
import { exportAppHostTs, exportAppHostTsWithDiagnostics } from './export';
import { importAppHostTs } from './import';

const fixtures = import.meta.glob('../../../../fixtures/apphost/*.cs', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

describe('exportAppHostTs', () => {
  it('writes idiomatic TypeScript: camelCase calls, options objects, arrays, refExpr, awaited statements', () => {
    const t = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var pg = builder.AddPostgres("pg").WithDataVolume();
var db = pg.AddDatabase("app", "application");
var web = builder.AddContainer("web", "nginx", "1.27").WithHttpEndpoint(targetPort: 80, name: "site").WithArgs("-g", "daemon off;").WithVolume("cache", "/var/cache/nginx");
builder.AddProject<Projects.Api>("api").WithReference(db).WaitFor(db).WithEnvironment("SITE", ReferenceExpression.Create($"{web.GetEndpoint("site")}/x")).WithHttpHealthCheck("/health");
builder.Build().Run();`,
    ).topology;
    const code = exportAppHostTs(t);
    expect(code).toContain("import { createBuilder, refExpr } from './.modules/aspire.js';");
    expect(code).toContain('const builder = await createBuilder();');
    expect(code).toContain('pg.addDatabase("app", { databaseName: "application" });');
    expect(code).toContain('builder.addContainer("web", { image: "nginx", tag: "1.27" })');
    expect(code).toContain('.withHttpEndpoint({ targetPort: 80, name: "site" })');
    expect(code).toContain('.withArgs(["-g", "daemon off;"])');
    expect(code).toContain('.withVolume("/var/cache/nginx", { name: "cache" })');
    expect(code).toContain('await builder.addProject("api", "../Api/Api.csproj", "https")');
    expect(code).toContain('.withEnvironment("SITE", refExpr`${web.getEndpoint("site")}/x`)');
    expect(code).toContain('.withHttpHealthCheck({ path: "/health" })');
    expect(code.trimEnd().endsWith('await builder.build().run();')).toBe(true);
    // It is valid TypeScript.
    const sf = ts.createSourceFile('apphost.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  });

  for (const [path, text] of Object.entries(fixtures)) {
    const name = path.replace(/^.*\//, '');
    it(`round trip: ${name} → apphost.ts → same topology`, () => {
      const first = importAppHost(parser, text).topology;
      const only = (r: { sourceType: string }) => r.sourceType !== 'apphost.placeholder';
      const out = exportAppHostTsWithDiagnostics(first);
      const back = importAppHostTs(ts, parser, out.code);
      expect(back.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error')).toEqual([]);
      expect(normaliseTopology(back.topology, { strict: true, only })).toEqual(
        normaliseTopology(first, { strict: true, only }),
      );
    });
  }

  for (let seed = 1; seed <= 30; seed++) {
    it(`random topology ${seed} survives export → import in TypeScript`, () => {
      const t = randomTopology(seed);
      const back = importAppHostTs(ts, parser, exportAppHostTs(t), { name: t.name });
      expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(normaliseTopology(back.topology)).toEqual(normaliseTopology(t));
    });
  }
});
