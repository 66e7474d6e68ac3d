/**
 * The fast YAML path must be indistinguishable from the `yaml` library: same values, same
 * line range for every path (evidence lines in the parity table), same diagnostics. Compared
 * on the parity fixtures, generated bundles and hand-picked corner cases (comments after
 * nested blocks, literals, flow collections, YAML 1.1 scalars); and it must really be taken
 * for ordinary bundles, or the checker silently gets slow again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny } from '../aspire/import-any';
import { generateBundle } from '../bundle/plain';
import { MUTATIONS } from '../parity/mutations.fixture';
import { fastParseChunk } from './fast-parse';
import { parseBundle, splitChunks, YamlCache } from './parse';

/** Values, document lines and the range of every path (and of a missing child of each). */
function snapshot(text: string, fastPath: boolean): unknown {
  const p = parseBundle([{ path: 'f.yaml', text }], new YamlCache({ fastPath }));
  return {
    diagnostics: p.diagnostics,
    docs: p.docs.map((d) => {
      const ranges: unknown[] = [];
      const visit = (v: unknown, path: (string | number)[]) => {
        ranges.push(path.join('/'), d.rangeOf(path), d.rangeOf([...path, 'zz-missing']));
        if (Array.isArray(v)) {
          v.forEach((x, i) => visit(x, [...path, i]));
          ranges.push(d.rangeOf([...path, v.length]), d.rangeOf([...path, String(v.length - 1)]));
        } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
      };
      visit(d.value, []);
      return { index: d.index, value: d.value, startLine: d.startLine, endLine: d.endLine, ranges };
    }),
  };
}

const travel = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const seeds = readdirSync('fixtures/parity/seed-snippets').map((f) =>
  readFileSync(`fixtures/parity/seed-snippets/${f}`, 'utf8'),
);
const tricky = readFileSync('src/core/yaml/__fixtures__/tricky.yaml', 'utf8').split('\n#####\n');
// Where trailing comments and blank lines end a nested collection (the library's own rules).
const trailing = [
  'a:\n  b: 1\n  # c\n',
  'a:\n  b: 1\n  # c\n\n',
  'a:\n  b: 1\n  # c\n\n# d\n',
  'a:\n  b: 1\n  # c\n\nd: 1\n',
  'a:\n  b: 1\n# c\n  # deeper\nd: 1\n',
  'a:\n  - x\n  # c\n  - yy\n  # e\n\n  \nd: 1\n',
  'a:\n  b: |\n    t\n  # c\nd: 1\n',
  'a:\n  b:\n    c: 1\n    # c\n  e: 1\n',
  'k: v',
];
const generated = [
  'playground-milvus.json',
  'test-testproject-apphost.json',
  'aspirate-upstream-head-shop.json',
].flatMap((f) => {
  const t = importAny(readFileSync(`fixtures/manifests/${f}`, 'utf8'), f).topology!;
  return generateBundle(t, { namespace: 'shop' })
    .files.filter((x) => x.path.endsWith('.yaml'))
    .map((x) => x.text);
});

describe('fast YAML path', () => {
  const cases: [string, string][] = [
    ['travel bundle', travel],
    ...MUTATIONS.slice(0, 8).map((m): [string, string] => [`mutation: ${m.name}`, travel.replace(m.find, m.replace)]),
    ...seeds.map((s, i): [string, string] => [`seed snippet ${i}`, s]),
    ...tricky.map((s, i): [string, string] => [`tricky ${i}`, s]),
    ...trailing.map((s, i): [string, string] => [`trailing comments ${i}`, s]),
    ...generated.map((s, i): [string, string] => [`generated ${i}`, s]),
  ];
  it('gives the same values and ranges as the yaml library', () => {
    for (const [name, text] of cases) {
      const fast = snapshot(text, true);
      const lib = snapshot(text, false);
      // JSON first (a deep toEqual of every case is slow); toEqual shows the difference.
      if (JSON.stringify(fast) !== JSON.stringify(lib)) expect(fast, name).toEqual(lib);
    }
  });

  it('is taken for every document of the travel bundle and of generated bundles', () => {
    for (const text of [travel, ...generated])
      for (const c of splitChunks(text))
        if (c.text.trim()) expect(fastParseChunk(c.text), c.text.slice(0, 80)).toBeDefined();
  });

  it('leaves anchors, tags, duplicate keys, multi-line scalars and tabs to the library', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: 1\na: 2\n',
      'a: one\n  two\n',
      'a: >\n  f\n',
      'a:\tb\n',
      'a: "x\n  y"\n',
      'y: 1\n',
    ])
      expect(fastParseChunk(text), text).toBeUndefined();
  });
});
