/** Convert (import + generate + plain layout) medians: the targets are < 5 ms for the
 * largest corpus app and < 150 ms for 1000 resources, growing about linearly. */
import { readFileSync } from 'node:fs';
import { importManifest } from '../src/core/aspire/manifest';
import { generateBundle } from '../src/core/bundle/plain';
import { measure, type BenchResult } from './harness';
import { syntheticTopology } from './synthetic';

export default async function (): Promise<BenchResult[]> {
  const file = new URL('../fixtures/manifests/test-testproject-apphost.json', import.meta.url);
  const text = readFileSync(file, 'utf8');
  const results = [
    measure(
      'convert: largest corpus manifest (test-testproject-apphost.json)',
      () => generateBundle(importManifest(text).topology),
      { runs: 50, targetMs: 5 },
    ),
  ];
  for (const n of [100, 300, 1000]) {
    const t = syntheticTopology(n);
    results.push(
      measure(`convert: synthetic ${n} resources (generate + plain layout)`, () => generateBundle(t), {
        runs: n >= 1000 ? 15 : 30,
        ...(n === 1000 ? { targetMs: 150 } : {}),
      }),
    );
  }
  return results;
}
