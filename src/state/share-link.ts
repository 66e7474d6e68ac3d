/**
 * Share links: the design, compressed with lz-string, in the URL hash (`#design=…`), so it
 * never reaches a server. Secret values never travel: default values of secret parameters and
 * hand-edited Secret manifests are dropped before encoding.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { DesignDoc } from '../core/model/design';
import { parseDesignText, serializeDesign, type ParseResult } from './design-codec';
import { ownRecord } from './own-record';

export const SHARE_PREFIX = '#design=';
/** Browsers and chat tools truncate long URLs; past this, "Save design" is the honest answer. */
export const MAX_SHARE_LENGTH = 60_000;

/** A copy of the design with every secret value removed. */
export function stripSecrets(doc: DesignDoc): DesignDoc {
  const resources = doc.topology.resources.map((r) => {
    if (!r.parameter?.secret || r.parameter.default?.kind !== 'value') return r;
    const { default: _dropped, ...parameter } = r.parameter;
    return { ...r, parameter };
  });
  // Own-key record: an edit path "__proto__" must stay an edit, not become the prototype.
  const edits = ownRecord(Object.entries(doc.edits).filter(([path, text]) => !/secret/i.test(path) && !/^\s*kind:\s*Secret\b/m.test(text)));
  return { ...doc, topology: { ...doc.topology, resources }, edits };
}

export type ShareResult = { ok: true; hash: string } | { ok: false; message: string };

export function encodeShareHash(doc: DesignDoc): ShareResult {
  const hash = SHARE_PREFIX + compressToEncodedURIComponent(serializeDesign(stripSecrets(doc)));
  if (hash.length > MAX_SHARE_LENGTH) {
    return { ok: false, message: `This design is too large for a link (${Math.round(hash.length / 1000)} kB). Use "Save design" and share the file instead.` };
  }
  return { ok: true, hash };
}

/** undefined when the hash carries no design. */
export function decodeShareHash(hash: string): ParseResult | undefined {
  if (!hash.startsWith(SHARE_PREFIX)) return undefined;
  const text = decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length));
  if (!text) return { ok: false, message: 'The shared link is damaged (it could not be decompressed). Ask for a new link.' };
  return parseDesignText(text);
}
