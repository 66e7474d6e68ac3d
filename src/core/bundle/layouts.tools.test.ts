/**
 * Default tier: the real-tool layout proof (kubectl kustomize on both overlays, helm lint
 * --strict and helm template, strict validation and parity of every rendered output) on the
 * corpus manifests that together produce every generated shape the whole corpus produces. The
 * full tier (layouts.full.test.ts) runs the same proof on every manifest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusTopologies } from '../../test-support/corpus';
import { ensureK8sTools } from '../../test-support/k8s-tools';
import { generatedShapes, proveLayouts, shapeCoveringSample } from '../../test-support/layout-proof';

const corpus = corpusTopologies();
const { sample, shapes } = shapeCoveringSample(corpus);

beforeAll(() => {
  ensureK8sTools();
});

describe('layouts accepted by the real kubectl and helm (shape-covering sample of the corpus)', () => {
  it('the sample is small and covers every shape the corpus generates', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(sample.length).toBeLessThan(corpus.length / 4);
    const covered = new Set(sample.flatMap((c) => [...generatedShapes(c.topology)]));
    expect(covered.size).toBe(shapes);
    expect(shapes).toBeGreaterThan(100);
  });

  // Concurrent: while one manifest waits on its four tool processes, another validates and
  // checks parity in this worker.
  it.concurrent.each(sample.map((c) => [c.name, c] as const))(
    '%s',
    { timeout: 600_000 },
    async (_name, { topology }) => {
      await proveLayouts(topology);
    },
  );
});
