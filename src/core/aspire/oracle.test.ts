/**
 * The differential test: the real Aspire 13.6 is the judge of our App Host reader. For every
 * scenario of fixtures/oracle/ (an apphost.cs as a user writes it, and the aspire-manifest.json
 * Aspire itself wrote from it with `npm run oracle`), our import of the source and our import of
 * the manifest must agree on the normal form: resources, kinds, images, endpoints, every env key
 * and value, connection strings, volumes. A difference is a bug in our importer or catalogue.
 *
 * Differences not fixed yet are listed in ./oracle-pending.ts, and the test requires that list to
 * be exact: a fix makes the scenario fail until its entry is deleted, so the list only shrinks.
 *
 * What the manifest cannot carry (WaitFor, replicas, health paths) is asserted per scenario from
 * what apphost.cs says, below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalForm, differences } from '../../test-support/oracle/normal-form';
import type { Topology } from '../model/topology';
import { importAppHost } from './apphost/import';
import type { CSharpParser } from './apphost/parser';
import { testParser } from './apphost/test-support';
import { importManifest } from './manifest';
import { PENDING, PENDING_APPHOST_ONLY } from './oracle-pending';

const sources = import.meta.glob('../../../fixtures/oracle/*/apphost.cs', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const manifests = import.meta.glob('../../../fixtures/oracle/*/aspire-manifest.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const scenarioOf = (path: string): string => path.split('/').at(-2)!;
const manifestOf = new Map(Object.entries(manifests).map(([p, text]) => [scenarioOf(p), text]));

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const fromSource = (scenario: string): Topology =>
  importAppHost(parser, sources[`../../../fixtures/oracle/${scenario}/apphost.cs`]!).topology;

describe('oracle: our App Host import agrees with our import of the manifest Aspire 13.6 wrote', () => {
  it('has at least 25 scenarios, each with its manifest', () => {
    const names = Object.keys(sources).map(scenarioOf);
    expect(names.length).toBeGreaterThanOrEqual(25);
    expect(names.filter((n) => !manifestOf.has(n))).toEqual([]);
    expect(
      Object.keys(PENDING).filter((n) => !names.includes(n)),
      'pending entries for scenarios that do not exist',
    ).toEqual([]);
  });

  for (const path of Object.keys(sources)) {
    const scenario = scenarioOf(path);
    it(scenario, () => {
      const manifest = importManifest(manifestOf.get(scenario)!, { fileName: 'aspire-manifest.json' });
      expect(manifest.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const found = differences(normalForm(fromSource(scenario)), normalForm(manifest.topology));
      expect(
        found,
        `${scenario}: differences between the App Host import and the manifest import (pending list: ` +
          `src/core/aspire/oracle-pending.ts)`,
      ).toEqual(PENDING[scenario] ?? []);
    });
  }
});

/** App Host-only facts: `from → to` waits, replicas and readiness paths, as each apphost.cs declares them. */
const APPHOST_ONLY: Record<
  string,
  { waits?: string[]; replicas?: Record<string, number>; health?: Record<string, string> }
> = {
  'project-generic': { replicas: { api: 3 }, health: { api: '/health' } },
  'health-replicas': { replicas: { api: 2 }, health: { shop: '/healthz', api: '/ready' } },
  'reference-projects': { waits: ['worker → catalog-api running', 'webfrontend → catalog-api running'] },
  'reference-container': { waits: ['api → search running'] },
  'waitfor-completion': {
    waits: ['migrator → appdb running', 'api → appdb running', 'api → migrator completion'],
  },
  postgres: { waits: ['api → postgres running'] },
  redis: { waits: ['api → cache running'] },
  rabbitmq: { waits: ['worker → messaging running'] },
  orleans: { waits: ['silo → orleans-redis running', 'client → orleans-redis running'], replicas: { silo: 3 } },
  'orleans-providers': { replicas: { silo: 2 } },
  shop: {
    waits: [
      'catalog-api → catalogdb running',
      'order-processor → eventbus running',
      'storefront → catalog-api running',
    ],
    replicas: { 'catalog-api': 2 },
    health: { 'catalog-api': '/health' },
  },
};

describe('oracle: App Host-only facts survive the App Host import', () => {
  it('pending list names only scenarios with App Host-only facts', () => {
    expect(PENDING_APPHOST_ONLY.filter((n) => !(n in APPHOST_ONLY))).toEqual([]);
  });
  for (const [scenario, facts] of Object.entries(APPHOST_ONLY)) {
    // A pending scenario is expected to fail; once the reader is fixed it passes, and it.fails reports that.
    (PENDING_APPHOST_ONLY.includes(scenario) ? it.fails : it)(scenario, () => {
      const t = fromSource(scenario);
      const waits = t.references.filter((r) => r.waitFor !== 'none').map((r) => `${r.from} → ${r.to} ${r.waitFor}`);
      expect(waits.sort()).toEqual([...(facts.waits ?? [])].sort());
      const replicas = Object.fromEntries(
        t.resources.filter((r) => r.settings.replicas !== undefined).map((r) => [r.name, r.settings.replicas]),
      );
      expect(replicas).toEqual(facts.replicas ?? {});
      const health = Object.fromEntries(
        t.resources
          .filter((r) => r.settings.healthPaths?.readiness)
          .map((r) => [r.name, r.settings.healthPaths!.readiness]),
      );
      expect(health).toEqual(facts.health ?? {});
    });
  }
});
