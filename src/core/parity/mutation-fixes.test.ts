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
      expect(fixed.length, `no Fix of ${Object.keys(m.expect).join(', ')} repairs its row`).toBeGreaterThan(0);
    });
  }
});
