import { describe, expect, it } from 'vitest';
import { describeUnsafeChar, escapeUnsafe, hasUnsafeChar, safeLine, safeText, stripUnsafe } from './safe-text';

/** One of every class the issue names: C0, DEL, C1 with NEL, LS/PS, bidi overrides and isolates. */
export const HOSTILE_CHARS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\r',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200f',
  '\ufeff',
  '\ud800',
];

describe('safe text', () => {
  it.each(HOSTILE_CHARS.map((c) => [c.charCodeAt(0).toString(16), c]))('escapes U+%s everywhere', (_code, c) => {
    const text = `a${c}b`;
    expect(hasUnsafeChar(text)).toBe(true);
    expect(hasUnsafeChar(safeLine(text))).toBe(false);
    expect(hasUnsafeChar(safeText(text))).toBe(false);
    expect(safeLine(text)).toMatch(/^a\\u[0-9A-F]{4}b$/);
    expect(stripUnsafe(text)).toBe('ab');
    expect(describeUnsafeChar(text)).toBeDefined();
  });

  it('keeps line feeds in text, tabs in lines, and pairs of surrogates', () => {
    expect(safeText('a\nb\tc')).toBe('a\nb\tc');
    expect(safeLine('a\nb\tc')).toBe('a\\u000Ab\tc');
    expect(safeLine('emoji 😀 ok')).toBe('emoji 😀 ok');
    expect(escapeUnsafe('\u001b[2J', '')).toBe('\\u001B[2J');
    expect(describeUnsafeChar('x\u2028')).toBe('a line separator (U+2028)');
  });
});
