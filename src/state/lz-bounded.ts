/**
 * lz-string's URI-safe format (`compressToEncodedURIComponent`) decoded with a bound on the
 * output. Compressed text can expand quadratically: a 60 kB link can stand for hundreds of
 * megabytes, which the library would build in full (seconds, a gigabyte) before anything
 * could look at it. This decoder stops as soon as the output passes `maxChars`.
 *
 * The format: a stream of 6-bit characters read least significant bit first; codes of a
 * growing width (starting at 2, then 3 bits); 0 and 1 introduce an 8- or 16-bit literal
 * character that joins the dictionary, 2 ends the stream, any other code names a dictionary
 * entry (or, one past the end, the previous entry plus its own first character).
 */

const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...URI_ALPHABET].map((c, i) => [c, i]));

export type Bounded = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'damaged' };

/** Bits of the input, least significant first within each 6-bit character. */
class BitReader {
  private index = 0;
  private value = 0;
  private mask = 0;
  constructor(private readonly input: string) {}
  /** False once the input is used up (a damaged stream). */
  get more(): boolean {
    return this.index < this.input.length || this.mask !== 0;
  }
  read(width: number): number {
    let out = 0;
    for (let bit = 0; bit < width; bit++) {
      if (this.mask === 0) {
        const v = VALUE_OF.get(this.input[this.index++] ?? '');
        if (v === undefined) throw new Error('damaged');
        this.value = v;
        this.mask = 32;
      }
      if (this.value & this.mask) out |= 1 << bit;
      this.mask >>= 1;
    }
    return out;
  }
}

export function decompressUriBounded(input: string, maxChars: number): Bounded {
  const reader = new BitReader(input.replace(/ /g, '+'));
  try {
    const dictionary: string[] = ['', '', ''];
    let width = 2;
    let enlargeIn = 4;
    const literal = (code: number): string | undefined =>
      code === 0 ? String.fromCharCode(reader.read(8)) : code === 1 ? String.fromCharCode(reader.read(16)) : undefined;
    const first = reader.read(2);
    if (first === 2) return { ok: true, text: '' };
    const c = literal(first);
    if (c === undefined) return { ok: false, reason: 'damaged' };
    dictionary.push(c);
    width = 3;
    let previous = c;
    const parts: string[] = [c];
    let length = c.length;
    for (;;) {
      if (!reader.more) return { ok: false, reason: 'damaged' };
      let code = reader.read(width);
      if (code === 2) return { ok: true, text: parts.join('') };
      const lit = literal(code);
      if (lit !== undefined) {
        dictionary.push(lit);
        code = dictionary.length - 1;
        if (--enlargeIn === 0) {
          enlargeIn = 2 ** width;
          width++;
        }
      }
      const entry =
        code < dictionary.length ? dictionary[code]! : code === dictionary.length ? previous + previous[0] : undefined;
      if (entry === undefined || (code < 3 && lit === undefined)) return { ok: false, reason: 'damaged' };
      length += entry.length;
      if (length > maxChars) return { ok: false, reason: 'too-large' };
      parts.push(entry);
      dictionary.push(previous + entry[0]);
      previous = entry;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** width;
        width++;
      }
    }
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
