import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriBounded } from './lz-bounded';
import { compressUri } from './lz-encode';

const texts = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.constantFrom('ab', 'abc', '{"x":1}', '\u2028', 'é', '😀', 'constructor'), { maxLength: 300 })
    .map((a) => a.join('')),
);

describe('linear lz-string encoding', () => {
  it('writes what lz-string writes, and both decoders read it back (property)', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const ours = compressUri(s)!;
        expect(ours).toBe(LZString.compressToEncodedURIComponent(s));
        expect(decompressUriBounded(ours, 1e6)).toEqual({ ok: true, text: s });
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  // lz-string cannot store the phrase "__proto__" as a key (its output differs there); ours
  // is still the format, and reads back.
  it('round-trips prototype names', () => {
    const s = '{"__proto__":{"__proto__":1},"a":"__proto____proto__"}'.repeat(20);
    expect(LZString.decompressFromEncodedURIComponent(compressUri(s)!)).toBe(s);
    expect(decompressUriBounded(compressUri(s)!, 1e6)).toEqual({ ok: true, text: s });
  });

  it('stops once the output passes the bound', () => {
    const random = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
    expect(compressUri(random, 1000)).toBeUndefined();
    expect(compressUri(random)!.length).toBeGreaterThan(1000);
  });

  // One map step per character. lz-string rebuilds and hashes the whole current phrase each
  // step, and phrases of 16 M repeated characters grow to ~5,600: ~10^11 character steps,
  // far past this test's 180 s timeout (2.7 MB took it 9 s); the trie takes about a second.
  it('compresses 16 M repetitive characters (4 times the largest design a link may hold)', () => {
    const s = 'ab'.repeat(8 << 20);
    const out = compressUri(s)!;
    expect(out.length).toBeLessThan(100_000);
    const back = decompressUriBounded(out, s.length);
    expect(back.ok && back.text.length).toBe(s.length);
  });
});
