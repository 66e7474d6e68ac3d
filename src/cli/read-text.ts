/** Input bytes → text for the CLI (core/model/decode-text.ts), refused as a one-line input error. */
import { decodeText as decode } from '../core/model/decode-text';
import { CliError } from './io';

export function decodeText(bytes: Uint8Array, path: string): string {
  const r = decode(bytes);
  if (r.ok) return r.text;
  throw new CliError(`${path}:${r.line}: ${r.message}`);
}
