/**
 * The rule memo must never change a verdict: a live checker that reuses rows gives exactly the
 * report a fresh check of the same text gives, through the whole mutation catalogue and long
 * runs of random keystroke-like edits (which shift lines, break documents and mend them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { seededRandom } from '../aspire/apphost/random-topology';
import type { Topology } from '../model/topology';
import { mutate } from '../../test-support/random-edit';
import { fuzzRuns } from '../../test-support/tier';
import { checkParity, ParityChecker } from './engine';
// The first catalogue only: every kind here costs ~15 full checks, and the reach kinds add no memo path.
import { BASE_MUTATIONS as MUTATIONS } from './mutations.fixture';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
/** The same bundle split over two files, so edits in one leave the other's documents in place. */
const twoFiles = (text: string) => {
  const at = text.indexOf('\n---\n', text.length / 2);
  return at < 0
    ? [{ path: 'a.yaml', text }]
    : [
        { path: 'a.yaml', text: text.slice(0, at + 1) },
        { path: 'b.yaml', text: text.slice(at + 5) },
      ];
};

/**
 * Fresh reports by topology and file texts: `checkParity` is pure, so the base bundle the tests
 * return to after every mutation is checked fresh once, not once per mutation. Every live
 * check still runs.
 */
const freshCache = new WeakMap<Topology, Map<string, ReturnType<typeof checkParity>>>();
function fresh(t: Topology, files: { path: string; text: string }[]): ReturnType<typeof checkParity> {
  const byText = freshCache.get(t) ?? new Map<string, ReturnType<typeof checkParity>>();
  freshCache.set(t, byText);
  const key = JSON.stringify(files);
  let report = byText.get(key);
  if (!report) byText.set(key, (report = checkParity({ topology: t, files })));
  return report;
}

function expectSameAsFresh(live: ParityChecker, files: { path: string; text: string }[], what: string): void {
  const got = live.check({ topology, files });
  const want = fresh(topology, files);
  expect({ what, rows: got.rows, diagnostics: got.diagnostics }).toEqual({
    what,
    rows: want.rows,
    diagnostics: want.diagnostics,
  });
}

