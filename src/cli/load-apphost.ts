/**
 * The CLI's App Host reading: which files make up the App Host (a folder, a `.cs` file plus the
 * other `.cs` files of its project, a file-based `apphost.cs`, or `apphost.ts`/`apphost.mts`),
 * and an importer for them. The WebAssembly modules (tree-sitter runtime and C# grammar) and the
 * TypeScript compiler are loaded lazily, only when an input is an App Host.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/model/diagnostics';
import type { Topology } from '../core/model/topology';
import { createCSharpParser, type CSharpParser } from '../core/aspire/apphost/parser';
import { importAppHost, type AppHostSource } from '../core/aspire/apphost/import';
import { CliError, whyUnreadable } from './io';
import { decodeText } from './read-text';

export type AppHostImporterFn = (text: string, fileName?: string) => { topology: Topology; diagnostics: Diagnostic[] };

const require = createRequire(import.meta.url);

/** Sibling files read at most (an App Host project has a handful; a monorepo root is not one). */
const MAX_SIBLINGS = 200;
const MAX_FILE_BYTES = 2_000_000;
const SKIP_DIRS = new Set(['bin', 'obj', 'node_modules', '.modules', '.aspire', '.git']);
const ENTRY_NAMES = ['apphost.ts', 'apphost.mts', 'apphost.cs', 'AppHost.cs', 'Program.cs'];

export interface AppHostInput {
  /** The entry file as the user would name it. */
  fileName: string;
  text: string;
  siblings: AppHostSource[];
  language: 'cs' | 'ts';
}

export const isTypeScriptFile = (name: string) => /\.m?ts$/i.test(name);

function read(path: string): string {
  try {
    if (statSync(path).size > MAX_FILE_BYTES)
      throw new CliError(`${path}: larger than ${MAX_FILE_BYTES / 1e6} MB; not an App Host source file`);
    return decodeText(readFileSync(path), path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: cannot read (${whyUnreadable(e)})`);
  }
}

/** `.cs` files under a folder (not bin/obj), in a stable order. */
function csFiles(dir: string, depth = 0): string[] {
  if (depth > 6) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && !SKIP_DIRS.has(e.name)) out.push(...csFiles(join(dir, e.name), depth + 1));
    else if (e.isFile() && /\.cs$/i.test(e.name)) out.push(join(dir, e.name));
    if (out.length > MAX_SIBLINGS) break;
  }
  return out;
}

function entryIn(dir: string): string {
  const names = readdirSync(dir);
  for (const n of ENTRY_NAMES) if (names.includes(n)) return join(dir, n);
  const withBuilder = csFiles(dir).find((f) => /DistributedApplication\s*\.\s*CreateBuilder/.test(read(f)));
  if (withBuilder) return withBuilder;
  throw new CliError(
    `${dir}: no App Host found (expected apphost.ts, apphost.mts, apphost.cs, AppHost.cs, Program.cs or a .cs file ` +
      `calling DistributedApplication.CreateBuilder)`,
  );
}

/**
 * The files of an App Host given as a folder or a file. A project-based App Host (a folder
 * with a .csproj) compiles every `.cs` file in it, so helpers and extension methods there are
 * read too; a file-based `apphost.cs` and a TypeScript App Host are one file.
 */
export function readAppHostInput(path: string): AppHostInput {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    throw new CliError(
      `${path}: cannot read ` +
        `(${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message})`,
    );
  }
  const entry = isDir ? entryIn(path) : path;
  const fileName = entry;
  const text = read(entry);
  if (isTypeScriptFile(entry)) return { fileName, text, siblings: [], language: 'ts' };
  const dir = dirname(entry);
  const isProject = readdirSync(dir).some((n) => /\.csproj$/i.test(n));
  const others = isProject ? csFiles(dir).filter((f) => f !== entry) : [];
  if (others.length > MAX_SIBLINGS)
    throw new CliError(
      `${dir}: more than ${MAX_SIBLINGS} .cs files; give the App Host project folder, not a repository root`,
    );
  // Named as the entry is (the path as the user would type it), so a warning's file:line opens.
  const siblings = others.map((f) => ({ name: f, text: read(f) }));
  return { fileName, text, siblings, language: 'cs' };
}

let parser: Promise<CSharpParser> | undefined;

function csharpParser(): Promise<CSharpParser> {
  parser ??= (async () => {
    // Resolve through the packages' own export maps, wherever npm placed them.
    const [runtime, language] = await Promise.all([
      readFile(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
      readFile(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm')),
    ]);
    return createCSharpParser({ runtime: new Uint8Array(runtime), language: new Uint8Array(language) });
  })().catch((e: unknown) => {
    parser = undefined;
    throw e;
  });
  return parser;
}

/** A ready C# importer: `(text, fileName) => { topology, diagnostics }`. The parser is created once per process. */
export async function loadAppHostImporter(siblings: readonly AppHostSource[] = []): Promise<AppHostImporterFn> {
  const p = await csharpParser();
  return (text, fileName) => importAppHost(p, text, { ...(fileName !== undefined ? { fileName } : {}), siblings });
}

/** An importer for this input's language (TypeScript: the compiler is loaded now). */
export async function importerFor(input: Pick<AppHostInput, 'siblings' | 'language'>): Promise<AppHostImporterFn> {
  if (input.language === 'cs') return loadAppHostImporter(input.siblings);
  const [{ default: ts }, { importAppHostTs }, p] = await Promise.all([
    import('typescript'),
    import('../core/aspire/apphost-ts/import'),
    csharpParser(),
  ]);
  return (text, fileName) => importAppHostTs(ts, p, text, { ...(fileName !== undefined ? { fileName } : {}) });
}
