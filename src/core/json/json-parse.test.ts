import { describe, expect, it } from 'vitest';
import { parseJson, type JsonLimits } from './json-parse';
import { MANIFEST_LIMITS } from '../aspire/manifest/limits';

const LIMITS: JsonLimits = MANIFEST_LIMITS;

function error(text: string, limits = LIMITS) {
  const r = parseJson(text, limits);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('parseJson', () => {
  it('parses the same values as JSON.parse', () => {
    const samples = [
      '{}',
      '[]',
      '0',
      '-1.5e3',
      '"a\\u00e9\\n\\"b"',
      'true',
      'null',
      '{"a":[1,{"b":null}],"c":"d"}',
      ' \n{ "x" : [ ] } \n',
    ];
    for (const s of samples) {
      const r = parseJson(s, LIMITS);
      expect(r.ok, s).toBe(true);
      if (r.ok) expect(JSON.stringify(r.value)).toBe(JSON.stringify(JSON.parse(s)));
    }
  });

  it('reports 1-based line and column for syntax errors', () => {
    const e = error('{\n  "a": 1,\n  "b" 2\n}');
    expect(e).toMatchObject({ code: 'json-syntax', line: 3, column: 7 });
    expect(e.message).toContain("Expected ':'");
  });

  it('reports truncated input at the end', () => {
    const e = error('{\n  "resources": {\n    "a": {');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/truncated/);
  });

  it('calls a blank file empty (not truncated), at line 1', () => {
    for (const blank of ['', '\n', '  \r\n\t\n']) {
      const e = error(blank);
      expect(e.message, JSON.stringify(blank)).toBe('The file is empty.');
      expect([e.line, e.column]).toEqual([1, 1]);
    }
  });

  it('rejects trailing commas, comments, single quotes, bad escapes and raw control characters', () => {
    for (const bad of [
      '{"a":1,}',
      '[1,]',
      '// x\n{}',
      "{'a':1}",
      '"\\x"',
      '"a\nb"',
      '{"a":1} x',
      '01',
      '-',
      '',
      'tru',
    ]) {
      expect(parseJson(bad, LIMITS).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('accepts a UTF-8 BOM and positions relative to the text after it', () => {
    const r = parseJson('\uFEFF{"a": 1}', LIMITS);
    expect(r.ok && r.hadBom).toBe(true);
    const e = error('\uFEFF{"a" 1}');
    expect(e).toMatchObject({ line: 1, column: 6 });
  });

  it('stops deep nesting with an error instead of overflowing the stack', () => {
    const depth = 100_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const e = error(text);
    expect(e.code).toBe('json-too-deep');
    expect(e.message).toContain('64');
    const unclosed = error('{"a":'.repeat(100_000));
    expect(unclosed.code).toBe('json-too-deep');
  });

  it('rejects input over the size limit before parsing', () => {
    const big = `{"resources":{"a":{"type":"value.v0","connectionString":"${'x'.repeat(20_000_000)}"}}}`;
    const e = error(big);
    expect(e.offset).toBe(0); // rejected before scanning anything
    expect(e.code).toBe('json-too-large');
    expect(e.message).toMatch(/10 MB/);
  });

  it('keeps __proto__ and constructor as plain data and pollutes nothing', () => {
    const r = parseJson(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "a": {"__proto__": []}}',
      LIMITS,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 'a']);
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports duplicate keys (last one wins)', () => {
    const r = parseJson('{"a": 1,\n "a": 2}', LIMITS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value as Record<string, number>).a).toBe(2);
    expect(r.duplicates).toEqual([{ pointer: '', key: 'a', line: 2, column: 7 }]);
  });

  it('records value positions by JSON pointer', () => {
    const r = parseJson('{\n "resources": {\n  "api": {\n   "bindings": "x"\n  }\n }\n}', LIMITS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.positions.at('/resources/api/bindings')).toEqual({ line: 4, column: 16 });
    // Deeper than recorded: falls back to the nearest ancestor.
    expect(r.positions.at('/resources/api/bindings/http/port/x/y')).toEqual({ line: 4, column: 16 });
  });
});
