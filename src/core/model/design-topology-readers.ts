/** Shared validators for reading a design's topology: an enum value and an array field. */
import { wrongType } from '../json/fields';
import type { Scope } from '../json/scope';

export function readEnum<T extends string>(
  v: unknown,
  allowed: readonly T[],
  scope: Scope,
  path: (string | number)[],
): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  wrongType(scope, path, `one of ${allowed.join(', ')}`, v);
  return undefined;
}

export function readArray(v: unknown, scope: Scope, path: (string | number)[]): unknown[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  wrongType(scope, path, 'an array', v);
  return [];
}
