/**
 * Share links: the design, compressed in lz-string's format, in the URL hash (`#design=…`), so it
 * never reaches a server. Credentials never travel: the design is redacted with the detection
 * the generator uses (core/kube/secret-redaction.ts): secret and credential parameters lose
 * their defaults, `Password=…`, `user:pass@`, `*_PASSWORD` values and hand-edited Secrets are
 * replaced or left out, whatever the user chose for saved designs.
 */
import { redactDesign } from '../core/kube/secret-redaction';
import type { DesignDoc } from '../core/model/design';
import { parseDesignText, serializeDesign, type ParseResult } from './design-codec';
import { decompressUriBounded } from './lz-bounded';
import { compressUri } from './lz-encode';

export const SHARE_PREFIX = '#design=';
/** Browsers and chat tools truncate long URLs; past this, "Save design" is the honest answer. */
export const MAX_SHARE_LENGTH = 60_000;
/** What a link may expand to: far above any real design under MAX_SHARE_LENGTH, far below a bomb. */
export const MAX_SHARED_DESIGN_CHARS = 4_000_000;

/** A copy of the design with every credential removed (always, for links). */
export function stripSecrets(doc: DesignDoc): DesignDoc {
  return redactDesign(doc).value;
}

export type ShareResult = { ok: true; hash: string } | { ok: false; message: string };

export function encodeShareHash(doc: DesignDoc): ShareResult {
  const text = serializeDesign(stripSecrets(doc));
  // Checked before compressing: a design past what a link may expand to would be refused on
  // opening anyway, and compressing megabytes took seconds (the fuzz run's slowest case).
  if (text.length > MAX_SHARED_DESIGN_CHARS) {
    return {
      ok: false,
      message:
        `This design is too large for a link (${Math.round(text.length / 1_000_000)} MB of design). Use ` +
        `"Save design" and share the file instead.`,
    };
  }
  // Linear (lz-encode.ts), and it stops as soon as the link would be too long.
  const compressed = compressUri(text, MAX_SHARE_LENGTH - SHARE_PREFIX.length);
  if (compressed === undefined) {
    return {
      ok: false,
      message:
        `This design is too large for a link (more than ${MAX_SHARE_LENGTH / 1000} kB). Use "Save design" ` +
        `and share the file instead.`,
    };
  }
  return { ok: true, hash: SHARE_PREFIX + compressed };
}

/** undefined when the hash carries no design. */
export function decodeShareHash(hash: string): ParseResult | undefined {
  if (!hash.startsWith(SHARE_PREFIX)) return undefined;
  // No link this app makes is longer; a longer one is refused before it is decompressed (a
  // 256 KB link took 25 s to open, and compressed text can expand far beyond its size).
  if (hash.length > MAX_SHARE_LENGTH) {
    return {
      ok: false,
      message:
        `This shared link is too long to open (${Math.round(hash.length / 1000)} kB; links from this app are ` +
        `at most ${MAX_SHARE_LENGTH / 1000} kB). Ask for the design file ("Save design") instead.`,
    };
  }
  // Bounded: a short link can expand to hundreds of megabytes (a decompression bomb).
  const r = decompressUriBounded(hash.slice(SHARE_PREFIX.length), MAX_SHARED_DESIGN_CHARS);
  if (!r.ok && r.reason === 'too-large')
    return {
      ok: false,
      message:
        `This shared link expands to more than ${MAX_SHARED_DESIGN_CHARS / 1_000_000} MB of design, more ` +
        `than any design this app shares; it was not opened. Ask for the design file ("Save design") instead.`,
    };
  if (!r.ok || !r.text)
    return { ok: false, message: 'The shared link is damaged (it could not be decompressed). Ask for a new link.' };
  return parseDesignText(r.text);
}
