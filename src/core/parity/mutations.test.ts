import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { checkParity } from './engine';
import { MUTATIONS, mutate } from './mutations.fixture';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const statuses = (text: string) => {
  const r = checkParity({ topology, files: [{ path: 'bundle.yaml', text }] });
  expect(r.diagnostics).toEqual([]);
  return new Map(r.rows.map((x) => [x.id, x.status as string]));
};

describe('the hand-written travel bundle', () => {
  it('keeps every relationship: no row fails or warns', () => {
    const r = checkParity({ topology, files: [{ path: 'bundle.yaml', text: good }] });
    expect(r.rows.filter((x) => x.status === 'fail' || x.status === 'warn').map((x) => `${x.id}: ${x.detail}`)).toEqual(
      [],
    );
    expect(r.summary.pass).toBeGreaterThan(100);
    // The only unknowns are policy questions the YAML cannot settle.
    expect(
      r.rows.filter((x) => x.status === 'unknown').every((x) => x.rule === 'kube-linter:read-secret-from-env-var'),
    ).toBe(true);
  });
});

describe('mutation catalogue', () => {
  const base = statuses(good);
  it('has at least 45 kinds, each applying to exactly one place', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(45);
    for (const m of MUTATIONS) {
      expect(good.split(m.find).length - 1, m.name).toBe(1);
      for (const a of m.also ?? [])
        expect(good.replace(m.find, m.replace).split(a.find).length - 1, `${m.name}: ${a.find}`).toBe(1);
    }
  });
  for (const m of MUTATIONS) {
    it(`${m.name}: flips exactly the intended rows`, () => {
      const after = statuses(mutate(good, m));
      const changed: Record<string, string> = {};
      for (const [id, s] of base) if (after.get(id) !== s) changed[id] = after.get(id) ?? 'absent';
      for (const [id, s] of after) if (!base.has(id)) changed[id] = s;
      expect(changed).toEqual(m.expect);
      // Every mutation breaks something: at least one row it names fails (or warns for exposure of health paths).
      expect(Object.values(m.expect).some((s) => s === 'fail' || s === 'warn')).toBe(true);
    });
  }
});
