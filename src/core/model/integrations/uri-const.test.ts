import { describe, expect, it } from 'vitest';
import { uriConst } from './types';

describe('uriConst (Uri.EscapeDataString)', () => {
  it("escapes all but unreserved characters, as .NET does (!'()* too)", () => {
    expect(uriConst("a b!'()*~._-")).toBe('a%20b%21%27%28%29%2A~._-');
  });

  // Fuzz seed 17, case #1065: a database name with a lone surrogate crashed the generator.
  it('writes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(uriConst('\ud800db')).toBe('%EF%BF%BDdb');
    expect(uriConst('x\udc00')).toBe('x%EF%BF%BD');
    expect(uriConst('😀')).toBe('%F0%9F%98%80');
  });
});
