/**
 * Median time to lay out the largest corpus manifest as Kustomize and as a Helm chart
 * (generation excluded: it is measured by the generator's own bench).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importManifest } from '../src/core/aspire/manifest';
import { helmBundle } from '../src/core/bundle/helm/chart';
import { kustomizeBundle } from '../src/core/bundle/kustomize';
import { generate } from '../src/core/kube/generate';
import { withDefaults } from '../src/core/model/settings';
import { measure, type BenchResult } from './harness';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'manifests');

function largestManifest(): { name: string; text: string } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }));
  files.sort((a, b) => b.size - a.size);
  const name = files[0]!.f;
  return { name, text: readFileSync(join(dir, name), 'utf8') };
}

export default async function bench(): Promise<BenchResult[]> {
  const { name, text } = largestManifest();
  const { topology } = importManifest(text, { fileName: name });
  const settings = withDefaults({ namespace: 'shop', ingressHost: 'shop.example.com' });
  const gen = generate(topology, settings);
  const label = `${name} (${gen.objects.length} objects)`;
  return [
    measure(`layout kustomize: ${label}`, () => kustomizeBundle(gen, topology, settings)),
    measure(`layout helm: ${label}`, () => helmBundle(gen, topology, settings)),
  ];
}
