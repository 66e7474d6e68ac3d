/**
 * Test support: a C# parser for Vitest. The core does no file I/O, so the grammar is handed
 * over by path and web-tree-sitter reads it (in Node it loads string sources itself).
 */
import { beforeAll } from 'vitest';
import { importAppHost } from './import';
import { createCSharpParser, type CSharpParser } from './parser';

let parser: Promise<CSharpParser> | undefined;

export function testParser(): Promise<CSharpParser> {
  parser ??= createCSharpParser({
    language: new URL('../../../../node_modules/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm', import.meta.url)
      .pathname,
  });
  return parser;
}

/**
 * For a test file: `run(body)` imports `body` as the statements of a Program.cs, between
 * `CreateBuilder(args)` and `Build().Run()`. Call at the top level of the file (it registers a
 * `beforeAll` that loads the parser).
 */
export function programRunner(): (body: string) => ReturnType<typeof importAppHost> {
  let loaded: CSharpParser | undefined;
  beforeAll(async () => {
    loaded = await testParser();
  });
  return (body) =>
    importAppHost(
      loaded!,
      `var builder = DistributedApplication.CreateBuilder(args);\n${body}\nbuilder.Build().Run();\n`,
    );
}