describe('rule memo', () => {
  it('gives the fresh verdicts through every mutation and back, with and without a readiness probe', () => {
    // Without its probe, trip-api's readiness row depends on whether a Service selects it: a
    // Service edit must then change a row of a workload whose document did not change.
    const probe = MUTATIONS.find((m) => m.name === 'remove the readiness probe')!;
    for (const base of [good, good.replace(probe.find, probe.replace)]) {
      const live = new ParityChecker();
      for (const m of MUTATIONS) {
        if (!base.includes(m.find)) continue;
        expectSameAsFresh(live, twoFiles(base), 'base');
        expectSameAsFresh(live, twoFiles(base.replace(m.find, m.replace)), m.name);
      }
    }
  });

  it('gives the fresh verdicts through random edits that accumulate', () => {
    // 2 runs of 30 edits by default, 8 in `npm run test:full` (the same seeds, continued).
    for (let seed = 1; seed <= fuzzRuns(2, 8); seed++) {
      const next = seededRandom(seed);
      const live = new ParityChecker();
      let text = good;
      for (let step = 0; step < 30; step++) {
        text = mutate(text, next);
        expectSameAsFresh(live, twoFiles(text), `seed ${seed} step ${step}`);
      }
    }
  });

  it('a ConfigMap edit reaches the lint rows of an unchanged workload that expands it into env', () => {
    const configMap = (pw: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  pw: "${pw}"\n`;
    const reader = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: reader',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app: reader',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: reader',
      '    spec:',
      '      containers:',
      '        - name: reader',
      '          image: reader:1.0',
      '          env:',
      '            - name: PW',
      '              valueFrom:',
      '                configMapKeyRef:',
      '                  name: settings',
      '                  key: pw',
      '            - name: CONN',
      '              value: Server=db;Password=$(PW)',
      '',
    ].join('\n');
    const live = new ParityChecker();
    const status = (pw: string) => {
      const files = [
        { path: 'settings.yaml', text: configMap(pw) },
        { path: 'reader.yaml', text: reader },
      ];
      expectSameAsFresh(live, files, `pw "${pw}"`);
      return live.check({ topology, files }).rows.find((r) => r.rule === 'kube-linter:env-var-secret')?.status;
    };
    expect([status(''), status('hunter2'), status('')]).toEqual(['pass', 'fail', 'pass']);
  });

  it('reuses the lint rows of a workload whose document did not change', () => {
    const live = new ParityChecker();
    const before = live.check({ topology, files: [{ path: 'bundle.yaml', text: good }] });
    // A same-length edit of trip-api's Deployment: every other document keeps its place.
    const edited = good.replace(
      'image: registry.example.com/trip-api:1.0.0',
      'image: registry.example.com/trip-api:1.0.1',
    );
    const after = live.check({ topology, files: [{ path: 'bundle.yaml', text: edited }] });
    const lint = (r: typeof before, resource: string) =>
      r.rows.filter((x) => x.rule.startsWith('kube-linter:') && x.resource === resource);
    expect(lint(before, 'availability-worker').length).toBeGreaterThan(10);
    lint(after, 'availability-worker').forEach((row, i) => expect(row).toBe(lint(before, 'availability-worker')[i]));
    lint(after, 'trip-api').forEach((row, i) => expect(row).not.toBe(lint(before, 'trip-api')[i]));
  });

  it('reuses the rows of every family for resources whose documents did not change', () => {
    const live = new ParityChecker();
    const before = live.check({ topology, files: [{ path: 'bundle.yaml', text: good }] });
    const edited = good.replace(
      'image: registry.example.com/trip-api:1.0.0',
      'image: registry.example.com/trip-api:1.0.1',
    );
    const after = live.check({ topology, files: [{ path: 'bundle.yaml', text: edited }] });
    const byId = new Map(before.rows.map((r) => [r.id, r]));
    const reused = after.rows.filter((r) => byId.get(r.id) === r);
    // Rows that read trip-api's match are computed again; the worker's own rows are not.
    for (const rule of [
      'workload',
      'replicas',
      'probes-worker',
      'otel-endpoint',
      'secret-literals',
      'connection-string',
      'waitfor',
      'kube-linter:no-readiness-probe',
    ]) {
      const row = after.rows.find(
        (r) => r.rule === rule && r.resource === 'availability-worker' && !r.id.includes('trip-api'),
      )!;
      expect(byId.get(row.id), rule).toBe(row);
    }
    expect(
      after.rows.filter((r) => r.resource === 'trip-api' && r.rule === 'workload').every((r) => byId.get(r.id) !== r),
    ).toBe(true);
    // Apart from trip-api's rows, only the whole-bundle summaries (rebuilt, equal) are new objects.
    const rebuilt = new Set(
      after.rows
        .filter((r) => byId.get(r.id) !== r && r.resource !== 'trip-api' && !r.id.includes('trip-api'))
        .map((r) => r.rule),
    );
    expect([...rebuilt].sort()).toEqual(['localhost', 'placeholder', 'telemetry-collector']);
    expect(reused.length).toBeGreaterThan(after.rows.length / 2);
  });

  it('tells apart the objects of one List document', () => {
    // Two Deployments as items of one `kind: List` share a document (and a place): an edit of
    // one item must reach its rows and leave the other's exact.
    const docs = parseAllDocuments(good).map((d) => d.toJS() as { kind?: string; metadata?: { name?: string } });
    const deployments = docs.filter((d) => d.kind === 'Deployment' && d.metadata?.name !== 'otel-collector');
    const rest = docs.filter((d) => !deployments.includes(d));
    const bundle = [
      stringify({ apiVersion: 'v1', kind: 'List', items: deployments }),
      ...rest.map((d) => stringify(d)),
    ].join('---\n');
    const live = new ParityChecker();
    expectSameAsFresh(live, [{ path: 'list.yaml', text: bundle }], 'list');
    for (const m of MUTATIONS) {
      if (!bundle.includes(m.find)) continue;
      expectSameAsFresh(live, [{ path: 'list.yaml', text: bundle.replace(m.find, m.replace) }], `list: ${m.name}`);
      expectSameAsFresh(live, [{ path: 'list.yaml', text: bundle }], 'list again');
    }
  });

  it('a new design (another topology object) recomputes every row', () => {
    const live = new ParityChecker();
    const files = [{ path: 'bundle.yaml', text: good }];
    live.check({ topology, files });
    const renamed: Topology = {
      ...topology,
      resources: topology.resources.map((r) =>
        r.name === 'trip-api' ? { ...r, replicas: undefined, settings: { ...r.settings, replicas: 3 } } : r,
      ),
    };
    expect(live.check({ topology: renamed, files }).rows).toEqual(checkParity({ topology: renamed, files }).rows);
  });
});
