/**
 * Full tier (`npm run test:full`): the real-tool layout proof (src/test-support/layout-proof.ts)
 * for every corpus manifest — about 430 helm/kubectl runs. The default tier runs the same proof
 * on a sample that covers every generated shape (layouts.tools.test.ts); this file is the one to
 * run, and report, whenever generator or layout code changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusTopologies } from '../../test-support/corpus';
import { ensureK8sTools } from '../../test-support/k8s-tools';
import { proveLayouts } from '../../test-support/layout-proof';

const corpus = corpusTopologies();

beforeAll(() => {
  ensureK8sTools();
});

describe('corpus: layouts accepted by the real kubectl and helm', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });

  // Four real-tool runs per manifest: well under a second on an idle machine, but allow for
  // shared CI cores (measured up to 40 s per manifest under heavy load).
  it.each(corpus.map((c) => [c.name, c] as const))('%s', { timeout: 600_000 }, async (_name, { topology }) => {
    await proveLayouts(topology);
  });
});
