/**
 * Field validators shared by the manifest importer and the design-document reader. Each one
 * takes an untrusted value, returns what can be used (or undefined), and reports anything
 * wrong through the scope — naming the resource and the field — instead of throwing.
 */
import { isJsonObject, own } from './json-parse';
import type { FieldPath, Scope } from './scope';

/** What a JSON value is, in words for a message. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a string ("${v.length > 40 ? `${v.slice(0, 40)}…` : v}")`;
  if (typeof v === 'number') return `a number (${v})`;
  return `${typeof v === 'boolean' ? 'a boolean' : typeof v} (${String(v)})`;
}

function who(scope: Scope, path: FieldPath): string {
  const field = path.join('.');
  return scope.resource !== undefined ? `Resource "${scope.resource}": "${field}"` : `"${field}"`;
}

export function wrongType(
  scope: Scope,
  path: FieldPath,
  expected: string,
  v: unknown,
  consequence = 'it was ignored',
): void {
  scope.report(
    'warning',
    'wrong-type',
    `${who(scope, path)} should be ${expected}, but it is ${typeName(v)}; ${consequence}.`,
    path,
  );
}

export interface StringOptions {
  required?: boolean;
  /** Numbers and booleans become strings (with an info diagnostic), as Aspire always writes strings. */
  coerce?: boolean;
}

export function readString(v: unknown, scope: Scope, path: FieldPath, opts: StringOptions = {}): string | undefined {
  if (v === undefined) {
    if (opts.required) scope.report('warning', 'missing-field', `${who(scope, path)} is missing.`, path);
    return undefined;
  }
  if (typeof v === 'string') return v;
  if (opts.coerce && (typeof v === 'number' || typeof v === 'boolean')) {
    scope.report(
      'info',
      'coerced-to-string',
      `${who(scope, path)} is ${typeName(v)}; it was read as the string "${String(v)}".`,
      path,
    );
    return String(v);
  }
  wrongType(scope, path, 'a string', v);
  return undefined;
}

export function readBoolean(v: unknown, scope: Scope, path: FieldPath): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') {
    scope.report('info', 'coerced-to-boolean', `${who(scope, path)} is the string "${v}"; it was read as ${v}.`, path);
    return v === 'true';
  }
  wrongType(scope, path, 'true or false', v);
  return undefined;
}

/** An integer in [min, max]; numeric strings are accepted with an info diagnostic. */
export function readInteger(
  v: unknown,
  scope: Scope,
  path: FieldPath,
  min: number,
  max: number,
  what = 'an integer',
): number | undefined {
  if (v === undefined) return undefined;
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) {
    n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) {
      scope.report(
        'info',
        'coerced-to-number',
        `${who(scope, path)} is the string "${v}"; it was read as the number ${n}.`,
        path,
      );
      return n;
    }
  }
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    wrongType(scope, path, `${what} from ${min} to ${max}`, v);
    return undefined;
  }
  return n;
}

export function readPort(v: unknown, scope: Scope, path: FieldPath): number | undefined {
  return readInteger(v, scope, path, 1, 65535, 'a port number');
}

/** An object (no prototype tricks: callers read it with `own`). */
export function readObject(v: unknown, scope: Scope, path: FieldPath): Record<string, unknown> | undefined {
  if (v === undefined) return undefined;
  if (isJsonObject(v)) return v as Record<string, unknown>;
  wrongType(scope, path, 'an object', v);
  return undefined;
}

/** An array of strings; bad elements are skipped (numbers/booleans coerced). */
export function readStringArray(v: unknown, scope: Scope, path: FieldPath): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    if (typeof v === 'string') {
      wrongType(scope, path, 'an array of strings', v, 'it was read as a single argument');
      return [v];
    }
    wrongType(scope, path, 'an array of strings', v);
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    const s = readString(item, scope, [...path, i], { coerce: true });
    if (s !== undefined) out.push(s);
  });
  return out;
}

/** An object of string values (env, build args), in source order; bad values are skipped. */
export function readStringMap(v: unknown, scope: Scope, path: FieldPath): [string, string][] {
  const obj = readObject(v, scope, path);
  if (!obj) return [];
  const out: [string, string][] = [];
  for (const key of Object.keys(obj)) {
    const s = readString(own(obj, key), scope, [...path, key], { coerce: true });
    if (s !== undefined) out.push([key, s]);
  }
  return out;
}

/** A record with no prototype, so keys like "__proto__" stay plain data. */
export function safeRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const rec = Object.create(null) as Record<string, T>;
  for (const [k, val] of entries) rec[k] = val;
  return rec;
}
