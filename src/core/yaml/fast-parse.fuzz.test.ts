/**
 * Edited YAML is where a hand-written parser goes wrong: the user types half a key, a stray
 * quote, a tab, an extra indent. For many such random edits of real Kubernetes documents
 * (600 by default, 20,000 in the full tier), whenever the fast path accepts the text it must
 * give exactly what the `yaml` library gives (values and every evidence line); otherwise it
 * must step aside. A seeded generator keeps failures reproducible: the message names the seed
 * and the edited text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../aspire/apphost/random-topology';
import { mutate } from '../../test-support/random-edit';
import { fuzzRuns } from '../../test-support/tier';
import { fastParseChunk } from './fast-parse';
import { parseBundle, splitChunks, YamlCache } from './parse';

/** Everything the checker reads from a parse: values, diagnostics, document and path lines. */
function observe(text: string, fastPath: boolean): string {
  const parsed = parseBundle([{ path: 'f.yaml', text }], new YamlCache({ fastPath }));
  const docs = parsed.docs.map((d) => {
    const ranges: unknown[] = [];
    const visit = (v: unknown, path: (string | number)[]): void => {
      ranges.push(d.rangeOf(path), d.rangeOf([...path, 'zz']));
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
    };
    visit(d.value, []);
    return { value: d.value, startLine: d.startLine, endLine: d.endLine, ranges };
  });
  return JSON.stringify({ docs, diagnostics: parsed.diagnostics });
}

const sources = [
  readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8'),
  ...readdirSync('fixtures/parity/seed-snippets').map((f) =>
    readFileSync(`fixtures/parity/seed-snippets/${f}`, 'utf8'),
  ),
];
const documents = sources.flatMap((s) => splitChunks(s).map((c) => c.text)).filter((t) => t.trim());

describe('fast YAML path under random edits', () => {
  it('agrees with the yaml library whenever it accepts the edited text', () => {
    let accepted = 0;
    let tried = 0;
    const from = Number(process.env.FUZZ_FROM ?? 1);
    // 600 seeded edits by default, 20,000 in `npm run test:full` (the same seeds, continued).
    const runs = fuzzRuns(600, 20_000);
    for (let seed = from; seed < from + runs; seed++) {
      const next = seededRandom(seed);
      let text = documents[seed % documents.length]!;
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, next);
      tried++;
      if (!fastParseChunk(text)) continue;
      accepted++;
      const fast = observe(text, true);
      const lib = observe(text, false);
      if (fast !== lib && process.env.FUZZ_DUMP) console.log(JSON.stringify(text));
      if (fast !== lib)
        expect({ seed, text, fast: JSON.parse(fast) as unknown }).toEqual({
          seed,
          text,
          fast: JSON.parse(lib) as unknown,
        });
    }
    // The comparison must really exercise the fast path, not only its bail-outs.
    expect(accepted).toBeGreaterThan(tried * 0.25);
  });
});
