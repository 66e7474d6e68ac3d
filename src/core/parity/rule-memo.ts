/**
 * Rows remembered between checks, for rules whose rows for one object depend on that object
 * and a few named inputs. After a keystroke only the edited document is parsed anew, and the
 * per-workload lint (half of a re-check) then runs for that document alone.
 *
 * Exactness rests on the key. A document is the same when its parsed value is the same object
 * (the YAML cache hands back the value of an unchanged chunk) at the same file, index and
 * start line (evidence lines depend on where it sits). Everything else a rule reads must be in
 * the caller's key, e.g. a collection `version` that changes whenever any of its objects does.
 */
import type { KObj } from './bundle-index';
import type { ParityRow } from './types';

/** Keys kept per document value; more means the same text keeps moving, so start afresh. */
const MAX_KEYS_PER_VALUE = 8;

function placeOf(o: KObj): string {
  return `${o.doc.file}\u0000${o.doc.index}\u0000${o.doc.startLine}`;
}

export class RuleMemo {
  private byValue = new WeakMap<object, Map<string, ParityRow[]>>();
  private collections = new Map<string, { values: unknown[]; places: string[]; version: number }>();

  /** A number that stays the same while every object of the collection is the same document in the same place. */
  version(name: string, objects: readonly KObj[]): number {
    const values = objects.map((o) => o.doc.value);
    const places = objects.map(placeOf);
    const prev = this.collections.get(name);
    if (prev && prev.values.length === values.length && prev.values.every((v, i) => v === values[i] && prev.places[i] === places[i])) return prev.version;
    const version = (prev?.version ?? 0) + 1;
    this.collections.set(name, { values, places, version });
    return version;
  }

  /** The rows `compute` gives for `o` under `key`, computed again only when the document or the key changed. */
  rows(o: KObj, key: string, compute: () => ParityRow[]): ParityRow[] {
    const value = o.doc.value;
    if (value === null || typeof value !== 'object') return compute();
    let byKey = this.byValue.get(value);
    if (!byKey) this.byValue.set(value, (byKey = new Map()));
    const full = `${placeOf(o)}\u0000${key}`;
    let rows = byKey.get(full);
    if (!rows) {
      rows = compute();
      if (byKey.size >= MAX_KEYS_PER_VALUE) byKey.clear();
      byKey.set(full, rows);
    }
    return rows;
  }
}
