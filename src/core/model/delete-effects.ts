/**
 * What a delete takes with it, said before the user confirms: databases go with their server,
 * and every reference to anything deleted is removed from the resource that made it (with the
 * environment variables it injected). `remove()` in edit-commands.ts applies the same closure.
 */
import type { Topology } from './topology';

export interface DeleteEffects {
  /** Resources deleted besides the ones asked for: databases inside a deleted server. */
  alsoDeleted: string[];
  /** References from resources that stay to resources that go, e.g. trip-api → catalog. */
  referencesRemoved: { from: string; to: string }[];
}

export function deleteEffects(t: Topology, names: readonly string[]): DeleteEffects {
  const asked = new Set(names.filter((n) => t.resources.some((r) => r.name === n)));
  const alsoDeleted = t.resources
    .filter((r) => r.parent && asked.has(r.parent) && !asked.has(r.name))
    .map((r) => r.name);
  const gone = new Set([...asked, ...alsoDeleted]);
  const referencesRemoved = t.references
    .filter((r) => gone.has(r.to) && !gone.has(r.from))
    .map((r) => ({ from: r.from, to: r.to }));
  return { alsoDeleted, referencesRemoved };
}
