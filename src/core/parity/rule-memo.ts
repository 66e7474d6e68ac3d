/**
 * Rows remembered between checks. After a keystroke only the edited document is parsed anew;
 * a rule family then recomputes only the rows whose inputs changed: the lint of the edited
 * workload, the rows of the resource it runs, the references that read that resource.
 *
 * Exactness rests on the key. A document is the same when its parsed value is the same object
 * (the YAML cache hands back the value of an unchanged chunk) at the same file, index and
 * start line (evidence lines depend on where it sits): `idOf` numbers exactly that. Everything
 * else a rule reads must be in the caller's key, e.g. a collection `version` that changes
 * whenever any of its objects does, or the ids of the objects it looked up.
 */
import { placeOf, type KObj } from './bundle-index';

/** Keys kept per anchor and family; more means the same thing keeps changing, so start afresh. */
const MAX_KEYS_PER_ANCHOR = 8;

export class RuleMemo {
  private families = new Map<string, WeakMap<object, Map<string, unknown>>>();
  private collections = new Map<string, { ids: number[]; version: number }>();
  private objectIds = new WeakMap<object, number>();
  private placeIds = new WeakMap<object, Map<string, number>>();
  /** Per object of this check's index: its value and place never change, and every collection version asks. */
  private kobjIds = new WeakMap<KObj, number>();
  private nextId = 1;

  /** A number naming an object by identity (a topology, a resource), stable while it lives. */
  objectId(x: object): number {
    let id = this.objectIds.get(x);
    if (id === undefined) this.objectIds.set(x, (id = this.nextId++));
    return id;
  }

  /** A number naming one document in one place: the same while its value and place are. */
  idOf(o: KObj): number {
    const known = this.kobjIds.get(o);
    if (known !== undefined) return known;
    const id = this.placeId(o);
    this.kobjIds.set(o, id);
    return id;
  }

  private placeId(o: KObj): number {
    const value = o.doc.value;
    if (value === null || typeof value !== 'object') return this.nextId++; // scalars: never the same
    let byPlace = this.placeIds.get(value);
    if (!byPlace) this.placeIds.set(value, (byPlace = new Map()));
    const place = placeOf(o);
    let id = byPlace.get(place);
    if (id === undefined) {
      if (byPlace.size >= MAX_KEYS_PER_ANCHOR) byPlace.clear();
      byPlace.set(place, (id = this.nextId++));
    }
    return id;
  }

  /** A number that stays the same while every object of the collection is the same document in the same place. */
  version(name: string, objects: readonly KObj[]): number {
    const ids = objects.map((o) => this.idOf(o));
    const prev = this.collections.get(name);
    if (prev && prev.ids.length === ids.length && prev.ids.every((v, i) => v === ids[i])) return prev.version;
    const version = (prev?.version ?? 0) + 1;
    this.collections.set(name, { ids, version });
    return version;
  }

  /** What `compute` gives for `anchor` under `key` in `family`, computed again only when the key changed. */
  keep<T>(family: string, anchor: object, key: string, compute: () => T): T {
    let byAnchor = this.families.get(family);
    if (!byAnchor) this.families.set(family, (byAnchor = new WeakMap()));
    let byKey = byAnchor.get(anchor);
    if (!byKey) byAnchor.set(anchor, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key) as T;
    const value = compute();
    if (byKey.size >= MAX_KEYS_PER_ANCHOR) byKey.clear();
    byKey.set(key, value);
    return value;
  }

  /**
   * What `compute` gives for the object `o` under `key`, computed again only when its document
   * or the key changed. Anchored on the object itself, not its document: the items of one
   * `kind: List` document are different objects.
   */
  forDoc<T>(family: string, o: KObj, key: string, compute: () => T): T {
    return this.keep(family, o.obj, `${this.idOf(o)}\u0000${key}`, compute);
  }
}
