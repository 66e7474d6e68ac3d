/**
 * lz-string's URI-safe format (`compressToEncodedURIComponent`) written in linear time. The
 * library keeps its phrases as object keys, so each step builds and hashes the current phrase
 * again: on repetitive text phrases grow to thousands of characters and a 2.7 MB design took
 * 9 s to share (the fuzz run's slowest case). Here the phrases are a trie of character codes:
 * one map lookup per input character, whatever the phrase length. The output is the format
 * lz-bounded.ts (and lz-string) decodes; for the same text it is the same string as
 * lz-string's (lz-string.test.ts compares them).
 *
 * The format, as the decoder reads it: codes of a growing width (2 bits, then one more each
 * time the dictionary fills the width); code 0 or 1 brings an 8- or 16-bit literal the first
 * time a character occurs, 2 ends the stream, any other code is a phrase; each code written
 * adds the phrase plus the next character to the dictionary. Bits go out least significant
 * first, six to a character of the URI alphabet.
 */

const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

interface Phrase {
  code: number;
  next?: Map<number, Phrase>;
}

class BitWriter {
  private readonly out: string[] = [];
  private value = 0;
  private position = 0;
  constructor(private readonly maxChars: number) {}
  /** Characters written so far (past maxChars the caller gives up). */
  get length(): number {
    return this.out.length;
  }
  get full(): boolean {
    return this.out.length > this.maxChars;
  }
  bit(b: number): void {
    this.value = (this.value << 1) | b;
    if (this.position === 5) {
      this.out.push(URI_ALPHABET[this.value]!);
      this.value = 0;
      this.position = 0;
    } else this.position++;
  }
  write(value: number, width: number): void {
    for (let i = 0; i < width; i++) {
      this.bit(value & 1);
      value >>= 1;
    }
  }
  /** Pads the last character with zero bits. */
  finish(): string {
    for (;;) {
      this.value <<= 1;
      if (this.position === 5) {
        this.out.push(URI_ALPHABET[this.value]!);
        break;
      }
      this.position++;
    }
    return this.out.join('');
  }
}

/**
 * `text` compressed for a URL, or undefined once the output passes `maxChars` (a link that
 * long is refused anyway; the rest is not compressed).
 */
export function compressUri(text: string, maxChars = Infinity): string | undefined {
  const bits = new BitWriter(maxChars);
  const roots = new Map<number, Phrase>();
  // Characters that have a code but were never written: their first use is a literal.
  const unwritten = new Set<number>();
  let size = 3;
  let width = 2;
  let enlargeIn = 2;
  const grow = () => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** width;
      width++;
    }
  };
  const emit = (phrase: Phrase, single: boolean, first: number) => {
    if (single && unwritten.has(first)) {
      if (first < 256) {
        bits.write(0, width);
        bits.write(first, 8);
      } else {
        bits.write(1, width);
        bits.write(first, 16);
      }
      grow();
      unwritten.delete(first);
    } else bits.write(phrase.code, width);
    grow();
  };
  let w: Phrase | undefined;
  let single = false;
  let first = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let root = roots.get(c);
    if (!root) {
      root = { code: size++ };
      roots.set(c, root);
      unwritten.add(c);
    }
    if (!w) {
      [w, single, first] = [root, true, c];
      continue;
    }
    const longer = w.next?.get(c);
    if (longer) {
      [w, single] = [longer, false];
      continue;
    }
    emit(w, single, first);
    if (bits.full) return undefined;
    (w.next ??= new Map()).set(c, { code: size++ });
    [w, single, first] = [root, true, c];
  }
  if (w) emit(w, single, first);
  bits.write(2, width);
  const out = bits.finish();
  return out.length > maxChars ? undefined : out;
}
