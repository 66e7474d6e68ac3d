/**
 * Parser start-up for App Host code. The core never reads files: the caller hands over the two
 * WebAssembly modules (the tree-sitter runtime and the C# grammar) as bytes or URLs, so the same
 * code runs in Node (bytes read by the CLI) and in the browser (URLs served from our own origin,
 * which keeps the app working offline).
 */
import { Language, Parser } from 'web-tree-sitter';

export type WasmSource = Uint8Array | string | URL;

export interface AppHostParserOptions {
  /** The web-tree-sitter runtime (`web-tree-sitter.wasm`). Absent: the runtime finds its own file (Node only). */
  runtime?: WasmSource;
  /** The C# grammar (`tree-sitter-c_sharp.wasm`). */
  language: WasmSource;
}

/** Ten times what a real App Host needs (a 100 KB Program.cs parses in well under 100 ms). */
export const PARSE_BUDGET_MS = 1000;

/** A parser ready for C#: what importAppHost takes. */
export interface CSharpParser {
  parse(text: string): ReturnType<Parser['parse']>;
}

// The runtime is one WebAssembly instance per JS realm; initialise it once.
let runtimeReady: Promise<void> | undefined;

function initRuntime(runtime: WasmSource | undefined): Promise<void> {
  if (!runtimeReady) {
    const options =
      runtime === undefined
        ? undefined
        : runtime instanceof Uint8Array
          ? { wasmBinary: runtime }
          : { locateFile: () => String(runtime) };
    runtimeReady = Parser.init(options).catch((e: unknown) => {
      runtimeReady = undefined; // allow a retry with another source
      throw e;
    });
  }
  return runtimeReady;
}

/**
 * Load the runtime and the C# grammar and return a parser. Rejects only for broken or
 * incompatible WebAssembly (a deployment problem, not user input).
 */
export async function createCSharpParser(options: AppHostParserOptions): Promise<CSharpParser> {
  await initRuntime(options.runtime);
  const language = await Language.load(options.language);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse: (text) => {
      // Bounded: tree-sitter's error recovery on a long damaged line (90 KB of `{a.{a.…` in
      // code) took seconds; past the budget the parse is cancelled and import says so.
      const start = Date.now();
      const tree = parser.parse(text, null, {
        progressCallback: (() => Date.now() - start > PARSE_BUDGET_MS) as () => void,
      });
      // A cancelled parse would resume on the next call (with the next file's text): start clean.
      if (!tree) parser.reset();
      return tree;
    },
  };
}
