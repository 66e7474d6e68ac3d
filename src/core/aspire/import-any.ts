/**
 * One entry point for whatever the user drops or passes: an Aspire manifest, a saved design
 * document, or an App Host (C# Program.cs/apphost.cs, TypeScript apphost.ts). What the text is
 * comes from `detectInput` (./detect-input.ts), the same function the CLI and the browser ask
 * before loading an App Host importer.
 */
import { boundFindings } from '../model/bounded-findings';
import { codeTooDeepAt, MAX_CODE_DEPTH } from '../model/code-nesting';
import { diag, type Diagnostic } from '../model/diagnostics';
import { DiagnosticSink } from '../json/scope';
import { looksLikeDesign, readDesignValue, type DesignDocument } from '../model/design-document';
import type { Topology } from '../model/topology';
import { validateImportedNames } from '../model/names';
import { isJsonObject, own } from '../json/json-parse';
import { importManifestValue, parseManifestJson } from './manifest/import-manifest';
import { appNameFrom } from './manifest/app-name';
import { detectInput } from './detect-input';

export type ImportKind = 'manifest' | 'design' | 'apphost' | 'unknown';

export interface ImportAnyResult {
  kind: ImportKind;
  topology?: Topology;
  document?: DesignDocument;
  diagnostics: Diagnostic[];
}

/** An App Host importer (initialised asynchronously by its owner: tree-sitter, the TS compiler). */
export type AppHostImporter = (text: string, fileName?: string) => { topology: Topology; diagnostics: Diagnostic[] };

/** The App Host importers a face has loaded; a bare function is the C# one. */
export type AppHostImporters = AppHostImporter | { csharp?: AppHostImporter; typescript?: AppHostImporter };

/**
 * Every import ends here: names Aspire could not have produced (control characters, line
 * separators, bidi controls) fail the import with a message naming the resource. A design
 * document is checked by its reader (share links and autosave read designs without this).
 */
export function importAny(text: string, fileName?: string, appHostImporters?: AppHostImporters): ImportAnyResult {
  // Bounded: a damaged file can repeat one finding 100,000 times (model/bounded-findings.ts).
  const result = boundFindings(importAnyKind(text, fileName, appHostImporters));
  if (!result.topology || result.kind === 'design') return result;
  return { ...result, diagnostics: [...result.diagnostics, ...validateImportedNames(result.topology)] };
}

function importAnyKind(text: string, fileName?: string, appHostImporters?: AppHostImporters): ImportAnyResult {
  const label = fileName ? `"${fileName}"` : 'The input';
  if (typeof text !== 'string')
    return { kind: 'unknown', diagnostics: [diag('error', 'unrecognised-input', `${label} is not text.`)] };
  const detected = detectInput(text, fileName);

  if (detected === 'manifest' || detected === 'design') {
    const parsed = parseManifestJson(text, fileName);
    if (!parsed.ok) {
      // Broken JSON: report the syntax error; call it a design only if it says so.
      const kind: ImportKind = detected;
      return { kind, diagnostics: parsed.diagnostics };
    }
    if (looksLikeDesign(parsed.value)) {
      const sink = new DiagnosticSink(parsed.positions);
      for (const d of parsed.diagnostics) sink.add(d);
      const document = readDesignValue(parsed.value, sink);
      return {
        kind: 'design',
        ...(document ? { document, topology: document.topology } : {}),
        diagnostics: sink.diagnostics,
      };
    }
    const v = parsed.value;
    if (isJsonObject(v) && (own(v, 'resources') !== undefined || own(v, 'components') !== undefined)) {
      const { topology, diagnostics } = importManifestValue(parsed, {
        ...(fileName !== undefined ? { fileName } : {}),
      });
      return { kind: 'manifest', topology, diagnostics };
    }
    return {
      kind: 'unknown',
      diagnostics: [
        diag(
          'error',
          'unrecognised-input',
          `${label} is JSON but neither an Aspire manifest (no "resources") nor an Aspire Parity design (no ` +
            `"format": "aspire-parity-design").`,
          { line: 1, column: 1 },
        ),
      ],
    };
  }

  if (detected === 'apphost-csharp' || detected === 'apphost-typescript') {
    const language = detected === 'apphost-csharp' ? 'C#' : 'TypeScript';
    const appHostImporter =
      typeof appHostImporters === 'function'
        ? detected === 'apphost-csharp'
          ? appHostImporters
          : undefined
        : appHostImporters?.[detected === 'apphost-csharp' ? 'csharp' : 'typescript'];
    if (!appHostImporter) {
      const message =
        `${label} looks like an App Host (${language}), but ${language} App Host import is not ` +
        `available here. Import its aspire-manifest.json instead.`;
      return { kind: 'apphost', diagnostics: [diag('error', 'apphost-unavailable', message)] };
    }
    const deepAt = codeTooDeepAt(text);
    if (deepAt !== undefined) {
      const message =
        `${label}: brackets are nested deeper than ${MAX_CODE_DEPTH} levels at line ${deepAt}; ` +
        'no App Host nests that deep (a damaged file?), so it is not read.';
      return { kind: 'apphost', diagnostics: [diag('error', 'nesting-too-deep', message, { line: deepAt })] };
    }
    try {
      const { topology, diagnostics } = appHostImporter(text, fileName);
      if (!topology.name || topology.name === 'app') topology.name = appNameFrom(fileName);
      return { kind: 'apphost', topology, diagnostics };
    } catch (e) {
      // The App Host importer promises not to throw; if it does, the user still gets a message.
      return {
        kind: 'apphost',
        diagnostics: [
          diag(
            'error',
            'apphost-failed',
            `${label}: App Host import failed: ${e instanceof Error ? e.message : String(e)}`,
          ),
        ],
      };
    }
  }

  const what =
    text.trim() === ''
      ? 'is empty'
      : 'is not an Aspire manifest (JSON with "resources"), a saved design, or an App Host (Program.cs, apphost.cs, ' +
        'apphost.ts)';
  return { kind: 'unknown', diagnostics: [diag('error', 'unrecognised-input', `${label} ${what}.`)] };
}
