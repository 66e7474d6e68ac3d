/**
 * The browser's import path with the real C# importer: the browser loader fetches the grammar by
 * URL, which Node cannot, so the test hands it the same WebAssembly bytes from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { importText } from './import-text';

vi.mock('./apphost-loader', async () => {
  const { createCSharpParser } = await import('../../core/aspire/apphost/parser');
  const { importAppHost } = await import('../../core/aspire/apphost/import');
  const require = createRequire(import.meta.url);
  const [runtime, language] = await Promise.all([
    readFile(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    readFile(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm')),
  ]);
  const parser = await createCSharpParser({ runtime: new Uint8Array(runtime), language: new Uint8Array(language) });
  return { loadAppHostImporter: () => Promise.resolve((text: string) => importAppHost(parser, text)) };
});

describe('importText (browser import)', () => {
  it('imports a pasted App Host whose builder call a formatter split over two lines', async () => {
    const pasted = [
      'var builder = DistributedApplication',
      '    .CreateBuilder(args);',
      '',
      'var cache = builder.AddRedis("cache");',
      'builder.AddProject<Projects.Api>("api")',
      '    .WithReference(cache);',
      '',
      'builder.Build().Run();',
    ].join('\n');
    const r = await importText(pasted);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('apphost');
    expect(r.topology!.resources.map((x) => x.name)).toEqual(expect.arrayContaining(['api', 'cache']));
  });
});
