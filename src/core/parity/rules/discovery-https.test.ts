/**
 * The discovery row accepts exactly what .NET reads for a project's https endpoint, which the
 * cluster serves as plain http (TLS ends at the ingress): no https entry (our bundle), an https
 * entry holding http:// is ignored by .NET (warn), and an https:// entry on the plaintext port
 * (what Aspire's own publisher wrote in early 13.x snapshots) makes clients fail the TLS handshake.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny } from '../../aspire/import-any';
import { generateBundle } from '../../bundle/plain';
import { withDefaults } from '../../model/settings';
import { checkParity } from '../engine';

const manifest = readFileSync('fixtures/oracle/reference-projects/aspire-manifest.json', 'utf8');
const topology = importAny(manifest, 'aspire-manifest.json').topology!;
const files = generateBundle(topology).files.filter((f) => f.path.endsWith('.yaml'));

/** The discovery row of worker → catalog-api for the bundle with an extra entry in worker's env. */
function rowWith(extra?: string) {
  const edited = files.map((f) => {
    if (!extra || !/worker/.test(f.path) || !f.text.includes('- name: CATALOG_API_HTTPS')) return f;
    const at = f.text.indexOf('            - name: CATALOG_API_HTTPS');
    const entry = `            - name: services__catalog-api__https__0\n              value: ${extra}\n`;
    return { ...f, text: f.text.slice(0, at) + entry + f.text.slice(at) };
  });
  const r = checkParity({ topology, files: edited, settings: withDefaults(undefined) });
  return r.rows.find((x) => x.rule === 'discovery' && x.resource === 'worker')!;
}

describe("discovery of a project's https endpoint served as http", () => {
  it('our bundle writes no https entry, and the row says why', () => {
    expect(files.some((f) => f.text.includes('services__catalog-api__https__0'))).toBe(false);
    const row = rowWith();
    expect(row.status).toBe('pass');
    expect(row.detail).toContain('no https entry');
    expect(row.detail).toContain('TLS ends at the ingress');
  });

  it('an https entry holding http:// is a warning: .NET ignores it', () => {
    const row = rowWith('http://catalog-api:8080');
    expect(row.status).toBe('warn');
    expect(row.detail).toContain('.NET ignores an https entry');
  });

  it('an https:// entry on the plaintext port fails: clients would fail the TLS handshake', () => {
    const row = rowWith('https://catalog-api:8080');
    expect(row.status).toBe('fail');
    expect(row.detail).toContain('served as plain http');
  });
});
