/** Every manifest in fixtures/manifests (real Aspire output + our own) imports without throwing. */
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../model/diagnostics';
import { importManifest } from './import-manifest';

const files = import.meta.glob('../../../../fixtures/manifests/**/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const entries = Object.entries(files).map(
  ([path, text]) => [path.replace(/^.*fixtures\/manifests\//, ''), text] as const,
);

describe('corpus manifests', () => {
  it('finds the corpus', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
  });

  for (const [name, text] of entries) {
    it(`imports ${name}`, () => {
      const { topology, diagnostics } = importManifest(text, { fileName: name });
      if (name === 'invalid-playground-webpubsub-truncated.json') {
        const err = diagnostics.find((d) => d.severity === 'error');
        expect(err).toMatchObject({ code: 'json-syntax', line: 48, column: 6 });
        expect(err!.message).toContain('line 48, column 6');
        return;
      }
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(hasErrors(diagnostics)).toBe(false);
      // Every resource in the file is in the topology (nothing silently dropped); a publish-time
      // TLS conditional (`cond-…-tlsenabled-…`, a constant) is folded into the strings that use it.
      const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as { resources?: object; components?: object };
      const all = (parsed.resources ?? parsed.components ?? {}) as Record<string, { connectionString?: unknown }>;
      const folded = (n: string) =>
        /^cond-.+-tlsenabled-[0-9a-f]+$/.test(n) &&
        typeof all[n]?.connectionString === 'string' &&
        !String(all[n]!.connectionString).includes('{');
      expect(topology.resources.map((r) => r.name)).toEqual(Object.keys(all).filter((n) => !folded(n)));
      for (const r of topology.resources)
        expect(JSON.stringify(r)).not.toMatch(/\{cond-[^{}]*-tlsenabled-[0-9a-f]+\.connectionString\}/);
      // References only name resources that exist, and never point at themselves.
      const names = new Set(topology.resources.map((r) => r.name));
      for (const ref of topology.references) {
        expect(names.has(ref.from) && names.has(ref.to)).toBe(true);
        expect(ref.from).not.toBe(ref.to);
      }
    });
  }
});
