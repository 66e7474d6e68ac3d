/**
 * Drawing an integration from the palette and importing the App Host that declares it give the
 * same bundle, byte for byte: for every palette integration and language app, a project that
 * references it (WithReference: connection string, connection properties, service discovery)
 * is generated both ways with the plain layout. In-process: the real C# parser, no .NET.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import type { CSharpParser } from '../../aspire/apphost/parser';
import { testParser } from '../../aspire/apphost/test-support';
import { generateBundle } from '../../bundle/plain';
import { addResources, connect, referenceKindFor } from '../commands';
import { emptyDesign } from '../design';
import { CATALOG, catalogItem, type CatalogItem } from './palette';
import { APPS, INTEGRATIONS } from './index';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

/** The App Host the palette item stands for: AddX(name)[.WithDataVolume()], and a project using it. */
function appHostFor(item: CatalogItem, name: string): string {
  const spec = INTEGRATIONS.find((i) => i.engine === item.id);
  const app = APPS.find((a) => a.id === item.id);
  let declare: string;
  if (spec) declare = `builder.AddX("${name}")${spec.dataPath ? '.WithDataVolume()' : ''}`.replace('AddX', spec.csharp);
  else if (app)
    declare =
      `builder.${app.csharp}("${name}", ` +
      `"../${name}")${app.httpEndpointEnv ? '' : '.WithHttpEndpoint(env: "PORT")'}`;
  else throw new Error(`no App Host call for ${item.id}`);
  return `var builder = DistributedApplication.CreateBuilder(args);
var target = ${declare};
builder.AddProject<Projects.api>("api").WithReference(target);
builder.Build().Run();
`;
}

/** The same design drawn: a project, the item, and an edge api → item (the designer's connect). */
function drawn(item: CatalogItem, name: string) {
  let doc = emptyDesign('palette');
  const add = (resources: ReturnType<CatalogItem['create']>) => {
    const res = addResources(doc, resources, { x: 0, y: 0 });
    if (!res.ok) throw new Error(res.reason);
    doc = res.doc;
  };
  add(item.create(name));
  add(catalogItem('project').create('api'));
  if (referenceKindFor(doc.topology.resources.find((r) => r.name === name)!)) {
    const res = connect(doc, 'api', name);
    if (!res.ok) throw new Error(res.reason);
    doc = res.doc;
  }
  return doc.topology;
}

const ITEMS = CATALOG.filter((c) => INTEGRATIONS.some((i) => i.engine === c.id) || APPS.some((a) => a.id === c.id));

describe('palette item = App Host declaration, as a bundle', () => {
  it('offers every container integration that publishes as a container, and the language apps', () => {
    expect(ITEMS.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'sqlserver',
        'postgres',
        'mysql',
        'oracle',
        'mongodb',
        'minio',
        'redis',
        'valkey',
        'garnet',
        'rabbitmq',
        'kafka',
        'nats',
        'keycloak',
        'yarp',
        'seq',
        'elasticsearch',
        'qdrant',
        'milvus',
        'ollama',
        'flagd',
        'vite-app',
        'python-app',
        'go-app',
      ]),
    );
  });

  it.each(ITEMS.map((i) => [i.id, i] as const))('%s', (_id, item) => {
    const name = item.baseName;
    const design = drawn(item, name);
    const imported = importAppHost(parser, appHostFor(item, name), { name: 'palette' });
    expect(imported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const a = generateBundle(design, { namespace: 'p' }).files;
    const b = generateBundle({ ...imported.topology, name: 'palette' }, { namespace: 'p' }).files;
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    expect(a.length).toBeGreaterThan(1);
    for (const [i, f] of a.entries()) expect(b[i]!.text, f.path).toBe(f.text);
  });
});
