/**
 * Golden bundles: the exact bytes `convert` writes for the seed travel platform and two corpus
 * apps. A change here must be deliberate (review the diff, then update with `vitest -u`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importManifest } from '../aspire/manifest';
import { generateBundle } from '../bundle/plain';

const cases = ['seed-travel-platform.json', 'playground-testshop.json', 'aspire-samples-health-checks-ui.json'];

describe('golden bundles', () => {
  for (const name of cases) {
    it(name, async () => {
      const text = readFileSync(new URL(`../../../fixtures/manifests/${name}`, import.meta.url), 'utf8');
      const { topology } = importManifest(text, { fileName: name });
      const { files } = generateBundle(topology, { namespace: 'golden', ingressHost: 'app.example.com' });
      const stream = files.map((f) => `### ${f.path}\n${f.text}`).join('\n');
      await expect(stream).toMatchFileSnapshot(`../../../fixtures/golden/${name.replace(/\.json$/, '')}.bundle.txt`);
    });
  }
});
