/**
 * Turn dropped, pasted or chosen text into a design, without touching the store: the caller
 * commits only a successful result, so a failed import changes nothing.
 * The manifest/App Host importer (core/aspire/import-any.ts) and the App Host loader
 * (./apphost-loader.ts, tree-sitter) load lazily, keeping them out of the initial bundle.
 */
import type { ImportAnyResult } from '../../core/aspire/import-any';
import type { DesignDoc } from '../../core/model/design';
import type { Diagnostic } from '../../core/model/diagnostics';
import type { Topology } from '../../core/model/topology';
import { docFromDocument } from '../../state/design-codec';

type ImportKind = ImportAnyResult['kind'];

export type ImportOutcome =
  | { ok: true; kind: ImportKind; doc?: DesignDoc; topology?: Topology; warnings: Diagnostic[] }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

/** Files larger than this are refused before reading (a manifest is kilobytes). */
export const MAX_IMPORT_BYTES = 20_000_000;

export async function importText(text: string, fileName = 'pasted text'): Promise<ImportOutcome> {
  if (!text.trim()) return { ok: false, message: `${fileName} is empty.`, diagnostics: [] };
  try {
    // Lazy: the importers are not needed until the first import.
    const [{ importAny }, { detectInput }] = await Promise.all([
      import('../../core/aspire/import-any'),
      import('../../core/aspire/detect-input'),
    ]);
    // The core's own decision says which App Host importer to load, so the two cannot disagree.
    const detected = detectInput(text, fileName);
    const loader =
      detected === 'apphost-csharp' || detected === 'apphost-typescript' ? await import('./apphost-loader') : undefined;
    const importers =
      loader &&
      (detected === 'apphost-csharp'
        ? { csharp: await loader.loadAppHostImporter('cs') }
        : { typescript: await loader.loadAppHostImporter('ts') });
    const res = importAny(text, fileName, importers);
    const errors = res.diagnostics.filter((d) => d.severity === 'error');
    const warnings = res.diagnostics.filter((d) => d.severity === 'warning');
    if (res.kind === 'design' && res.document)
      return { ok: true, kind: 'design', doc: docFromDocument(res.document), warnings };
    if (res.topology && (res.kind === 'manifest' || res.kind === 'apphost')) {
      // An App Host that deploys nothing is refused, and its warnings are shown with the error.
      if (errors.length > 0 && (res.kind === 'apphost' || res.topology.resources.length === 0))
        return { ok: false, message: errors[0]!.message, diagnostics: res.diagnostics };
      return { ok: true, kind: res.kind, topology: res.topology, warnings: [...errors, ...warnings] };
    }
    const first = errors[0] ?? res.diagnostics[0];
    return {
      ok: false,
      message: first?.message ?? `${fileName} is not an Aspire manifest, an App Host Program.cs or a saved design.`,
      diagnostics: res.diagnostics,
    };
  } catch (e) {
    return { ok: false, message: `Import of ${fileName} failed: ${(e as Error).message}`, diagnostics: [] };
  }
}
