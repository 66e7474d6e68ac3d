/**
 * The browser's App Host importer. Vite copies both WebAssembly modules into the build and
 * gives us their URLs (`?url`), so the parser loads from the app's own origin and works offline.
 * This module is imported lazily (only when a C# file is imported), keeping ~3 MB of grammar out
 * of the initial bundle.
 */
import runtimeUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
import languageUrl from 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm?url';
import type { Diagnostic } from '../../core/model/diagnostics';
import type { Topology } from '../../core/model/topology';
import { createCSharpParser } from '../../core/aspire/apphost/parser';
import { importAppHost } from '../../core/aspire/apphost/import';

export type AppHostImporterFn = (text: string, fileName?: string) => { topology: Topology; diagnostics: Diagnostic[] };

let importer: Promise<AppHostImporterFn> | undefined;

/** A ready importer: `(text) => { topology, diagnostics }`. Created once per page. */
export function loadAppHostImporter(): Promise<AppHostImporterFn> {
  importer ??= createCSharpParser({ runtime: runtimeUrl, language: languageUrl })
    .then((parser) => (text: string) => importAppHost(parser, text))
    .catch((e: unknown) => {
      importer = undefined; // a failed fetch can be retried
      throw e;
    });
  return importer;
}
