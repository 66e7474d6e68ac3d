/**
 * Bytes of an input file → text, as the formats define it: UTF-8 (a BOM is dropped), or
 * UTF-16 when a BOM says so (Windows editors save that; go-yaml and .NET read it too). Bytes
 * that are neither are refused with the line and byte, instead of being read as U+FFFD and
 * failing later for a reason nobody can see. One rule for the CLI and the browser's import.
 */
export type Decoded = { ok: true; text: string } | { ok: false; line: number; byte: number; message: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Where: the first replacement character the lenient decoder writes.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const before = loose.slice(0, Math.max(0, loose.indexOf('\uFFFD')));
    let line = 1;
    for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
    const byte = new TextEncoder().encode(before).length;
    return {
      ok: false,
      line,
      byte,
      message: `not UTF-8 text (byte ${byte} is not valid UTF-8); save the file as UTF-8 (or UTF-16 with a BOM)`,
    };
  }
}
