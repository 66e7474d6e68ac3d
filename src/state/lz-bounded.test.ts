import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriBounded } from './lz-bounded';

describe('bounded lz-string decoding', () => {
  it('decodes what lz-string encodes (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(fc.constantFrom('ab', 'abc', '{"x":1}', '\u2028', 'é'), { maxLength: 300 }).map((a) => a.join('')),
        ),
        (s) => {
          expect(decompressUriBounded(LZString.compressToEncodedURIComponent(s), 1e6)).toEqual({ ok: true, text: s });
        },
      ),
      { numRuns: 150, seed: 15 },
    );
  });

  it('stops a decompression bomb at the bound, quickly', () => {
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(300_000));
    expect(bomb.length).toBeLessThan(3_000);
    const t0 = performance.now();
    expect(decompressUriBounded(bomb, 50_000)).toEqual({ ok: false, reason: 'too-large' });
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('says damaged for garbage and truncation', () => {
    expect(decompressUriBounded('%%%garbage', 1e6).ok).toBe(false);
    const good = LZString.compressToEncodedURIComponent('{"format":"aspire-parity-design"}');
    expect(decompressUriBounded(good.slice(0, good.length - 3), 1e6)).toEqual({ ok: false, reason: 'damaged' });
  });
});
