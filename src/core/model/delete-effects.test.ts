import { describe, expect, it } from 'vitest';
import { CATALOG } from './integrations/palette';
import { connect, remove } from './commands';
import { emptyDesign, type DesignDoc } from './design';
import { deleteEffects } from './delete-effects';

/** sql (+ its password) holding sql-db; api references sql-db, worker references api. */
function design(): DesignDoc {
  const sql = CATALOG.find((c) => c.id === 'sqlserver')!.create('sql');
  const db = CATALOG.find((c) => c.id === 'database')!.create('sql-db', sql[0]!);
  const api = CATALOG.find((c) => c.id === 'project')!.create('api');
  const worker = CATALOG.find((c) => c.id === 'project')!.create('worker');
  let doc = emptyDesign();
  doc = { ...doc, topology: { ...doc.topology, resources: [...sql, ...db, ...api, ...worker] } };
  for (const [from, to] of [
    ['api', 'sql-db'],
    ['worker', 'api'],
  ] as const) {
    const r = connect(doc, from, to);
    if (!r.ok) throw new Error(r.reason);
    doc = r.doc;
  }
  return doc;
}

describe('deleteEffects', () => {
  it('names the databases that go with a server and the references to them (transitively)', () => {
    const doc = design();
    const fx = deleteEffects(doc.topology, ['sql']);
    expect(fx.alsoDeleted).toEqual(['sql-db']);
    expect(fx.referencesRemoved).toEqual([{ from: 'api', to: 'sql-db' }]);
    // What it announces is what remove() does.
    const after = remove(doc, ['sql']).doc.topology;
    expect(after.resources.map((r) => r.name)).not.toContain('sql-db');
    expect(after.references).toEqual([{ ...doc.topology.references.find((r) => r.from === 'worker')! }]);
  });

  it('lists nothing for a leaf nobody references, and ignores references inside the deleted set', () => {
    const doc = design();
    expect(deleteEffects(doc.topology, ['worker'])).toEqual({ alsoDeleted: [], referencesRemoved: [] });
    expect(deleteEffects(doc.topology, ['api', 'worker'])).toEqual({
      alsoDeleted: [],
      referencesRemoved: [],
    });
    expect(deleteEffects(doc.topology, ['api']).referencesRemoved).toEqual([{ from: 'worker', to: 'api' }]);
  });
});
