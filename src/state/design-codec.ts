/**
 * Bridge between the store's DesignDoc and the saved-design format of
 * core/model/design-document.ts (versioned, defensive reader). Text from storage, files and
 * URLs is untrusted: parsing says what is wrong instead of throwing.
 */
import type { Diagnostic } from '../core/model/diagnostics';
import type { DesignDoc } from '../core/model/design';
import { parseDesign, serializeDesign as serialize, type DesignDocument } from '../core/model/design-document';
import { ownRecord } from './own-record';

export function serializeDesign(doc: DesignDoc): string {
  return serialize(doc);
}

export type ParseResult = { ok: true; doc: DesignDoc; warnings: Diagnostic[] } | { ok: false; message: string };

/** Positions and edits are keyed by names and paths from the file: own-key records, no prototype. */
export function docFromDocument(d: DesignDocument): DesignDoc {
  return {
    topology: d.topology,
    positions: ownRecord(Object.entries(d.positions ?? {})),
    settings: d.settings ?? {},
    edits: ownRecord(Object.entries(d.edits ?? {})),
  };
}

export function parseDesignText(text: string): ParseResult {
  const r = parseDesign(text);
  if (!r.document) {
    const first = r.diagnostics.find((d) => d.severity === 'error') ?? r.diagnostics[0];
    return { ok: false, message: first?.message ?? 'The design could not be read.' };
  }
  return { ok: true, doc: docFromDocument(r.document), warnings: r.diagnostics.filter((d) => d.severity !== 'info') };
}
