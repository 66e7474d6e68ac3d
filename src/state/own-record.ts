/**
 * Records keyed by text that comes from users (file paths from an imported design or a share
 * link, resource names). A plain `{}` answers `obj["constructor"]` with Object's constructor and
 * `obj["__proto__"] = text` changes its prototype instead of storing the text; both blanked the
 * page once. These records have no prototype and are read by own keys only.
 */

/** A record without a prototype: no key is inherited, `__proto__` is an ordinary key. */
export function ownRecord<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function ownGet<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `patch` applied (undefined removes); the same object when nothing changes. */
export function patchRecord<V>(
  record: Readonly<Record<string, V>>,
  patch: ReadonlyMap<string, V | undefined>,
): Readonly<Record<string, V>> {
  const changes = (k: string, v: V | undefined) =>
    v === undefined ? Object.hasOwn(record, k) : ownGet(record, k) !== v;
  if (![...patch].some(([k, v]) => changes(k, v))) return record;
  const out = ownRecord(Object.entries(record));
  for (const [k, v] of patch) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
