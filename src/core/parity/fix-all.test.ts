/**
 * `check --fix` on every kind of the mutation catalogue: fixAll applies the failing rows' Fixes
 * (several steps when a repair takes them) and the bundle is back to the good bundle's statuses,
 * row for row. In process; the CLI adds only reading and atomic writing (check-write.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { checkParity } from './engine';
import { fixAll } from './fix-all';
import { MUTATIONS, mutate } from './mutations.fixture';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const base = new Map(
  checkParity({ topology, files: [{ path: 'bundle.yaml', text: good }] }).rows.map((r) => [r.id, r.status]),
);

describe('fixAll repairs every mutation kind', () => {
  for (const m of MUTATIONS) {
    it(m.name, () => {
      // A kind whose rows only warn is fixed under --fail-on warn (the good bundle has no warn).
      const failOn = Object.values(m.expect).includes('fail') ? 'fail' : 'warn';
      const out = fixAll(
        { topology, files: [{ path: 'bundle.yaml', text: mutate(good, m) }] },
        new Set(['bundle.yaml']),
        failOn,
      );
      expect(out.changed).toEqual(['bundle.yaml']);
      const after = new Map(out.report.rows.map((r) => [r.id, r.status]));
      // Every row of the good bundle has its status again; a row the mutation removed may stay away.
      const differ = [...base]
        .filter(([id, s]) => after.get(id) !== s && !(after.get(id) === undefined && m.expect[id] === 'absent'))
        .map(([id, s]) => `${id}: ${s} → ${after.get(id) ?? 'absent'}`);
      expect(differ).toEqual([]);
    });
  }

  it('writes only the files it may', () => {
    const m = MUTATIONS[0]!;
    const out = fixAll({ topology, files: [{ path: 'bundle.yaml', text: mutate(good, m) }] }, new Set());
    expect(out.changed).toEqual([]);
    expect(out.applied).toEqual([]);
  });

  it('never keeps a step that adds a failure unless the repair ends clean', () => {
    // Step one puts the mount back, naming a claim template not there yet (invalid for the
    // API server); step two adds the template. Stopped after step one, nothing is kept.
    const m = MUTATIONS.find((x) => x.name === 'drop the volumeClaimTemplates (and the mount)')!;
    const input = { topology, files: [{ path: 'bundle.yaml', text: mutate(good, m) }] };
    const cut = fixAll(input, new Set(['bundle.yaml']), 'fail', 1);
    expect([cut.changed, cut.applied]).toEqual([[], []]);
    expect(fixAll(input, new Set(['bundle.yaml'])).changed).toEqual(['bundle.yaml']);
  });
});
