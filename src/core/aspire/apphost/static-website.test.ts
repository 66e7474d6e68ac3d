/** PublishAsStaticWebsite keeps its API proxy (reference + route) and reports the image swap with its line. */
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

describe('PublishAsStaticWebsite', () => {
  it('C#: the site references its API and carries the proxy route; the rest is an unmodelled entry', () => {
    const { topology } = importAppHost(
      parser,
      `var builder = DistributedApplication.CreateBuilder(args);
var api = builder.AddProject<Projects.Api>("api");
builder.AddViteApp("web", "../web").PublishAsStaticWebsite(apiPath: "/api/", apiTarget: api);
builder.Build().Run();
`,
      { fileName: 'AppHost.cs' },
    );
    expect(topology.references.map((r) => `${r.from}->${r.to}:${r.kind}`)).toContain('web->api:service-discovery');
    const web = topology.resources.find((r) => r.name === 'web')!;
    expect(web.env).toEqual(
      expect.arrayContaining([
        { name: 'REVERSEPROXY__ROUTES__api__MATCH__PATH', value: '/api/{**catch-all}' },
        { name: 'REVERSEPROXY__CLUSTERS__api__DESTINATIONS__destination1__ADDRESS', value: 'https+http://api' },
      ]),
    );
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}:${u.resource}`)).toEqual([
      'PublishAsStaticWebsite@3:web',
    ]);
  });

  it('TypeScript: the options object form', () => {
    const text =
      "import { createBuilder } from './.modules/aspire.js';\nconst builder = await createBuilder();\n" +
      "const api = await builder.addNodeApp('api', './api', 'server.js').withHttpEndpoint({ env: 'PORT' });\n" +
      "await builder.addViteApp('web', './web').publishAsStaticWebsite({ apiPath: '/api', apiTarget: api });\n" +
      'await builder.build().run();\n';
    const { topology } = importAppHostTs(ts, parser, text, { fileName: 'apphost.ts' });
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toContain('web->api');
    expect(topology.unmodelled?.map((u) => `${u.construct}@${u.line}`)).toEqual(['publishAsStaticWebsite@4']);
  });
});
