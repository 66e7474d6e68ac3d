/**
 * Round trips: import(export(t)) = t, in the normalised form of ./normalise.ts.
 * - App Host fixtures: a strict fixed point (env, images, args and connection strings too).
 * - Seeded random topologies: the loose form, for 60 seeds, and export(import(export(t))) is
 *   byte-identical to export(t).
 * - Every corpus manifest (via importManifest): the loose form on the subset the exporter says
 *   it expressed; the rest is reported as "Not expressible" comments and diagnostics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATIONS } from '../../model/integrations';
import { allocatePublishPorts } from '../../model/integrations/publish-ports';
import type { Topology } from '../../model/topology';
import { importManifest } from '../manifest';
import { exportAppHost, exportAppHostWithDiagnostics } from './export';
import { importAppHost } from './import';
import { DEPLOYABLE, PLACEHOLDER_SOURCE } from './state';
import { normaliseTopology } from './normalise';
import type { CSharpParser } from './parser';
import { randomTopology } from './random-topology';
import { testParser } from './test-support';

const fixtures = import.meta.glob('../../../../fixtures/apphost/*.cs', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const manifests = import.meta.glob('../../../../fixtures/manifests/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const base = (p: string) => p.replace(/^.*\//, '');

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

describe('App Host fixtures: import → export → import is a fixed point', () => {
  it('finds the fixtures', () =>
    expect(Object.keys(fixtures).map(base).sort()).toEqual([
      'eshop.cs',
      'every-call.cs',
      'explicit-types.cs',
      'main-method.cs',
      'seed-travel.cs',
      'unsupported.cs',
    ]));

  for (const [path, text] of Object.entries(fixtures)) {
    it(base(path), () => {
      const first = importAppHost(parser, text).topology;
      const out = exportAppHostWithDiagnostics(first);
      // A placeholder (a declaration import did not understand) cannot be written back; it is said.
      const isPlaceholder = (r: { sourceType: string }) => r.sourceType === PLACEHOLDER_SOURCE;
      const placeholders = new Set(first.resources.filter(isPlaceholder).map((r) => r.name));
      expect(out.diagnostics.filter((d) => !placeholders.has(d.resource ?? ''))).toEqual([]);
      const again = importAppHost(parser, out.code);
      expect(again.diagnostics).toEqual([]);
      const only = (r: { sourceType: string }) => !isPlaceholder(r);
      expect(normaliseTopology(again.topology, { strict: true, only })).toEqual(
        normaliseTopology(first, { strict: true, only }),
      );
      // Exporting the re-import gives the same code: the exporter is deterministic and stable.
      if (placeholders.size === 0) expect(exportAppHost(again.topology)).toBe(out.code);
    });
  }
});

describe('property: random topologies survive export → import', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const t = randomTopology(seed);
      const out = exportAppHostWithDiagnostics(t);
      expect(out.diagnostics).toEqual([]);
      const back = importAppHost(parser, out.code, { name: t.name });
      expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(normaliseTopology(back.topology)).toEqual(normaliseTopology(t));
      // Byte-stable: the re-import's references come back in code order, and the export of that
      // order is the same code (a drawn edge's WithEnvironment once came out in two places).
      expect(exportAppHost(back.topology)).toBe(out.code);
    });
  }
});

/** Every connection-property key the integration table knows, upper-cased as env names end. */
const PROPERTY_KEYS = new Set(
  INTEGRATIONS.flatMap((i) => [
    ...(i.properties?.({ name: 'x', secret: 'p' }) ?? []),
    ...(i.child?.properties({ name: 'x', secret: 'p' }, 'd') ?? []),
  ]).map(([k]) => k.toUpperCase()),
);

/**
 * Manifests written before Aspire 13 carry no connection properties; re-importing their export
 * under 13.6 semantics adds them and the references they imply (consumer → server, → password).
 * Those references are compared only where the manifest has the properties too.
 */
function withoutPropertyReferences(t: Topology): Topology {
  const byName = new Map(t.resources.map((r) => [r.name, r]));
  const onlyProperties = (from: string, to: string) => {
    const uses =
      byName.get(from)?.env.filter((e) => e.value.includes(`{${to}.`) || e.value.includes(`{${to}-uri-encoded.`)) ?? [];
    return uses.length > 0 && uses.every((e) => PROPERTY_KEYS.has(e.name.slice(e.name.lastIndexOf('_') + 1)));
  };
  return {
    ...t,
    references: t.references.filter(
      (r) => !((r.kind === 'endpoint-property' || r.kind === 'parameter') && onlyProperties(r.from, r.to)),
    ),
  };
}

describe('corpus manifests: export → import keeps the expressible subset', () => {
  const entries = Object.entries(manifests).map(([p, text]) => [base(p), text] as const);
  it('finds the corpus', () => expect(entries.length).toBeGreaterThanOrEqual(80));
  let expressedTotal = 0;
  for (const [name, text] of entries) {
    it(name, () => {
      const t = importManifest(text, { fileName: name }).topology;
      const out = exportAppHostWithDiagnostics(t);
      expressedTotal += out.expressed.length;
      const back = importAppHost(parser, out.code);
      // Allowed on re-import: dangling endpoints the manifest itself has, and nothing to import.
      const unexpected = back.diagnostics.filter(
        (d) =>
          d.severity !== 'info' &&
          d.code !== 'unknown-endpoint' &&
          !(d.code === 'empty-apphost' && !back.topology.resources.some((r) => DEPLOYABLE.has(r.kind))),
      );
      expect(unexpected).toEqual([]);
      const keep = new Set(out.expressed);
      const only = (r: { name: string }) => keep.has(r.name);
      // Older manifests leave some target ports to the tool; 13.6's writer allocates them (8000 up).
      expect(normaliseTopology(withoutPropertyReferences(back.topology), { only })).toEqual(
        normaliseTopology(
          withoutPropertyReferences(allocatePublishPorts({ ...t, resources: t.resources.filter(only) })),
          { only },
        ),
      );
      // Whatever was left out is said, in the code and as diagnostics.
      // (A `-uri-encoded` companion is the manifest writer's, not a declaration: its users are said.)
      for (const r of t.resources)
        if (!keep.has(r.name) && r.sourceType !== 'annotated.string')
          expect(out.diagnostics.some((d) => d.resource === r.name)).toBe(true);
    });
  }
  it('expresses most of the corpus', () => expect(expressedTotal).toBeGreaterThan(400));
});
