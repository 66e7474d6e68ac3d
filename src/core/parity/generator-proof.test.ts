/**
 * The generator and the checker keep each other honest: for every corpus manifest, the
 * generator's plain bundle has no failing parity row, except the findings listed here, each
 * one a real problem of the manifest or the generator (reported to the generator's owner).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny } from '../aspire/import-any';
import { generateBundle } from '../bundle/plain';
import { withDefaults } from '../model/settings';
import { checkParity } from './engine';

const KNOWN: Record<string, string[]> = {
  // The manifest writes literal passwords into env and references a resource that does not exist.
  'aspirate-upstream-history-manifest.json': ['connection-string:anotherservice:basketcache', 'connection-string:anotherservice:postgrescontainer', 'secret-literals:anotherservice:', 'secret-literals:postgrescontainer:', 'placeholder:anotherservice:', 'kube-linter:env-var-secret:anotherservice:', 'kube-linter:env-var-secret:postgrescontainer:', 'kube-linter:latest-tag:postgrescontainer:postgrescontainer'],
  // Dangling {catalogdb.connectionString}; postgres:latest in the manifest.
  'aspirate-upstream-history-preview-2-manifest.json': ['placeholder:catalogservice:', 'kube-linter:latest-tag:catalog:catalog'],
  // A dev tunnel endpoint has no cluster equivalent; the generator leaves the expression.
  'playground-devtunnels.json': ['discovery:frontend:api'],
};

const dir = 'fixtures/manifests/';
const manifests = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('generator output passes the parity check', () => {
  for (const f of manifests) {
    it(f, () => {
      const imp = importAny(readFileSync(dir + f, 'utf8'), f);
      if (!imp.topology) return; // invalid manifests are the importer's tests
      const files = generateBundle(imp.topology).files.filter((x) => /\.ya?ml$/.test(x.path));
      const r = checkParity({ topology: imp.topology, files, settings: withDefaults(undefined) });
      expect(r.diagnostics).toEqual([]);
      const fails = r.rows.filter((x) => x.status === 'fail').map((x) => x.id).sort();
      expect(fails).toEqual((KNOWN[f] ?? []).slice().sort());
      for (const u of r.rows.filter((x) => x.status === 'unknown')) expect(u.detail, u.id).toBeTruthy();
    });
  }
});
