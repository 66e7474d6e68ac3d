import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diag } from '../core/model/diagnostics';
import { CliError } from './io';
import { appNameFrom } from '../core/aspire/manifest/app-name';
import { appNameOfPath, formatDiagnostic, loadTopology } from './load-topology';

describe('formatDiagnostic', () => {
  it('names the file once, even when the core message already starts with it', () => {
    const d = diag('error', 'json-syntax', 'm.json: Invalid JSON at line 1, column 9: Expected a value.', {
      line: 1,
      column: 9,
    });
    expect(formatDiagnostic('m.json', d)).toBe('m.json:1:9: Invalid JSON at line 1, column 9: Expected a value.');
  });

  it('keeps resource and field, and messages that do not start with the file', () => {
    const d = diag('warning', 'wrong-type', 'Resource "a": "image" should be a string.', {
      resource: 'a',
      field: 'image',
      line: 2,
      column: 3,
    });
    expect(formatDiagnostic('m.json', d)).toBe('m.json:2:3: a.image: Resource "a": "image" should be a string.');
  });
});

describe('loadTopology: App Hosts', () => {
  it('an App Host that deploys nothing exits 2 naming why, and its warnings are still printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empty-apphost-'));
    const file = join(dir, 'apphost.cs');
    writeFileSync(
      file,
      '#:sdk Aspire.AppHost.Sdk@13.0.0\nvar builder = DistributedApplication.CreateBuilder(args);\nvar kc = ' +
        'builder.AddSurrealDb("kc", 8080);\nbuilder.Build().Run();\n',
    );
    const lines: string[] = [];
    {
      const err = await loadTopology(file, (line) => lines.push(line)).then(
        () => undefined,
        (e: unknown) => e as CliError,
      );
      expect(err).toBeInstanceOf(CliError);
      expect(err?.exitCode).toBe(2);
      expect(err?.message).toMatch(/No deployable resource was found.*kc/);
      expect(lines).toEqual([expect.stringMatching(/^warning: .*apphost\.cs:3:18: kc: Line 3: builder\.AddSurrealDb/)]);
    }
  });
});

describe('loadTopology', () => {
  it('a warning from a sibling .cs file of the project names that file and its line, not the entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sibling-apphost-'));
    try {
      writeFileSync(join(dir, 'Shop.AppHost.csproj'), '<Project Sdk="Aspire.AppHost.Sdk/13.0.0"></Project>');
      writeFileSync(
        join(dir, 'AppHost.cs'),
        'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddShop();\nbuilder.Build().Run();\n',
      );
      writeFileSync(
        join(dir, 'Extensions.cs'),
        'public static class Extensions\n{\n    public static void AddShop(this IDistributedApplicationBuilder b)\n' +
          '    {\n        b.AddProject<Projects.Api>("api").WithNobodyKnows();\n    }\n}\n',
      );
      const loaded = await loadTopology(dir, () => {});
      // convert prints each warning with formatDiagnostic(input, d), input being the folder here.
      const printed = loaded.diagnostics.map((d) => formatDiagnostic(dir, d).replace(/\\/g, '/'));
      expect(printed).toEqual([expect.stringMatching(/\/Extensions\.cs:5:\d+: api: Line 5: \.WithNobodyKnows/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(
    'reads a .csx App Host formatted over several lines (the core decides it is C#, the CLI loads ' + 'the importer)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-csx-'));
      try {
        const file = join(dir, 'apphost.csx');
        writeFileSync(
          file,
          'var builder = DistributedApplication\n    ' +
            '.CreateBuilder(args);\n\nbuilder.AddRedis("cache");\n\nbuilder.Build().Run();\n',
        );
        const loaded = await loadTopology(file, () => {});
        expect(loaded.topology.resources.map((r) => r.name)).toContain('cache');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('the application name', () => {
  it('comes from the folder the input is in, however its path was typed', async () => {
    // `aspire-parity check Program.cs …` run in the App Host folder names the app after the
    // folder, as `check apphost/Program.cs …` from the parent does; before, the bare name gave "app".
    expect(appNameOfPath('Program.cs')).toBe(appNameFrom(join(process.cwd(), 'Program.cs')));
    expect(appNameOfPath('Program.cs')).not.toBe('app');
    const dir = mkdtempSync(join(tmpdir(), 'shop-'));
    try {
      const file = join(dir, 'aspire-manifest.json');
      writeFileSync(file, '{"resources": {}}');
      expect((await loadTopology(file, () => {})).topology.name).toBe(appNameFrom(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
