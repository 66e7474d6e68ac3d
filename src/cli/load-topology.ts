/**
 * Read a topology for the CLI: an Aspire manifest, a saved design, or an App Host Program.cs
 * (parsed with the bundled tree-sitter grammar). Import errors end the run with a one-line
 * message naming the file and position; warnings go to stderr.
 */
import { detectInput } from '../core/aspire/detect-input';
import { importAny, type AppHostImporters } from '../core/aspire/import-any';
import type { Diagnostic } from '../core/model/diagnostics';
import type { DeploySettings } from '../core/model/settings';
import type { Topology } from '../core/model/topology';
import { CliError, readInput } from './io';

export interface LoadedTopology {
  topology: Topology;
  /** Settings saved with a design document, if any. */
  settings?: Partial<DeploySettings>;
  diagnostics: Diagnostic[];
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const pos = d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : '';
  const who = d.resource ? `${d.resource}${d.field ? `.${d.field}` : ''}: ` : '';
  // Core messages meant for the app name the file themselves ("x.json: Invalid JSON…"); the
  // line already starts with it, so say it once.
  const message = d.message.startsWith(`${file}: `) ? d.message.slice(file.length + 2) : d.message;
  return `${file}${pos}: ${who}${message}`;
}

export async function loadTopology(file: string): Promise<LoadedTopology> {
  const text = readInput(file);
  // The core decides what the text is; the CLI only loads the importer that decision needs.
  let importers: AppHostImporters | undefined;
  if (detectInput(text, file) === 'apphost-csharp') {
    const { loadAppHostImporter } = await import('./load-apphost');
    importers = { csharp: await loadAppHostImporter() };
  }
  const result = importAny(text, file, importers);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error || !result.topology) {
    throw new CliError(error ? formatDiagnostic(file, error) : `${file}: not an Aspire manifest, App Host Program.cs or saved design`);
  }
  const settings = result.kind === 'design' ? result.document?.settings : undefined;
  return { topology: result.topology, ...(settings ? { settings } : {}), diagnostics: result.diagnostics };
}
