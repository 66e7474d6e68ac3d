/**
 * The short seeded fuzz run of the unit tier (issue 15, proof): mutated manifests, App Host
 * programs, design documents and Kubernetes YAML through import → convert → check, share and
 * save round trips and the real CLI; `npm run fuzz -- --iterations N` runs the long one.
 */
import { describe, expect, it } from 'vitest';
import { importerFor } from '../cli/load-apphost';
import { runCliCaptured } from './cli-capture';
import { HOSTILE_APPHOST, HOSTILE_APPHOST_TS, HOSTILE_MANIFEST } from './inputs';
import { runCase } from './oracle';
import { fuzz } from './run';
import { importAny } from '../core/aspire/import-any';
import { fuzzRuns } from '../test-support/tier';
import { readFileSync } from 'node:fs';

describe('fuzz (short seeded run)', () => {
  it('the hostile seeds hold every property, CLI included', async () => {
    const csharp = await importerFor({ language: 'cs', siblings: [] });
    const typescript = await importerFor({ language: 'ts', siblings: [] });
    const checkTopology = importAny(readFileSync('fixtures/parity/travel-design.json', 'utf8'), 'x.json').topology!;
    for (const [fileName, text] of [
      ['aspire-manifest.json', HOSTILE_MANIFEST],
      ['Program.cs', HOSTILE_APPHOST],
      ['apphost.ts', HOSTILE_APPHOST_TS],
    ] as const) {
      // The seeds themselves import cleanly, so the properties below are not checked vacuously.
      const imported = importAny(text, fileName, { csharp, typescript });
      expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(JSON.stringify(imported.topology)).toMatch(/CANARYtok/);
      const r = await runCase({ fileName, role: 'topology' }, text, {
        appHostImporters: { csharp, typescript },
        checkTopology,
        cli: runCliCaptured,
      });
      expect(r.failures).toEqual([]);
    }
  });

  // 120 mutated inputs by default; `npm run test:full` runs 5,000 (the same seed, continued).
  const iterations = fuzzRuns(120, 5_000);
  // The bound grows with the run (~40 ms an input on the dev machine; allow 5× for CI).
  it(
    `${iterations} mutated inputs: no crash, no hang, no control character, no leak, nothing outside --out`,
    { timeout: Math.max(180_000, iterations * 200) },
    async () => {
      const importers = {
        csharp: await importerFor({ language: 'cs', siblings: [] }),
        typescript: await importerFor({ language: 'ts', siblings: [] }),
      };
      const summary = await fuzz({
        root: process.cwd(),
        seed: 15,
        iterations,
        importers,
        cliEvery: 15,
        cli: runCliCaptured,
      });
      const report = summary.failures.slice(0, 5).map((f) => `#${f.iteration} ${f.kind}: ${f.failures.join('; ')}`);
      expect(report).toEqual([]);
      expect(Object.keys(summary.byKind).sort()).toEqual([
        'apphost-cs',
        'apphost-ts',
        'design',
        'k8s-yaml',
        'manifest',
      ]);
    },
  );
});
