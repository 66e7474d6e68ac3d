/**
 * The fast emitter must write exactly what the `yaml` library writes (bundles are diffed and
 * committed by users): every object the generator makes for the corpus, and single strings
 * and keys that need quoting, compared byte for byte; what it cannot do goes to the library.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importAny } from '../aspire/import-any';
import { generate } from '../kube/generate';
import { withDefaults } from '../model/settings';
import { fastYamlDocument } from './fast-emit';

/** emit.ts's library path, verbatim. */
function libraryYaml(object: unknown, comment?: string): string {
  const doc = new Document(object, { version: '1.1' });
  if (comment)
    doc.commentBefore = comment
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

const STRINGS = [
  'yes',
  'No',
  'on',
  'y',
  '',
  ' lead',
  'trail ',
  'a: b',
  'x #y',
  '#c',
  '-',
  '- x',
  '?',
  ':x',
  'x:',
  "it's",
  'say "hi"',
  `both ' "`,
  '%x',
  '<<',
  '1.0',
  '0x1F',
  '017',
  '1:30',
  '2001-12-14',
  '~',
  'Null',
  'é ü 日本',
  '@x',
  '`x',
  '|',
  '>',
  '[x]',
  '{x}',
  'a,b',
  '*x',
  '&x',
  '!x',
  '.inf',
  '+1',
  '-2',
  '1e3',
  'http://a:80/x',
  '$(VAR)',
  'Server=x;Password=$(P)',
  'tab\tx',
  'a\tb:',
];

/** The STRINGS the fast path hands to the library, in STRINGS order. */
const MAY_BAIL = ['%x', 'a\tb:'];

describe('fast YAML emitter', () => {
  it('writes every generated corpus object exactly as the library does', () => {
    let compared = 0;
    for (const f of readdirSync('fixtures/manifests').filter((x) => x.endsWith('.json'))) {
      const t = importAny(readFileSync(`fixtures/manifests/${f}`, 'utf8'), f).topology;
      if (!t) continue;
      for (const o of generate(t, withDefaults({ namespace: 'shop', ingressHost: 'shop.example.com' })).objects) {
        const fast = fastYamlDocument(o.object, o.comment);
        expect(fast, `${f}: ${o.object.kind} ${o.object.metadata.name}`).toBe(libraryYaml(o.object, o.comment));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('quotes strings and keys like the library (as values, keys and list items)', () => {
    const bailed: string[] = [];
    for (const s of STRINGS) {
      for (const obj of [{ k: s }, { [s || 'empty']: 1 }, { l: [s, { [s || 'e']: s }] }]) {
        const fast = fastYamlDocument(obj);
        if (fast !== undefined) expect(fast, JSON.stringify(obj)).toBe(libraryYaml(obj));
        else bailed.push(s);
      }
    }
    // The comparison must exercise the fast path: it may hand only these to the library (a
    // leading `%` reads as a directive; a tab before `:` the library escapes).
    expect([...new Set(bailed)]).toEqual(MAY_BAIL);
    expect(fastYamlDocument({ a: 1, n: null, b: true, f: 1.5, e: {}, l: [], u: undefined }, 'one\n\ntwo')).toBe(
      libraryYaml({ a: 1, n: null, b: true, f: 1.5, e: {}, l: [], u: undefined }, 'one\n\ntwo'),
    );
  });

  it('leaves multi-line and escaped strings, shared objects and special numbers to the library', () => {
    const shared = { a: 1 };
    for (const obj of [
      { s: 'a\nb' },
      { s: '# back\\slash "q" \'' },
      { x: shared, y: shared },
      { n: Number.NaN },
      { z: -0 },
      { d: new Date(0) },
      { l: [[1]] },
      { l: [undefined] },
      { '': 1 },
    ]) {
      expect(fastYamlDocument(obj), JSON.stringify(obj)).toBeUndefined();
    }
  });
});
