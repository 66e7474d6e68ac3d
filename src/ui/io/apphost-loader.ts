/**
 * The browser's App Host importer. Vite copies both WebAssembly modules into the build and
 * gives us their URLs (`?url`), so the parser loads from the app's own origin and works offline.
 * This module is imported lazily (only when an App Host is imported), keeping ~3 MB of grammar
 * out of the initial bundle; the TypeScript compiler (for apphost.ts) is a further dynamic
 * import, fetched only for a TypeScript App Host.
 */
import runtimeUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
import languageUrl from 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm?url';
import type { Diagnostic } from '../../core/model/diagnostics';
import type { Topology } from '../../core/model/topology';
import { createCSharpParser, type CSharpParser } from '../../core/aspire/apphost/parser';
import { importAppHost } from '../../core/aspire/apphost/import';

export type AppHostImporterFn = (text: string, fileName?: string) => { topology: Topology; diagnostics: Diagnostic[] };

let parser: Promise<CSharpParser> | undefined;

function csharpParser(): Promise<CSharpParser> {
  parser ??= createCSharpParser({ runtime: runtimeUrl, language: languageUrl }).catch((e: unknown) => {
    parser = undefined; // a failed fetch can be retried
    throw e;
  });
  return parser;
}

/** A ready importer for the language: `(text, fileName) => { topology, diagnostics }`. */
export async function loadAppHostImporter(language: 'cs' | 'ts' = 'cs'): Promise<AppHostImporterFn> {
  const p = await csharpParser();
  if (language === 'cs') return (text, fileName) => importAppHost(p, text, fileName !== undefined ? { fileName } : {});
  const [{ default: ts }, { importAppHostTs }] = await Promise.all([
    import('typescript'),
    import('../../core/aspire/apphost-ts/import'),
  ]);
  return (text, fileName) => importAppHostTs(ts, p, text, fileName !== undefined ? { fileName } : {});
}
