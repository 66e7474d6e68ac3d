/**
 * Scalars for the fast YAML path (fast-parse.ts): plain scalars resolved by the `yaml`
 * library's own YAML 1.1 tag tests, quoted scalars, and the bail-out that sends anything
 * unusual to the library.
 */
import { Document, isScalar } from 'yaml';

/** Thrown (never escapes) when the input leaves the supported subset. */
export const BAIL: unique symbol = Symbol('bail');

export function bail(): never {
  throw BAIL;
}

// Plain scalars are resolved by the library's own YAML 1.1 tag tests, so `yes`, `0x1f`,
// `1:30` or `2001-12-14` mean exactly what they mean to the library (and to kubectl).
const DOC_1_1 = new Document(null, { version: '1.1' });
const SCALAR_TAGS = DOC_1_1.schema.tags.filter((t) => t.default === true && 'test' in t && t.test) as unknown as {
  test: RegExp;
  resolve: (s: string, onError: (m: string) => void, o: unknown) => unknown;
}[];
/** Only these first characters can start a non-string plain scalar in YAML 1.1. */
const MAYBE_TYPED = /^[-+.~0-9yYnNtTfFoO]|^$/;
const resolved = new Map<string, unknown>();

export function resolvePlain(s: string): unknown {
  if (!MAYBE_TYPED.test(s)) return s;
  if (resolved.has(s)) return resolved.get(s);
  const tag = SCALAR_TAGS.find((t) => t.test.test(s));
  if (!tag) return s;
  let failed = false;
  let v = tag.resolve(s, () => (failed = true), DOC_1_1.options);
  if (isScalar(v)) v = v.value; // null and booleans come back wrapped
  if (failed || (v !== null && typeof v === 'object')) bail(); // errors, timestamps: the library's job
  if (typeof v === 'bigint') v = Number(v);
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(s, v);
  return v;
}

export function stringKey(s: string): string {
  if (s === '<<' || s === '__proto__' || resolvePlain(s) !== s) bail();
  return s;
}

const JSON_ESCAPES = /\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/** A quoted scalar starting at `p`; returns its value and the index after the closing quote. */
export function quoted(s: string, p: number): [string, number] {
  const q = s[p];
  if (q === "'") {
    let k = p + 1;
    for (;;) {
      k = s.indexOf("'", k);
      if (k < 0) bail();
      if (s[k + 1] === "'") k += 2;
      else break;
    }
    return [s.slice(p + 1, k).replace(/''/g, "'"), k + 1];
  }
  let k = p + 1;
  for (;;) {
    k = s.indexOf('"', k);
    if (k < 0) bail();
    let bs = 0;
    while (s[k - 1 - bs] === '\\') bs++;
    if (bs % 2 === 0) break;
    k++;
  }
  const body = s.slice(p + 1, k);
  if (!body.includes('\\')) return [body, k + 1];
  if (JSON_ESCAPES.test(body) || body.includes('\t')) bail();
  return [JSON.parse(`"${body}"`) as string, k + 1];
}

/** Only spaces and an optional comment may follow a value on its line. */
export function restIsComment(s: string, p: number): void {
  let k = p;
  while (s[k] === ' ') k++;
  if (k < s.length && (s[k] !== '#' || k === p)) bail();
}

export const FLOW_STOP = new Set([',', '[', ']', '{', '}']);
const INDICATOR = new Set(['!', '&', '*', '|', '>', "'", '"', '%', '@', '`', '#', ',', '[', ']', '{', '}']);

export function plainStartOk(s: string, p: number): boolean {
  const c = s[p]!;
  if (INDICATOR.has(c)) return false;
  if ((c === '-' || c === '?' || c === ':') && (p + 1 >= s.length || s[p + 1] === ' ')) return false;
  return true;
}
