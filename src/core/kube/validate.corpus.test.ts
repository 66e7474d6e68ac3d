/**
 * Issue 2's key proof, without external tools: for every corpus manifest, every object of the
 * plain bundle passes strict validation (kubernetes-models + the strict schema + name rules).
 */
import { describe, expect, it } from 'vitest';
import { plainBundle } from '../bundle/plain';
import { withDefaults } from '../model/settings';
import { corpusTopologies, parseStream } from '../../test-support/corpus';
import { generate } from './generate';
import { validateObjects } from './validate';

const corpus = corpusTopologies();
const variants = [
  { label: 'defaults', settings: withDefaults({}) },
  {
    label: 'namespace+host+loadbalancer',
    settings: withDefaults({ namespace: 'shop', ingressHost: 'shop.example.com', exposure: 'loadbalancer' }),
  },
];

describe('every generated object validates strictly', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });
  for (const v of variants) {
    it.each(corpus.map((c) => [c.name, c] as const))(`${v.label}: %s`, (_name, { topology }) => {
      const gen = generate(topology, v.settings);
      const files = plainBundle(gen, topology, v.settings).filter((f) => f.path.endsWith('.yaml'));
      const objects = files.flatMap((f) => parseStream(f.text, f.path).objects);
      expect(objects.length).toBe(gen.objects.length);
      const issues = validateObjects(objects).map((i) => {
        const o = objects[i.index] as { kind?: string; metadata?: { name?: string } };
        return `${o.kind}/${o.metadata?.name} ${i.path} ${i.message}`;
      });
      expect(issues).toEqual([]);
    });
  }
});
