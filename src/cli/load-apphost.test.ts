import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importerFor, loadAppHostImporter, readAppHostInput } from './load-apphost';

describe('loadAppHostImporter (Node)', () => {
  it('reads the WebAssembly from node_modules and imports the seed App Host', async () => {
    const importer = await loadAppHostImporter();
    const { topology, diagnostics } = importer(readFileSync('fixtures/apphost/seed-travel.cs', 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(topology.resources.map((r) => r.name)).toEqual([
      'catalog-sql-password',
      'catalog-sql',
      'catalog',
      'trip-api',
      'availability-worker',
      'catalog-sql-password-uri-encoded',
    ]);
  });
});

describe('App Host inputs: a folder, a project with sibling files, TypeScript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apphost-'));
  writeFileSync(join(dir, 'Shop.AppHost.csproj'), '<Project Sdk="Aspire.AppHost.Sdk/13.0.0" />');
  writeFileSync(
    join(dir, 'AppHost.cs'),
    'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddShop();\nbuilder.Build().Run();\n',
  );
  mkdirSync(join(dir, 'Extensions'));
  writeFileSync(
    join(dir, 'Extensions', 'Shop.cs'),
    'static class E { public static IDistributedApplicationBuilder AddShop(this IDistributedApplicationBuilder b) { ' +
      'b.AddProject<Projects.Api>("api").WithReference(b.AddRedis("cache")); return b; } }',
  );
  mkdirSync(join(dir, 'obj'));
  writeFileSync(join(dir, 'obj', 'Generated.cs'), 'this is not C# at all {{{');
  const tsDir = mkdtempSync(join(tmpdir(), 'apphost-ts-'));
  writeFileSync(
    join(tsDir, 'apphost.ts'),
    "import { createBuilder } from './.modules/aspire.js';\nconst builder = await createBuilder();\nconst cache = " +
      "await builder.addRedis('cache');\nawait builder.addProject('api', '../Api/Api.csproj', " +
      "'https').withReference(cache);\nawait builder.build().run();\n",
  );

  it('a folder: the entry file and the project siblings (not obj/bin) are read together', async () => {
    const input = readAppHostInput(dir);
    expect(input.fileName).toBe(join(dir, 'AppHost.cs'));
    expect(input.siblings.map((s) => (s.name ?? '').replace(/\\/g, '/'))).toEqual([
      expect.stringMatching(/Extensions\/Shop\.cs$/),
    ]);
    const { topology, diagnostics } = (await importerFor(input))(input.text, input.fileName);
    expect(diagnostics).toEqual([]);
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toContain('api->cache');
  });

  it('a .cs file of a project reads its siblings; a TypeScript App Host folder is read with the compiler', async () => {
    expect(readAppHostInput(join(dir, 'AppHost.cs')).siblings).toHaveLength(1);
    const input = readAppHostInput(tsDir);
    expect(input.language).toBe('ts');
    const { topology, diagnostics } = (await importerFor(input))(input.text, input.fileName);
    expect(diagnostics).toEqual([]);
    expect(topology.resources.map((r) => r.name)).toEqual([
      'cache-password',
      'cache',
      'api',
      'cache-password-uri-encoded',
    ]);
  });

  it('a folder without an App Host is a clear error', () => {
    expect(() => readAppHostInput(join(dir, 'obj'))).toThrow(/no App Host found/);
  });
});
