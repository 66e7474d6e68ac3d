/**
 * A fix snippet must repair its row, not just look plausible: for every mutation of the travel
 * bundle, each failing row's snippet is applied the way the workbench applies it (see
 * src/test-support/apply-snippet.ts) and the bundle is checked again. Some repairs take two
 * steps (a mount, then the claim behind it), so the row's new fix is applied again, up to three
 * times. The few rows a snippet cannot repair on its own are listed with the reason.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { applySnippet } from '../../test-support/apply-snippet';
import { checkParity } from './engine';
import { MUTATIONS, mutate } from './mutations.fixture';
import type { ParityRow } from './types';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const GOOD = good;
/** checkParity is pure: each text is checked once (every repair starts from its case's text, checked already). */
const checked = new Map<string, Map<string, ParityRow>>();
const rowsOf = (text: string) => {
  let rows = checked.get(text);
  if (!rows)
    checked.set(
      text,
      (rows = new Map(checkParity({ topology, files: [{ path: 'bundle.yaml', text }] }).rows.map((r) => [r.id, r]))),
    );
  return rows;
};

const CASES = [
  ...MUTATIONS.map((m) => ({ name: m.name, text: mutate(good, m) })),
  {
    name: 'delete the trip-api Deployment',
    text: good
      .split(/^---$/m)
      .filter((doc) => !doc.includes('kind: Deployment\nmetadata:\n  name: trip-api'))
      .join('---'),
  },
];

/** mutation → row id → status after applying that row's own snippet(s), when it is not `pass`. */
const NOT_ALONE: Record<string, Record<string, string>> = {
  // The Ingress needs the Service first; the service-selector (or the discovery) row's snippet adds it.
  'delete the trip-api Service': { 'exposure:trip-api:': 'fail' },
  // The Ingress exists; the selector is what is broken (the service-selector row repairs it).
  'break the trip-api Service selector': { 'exposure:trip-api:': 'fail' },
};

/** Apply the row's fix, re-check, and follow the row's next fix while it still fails. */
function repair(text: string, id: string): { status: string; applied: number } {
  let applied = 0;
  let row: ParityRow | undefined = rowsOf(text).get(id);
  while (row && row.status === 'fail' && row.fix?.snippet && applied < 3) {
    const next = applySnippet(text, row.fix, row.evidence?.[0]?.line);
    if (next === undefined) break;
    text = next;
    applied++;
    row = rowsOf(text).get(id);
  }
  return { status: row?.status ?? 'absent', applied };
}

interface Outcome {
  id: string;
  rule: string;
  snippetErrors: unknown[];
  placed: boolean;
  applied: number;
  status: string;
}

/**
 * Every failing row of a case with a snippet: does it parse, and what does applying it do? (memoised: the coverage test
 * reuses it)
 */
const outcomes = new Map<string, Outcome[]>();
function outcomesOf(c: { name: string; text: string }): Outcome[] {
  let out = outcomes.get(c.name);
  if (out) return out;
  out = [];
  for (const [id, r] of rowsOf(c.text)) {
    if (r.status !== 'fail' || !r.fix?.snippet) continue;
    const parsed = parseDocument(r.fix.snippet, { version: '1.1' });
    const value = parsed.toJS() as unknown;
    const placed = !!r.fix.target || (!!value && typeof value === 'object' && 'kind' in value);
    out.push({
      id,
      rule: r.rule,
      snippetErrors: parsed.errors,
      placed,
      ...(placed ? repair(c.text, id) : { applied: 0, status: 'fail' }),
    });
  }
  outcomes.set(c.name, out);
  return out;
}

describe('fix snippets', () => {
  for (const c of CASES) {
    it(`${c.name}: every failing row's snippet parses and repairs it`, () => {
      for (const o of outcomesOf(c)) {
        expect(o.snippetErrors, `${o.id} snippet`).toEqual([]);
        if (!o.placed) continue; // a fragment to paste by hand (checked below)
        expect(o.applied, o.id).toBeGreaterThan(0);
        // Back to its status on the good bundle: a row only a broken bundle has (a wait cycle) is gone.
        const good = rowsOf(GOOD).get(o.id)?.status ?? 'absent';
        expect(o.status, `${o.id} after its fix`).toBe(NOT_ALONE[c.name]?.[o.id] ?? good);
      }
    });
  }

  it('covers every rule family that offers a snippet with a place to go', () => {
    const families = new Set(
      CASES.flatMap((c) =>
        outcomesOf(c)
          .filter((o) => o.status === 'pass' || o.status === 'absent')
          .map((o) => o.rule),
      ),
    );
    expect([...families].sort()).toEqual([
      'connection-secret',
      'connection-string',
      'container-port',
      'discovery',
      'exposure',
      'init-wait-ends',
      'kube-linter:duplicate-env-var',
      'kube-linter:latest-tag',
      'kube-score:statefulset-has-servicename',
      'otel-endpoint',
      'otel-instance-id',
      'otel-service-name',
      'probes-distinct',
      'probes-port',
      'probes-present',
      'probes-startup',
      'probes-worker',
      'reachability',
      'replicas',
      'secret-literals',
      'service-port',
      'service-selector',
      'storage',
      'waitfor',
      'waitfor-cycle',
      'waitfor-reach',
      'workload',
      'workload-kind',
      'yaml-1.1:env-value-type',
    ]);
  });

  it('fragments without a place (paste by hand) are valid YAML with the key they promise', () => {
    const frags: Record<string, string> = {};
    for (const c of CASES)
      for (const r of rowsOf(c.text).values())
        if (r.fix?.snippet && !r.fix.target && r.status !== 'pass') frags[r.rule] = r.fix.snippet;
    const value = (rule: string) => parseDocument(frags[rule]!, { version: '1.1' }).toJS() as unknown;
    // secret-literals now places the generator's Secret reference when its Secret is in the bundle.
    expect(value('service-port')).toEqual([
      expect.objectContaining({ port: expect.any(Number), targetPort: expect.any(Number) }),
    ]);
  });
});
