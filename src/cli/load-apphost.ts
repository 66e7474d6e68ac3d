/**
 * The CLI's App Host importer: reads the two WebAssembly modules (tree-sitter runtime and C#
 * grammar) from node_modules and hands their bytes to the pure core. Loaded lazily, only when
 * an input looks like C#, so manifest runs never pay for the parser start-up.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../core/model/diagnostics';
import type { Topology } from '../core/model/topology';
import { createCSharpParser } from '../core/aspire/apphost/parser';
import { importAppHost } from '../core/aspire/apphost/import';

export type AppHostImporterFn = (text: string, fileName?: string) => { topology: Topology; diagnostics: Diagnostic[] };

const require = createRequire(import.meta.url);

let importer: Promise<AppHostImporterFn> | undefined;

async function create(): Promise<AppHostImporterFn> {
  // Resolve through the packages' own export maps, wherever npm placed them.
  const [runtime, language] = await Promise.all([
    readFile(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    readFile(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm')),
  ]);
  const parser = await createCSharpParser({ runtime: new Uint8Array(runtime), language: new Uint8Array(language) });
  return (text: string) => importAppHost(parser, text);
}

/** A ready importer: `(text) => { topology, diagnostics }`. Created once per process. */
export function loadAppHostImporter(): Promise<AppHostImporterFn> {
  importer ??= create().catch((e: unknown) => {
    importer = undefined;
    throw e;
  });
  return importer;
}
