/**
 * Calls that matter for a deployment and were dropped before: each one is modelled or becomes
 * an explicit unknown (diagnostic + Topology.unmodelled), never nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology';
import { exportAppHost } from './export';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const run = (body: string) =>
  importAppHost(parser, `var builder = DistributedApplication.CreateBuilder(args);\n${body}\nbuilder.Build().Run();\n`);
const res = (t: Topology, name: string) => t.resources.find((r) => r.name === name);
const refs = (t: Topology) => t.references.map((r) => `${r.from}->${r.to} ${r.kind} ${r.waitFor}`);

describe('deployment calls', () => {
  it('ExcludeFromManifest: read, then not deployed (and references to it go with it)', () => {
    const { topology, diagnostics } = run(
      'var tool = builder.AddContainer("tool", ' +
        '"busybox").ExcludeFromManifest();\nbuilder.AddProject<Projects.Api>("api");',
    );
    expect(res(topology, 'tool')).toBeUndefined();
    expect(diagnostics.find((d) => d.code === 'excluded')).toMatchObject({
      severity: 'info',
      line: 2,
      resource: 'tool',
    });
  });

  it('WithCreationScript: an explicit unknown on the database', () => {
    const { topology } = run(
      'var db = builder.AddPostgres("pg").AddDatabase("app").WithCreationScript("CREATE DATABASE ' +
        'app;");\nbuilder.AddProject<Projects.Api>("api").WithReference(db);',
    );
    expect(topology.unmodelled).toEqual([
      expect.objectContaining({ resource: 'app', construct: 'WithCreationScript', line: 2 }),
    ]);
  });

  it(
    'WithOtlpExporter: the OTLP settings Aspire publishes, and a note where the bundle does not wire ' +
      'the collector',
    () => {
      const { topology } = run(
        'builder.AddContainer("py", ' +
          '"python").WithOtlpExporter();\nbuilder.AddProject<Projects.Api>("api").WithOtlpExporter();',
      );
      expect(res(topology, 'py')?.env.map((e) => e.name)).toContain('OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY');
      expect(topology.unmodelled?.map((u) => `${u.resource} ${u.construct}`)).toEqual(['py WithOtlpExporter']);
    },
  );

  it('WaitForCompletion: the dependant waits for the dependency to finish (a job), not to run', () => {
    const { topology } = run(
      'var migrate = builder.AddProject<Projects.Migrator>("migrate", launchProfileName: ' +
        'null);\nbuilder.AddProject<Projects.Api>("api").WaitForCompletion(migrate).WaitFor(migrate);',
    );
    expect(refs(topology)).toEqual(['api->migrate wait-only completion']);
  });

  it('PublishAsDockerFile: an executable is built from its working directory and runs as a container', () => {
    const { topology, diagnostics } = run(
      'builder.AddExecutable("fe", "npm", "../frontend", "run", "start").PublishAsDockerFile();',
    );
    expect(res(topology, 'fe')).toMatchObject({
      kind: 'dockerfile',
      build: { context: '../frontend', dockerfile: '../frontend/Dockerfile' },
    });
    // The image's CMD runs, not the executable's command line (as Aspire 13.6 writes it).
    expect(res(topology, 'fe')?.args).toEqual([]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('PublishAsDockerComposeService: another target, said as info, nothing lost', () => {
    const { topology, diagnostics } = run(
      'builder.AddProject<Projects.Api>("api").PublishAsDockerComposeService((r, s) => { s.Restart = "always"; });',
    );
    expect(topology.unmodelled).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['other-target']);
  });

  it('WithHttpProbe: every probe as declared on the resource settings, liveness/readiness paths too', () => {
    const { topology } = run(
      'builder.AddProject<Projects.Api>("api").WithHttpProbe(ProbeType.Liveness, ' +
        '"/live").WithHttpProbe(ProbeType.Readiness, "/ready", periodSeconds: 5, endpointName: ' +
        '"http").WithHttpProbe(ProbeType.Startup, "/start", 10, failureThreshold: 30);',
    );
    expect(res(topology, 'api')?.settings.healthPaths).toEqual({ liveness: '/live', readiness: '/ready' });
    expect(res(topology, 'api')?.settings.probes).toEqual({
      liveness: { path: '/live' },
      readiness: { path: '/ready', periodSeconds: 5, endpoint: 'http' },
      startup: { path: '/start', initialDelaySeconds: 10, failureThreshold: 30 },
    });
    expect(topology.unmodelled).toBeUndefined();
    // Export writes them back; re-import gives the same probes.
    const back = importAppHost(parser, exportAppHost(topology));
    expect(res(back.topology, 'api')?.settings.probes).toEqual(res(topology, 'api')?.settings.probes);
  });
});

describe('publishing environments', () => {
  it('AddDockerComposeEnvironment/AddKubernetesEnvironment are info, not placeholders', () => {
    const { topology, diagnostics } = run(
      'builder.AddDockerComposeEnvironment("dc").ConfigureDashboard(d => ' +
        'd.WithHostPort(9000));\nbuilder.AddProject<Projects.Api>("api");',
    );
    expect(topology.resources.map((r) => r.name)).toEqual(['api']);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info other-target']);
  });
});

describe('language apps in publish mode', () => {
  it(
    'AddViteApp/AddUvicornApp/AddNodeApp are containers built from their directory; PublishWithContainerFiles is ' +
      'an explicit unknown',
    () => {
      const { topology, diagnostics } = run(`var cache = builder.AddRedis("cache");
var app = builder.AddUvicornApp("app", "./app", "main:app").WithReference(cache).WaitFor(cache);
var web = builder.AddViteApp("frontend", "./frontend").WithReference(app);
builder.AddNodeApp("api", "./api", "index.js").WithHttpEndpoint(env: "PORT");
app.PublishWithContainerFiles(web, "./static");`);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(res(topology, 'app')).toMatchObject({
        kind: 'dockerfile',
        build: { context: './app', dockerfile: 'app.Dockerfile' },
      });
      expect(res(topology, 'frontend')?.env).toContainEqual({
        name: 'PORT',
        value: '{frontend.bindings.http.targetPort}',
      });
      expect(res(topology, 'api')?.endpoints.map((e) => e.name)).toEqual(['http']);
      expect(refs(topology)).toEqual(
        expect.arrayContaining(['app->cache connection-string running', 'frontend->app service-discovery none']),
      );
      expect(topology.unmodelled?.map((u) => `${u.construct} ${u.resource}`)).toEqual([
        'PublishWithContainerFiles frontend',
      ]);
    },
  );
});
