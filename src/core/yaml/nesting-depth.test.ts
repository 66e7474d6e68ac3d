/**
 * Issue 15, class 7: deeply nested YAML is refused with its file and line instead of
 * overflowing the stack in fast-parse.ts or the library.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, tooDeepAt } from './nesting-depth';
import { fastParseChunk } from './fast-parse';
import { parseBundle } from './parse';

const DEEP: [string, string][] = [
  ['flow sequences', `a: ${'['.repeat(4000)}${']'.repeat(4000)}\n`],
  ['flow maps', `a: ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}\n`],
  ['dash items', `kind: x\na:\n  ${'- '.repeat(4000)}x\n`],
  ['block maps', `${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`],
  ['multi-line flow', `a: ${'[\n'.repeat(3000)}1\n`],
];

describe('nesting depth limit', () => {
  it.each(DEEP)('%s: one error naming the file and line, no stack overflow', (_name, text) => {
    const r = parseBundle([{ path: 'deep.yaml', text }]);
    expect(r.docs).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('yaml-too-deep');
    expect(r.diagnostics[0]!.message).toMatch(/^deep\.yaml:\d+: nested more than 100 levels/);
  });

  it.each(DEEP)('%s: the fast path gives up instead of recursing (it has its own bound)', (_name, text) => {
    expect(fastParseChunk(text)).toBeUndefined();
  });

  it('the line is where the limit is crossed', () => {
    expect(tooDeepAt(`a: 1\nb:\n  c: ${'['.repeat(MAX_YAML_DEPTH)}\n`)).toBe(2);
  });

  it('is not fooled by brackets in plain scalars, quotes, comments or block scalars', () => {
    const text =
      `a: b[c{d\nw: availability-worker${'['.repeat(300)}\nv: x-[[[[[[[[ y,[[[[[[\nq: "[[[[[["\n# ` +
      `[[[[[[[[\ns: |\n  ${'{'.repeat(300)}\n  ${'['.repeat(300)}\nt: ok\n`;
    expect(tooDeepAt(text, 5)).toBe(-1);
  });

  it('accepts every fixture bundle', () => {
    for (const dir of ['fixtures/parity/travel-good', 'fixtures/golden']) {
      for (const f of readdirSync(dir, { recursive: true }) as string[]) {
        if (!/\.ya?ml$/.test(f)) continue;
        expect(tooDeepAt(readFileSync(join(dir, f), 'utf8')), f).toBe(-1);
      }
    }
  });
});
