/** Shared pieces of the per-type readers: an empty resource, env, and "keep what we do not model". */
import type { EnvVar, Resource } from '../../../model/topology';
import { readStringMap } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import type { Scope } from '../../../json/scope';

/** The manifest object of one resource (an own-property-only view; never trust its prototype). */
export type RawResource = Record<string, unknown>;

export { emptyResource } from '../../../model/topology';

export function readEnv(raw: RawResource, scope: Scope): EnvVar[] {
  return readStringMap(own(raw, 'env'), scope, ['env']).map(([name, value]) => ({ name, value }));
}

/**
 * Fields the type defines but the topology does not model (`deployment`, `containerFiles`, …)
 * are kept in `raw` so nothing is lost; keys no Aspire version writes get an info note.
 */
export function keepUnmodelled(
  resource: Resource,
  raw: RawResource,
  modelled: readonly string[],
  specified: readonly string[],
  scope: Scope,
): void {
  const kept = Object.create(null) as Record<string, unknown>;
  let any = false;
  for (const key of Object.keys(raw)) {
    if (key === 'type' || modelled.includes(key)) continue;
    if (!specified.includes(key)) {
      scope.report(
        'info',
        'unknown-field',
        `Resource "${resource.name}": field "${key}" is not part of ${resource.sourceType}; it is kept but not used.`,
        [key],
      );
    }
    kept[key] = own(raw, key);
    any = true;
  }
  if (any) resource.raw = { ...(resource.raw as object | undefined), ...kept };
}
