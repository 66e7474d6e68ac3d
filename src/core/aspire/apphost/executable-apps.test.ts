/** AddBunApp / AddRustApp import as the executables CommunityToolkit's integrations add. */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const load = (body: string) =>
  importAppHost(
    parser,
    `var builder = DistributedApplication.CreateBuilder(args);\n${body}\nbuilder.Build().Run();\n`,
    {
      name: 'x',
    },
  );

describe('executable app integrations', () => {
  it('AddBunApp: bun run <entry> in ../<name> by default, NODE_ENV production', () => {
    const { topology } = load(
      'builder.AddBunApp("bunapi");\nbuilder.AddBunApp("w", "../web", "server.ts", watch: true);',
    );
    const bun = topology.resources.find((r) => r.name === 'bunapi')!;
    expect([bun.kind, bun.command, bun.workingDirectory, bun.args]).toEqual([
      'executable',
      'bun',
      '../bunapi',
      ['run', 'index.ts'],
    ]);
    expect(bun.env).toEqual([{ name: 'NODE_ENV', value: 'production' }]);
    expect(topology.resources.find((r) => r.name === 'w')?.args).toEqual(['--watch', 'run', 'server.ts']);
    expect(topology.unmodelled ?? []).toEqual([]);
  });

  it('AddRustApp: cargo run . <args>, an http endpoint on the given port; PublishAsDockerFile builds it', () => {
    const { topology } = load(
      'builder.AddRustApp("rs", "../rust-api", 5000, ["--release"]).PublishAsDockerFile();\n' +
        'builder.AddRustApp("plain", "../plain");',
    );
    const rs = topology.resources.find((r) => r.name === 'rs')!;
    expect(rs.kind).toBe('dockerfile');
    expect(rs.build?.context).toBe('../rust-api');
    expect(rs.endpoints.map((e) => [e.name, e.targetPort])).toEqual([['http', 5000]]);
    const plain = topology.resources.find((r) => r.name === 'plain')!;
    expect([plain.kind, plain.command, plain.args]).toEqual(['executable', 'cargo', ['run', '.']]);
    expect(plain.endpoints.map((e) => e.targetPort)).toEqual([8080]);
  });

  it('AddRustApp without a constant directory is reported, not guessed', () => {
    const { diagnostics, topology } = load('builder.AddRustApp("rs", Environment.GetEnvironmentVariable("D"));');
    expect(diagnostics.some((d) => d.message.includes('needs a constant working directory'))).toBe(true);
    expect(topology.resources.some((r) => r.name === 'rs')).toBe(false);
  });
});

describe('Python module and executable apps', () => {
  it('publish like AddPythonApp: a container built from the app directory, with the OTLP environment', () => {
    const { topology } = load(
      'builder.AddPythonModule("flask", "../flaskapp", "flask");\n' +
        'builder.AddPythonExecutable("worker", "../worker", "celery");\n' +
        'builder.AddPythonApp("script", "../script", "main.py");',
    );
    const [mod, exe, app] = ['flask', 'worker', 'script'].map((n) => topology.resources.find((r) => r.name === n)!);
    for (const [r, dir] of [
      [mod!, '../flaskapp'],
      [exe!, '../worker'],
    ] as const) {
      expect(r.kind).toBe(app!.kind);
      expect(r.build?.context).toBe(dir);
      expect(r.env).toEqual(app!.env);
    }
    expect(topology.unmodelled ?? []).toEqual([]);
  });
});

describe('Next.js app', () => {
  it('publishes a built container with its own PORT endpoint, NODE_ENV and HOSTNAME', () => {
    const { topology } = load('builder.AddNextJsApp("web", "../web");');
    const web = topology.resources.find((r) => r.name === 'web')!;
    expect(web.kind).toBe('dockerfile');
    expect(web.build?.context).toBe('../web');
    expect(web.endpoints.map((e) => e.name)).toEqual(['http']);
    expect(web.env).toEqual(
      expect.arrayContaining([
        { name: 'NODE_ENV', value: 'production' },
        { name: 'HOSTNAME', value: '0.0.0.0' },
      ]),
    );
    expect(topology.unmodelled ?? []).toEqual([]);
  });
});
