/**
 * The one decision "what is this text?": an Aspire manifest, a saved design, a C# App Host
 * (Program.cs, apphost.cs) or a TypeScript App Host (apphost.ts). The CLI and the browser ask it
 * before loading an App Host importer (tree-sitter for C#, the TypeScript compiler for TS), and
 * `importAny` asks it again, so a face can never guess differently from the core.
 *
 * Content first, the file name second: a manifest renamed to .txt is still a manifest, and a
 * pasted App Host (no file name) is recognised by its builder call, however it is formatted.
 */

export type InputKind = 'manifest' | 'design' | 'apphost-csharp' | 'apphost-typescript' | 'unknown';

/** How much of the text the content rules read: detection never walks a 20 MB paste. */
const SNIFF_CHARS = 65_536;

/**
 * C#: the builder call with any whitespace, line breaks or comments between the tokens
 * (`DistributedApplication\n    .CreateBuilder(args)` is how formatters write it), the builder
 * interface, or a file-based App Host's SDK directive (`#:sdk Aspire.AppHost.Sdk@13.0.0`).
 */
const CSHARP_TEXT = [/\bI?DistributedApplication(?:Builder)?\b/, /^\s*#:sdk\s+Aspire\.AppHost\.Sdk\b/m];

/**
 * TypeScript: `createBuilder` imported from an Aspire module (`./.modules/aspire.js`,
 * `@aspire/hosting`), named or through a namespace (`import * as aspire …; aspire.createBuilder()`).
 */
const TS_NAMED = /\bimport\s+(?:type\s+)?\{[^}]*\bcreateBuilder\b[^}]*\}\s*from\s*(['"])[^'"\n]*aspire[^'"\n]*\1/i;
const TS_NAMESPACE = /\bimport\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])[^'"\n]*aspire[^'"\n]*\2/i;
const TS_REQUIRE =
  /\bcreateBuilder\b[^;\n]*=\s*require\(\s*(['"])[^'"\n]*aspire[^'"\n]*\1\s*\)|require\(\s*(['"])[^'"\n]*aspire[^'"\n]*\2\s*\)\s*\.\s*createBuilder\b/i;

const DESIGN_FORMAT = /"format"\s*:\s*"aspire-parity-design"/;

function firstSignificantChar(text: string): string | undefined {
  return /[^\s\uFEFF]/.exec(text.slice(0, 4096))?.[0];
}

function looksLikeTypeScriptAppHost(head: string): boolean {
  if (TS_NAMED.test(head) || TS_REQUIRE.test(head)) return true;
  const ns = TS_NAMESPACE.exec(head);
  return ns !== null && new RegExp(`\\b${ns[1]!.replace(/\$/g, '\\$')}\\s*\\.\\s*createBuilder\\b`).test(head);
}

/** What `text` is; `fileName` only breaks ties the content leaves open. */
export function detectInput(text: string, fileName?: string): InputKind {
  const name = fileName ?? '';
  const first = firstSignificantChar(text);
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  if (first === '{' || first === '[' || /\.json$/i.test(name)) return DESIGN_FORMAT.test(head) ? 'design' : 'manifest';
  if (looksLikeTypeScriptAppHost(head)) return 'apphost-typescript';
  if (CSHARP_TEXT.some((re) => re.test(head))) return 'apphost-csharp';
  if (/\.(?:cs|csx)$/i.test(name)) return 'apphost-csharp';
  if (/\.(?:ts|mts|cts)$/i.test(name) && /\bcreateBuilder\b/.test(head)) return 'apphost-typescript';
  return 'unknown';
}

/** True when the input needs an App Host importer (the faces load one lazily). */
export function isAppHost(kind: InputKind): kind is 'apphost-csharp' | 'apphost-typescript' {
  return kind === 'apphost-csharp' || kind === 'apphost-typescript';
}
