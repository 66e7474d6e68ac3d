import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAppHostImporter } from './load-apphost';

describe('loadAppHostImporter (Node)', () => {
  it('reads the WebAssembly from node_modules and imports the seed App Host', async () => {
    const importer = await loadAppHostImporter();
    expect(await loadAppHostImporter()).toBe(importer); // created once
    const { topology, diagnostics } = importer(readFileSync('fixtures/apphost/seed-travel.cs', 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(topology.resources.map((r) => r.name)).toEqual(['catalog-sql-password', 'catalog-sql', 'catalog', 'trip-api', 'availability-worker', 'catalog-sql-password-uri-encoded']);
  });
});
