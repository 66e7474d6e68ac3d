/**
 * Bytes of an input file → text, as the formats define it: UTF-8 (a BOM is dropped), or
 * UTF-16 when a BOM says so (Windows editors save that; go-yaml and .NET read it too). Bytes
 * that are neither are refused with the file, line and byte, instead of being read as U+FFFD
 * and failing later for a reason nobody can see.
 */
import { CliError } from './io';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return UTF8.decode(bytes);
  } catch {
    let i = 0;
    // The first byte that does not start or continue a UTF-8 sequence (or ends one too early).
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    const before = loose.slice(0, Math.max(0, bad));
    for (const c of before) if (c === '\n') i++;
    const byte = new TextEncoder().encode(before).length;
    throw new CliError(
      `${path}:${i + 1}: not UTF-8 text (byte ${byte} is not valid UTF-8); save the file as UTF-8 (or UTF-16 with a BOM)`,
    );
  }
}
