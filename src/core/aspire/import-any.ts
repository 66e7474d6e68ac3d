/**
 * One entry point for whatever the user drops or passes: an Aspire manifest, a saved design
 * document, or an App Host (C# Program.cs/apphost.cs or TypeScript apphost.ts). Detection is by content first (a manifest renamed to
 * .txt still works), the file name second.
 */
import { diag, type Diagnostic } from '../model/diagnostics';
import { DiagnosticSink } from './manifest/scope';
import { looksLikeDesign, readDesignValue, type DesignDocument } from '../model/design-document';
import type { Topology } from '../model/topology';
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

/** App Host code: C# (`Program.cs`, `apphost.cs`) or TypeScript (`apphost.ts`, `apphost.mts`). */
export function appHostLanguage(text: string, fileName: string | undefined): 'cs' | 'ts' | undefined {
  if (fileName && /\.(cs|csx)$/i.test(fileName)) return 'cs';
  if (fileName && /\.m?ts$/i.test(fileName)) return 'ts';
  if (/\bDistributedApplication\b/.test(text)) return 'cs';
  if (/\bcreateBuilder\s*\(/.test(text) && /\bfrom\s+['"][^'"]*aspire(\.m?[jt]s)?['"]/.test(text)) return 'ts';
  return undefined;
}

export function importAny(text: string, fileName?: string, appHostImporter?: AppHostImporter): ImportAnyResult {
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

  const language = appHostLanguage(text, fileName);
  if (language) {
    if (!appHostImporter) {
      return { kind: 'apphost', diagnostics: [diag('error', 'apphost-unavailable', `${label} looks like an App Host (${language === 'ts' ? 'TypeScript' : 'C#'}), but App Host import is not available here. Import its aspire-manifest.json instead.`)] };
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

  const what = text.trim() === '' ? 'is empty' : 'is not an Aspire manifest (JSON with "resources"), a saved design, or an App Host (Program.cs, apphost.cs, apphost.ts)';
  return { kind: 'unknown', diagnostics: [diag('error', 'unrecognised-input', `${label} ${what}.`)] };
}
