/**
 * Test support: a C# parser for Vitest. The core does no file I/O, so the grammar is handed
 * over by path and web-tree-sitter reads it (in Node it loads string sources itself).
 */
import { createCSharpParser, type CSharpParser } from './parser';

let parser: Promise<CSharpParser> | undefined;

export function testParser(): Promise<CSharpParser> {
  parser ??= createCSharpParser({
    language: new URL('../../../../node_modules/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm', import.meta.url)
      .pathname,
  });
  return parser;
}
