/** flagd as CommunityToolkit.Aspire.Hosting.Flagd writes it, imported from an App Host. */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import type { CSharpParser } from '../../aspire/apphost/parser';
import { testParser } from '../../aspire/apphost/test-support';
import { engineFromImage } from './index';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

describe('AddFlagd', () => {
  it('a container with http, health and OFREP endpoints, "start", and a scheme://host:port string', () => {
    const { topology, diagnostics } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var flags = builder.AddFlagd("flagd", port: 8013);
builder.AddProject<Projects.Api>("api").WithReference(flags);
builder.Build().Run();
`,
      { name: 'f' },
    );
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const flagd = topology.resources.find((r) => r.name === 'flagd')!;
    expect(flagd.engine).toBe('flagd');
    expect(flagd.image).toBe('ghcr.io/open-feature/flagd:v0.11.6');
    expect(flagd.args).toEqual(['start']);
    expect(flagd.endpoints.map((e) => [e.name, e.targetPort])).toEqual([
      ['http', 8013],
      ['health', 8014],
      ['ofrep', 8016],
    ]);
    expect(flagd.connectionString).toBe(
      '{flagd.bindings.http.scheme}://{flagd.bindings.http.host}:{flagd.bindings.http.port}',
    );
    const api = topology.resources.find((r) => r.name === 'api')!;
    expect(api.env.filter((e) => e.name.startsWith('ConnectionStrings__') || e.name.startsWith('FLAGD_'))).toEqual([
      { name: 'ConnectionStrings__flagd', value: '{flagd.connectionString}' },
    ]);
    expect(engineFromImage('ghcr.io/open-feature/flagd:v0.12.0')).toBe('flagd');
  });
});
