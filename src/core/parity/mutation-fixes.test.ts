/**
 * Fix means "what makes the row pass and breaks nothing else": for every kind of the mutation
 * catalogue, each row the mutation broke and whose Fix carries YAML is fixed with the same
 * applyFix the workbench and `check --fix` use; after it the row is back to its status on the
 * good bundle, and every row the mutation did not touch still has its status. In process, one
 * check per fix: no tool is spawned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { applyFix } from './apply-fix';
import { checkParity } from './engine';
import { MUTATIONS, mutate } from './mutations.fixture';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
/** checkParity is pure: each text is checked once (repair and the collateral scan read the same texts). */
const reports = new Map<string, ReturnType<typeof checkParity>>();
const check = (text: string) => {
  let report = reports.get(text);
  if (!report) reports.set(text, (report = checkParity({ topology, files: [{ path: 'bundle.yaml', text }] })));
  return report;
};
const statuses = (text: string) => new Map(check(text).rows.map((r) => [r.id, r.status as string]));
const base = statuses(good);

/** Kinds whose Fix is words only, with why no generated fragment can be its repair. */
export const WORDS_ONLY: Record<string, string> = {
  'HTTP probe on a worker with no endpoint': 'the repair deletes a probe; a fix merges, it cannot delete',
  'Ingress routes the health endpoint publicly':
    "which public path the Ingress should route is the owner's choice, not the design's",
  'duplicate env var': 'the repair deletes one of two entries; a fix merges, it cannot delete',
  'wait cycle: trip-api waits for the worker that waits for it': 'which wait of the cycle to drop is a design decision',
  'Aspire-publisher naming: trip-api-service, resolved through services__':
    'a warn by design: renaming the Service would need every reference rewritten, and discovery already works',
  'replace volumeClaimTemplates with emptyDir':
    'the emptyDir volume of the same name must be removed; a fix merges, it cannot delete',
};

/** Apply a row's Fix, and its next Fix while it still fails (a mount, then the claim behind it), up to three steps. */
function repair(text: string, id: string): { text: string; status: string | undefined } {
  let r = check(text).rows.find((x) => x.id === id);
  for (let step = 0; step < 3 && r && r.status !== base.get(id) && r.fix?.snippet; step++) {
    const edit = applyFix(text, r.fix, r.evidence?.[0]?.line);
    if ('error' in edit) break;
    text = edit.fileText;
    r = check(text).rows.find((x) => x.id === id);
  }
  return { text, status: r?.status };
}

describe('every mutation kind is repaired by its own Fix', () => {
  for (const m of MUTATIONS) {
    it(m.name, () => {
      const broken = mutate(good, m);
      const rows = check(broken).rows.filter(
        (r) => m.expect[r.id] !== undefined && r.status !== 'pass' && r.fix?.snippet,
      );
      const fixed: string[] = [];
      for (const r of rows) {
        const { text, status } = repair(broken, r.id);
        if (text === broken) continue;
        const after = statuses(text);
        // Rows the mutation did not touch keep their status.
        const collateral = [...base]
          .filter(([id, s]) => m.expect[id] === undefined && after.get(id) !== s)
          .map(([id, s]) => `${id}: ${s} → ${after.get(id) ?? 'absent'}`);
        expect(collateral, `${r.id}'s fix`).toEqual([]);
        if (status === base.get(r.id)) fixed.push(r.id);
      }
      if (WORDS_ONLY[m.name]) expect(fixed).toEqual([]);
      else expect(fixed.length, `no Fix of ${Object.keys(m.expect).join(', ')} repairs its row`).toBeGreaterThan(0);
    });
  }
  it('leaves few kinds to words', () => {
    expect(Object.keys(WORDS_ONLY).length).toBeLessThanOrEqual(6);
    for (const name of Object.keys(WORDS_ONLY))
      expect(
        MUTATIONS.some((m) => m.name === name),
        name,
      ).toBe(true);
  });
});
