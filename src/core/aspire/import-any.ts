/**
 * One entry point for whatever the user drops or passes: an Aspire manifest, a saved design
 * document, or an App Host Program.cs. Detection is by content first (a manifest renamed to
 * .txt still works), the file name second.
 */
import { diag, type Diagnostic } from '../model/diagnostics';
import { DiagnosticSink } from './manifest/scope';
import { looksLikeDesign, readDesignValue, type DesignDocument } from '../model/design-document';
import type { Topology } from '../model/topology';
import { validateImportedNames } from '../model/names';
import { isJsonObject, own } from './manifest/json-parse';
import { importManifestValue, parseManifestJson } from './manifest/import-manifest';
import { appNameFrom } from './manifest/app-name';

export type ImportKind = 'manifest' | 'design' | 'apphost' | 'unknown';

export interface ImportAnyResult {
  kind: ImportKind;
  topology?: Topology;
  document?: DesignDocument;
  diagnostics: Diagnostic[];
}

/** An App Host importer (tree-sitter based, initialised asynchronously by its owner). */
export type AppHostImporter = (text: string, fileName?: string) => { topology: Topology; diagnostics: Diagnostic[] };

function firstSignificantChar(text: string): string | undefined {
  const m = /[^\s\uFEFF]/.exec(text.slice(0, 4096));
  return m?.[0];
}

function looksLikeCSharp(text: string, fileName: string | undefined): boolean {
  if (fileName && /\.(cs|csx)$/i.test(fileName)) return true;
  return /\bDistributedApplication\b/.test(text);
}

/**
 * Every import ends here: names Aspire could not have produced (control characters, line
 * separators, bidi controls) fail the import with a message naming the resource. A design
 * document is checked by its reader (share links and autosave read designs without this).
 */
export function importAny(text: string, fileName?: string, appHostImporter?: AppHostImporter): ImportAnyResult {
  const result = importAnyKind(text, fileName, appHostImporter);
  if (!result.topology || result.kind === 'design') return result;
  return { ...result, diagnostics: [...result.diagnostics, ...validateImportedNames(result.topology)] };
}

function importAnyKind(text: string, fileName?: string, appHostImporter?: AppHostImporter): ImportAnyResult {
  const label = fileName ? `"${fileName}"` : 'The input';
  if (typeof text !== 'string') return { kind: 'unknown', diagnostics: [diag('error', 'unrecognised-input', `${label} is not text.`)] };
  const first = firstSignificantChar(text);
  const isJsonish = first === '{' || first === '[' || (fileName !== undefined && /\.json$/i.test(fileName));

  if (isJsonish) {
    const parsed = parseManifestJson(text, fileName);
    if (!parsed.ok) {
      // Broken JSON: report the syntax error; call it a design only if it says so.
      const kind: ImportKind = text.includes('"aspire-parity-design"') ? 'design' : 'manifest';
      return { kind, diagnostics: parsed.diagnostics };
    }
    if (looksLikeDesign(parsed.value)) {
      const sink = new DiagnosticSink(parsed.positions);
      for (const d of parsed.diagnostics) sink.add(d);
      const document = readDesignValue(parsed.value, sink);
      return { kind: 'design', ...(document ? { document, topology: document.topology } : {}), diagnostics: sink.diagnostics };
    }
    const v = parsed.value;
    if (isJsonObject(v) && (own(v, 'resources') !== undefined || own(v, 'components') !== undefined)) {
      const { topology, diagnostics } = importManifestValue(parsed, { ...(fileName !== undefined ? { fileName } : {}) });
      return { kind: 'manifest', topology, diagnostics };
    }
    return {
      kind: 'unknown',
      diagnostics: [
        diag('error', 'unrecognised-input', `${label} is JSON but neither an Aspire manifest (no "resources") nor an Aspire Parity design (no "format": "aspire-parity-design").`, { line: 1, column: 1 }),
      ],
    };
  }

  if (looksLikeCSharp(text, fileName)) {
    if (!appHostImporter) {
      return { kind: 'apphost', diagnostics: [diag('error', 'apphost-unavailable', `${label} looks like an App Host (C#), but App Host import is not available here. Import its aspire-manifest.json instead.`)] };
    }
    try {
      const { topology, diagnostics } = appHostImporter(text, fileName);
      if (!topology.name || topology.name === 'app') topology.name = appNameFrom(fileName);
      return { kind: 'apphost', topology, diagnostics };
    } catch (e) {
      // The App Host importer promises not to throw; if it does, the user still gets a message.
      return { kind: 'apphost', diagnostics: [diag('error', 'apphost-failed', `${label}: App Host import failed: ${e instanceof Error ? e.message : String(e)}`)] };
    }
  }

  const what = text.trim() === '' ? 'is empty' : 'is not an Aspire manifest (JSON with "resources"), a saved design, or an App Host Program.cs';
  return { kind: 'unknown', diagnostics: [diag('error', 'unrecognised-input', `${label} ${what}.`)] };
}
