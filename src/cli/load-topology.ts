/**
 * Read a topology for the CLI: an Aspire manifest, a saved design, or an App Host Program.cs
 * (parsed with the bundled tree-sitter grammar). Import errors end the run with a one-line
 * message naming the file and position; warnings go to stderr.
 */
import { detectInput, isAppHost } from '../core/aspire/detect-input';
import { importAny, type AppHostImporters } from '../core/aspire/import-any';
import type { Diagnostic } from '../core/model/diagnostics';
import type { DeploySettings } from '../core/model/settings';
import type { Topology } from '../core/model/topology';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { appNameFrom } from '../core/aspire/manifest/app-name';
import { CliError, readInput } from './io';

export interface LoadedTopology {
  topology: Topology;
  /** Settings saved with a design document, if any. */
  settings?: Partial<DeploySettings>;
  diagnostics: Diagnostic[];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function formatDiagnostic(input: string, d: Diagnostic): string {
  // A diagnostic from one file of several (an App Host's helper .cs file) names its own file.
  const file = d.file ?? input;
  const pos = d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : '';
  const who = d.resource ? `${d.resource}${d.field ? `.${d.field}` : ''}: ` : '';
  // Core messages meant for the app name the file themselves ("x.json: Invalid JSON…"); the
  // line already starts with it, so say it once.
  const message = d.message.startsWith(`${file}: `) ? d.message.slice(file.length + 2) : d.message;
  return `${file}${pos}: ${who}${message}`;
}

/** `warn` prints a line (escaped) to the user's stderr: the CLI's io, a test's buffer. */
export async function loadTopology(file: string, warn: (line: string) => void): Promise<LoadedTopology> {
  // An App Host folder, or a .cs file whose project siblings hold helpers: read as a set. The
  // core decides what a single file is; the CLI only loads the importer that decision needs.
  const folder = isDirectory(file);
  let text = folder ? '' : readInput(file);
  let name = file;
  let importers: AppHostImporters | undefined;
  if (folder || isAppHost(detectInput(text, file))) {
    const { readAppHostInput, importerFor } = await import('./load-apphost');
    const input = readAppHostInput(file);
    ({ text, fileName: name } = input);
    const importer = await importerFor(input);
    importers = input.language === 'ts' ? { typescript: importer } : { csharp: importer };
  }
  const result = importAny(text, name, importers);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error || !result.topology) {
    // Warnings survive a failing run: the user still sees which calls were ignored.
    for (const d of result.diagnostics) if (d.severity === 'warning') warn(`warning: ${formatDiagnostic(name, d)}`);
    throw new CliError(
      error ? formatDiagnostic(name, error) : `${file}: not an Aspire manifest, App Host Program.cs or saved design`,
    );
  }
  const settings = result.kind === 'design' ? result.document?.settings : undefined;
  const topology =
    result.kind !== 'design' && result.topology.name === appNameFrom(name)
      ? { ...result.topology, name: appNameOfPath(name) }
      : result.topology;
  return { topology, ...(settings ? { settings } : {}), diagnostics: result.diagnostics };
}

/**
 * The application's name from where the input really is: `Program.cs` typed in its folder and
 * `apphost/Program.cs` typed from the parent are the same App Host, so they name the same app
 * (the part-of labels and the Fixes that write them must not depend on the working directory).
 */
export function appNameOfPath(file: string): string {
  return appNameFrom(resolve(file));
}
